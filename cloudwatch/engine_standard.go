package cloudwatch

import (
	"time"

	"github.com/awsfake/awsfake/internal/metrics"
)

// drainLocked moves the standard metrics the other services recorded
// (env.Metrics) into storage: each minute's counters become one bucket's
// statistics, a gauge replaces its minute. The caller holds s.mu.
func (s *Service) drainLocked() {
	s.env.Metrics.Drain(func(k metrics.Key, st metrics.Stat) {
		sc := s.env.Scope()
		sc.Account, sc.Region = k.Account, k.Region
		p := s.partOf(sc)
		var dims []Dimension
		for _, d := range k.Dims {
			if d.Name != "" {
				dims = append(dims, Dimension{Name: d.Name, Value: d.Value})
			}
		}
		tl := p.series(k.Namespace, k.Name, dims, k.Unit, time.Unix(k.Minute, 0).UTC())
		b := tl.at(k.Minute)
		if st.Gauge {
			*b = bucket{t: k.Minute}
		}
		if st.N == 1 {
			b.add(st.Sum, 1) // one value: its distribution is known
			return
		}
		b.addStats(st.N, st.Sum, st.Min, st.Max)
		b.statOnly = true // counted, not distributed: no percentiles
	})
}
