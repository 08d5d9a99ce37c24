package logs

import (
	"slices"
	"strings"
	"testing"
)

// Event is a stored event as the snapshots give it: its group, stream,
// Unix-millisecond timestamp and message.
type Event struct {
	LogGroup, LogStream string
	Timestamp           int64
	Message             string
}

// Events returns the visible events of a log group of the cloud's own
// account and region, interleaved in timestamp order, or nil when the
// group does not exist.
func (s *Service) Events(group string) []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.groupOf(s.env.Scope(), group)
	if g == nil {
		return nil
	}
	cut := g.cutoff(s.nowMs())
	var out []Event
	for _, st := range g.streams {
		for _, e := range st.visible(cut, 0, 0) {
			out = append(out, Event{LogGroup: g.name, LogStream: st.name, Timestamp: e.ts, Message: e.msg})
		}
	}
	slices.SortStableFunc(out, func(a, b Event) int {
		switch {
		case a.Timestamp != b.Timestamp:
			return int(a.Timestamp - b.Timestamp)
		case a.LogStream < b.LogStream:
			return -1
		case a.LogStream > b.LogStream:
			return 1
		}
		return 0
	})
	return out
}

// MetricData returns what the metric filters published, oldest first: the
// newest 10,000 values.
func (s *Service) MetricData() []MetricDatum {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.metrics)
}

// CheckLogged fails tb unless a visible event of the group contains
// substr, and returns the first that does.
func (s *Service) CheckLogged(tb testing.TB, group, substr string) Event {
	tb.Helper()
	for _, e := range s.Events(group) {
		if strings.Contains(e.Message, substr) {
			return e
		}
	}
	tb.Errorf("logs: no event of log group %s contains %q", group, substr)
	return Event{}
}
