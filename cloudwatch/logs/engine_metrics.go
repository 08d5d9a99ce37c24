package logs

import (
	"sort"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/metrics"
)

// MetricDatum is one value a metric filter published: what Logs hands
// CloudWatch metrics.
type MetricDatum struct {
	Namespace  string
	MetricName string
	Dimensions map[string]string
	Value      float64
	Unit       string
	Timestamp  time.Time
	// Filter and LogGroup name the metric filter that published it.
	Filter, LogGroup string
}

// maxMetricRecords bounds the published values the service remembers.
const maxMetricRecords = 10_000

// applyMetricFiltersLocked publishes the metrics of g's filters for a
// stored batch: each matching event its value, a batch with no match the
// default value when one is set. It runs under the lock; what it posts to
// CloudWatch is one bus message per filter and batch.
func (s *Service) applyMetricFiltersLocked(sc scope, g *group, evs []event) {
	if len(g.metricFilters) == 0 {
		return
	}
	names := make([]string, 0, len(g.metricFilters))
	for n := range g.metricFilters {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		f := g.metricFilters[n]
		t := f.MetricTransformations[0]
		var data []MetricDatum
		for _, e := range evs {
			if !f.pat.match(e.msg) {
				continue
			}
			v, ok := f.pat.value(t.MetricValue, e.msg)
			if !ok {
				continue
			}
			data = append(data, MetricDatum{Namespace: t.MetricNamespace, MetricName: t.MetricName,
				Dimensions: dimensionsOf(f.pat, t.Dimensions, e.msg), Value: v, Unit: t.Unit, Timestamp: at(e.ts),
				Filter: f.FilterName, LogGroup: g.name})
		}
		if len(data) == 0 && t.DefaultValue != nil {
			data = append(data, MetricDatum{Namespace: t.MetricNamespace, MetricName: t.MetricName, Value: *t.DefaultValue,
				Unit: t.Unit, Timestamp: at(evs[len(evs)-1].ts), Filter: f.FilterName, LogGroup: g.name})
		}
		s.publishLocked(sc, data)
	}
}

// dimensionsOf resolves a transformation's dimensions ($.x or $field
// values) against an event; a dimension whose field is absent is left out.
func dimensionsOf(p *pattern, dims map[string]string, msg string) map[string]string {
	if len(dims) == 0 {
		return nil
	}
	out := map[string]string{}
	var vals map[string]string
	for k, ref := range dims {
		switch {
		case strings.HasPrefix(ref, "$."):
			if doc, ok := decodeJSONEvent(msg); ok {
				if sel, err := parseSelector(ref); err == nil {
					if v, found := sel.get(doc); found {
						if str, ok := scalarString(v); ok {
							out[k] = str
						}
					}
				}
			}
		case strings.HasPrefix(ref, "$"):
			if vals == nil {
				_, vals = p.matchExtract(msg, true)
			}
			if v, ok := vals[ref]; ok {
				out[k] = v
			}
		default:
			out[k] = ref
		}
	}
	return out
}

// publishLocked records data and adds it to CloudWatch's metrics through
// the cloud's recorder (env.Metrics: O(1), no bus post; nothing without
// CloudWatch), at the minute of each event. It runs under the lock.
func (s *Service) publishLocked(sc scope, data []MetricDatum) {
	if len(data) == 0 {
		return
	}
	s.metrics = append(s.metrics, data...)
	if over := len(s.metrics) - maxMetricRecords; over > 0 {
		s.metrics = append(s.metrics[:0:0], s.metrics[over:]...)
	}
	for _, d := range data {
		k := metrics.Key{Account: sc.Account, Region: sc.Region, Namespace: d.Namespace, Name: d.MetricName,
			Unit: d.Unit, Minute: metrics.Minute(d.Timestamp)}
		for i, name := range sortedDims(d.Dimensions) {
			if i < len(k.Dims) {
				k.Dims[i] = metrics.Dimension{Name: name, Value: d.Dimensions[name]}
			}
		}
		s.env.Metrics.Add(k, d.Value)
	}
}

func sortedDims(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
