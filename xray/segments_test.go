package xray_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/xray"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A segment and a subsegment sent on its own (type subsegment, parent_id)
// come back as one document from BatchGetTraces, the subsegment under its
// parent.
func TestBatchGetTraces_AssemblesASubsegmentSentApart(t *testing.T) {
	e := newEnv(t)
	tr := traceID(1, 1)
	e.put(t, doc(tr, segID(1), "front", 1, 2, seg{"subsegments": []seg{{"id": segID(2), "name": "work",
		"start_time": float64(t0.Unix()) + 1.1, "end_time": float64(t0.Unix()) + 1.5}}}))
	e.put(t, doc(tr, segID(3), "db-call", 1.2, 0.2, seg{"type": "subsegment", "parent_id": segID(2), "namespace": "remote"}))

	out, err := e.client.BatchGetTraces(e.ctx, &sdk.BatchGetTracesInput{TraceIds: []string{tr, traceID(9, 9)}})
	require.NoError(t, err)
	assert.Equal(t, []string{traceID(9, 9)}, out.UnprocessedTraceIds)
	require.Len(t, out.Traces, 1)
	got := out.Traces[0]
	assert.Equal(t, tr, *got.Id)
	assert.InDelta(t, 2.0, *got.Duration, 1e-9)
	require.Len(t, got.Segments, 1)
	var d struct {
		ID          string `json:"id"`
		Subsegments []struct {
			ID          string `json:"id"`
			Subsegments []struct {
				ID, Name, Namespace string
				ParentID            string `json:"parent_id"`
			} `json:"subsegments"`
		} `json:"subsegments"`
	}
	require.NoError(t, json.Unmarshal([]byte(*got.Segments[0].Document), &d))
	assert.Equal(t, segID(1), d.ID)
	require.Len(t, d.Subsegments, 1)
	require.Len(t, d.Subsegments[0].Subsegments, 1)
	assert.Equal(t, segID(3), d.Subsegments[0].Subsegments[0].ID)
	assert.Equal(t, "db-call", d.Subsegments[0].Subsegments[0].Name)
	assert.Empty(t, d.Subsegments[0].Subsegments[0].ParentID, "merged under its parent, it drops parent_id")
}

// An in-progress segment is overwritten by the complete one with its id.
func TestPutTraceSegments_CompleteSegmentOverwritesInProgress(t *testing.T) {
	e := newEnv(t)
	tr := traceID(1, 2)
	e.put(t, `{"trace_id":"`+tr+`","id":"`+segID(1)+`","name":"svc","start_time":`+ts(1)+`,"in_progress":true}`)
	assert.Equal(t, []string{tr}, e.summaries(t, "partial"))
	e.put(t, doc(tr, segID(1), "svc", 1, 3, nil))
	assert.Empty(t, e.summaries(t, "partial"))
	out, err := e.client.BatchGetTraces(e.ctx, &sdk.BatchGetTracesInput{TraceIds: []string{tr}})
	require.NoError(t, err)
	require.Len(t, out.Traces[0].Segments, 1)
	assert.Contains(t, *out.Traces[0].Segments[0].Document, `"end_time"`)
}

func ts(sec float64) string {
	b, _ := json.Marshal(float64(t0.Unix()) + sec)
	return string(b)
}

// Bad documents are unprocessed with their code and id; the good ones in
// the same call are stored.
func TestPutTraceSegments_BadDocumentsAreUnprocessedWithTheirCodes(t *testing.T) {
	e := newEnv(t)
	tr := traceID(1, 3)
	good := doc(tr, segID(1), "ok", 1, 1, seg{"links": []seg{{"trace_id": traceID(9, 9), "id": segID(99), "attributes": seg{"k": "v"}}}})
	cases := []struct {
		name, doc, code, id string
	}{
		{"not JSON", `{"name":`, "InvalidJson", ""},
		{"a number", `42`, "InvalidJson", ""},
		{"no id", `{"trace_id":"` + tr + `","name":"a","start_time":1,"end_time":2}`, "MissingRequiredField", ""},
		{"short id", doc(tr, "abc", "a", 1, 1, nil), "InvalidId", "abc"},
		{"no name", `{"trace_id":"` + tr + `","id":"` + segID(2) + `","start_time":1,"end_time":2}`, "MissingRequiredField", segID(2)},
		{"bad name", doc(tr, segID(3), "a<b>", 1, 1, nil), "InvalidName", segID(3)},
		{"long name", doc(tr, segID(4), strings.Repeat("n", 201), 1, 1, nil), "InvalidName", segID(4)},
		{"bad trace id", doc("1-xyz-abc", segID(5), "a", 1, 1, nil), "InvalidTraceId", segID(5)},
		{"no trace id", `{"id":"` + segID(6) + `","name":"a","start_time":1,"end_time":2}`, "MissingRequiredField", segID(6)},
		{"no start", `{"trace_id":"` + tr + `","id":"` + segID(7) + `","name":"a","end_time":2}`, "MissingRequiredField", segID(7)},
		{"no end nor in_progress", `{"trace_id":"` + tr + `","id":"` + segID(8) + `","name":"a","start_time":1}`, "MissingRequiredField", segID(8)},
		{"end before start", `{"trace_id":"` + tr + `","id":"` + segID(9) + `","name":"a","start_time":5,"end_time":2}`, "InvalidTimestamp", segID(9)},
		{"subsegment without parent", doc(tr, segID(10), "a", 1, 1, seg{"type": "subsegment"}), "MissingRequiredField", segID(10)},
		{"bad parent", doc(tr, segID(11), "a", 1, 1, seg{"parent_id": "zz"}), "InvalidParentId", segID(11)},
		{"object annotation", doc(tr, segID(12), "a", 1, 1, seg{"annotations": seg{"k": seg{"x": 1}}}), "InvalidAnnotation", segID(12)},
		{"annotation key", doc(tr, segID(13), "a", 1, 1, seg{"annotations": seg{"a-b": 1}}), "InvalidAnnotation", segID(13)},
		{"error not bool", doc(tr, segID(14), "a", 1, 1, seg{"error": "yes"}), "InvalidField", segID(14)},
		{"bad nested subsegment", doc(tr, segID(15), "a", 1, 1, seg{"subsegments": []seg{{"id": segID(16), "name": "x"}}}), "MissingRequiredField", segID(15)},
		{"link without id", doc(tr, segID(18), "a", 1, 1, seg{"links": []seg{{"trace_id": tr}}}), "InvalidField", segID(18)},
		{"links not a list", doc(tr, segID(19), "a", 1, 1, seg{"links": "x"}), "InvalidField", segID(19)},
		{"too large", doc(tr, segID(17), "a", 1, 1, seg{"metadata": seg{"pad": strings.Repeat("x", 64*1024)}}), "SegmentTooLarge", segID(17)},
	}
	docs := []string{good}
	for _, c := range cases {
		docs = append(docs, c.doc)
	}
	out, err := e.client.PutTraceSegments(e.ctx, &sdk.PutTraceSegmentsInput{TraceSegmentDocuments: docs})
	require.NoError(t, err)
	require.Len(t, out.UnprocessedTraceSegments, len(cases))
	for i, c := range cases {
		u := out.UnprocessedTraceSegments[i]
		assert.Equal(t, c.code, aws.ToString(u.ErrorCode), c.name)
		assert.Equal(t, c.id, aws.ToString(u.Id), c.name)
		assert.NotEmpty(t, aws.ToString(u.Message), c.name)
	}
	assert.Equal(t, []string{tr}, e.summaries(t, ""))
	got, err := e.client.BatchGetTraces(e.ctx, &sdk.BatchGetTracesInput{TraceIds: []string{tr}})
	require.NoError(t, err)
	assert.Len(t, got.Traces[0].Segments, 1, "only the good document is stored")
}

// An array of independent subsegments is one document.
func TestPutTraceSegments_ArrayOfSubsegments(t *testing.T) {
	e := newEnv(t)
	tr := traceID(1, 4)
	e.put(t, doc(tr, segID(1), "svc", 1, 1, nil))
	a := doc(tr, segID(2), "s1", 1.1, 0.1, seg{"type": "subsegment", "parent_id": segID(1)})
	b := doc(tr, segID(3), "s2", 1.3, 0.1, seg{"type": "subsegment", "parent_id": segID(1)})
	e.put(t, "["+a+","+b+"]")
	got, err := e.client.BatchGetTraces(e.ctx, &sdk.BatchGetTracesInput{TraceIds: []string{tr}})
	require.NoError(t, err)
	assert.Contains(t, *got.Traces[0].Segments[0].Document, `"s2"`)
	out, err := e.client.PutTraceSegments(e.ctx, &sdk.PutTraceSegmentsInput{TraceSegmentDocuments: []string{"[" + doc(tr, segID(4), "x", 1, 1, nil) + "," + b + "]"}})
	require.NoError(t, err)
	require.Len(t, out.UnprocessedTraceSegments, 1, "an array holds only subsegments")
}

// Traces are kept 30 days after their first segment came: still there
// just before, gone exactly at 30 days and after.
func TestRetention_TracesGoneAt30Days(t *testing.T) {
	e := newEnv(t)
	tr := traceID(1, 5)
	e.put(t, doc(tr, segID(1), "svc", 1, 1, nil))
	batch := func() int {
		out, err := e.client.BatchGetTraces(e.ctx, &sdk.BatchGetTracesInput{TraceIds: []string{tr}})
		require.NoError(t, err)
		return len(out.Traces)
	}
	e.clock.Advance(30*24*time.Hour - time.Nanosecond)
	assert.Equal(t, 1, batch(), "just before 30 days")
	e.clock.Advance(time.Nanosecond)
	assert.Equal(t, 0, batch(), "at 30 days")
	e.clock.Advance(time.Second)
	assert.Equal(t, 0, batch(), "after 30 days")
	out, err := e.client.GetTraceSummaries(e.ctx, &sdk.GetTraceSummariesInput{StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(time.Hour))})
	require.NoError(t, err)
	assert.Empty(t, out.TraceSummaries)
}

// An in-progress segment sent after the complete one does not overwrite
// it; a trace over 500 KB is LimitExceeded.
func TestPutTraceSegments_InProgressAfterCompleteAndTraceLimit(t *testing.T) {
	e := newEnv(t)
	tr := traceID(1, 6)
	e.put(t, doc(tr, segID(1), "svc", 1, 3, nil))
	e.put(t, `{"trace_id":"`+tr+`","id":"`+segID(1)+`","name":"svc","start_time":`+ts(1)+`,"in_progress":true}`)
	assert.Empty(t, e.summaries(t, "partial"))

	big := traceID(2, 7)
	pad := strings.Repeat("x", 60*1000)
	docs := []string{}
	for i := range 9 {
		docs = append(docs, doc(big, segID(i+1), "svc", 2, 1, seg{"metadata": seg{"pad": pad}}))
	}
	e.put(t, docs...)
	out, err := e.client.BatchGetTraces(e.ctx, &sdk.BatchGetTracesInput{TraceIds: []string{tr, big}})
	require.NoError(t, err)
	require.Len(t, out.Traces, 2)
	assert.False(t, *out.Traces[0].LimitExceeded)
	assert.True(t, *out.Traces[1].LimitExceeded)
	assert.Len(t, out.Traces[1].Segments, 9)
}
