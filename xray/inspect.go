package xray

import (
	"context"
	"slices"
	"testing"
)

// TraceSnapshot is a copy of one stored trace, for assertions.
type TraceSnapshot struct {
	ID string
	// Segments are the ids of its segments and of the subsegments sent
	// apart, in arrival order.
	Segments []string
	// Services are the names of its services, inferred ones included.
	Services             []string
	Duration             float64
	Error, Fault         bool
	Throttle, InProgress bool
}

// Traces returns snapshots of the traces stored for ctx's account and
// region (the cloud's own without one), by trace id. Expired traces are
// not listed.
func (s *Service) Traces(ctx context.Context) []TraceSnapshot {
	sc := s.scopeOf(ctx)
	s.drain()
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.partitionOf(sc)
	out := make([]TraceSnapshot, 0, len(p.traces))
	for _, t := range p.traces {
		v := t.viewOf()
		snap := TraceSnapshot{ID: t.id, Segments: slices.Clone(t.order), Duration: v.duration,
			Error: v.err, Fault: v.fault, Throttle: v.throttle, InProgress: v.partial}
		for _, sv := range v.services {
			snap.Services = append(snap.Services, sv.key.name)
		}
		out = append(out, snap)
	}
	slices.SortFunc(out, func(a, b TraceSnapshot) int {
		if a.ID < b.ID {
			return -1
		}
		if a.ID > b.ID {
			return 1
		}
		return 0
	})
	return out
}

// CheckTrace fails tb unless the trace id is stored in the cloud's own
// account and region, and returns its snapshot.
func (s *Service) CheckTrace(tb testing.TB, id string) TraceSnapshot {
	tb.Helper()
	for _, t := range s.Traces(context.Background()) {
		if t.ID == id {
			return t
		}
	}
	tb.Errorf("xray: no trace %s", id)
	return TraceSnapshot{}
}

// CheckSelects fails tb unless the filter expression selects exactly the
// traces want (in any order) among those stored in the cloud's own account
// and region, whatever their time, or fails to parse.
func (s *Service) CheckSelects(tb testing.TB, filter string, want ...string) {
	tb.Helper()
	s.drain()
	s.mu.Lock()
	p := s.partitionOf(s.env.Scope())
	e, err := parseFilter(filter, p.groupLookup())
	var got []string
	if err == nil {
		for id, t := range p.traces {
			if matches(e, t.viewOf()) {
				got = append(got, id)
			}
		}
	}
	s.mu.Unlock()
	if err != nil {
		tb.Errorf("xray: filter %q: %v", filter, err)
		return
	}
	slices.Sort(got)
	want = slices.Clone(want)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		tb.Errorf("xray: filter %q selects %v, want %v", filter, got, want)
	}
}
