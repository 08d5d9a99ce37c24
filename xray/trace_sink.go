package xray

import (
	"encoding/json"

	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/xtrace"
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
		if d, ok := docOf(p.Segment); ok {
			good = append(good, parsed{sc, []*segDoc{d}, i})
			continue
		}
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

// docOf is the segDoc of a segment a service of the cloud built, as
// parseDocuments would read its JSON, without writing the JSON: the
// segment itself is kept (src) and written out only when BatchGetTraces
// reads it. ok is false when a name or id breaks the schema's rules (an
// API's name X-Ray does not take): its JSON then goes through
// parseDocuments, which says why.
func docOf(s *xtrace.Segment) (*segDoc, bool) {
	if !xtrace.ValidTraceID(s.TraceID) {
		return nil, false
	}
	d, ok := entityOf(s)
	if !ok {
		return nil, false
	}
	d.src, d.traceID, d.parentID, d.typ = s, s.TraceID, s.ParentID, s.Type
	d.independent = s.Type == "subsegment"
	for _, l := range s.Links {
		d.links = append(d.links, link{l.TraceID, l.ID})
	}
	return d, true
}

// entityOf is the segDoc of a segment or a nested subsegment.
func entityOf(s *xtrace.Segment) (*segDoc, bool) {
	if !xtrace.ValidSegmentID(s.ID) || !validName(s.Name) || s.End < s.Start || s.Start < 0 || s.End >= maxEpoch {
		return nil, false
	}
	d := &segDoc{id: s.ID, name: s.Name, origin: s.Origin, namespace: s.Namespace, start: s.Start, end: s.End,
		err: s.Error, fault: s.Fault, throttle: s.Throttle}
	if h := s.HTTP; h != nil {
		if r := h.Request; r != nil {
			d.http.method, d.http.url, d.http.userAgent, d.http.clientIP = r.Method, r.URL, r.UserAgent, r.ClientIP
		}
		if r := h.Response; r != nil {
			d.http.status, d.http.hasStatus = r.Status, true
		}
	}
	for i := range s.Subsegments {
		sub, ok := entityOf(&s.Subsegments[i])
		if !ok {
			return nil, false
		}
		d.subs = append(d.subs, sub)
	}
	return d, true
}
