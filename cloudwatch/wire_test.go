package cloudwatch

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/fxamacker/cbor/v2"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// A gzipped CBOR PutMetricData body (Content-Encoding: gzip, as the Go SDK
// compresses large requests) is read, and an unknown operation is
// UnknownOperationException with the Smithy-Protocol header.
func TestServeCBOR_GzipAndUnknownOperation(t *testing.T) {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	s := New(cloudenv.ForTest(clk))
	t.Cleanup(s.Close)
	body, err := cbor.Marshal(map[string]any{"Namespace": "app", "MetricData": []any{map[string]any{"MetricName": "m", "Value": 2.5}}})
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = zw.Write(body)
	_ = zw.Close()
	r := httptest.NewRequest(http.MethodPost, cborPrefix+"PutMetricData", &gz)
	r.Header.Set("Content-Encoding", "gzip")
	r.Header.Set("Smithy-Protocol", "rpc-v2-cbor")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != 200 || w.Header().Get("Smithy-Protocol") != "rpc-v2-cbor" {
		t.Fatalf("%d %q", w.Code, w.Body.String())
	}
	if got := s.Datapoints("app", "m", nil, clk.Now().Add(-time.Minute), clk.Now().Add(time.Minute)); len(got) != 1 || got[0] != 2.5 {
		t.Fatalf("stored %v", got)
	}
	w = httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest(http.MethodPost, cborPrefix+"Nope", nil))
	var e map[string]any
	if err := cbor.Unmarshal(w.Body.Bytes(), &e); err != nil || w.Code != 400 || e["__type"] != "com.amazonaws.cloudwatch#UnknownOperationException" {
		t.Fatalf("%d %v %v", w.Code, e, err)
	}
}

// Close cancels the evaluation job: nothing stays scheduled.
func TestClose_CancelsTheEvaluationJob(t *testing.T) {
	env := cloudenv.ForTest(clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)))
	s := New(env)
	p, n, th := int32(60), int32(1), 1.0
	if _, err := s.PutMetricAlarm(t.Context(), PutMetricAlarmInput{AlarmName: "a", Namespace: "n", MetricName: "m",
		Statistic: "Sum", Period: &p, EvaluationPeriods: &n, Threshold: &th, ComparisonOperator: "GreaterThanThreshold"}); err != nil {
		t.Fatal(err)
	}
	if env.Sched.Pending() != 1 {
		t.Fatalf("pending %d", env.Sched.Pending())
	}
	s.Close()
	if env.Sched.Pending() != 0 {
		t.Fatalf("pending after Close: %d", env.Sched.Pending())
	}
}
