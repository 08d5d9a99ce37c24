package xray_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/xray"
)

// fuzzServe is a service built alone and a function that serves one
// request through its wire, failing on any 5xx.
func fuzzServe(f *testing.F) (*xray.Service, func(t *testing.T, path string, body any)) {
	s := xray.New(cloudenv.ForTest(clock.NewFake(t0)))
	f.Cleanup(s.Close)
	return s, func(t *testing.T, path string, body any) {
		b, _ := json.Marshal(body)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest(http.MethodPost, path, strings.NewReader(string(b))))
		if w.Code >= 500 {
			t.Fatalf("%s answered %d: %s", path, w.Code, w.Body)
		}
	}
}

// The segment document parser: any document is stored or unprocessed,
// never a 5xx, and the traces it makes read back.
func FuzzSegmentDocument(f *testing.F) {
	tr := traceID(1, 1)
	f.Add(doc(tr, segID(1), "svc", 1, 1, nil))
	f.Add(doc(tr, segID(2), "sub", 1, 1, seg{"type": "subsegment", "parent_id": segID(1), "namespace": "aws"}))
	f.Add(`[` + doc(tr, segID(3), "s", 1, 1, seg{"type": "subsegment", "parent_id": segID(2)}) + `]`)
	f.Add(doc(tr, segID(4), "svc", 1, 1, seg{"http": seg{"request": seg{"method": "GET"}, "response": seg{"status": 500}},
		"annotations": seg{"a": 1, "b": "x", "c": true}, "fault": true, "cause": seg{"exceptions": []seg{{"type": "E", "message": "m"}}},
		"subsegments": []seg{{"id": segID(5), "name": "n", "start_time": 1, "in_progress": true}}}))
	f.Add(`{"trace_id":"` + tr + `","id":"` + segID(6) + `","name":"x","start_time":1e300,"end_time":1e308}`)
	f.Add(`{}`)
	f.Add(`[]`)
	_, serve := fuzzServe(f)
	f.Fuzz(func(t *testing.T, d string) {
		serve(t, "/TraceSegments", map[string]any{"TraceSegmentDocuments": []string{d}})
		serve(t, "/Traces", map[string]any{"TraceIds": []string{tr}})
		serve(t, "/TraceSummaries", map[string]any{"StartTime": t0.Unix(), "EndTime": t0.Unix() + 3600, "FilterExpression": "fault OR partial"})
		serve(t, "/ServiceGraph", map[string]any{"StartTime": t0.Unix(), "EndTime": t0.Unix() + 3600})
	})
}

// The filter expression parser: any expression is read or refused with
// InvalidRequestException, never a 5xx.
func FuzzFilterExpression(f *testing.F) {
	for _, s := range []string{`service("a") { fault AND responsetime > 1 }`, `edge(id(name: "a", type: "b"), "c")`,
		`annotation[k] = "v" OR annotation.n >= 3`, `NOT (error OR !ok)`, `rootcause.fault.service { name = "x" }`,
		`http.url CONTAINS "a\"b"`, `group.name = "g"`, `duration > -1.5e3`, `((((`, `id = "1-2-3"`} {
		f.Add(s)
	}
	s, serve := fuzzServe(f)
	_, _ = s.CreateGroup(f.Context(), xray.CreateGroupInput{GroupName: "g", FilterExpression: `group.name = "g"`})
	tr := traceID(1, 1)
	_, _ = s.PutTraceSegments(f.Context(), xray.PutTraceSegmentsInput{TraceSegmentDocuments: []string{
		doc(tr, segID(1), "a", 1, 1, seg{"annotations": seg{"k": "v"}, "subsegments": []seg{{"id": segID(2), "name": "c", "namespace": "remote", "start_time": 1, "end_time": 2}}})}})
	f.Fuzz(func(t *testing.T, expr string) {
		serve(t, "/TraceSummaries", map[string]any{"StartTime": t0.Unix(), "EndTime": t0.Unix() + 3600, "FilterExpression": expr})
		serve(t, "/CreateGroup", map[string]any{"GroupName": "h", "FilterExpression": expr})
		serve(t, "/DeleteGroup", map[string]any{"GroupName": "h"})
		serve(t, "/TimeSeriesServiceStatistics", map[string]any{"StartTime": t0.Unix(), "EndTime": t0.Unix() + 3600, "EntitySelectorExpression": expr})
	})
}
