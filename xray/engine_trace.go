package xray

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// trace is the segments of one trace as they came.
type trace struct {
	id       string
	idEpoch  float64            // the seconds of the trace id
	segs     map[string]*segDoc // segments by id: a complete one overwrites an in-progress one
	subs     map[string]*segDoc // independent subsegments by id
	order    []string           // the ids of segs and subs, in arrival order
	received time.Time          // when the first segment came
	updated  float64            // the latest start or end time of its documents (the Event index)
	revision int32
	view     *traceView // what the trace says, computed on first read after a change
}

// indexEntry is one trace in a time index.
type indexEntry struct {
	at float64
	id string
}

func cmpEntry(a, b indexEntry) int {
	if a.at != b.at {
		if a.at < b.at {
			return -1
		}
		return 1
	}
	return strings.Compare(a.id, b.id)
}

// timeIndex is a set of traces sorted by one of their times, in buckets of
// a second: an insert touches one bucket (and the sorted list of seconds
// when the second is new), a window reads only its own seconds.
type timeIndex struct {
	secs    []int64                // the seconds that hold entries, sorted
	buckets map[int64][]indexEntry // by second, each sorted by cmpEntry
}

func newTimeIndex() timeIndex { return timeIndex{buckets: map[int64][]indexEntry{}} }

func secondOf(at float64) int64 { return int64(math.Floor(at)) }

func (x *timeIndex) insert(e indexEntry) {
	sec := secondOf(e.at)
	b, ok := x.buckets[sec]
	if !ok {
		i, _ := slices.BinarySearch(x.secs, sec)
		x.secs = slices.Insert(x.secs, i, sec)
	}
	i, found := slices.BinarySearchFunc(b, e, cmpEntry)
	if !found {
		x.buckets[sec] = slices.Insert(b, i, e)
	}
}

func (x *timeIndex) remove(e indexEntry) {
	sec := secondOf(e.at)
	b := x.buckets[sec]
	i, found := slices.BinarySearchFunc(b, e, cmpEntry)
	if !found {
		return
	}
	b = slices.Delete(b, i, i+1)
	if len(b) > 0 {
		x.buckets[sec] = b
		return
	}
	delete(x.buckets, sec)
	if j, ok := slices.BinarySearch(x.secs, sec); ok {
		x.secs = slices.Delete(x.secs, j, j+1)
	}
}

// window returns the entries with from <= at <= to, oldest first.
func (x *timeIndex) window(from, to float64) []indexEntry {
	if to < from || math.IsNaN(from) || math.IsNaN(to) {
		return nil
	}
	lo, _ := slices.BinarySearch(x.secs, secondOf(from))
	var out []indexEntry
	for _, sec := range x.secs[lo:] {
		if sec > secondOf(to) {
			break
		}
		for _, e := range x.buckets[sec] {
			if e.at >= from && e.at <= to {
				out = append(out, e)
			}
		}
	}
	return out
}

// receipt is when a trace came, for retention.
type receipt struct {
	at time.Time
	id string
}

// partition is the X-Ray state of one account in one region.
type partition struct {
	scope    faults.Scope
	traces   map[string]*trace
	byID     timeIndex // by the trace id's time (TimeRangeType TraceId)
	byEvent  timeIndex // by update time (TimeRangeType Event and Service)
	receipts []receipt // arrival order, for retention
	settings
}

func newPartition(sc faults.Scope) *partition {
	return &partition{scope: sc, traces: map[string]*trace{}, byID: newTimeIndex(), byEvent: newTimeIndex(), settings: newSettings(sc)}
}

// expire drops the traces whose first segment came Retention ago or more.
func (p *partition) expire(now time.Time) {
	n := 0
	for n < len(p.receipts) && !now.Before(p.receipts[n].at.Add(Retention)) {
		id := p.receipts[n].id
		if t := p.traces[id]; t != nil {
			p.byID.remove(indexEntry{t.idEpoch, id})
			p.byEvent.remove(indexEntry{t.updated, id})
			delete(p.traces, id)
		}
		n++
	}
	if n > 0 {
		p.receipts = slices.Delete(p.receipts, 0, n)
	}
}

// traceEpoch reads the seconds of a trace id 1-XXXXXXXX-...
func traceEpoch(id string) float64 {
	n, _ := strconv.ParseUint(id[2:10], 16, 32)
	return float64(n)
}

// put stores a validated document in its trace.
func (p *partition) put(d *segDoc, now time.Time) {
	t := p.traces[d.traceID]
	if t == nil {
		t = &trace{id: d.traceID, idEpoch: traceEpoch(d.traceID), segs: map[string]*segDoc{},
			subs: map[string]*segDoc{}, received: now, updated: -1}
		p.traces[t.id] = t
		p.byID.insert(indexEntry{t.idEpoch, t.id})
		p.receipts = append(p.receipts, receipt{now, t.id})
	}
	into := t.segs
	if d.independent {
		into = t.subs
	}
	old, seen := into[d.id]
	if seen && !old.inProgress && d.inProgress {
		return // a complete segment is not overwritten by an in-progress one
	}
	if !seen {
		t.order = append(t.order, d.id)
	}
	into[d.id] = d
	t.revision++
	t.view = nil
	upd := max(d.start, d.end)
	if upd > t.updated {
		if t.updated >= 0 {
			p.byEvent.remove(indexEntry{t.updated, t.id})
		}
		t.updated = upd
		p.byEvent.insert(indexEntry{t.updated, t.id})
	}
}

// documents returns the trace's documents in arrival order: its segments
// with the independent subsegments merged into their parents, then the
// independent subsegments whose parent is not in the trace.
func (t *trace) documents() []Segment {
	nodes := map[string]map[string]any{} // every entity of the assembled documents, by id
	var out []Segment
	var tops []map[string]any
	for _, id := range t.order {
		d, ok := t.segs[id]
		if !ok {
			continue
		}
		m := decodeObject(d.document())
		register(m, nodes)
		tops = append(tops, m)
		out = append(out, Segment{Id: id})
	}
	pending := []*segDoc{}
	for _, id := range t.order {
		if d, ok := t.subs[id]; ok {
			pending = append(pending, d)
		}
	}
	for progress := true; progress && len(pending) > 0; {
		progress = false
		rest := pending[:0]
		for _, d := range pending {
			parent := nodes[d.parentID]
			if parent == nil {
				rest = append(rest, d)
				continue
			}
			m := decodeObject(d.document())
			delete(m, "trace_id")
			delete(m, "parent_id")
			delete(m, "type")
			list, _ := parent["subsegments"].([]any)
			parent["subsegments"] = append(list, m)
			register(m, nodes)
			progress = true
		}
		pending = rest
	}
	for i, m := range tops {
		b, _ := json.Marshal(m)
		out[i].Document = string(b)
	}
	for _, d := range pending {
		out = append(out, Segment{Id: d.id, Document: d.document()})
	}
	return out
}

// document is the segment's JSON: as sent, or, for one a service of the
// cloud built, written on first read (under the service's lock, as every
// read of a trace is) and kept.
func (d *segDoc) document() string {
	if d.src != nil {
		b, _ := json.Marshal(d.src)
		d.text, d.src = string(b), nil
	}
	return d.text
}

// decodeObject decodes a stored document, numbers kept as written.
func decodeObject(text string) map[string]any {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var m map[string]any
	_ = dec.Decode(&m)
	return m
}

// register indexes an entity and its nested subsegments by id.
func register(m map[string]any, nodes map[string]map[string]any) {
	if id, ok := m["id"].(string); ok {
		nodes[id] = m
	}
	list, _ := m["subsegments"].([]any)
	for _, e := range list {
		if sm, ok := e.(map[string]any); ok {
			register(sm, nodes)
		}
	}
}
