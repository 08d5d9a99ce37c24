package xray

import (
	"encoding/json"

	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/faults"
)

// drain stores the segments the cloud's services handed X-Ray
// (env.Traces, xtrace.Emit) since the last read, as PutTraceSegments
// would store them, each at the instant it came; a document X-Ray would
// not process is recorded in the bus's Failures. Every read of traces
// drains first (locked, Traces, CheckSelects), so that what a service
// wrote before a read is seen by it; a read that finds a drain in progress
// waits for it.
func (s *Service) drain() {
	s.drainMu.Lock()
	defer s.drainMu.Unlock()
	pending := s.env.Traces.Drain()
	if len(pending) == 0 {
		return
	}
	type parsed struct {
		sc   faults.Scope
		docs []*segDoc
		i    int
	}
	var good []parsed
	for i, p := range pending {
		sc := faults.Scope{Account: p.Account, Region: p.Region, Partition: p.Partition}
		text, err := json.Marshal(p.Segment)
		if err != nil {
			continue
		}
		ds, bad, _ := parseDocuments(string(text))
		if bad != nil {
			s.env.Bus.Report(SegmentsARN(sc), bus.Message{Body: text}, errInvalid("%s: %s", bad.code, bad.msg))
			continue
		}
		good = append(good, parsed{sc, ds, i})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, g := range good {
		part := s.partitionOf(g.sc)
		for _, d := range g.docs {
			part.put(d, pending[g.i].At)
		}
	}
}
