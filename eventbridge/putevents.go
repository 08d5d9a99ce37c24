package eventbridge

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/pattern"
)

// PutEventsRequestEntry is one event of PutEvents.
type PutEventsRequestEntry struct {
	Time         *Timestamp `json:",omitempty"`
	Source       string     `json:",omitempty"`
	Resources    []string   `json:",omitempty"`
	DetailType   string     `json:",omitempty"`
	Detail       string     `json:",omitempty"`
	EventBusName string     `json:",omitempty"`
	TraceHeader  string     `json:",omitempty"`
}

// PutEventsInput is PutEvents's input.
type PutEventsInput struct {
	Entries    []PutEventsRequestEntry
	EndpointId string `json:",omitempty"`
}

// PutEventsResultEntry is the answer for one entry: its EventId, or why
// it failed.
type PutEventsResultEntry struct {
	EventId      string `json:",omitempty"`
	ErrorCode    string `json:",omitempty"`
	ErrorMessage string `json:",omitempty"`
}

// PutEventsOutput is PutEvents's output.
type PutEventsOutput struct {
	FailedEntryCount int32
	Entries          []PutEventsResultEntry
}

// The limits of PutEvents: ten entries, whose sizes (as "Calculating
// PutEvents event entry size" counts them) add up to less than 1 MB, as
// the current SDK documents.
const (
	maxEntries   = 10
	maxEntrySize = 1 << 20
)

// PutEvents puts events on their buses: each entry that passes AWS's
// checks gets an EventId and goes to the rules it matches; the others
// fail alone with AWS's per-entry code (recorded: TestEvents::
// test_put_events_without_source, test_put_event_malformed_detail). An
// entry for a bus that does not exist gets an EventId and reaches no rule,
// as AWS answers (recorded: TestEventBus::test_put_events_nonexistent_event_bus).
func (s *Service) PutEvents(ctx context.Context, in PutEventsInput) (PutEventsOutput, error) {
	sc, err := s.enter(ctx, "PutEvents")
	if err != nil {
		return PutEventsOutput{}, err
	}
	if len(in.Entries) == 0 || len(in.Entries) > maxEntries {
		return PutEventsOutput{}, errConstraint("[...]", "entries", "Member must have length less than or equal to 10")
	}
	size := 0
	for _, e := range in.Entries {
		size += entrySize(e)
	}
	if size > maxEntrySize {
		return PutEventsOutput{}, errValidation("Total size of the entries in the request is over the limit.")
	}
	out := PutEventsOutput{Entries: make([]PutEventsResultEntry, len(in.Entries))}
	now := s.now()
	var plan []delivery
	s.mu.Lock()
	for i, e := range in.Entries {
		if code, msg := checkEntry(e); code != "" {
			out.Entries[i] = PutEventsResultEntry{ErrorCode: code, ErrorMessage: msg}
			out.FailedEntryCount++
			continue
		}
		ev := s.newEvent(sc, e, now)
		ev.trace = traceOf(ctx, e)
		out.Entries[i].EventId = ev.id
		if b, err := s.busNamed(sc, e.EventBusName); err == nil {
			plan = s.route(b, ev, plan)
		}
	}
	s.mu.Unlock()
	s.dispatch(plan)
	return out, nil
}

// entrySize is an entry's size as AWS counts it: 14 bytes for a Time, and
// the UTF-8 bytes of Source, DetailType, Detail and each Resource.
func entrySize(e PutEventsRequestEntry) int {
	n := len(e.Source) + len(e.DetailType) + len(e.Detail)
	if e.Time != nil {
		n += 14
	}
	for _, r := range e.Resources {
		n += len(r)
	}
	return n
}

// checkEntry returns the per-entry error code and message, or "".
func checkEntry(e PutEventsRequestEntry) (code, msg string) {
	switch {
	case e.Source == "":
		return "InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument."
	case e.DetailType == "":
		return "InvalidArgument", "Parameter DetailType is not valid. Reason: DetailType is a required argument."
	case e.Detail == "":
		return "InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument."
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal([]byte(e.Detail), &obj) != nil {
		return "MalformedDetail", "Detail is malformed."
	}
	return "", ""
}

// event is an event on a bus: its envelope's JSON and decoded form.
type event struct {
	id     string
	source string
	raw    []byte
	obj    map[string]any
	trace  string // the entry's trace header (trace.go)
}

// newEvent builds the envelope AWS delivers, in AWS's member order:
// version, id, detail-type, source, account, time, region, resources,
// detail. It runs under the lock (the id generator).
func (s *Service) newEvent(sc faults.Scope, e PutEventsRequestEntry, now time.Time) event {
	at := now
	if e.Time != nil {
		at = e.Time.Time
	}
	res := e.Resources
	if res == nil {
		res = []string{}
	}
	return s.envelope(s.env.IDs.UUID(), e.DetailType, e.Source, sc.Account, sc.Region, at, res, json.RawMessage(e.Detail))
}

func (s *Service) envelope(id, detailType, source, account, region string, at time.Time, resources []string, detail json.RawMessage) event {
	var b strings.Builder
	b.WriteString(`{"version":"0","id":`)
	b.WriteString(marshal(id))
	b.WriteString(`,"detail-type":` + marshal(detailType) + `,"source":` + marshal(source))
	b.WriteString(`,"account":` + marshal(account) + `,"time":` + marshal(at.UTC().Format("2006-01-02T15:04:05Z")))
	b.WriteString(`,"region":` + marshal(region) + `,"resources":` + marshal(resources) + `,"detail":`)
	b.Write(compact(detail))
	b.WriteByte('}')
	return decodeEvent([]byte(b.String()))
}

func compact(j json.RawMessage) []byte {
	var buf bytes.Buffer
	if err := json.Compact(&buf, j); err != nil {
		return j
	}
	return buf.Bytes()
}

func decodeEvent(raw []byte) event {
	v, _ := pattern.Decode(raw)
	obj, _ := v.(map[string]any)
	id, _ := obj["id"].(string)
	src, _ := obj["source"].(string)
	return event{id: id, source: src, raw: raw, obj: obj}
}

// TestEventPatternInput is TestEventPattern's input.
type TestEventPatternInput struct {
	EventPattern string
	Event        string
}

// TestEventPatternOutput is TestEventPattern's output.
type TestEventPatternOutput struct{ Result bool }

// TestEventPattern reports whether an event matches a pattern, with the
// same engine rules use. The event needs AWS's envelope fields (id,
// account, source, time, region, detail-type).
func (s *Service) TestEventPattern(ctx context.Context, in TestEventPatternInput) (TestEventPatternOutput, error) {
	_, err := s.enter(ctx, "TestEventPattern")
	if err != nil {
		return TestEventPatternOutput{}, err
	}
	p, err := compilePattern(in.EventPattern)
	if err != nil {
		return TestEventPatternOutput{}, err
	}
	v, err := pattern.Decode([]byte(in.Event))
	obj, isObj := v.(map[string]any)
	if err != nil || !isObj {
		return TestEventPatternOutput{}, errValidation("Parameter Event is not valid.")
	}
	for _, f := range []string{"id", "account", "source", "time", "region", "detail-type"} {
		if _, ok := obj[f]; !ok {
			return TestEventPatternOutput{}, errValidation("Parameter Event is not valid. Reason: Provided Event is missing required field %s.", f)
		}
	}
	return TestEventPatternOutput{Result: p.Match(v)}, nil
}
