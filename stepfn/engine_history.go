package stepfn

import (
	"time"
)

// maxEvents is the most history events a Standard execution holds: the
// 25,000th is the failure that ends it (Step Functions quotas).
const maxEvents = 25000

// maxPayload is the largest input or output of an execution or state, in
// bytes: 256 KiB.
const maxPayload = 256 * 1024

// event is one history event: its detail is stored under detailKey
// (stateEnteredEventDetails, ...) in the wire shape.
type event struct {
	id, prev  int64
	typ       string
	at        time.Time
	detailKey string
	detail    map[string]any
}

// payload is the detail of an input or output: the JSON text and its
// details ({"truncated": false}).
func payload(m map[string]any, key string, v any) map[string]any {
	m[key] = encodeJSON(v)
	m[key+"Details"] = map[string]any{"truncated": false}
	return m
}

// emit appends an event to ex's history with prev as its previous event
// and returns its id. Once the history is full, the execution fails
// instead and emit reports 0.
func (ex *execution) emit(prev int64, typ, detailKey string, detail map[string]any) int64 {
	if ex.closed() {
		return 0
	}
	if !ex.express && len(ex.events) >= maxEvents-1 && !terminalEvent(typ) {
		ex.finish(statusFailed, &failure{Error: errRuntime,
			Cause: "The execution reached the maximum number of history events (25000)."}, nil, ex.lastID())
		return 0
	}
	id := int64(len(ex.events) + 1)
	ex.events = append(ex.events, event{id: id, prev: prev, typ: typ, at: ex.svc.env.Clock.Now(), detailKey: detailKey, detail: detail})
	return id
}

func (ex *execution) lastID() int64 { return int64(len(ex.events)) }

func terminalEvent(typ string) bool {
	switch typ {
	case "ExecutionSucceeded", "ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut":
		return true
	}
	return false
}

// errorDetail is the detail of a failure event: error and cause, each
// only when set.
func errorDetail(f *failure) map[string]any {
	m := map[string]any{}
	if f.Error != "" {
		m["error"] = f.Error
	}
	if f.Cause != "" {
		m["cause"] = f.Cause
	}
	return m
}
