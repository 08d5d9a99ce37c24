package cloudwatch

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
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

// awsQuery and AWS JSON answer the widget image in base64 (a blob's text
// form); it decodes to a PNG.
func TestServe_WidgetImageIsBase64InQueryAndJSON(t *testing.T) {
	s := New(cloudenv.ForTest(clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))))
	defer s.Close()
	widget := `{"metrics":[["a","b"]],"width":10,"height":10}`
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader("Action=GetMetricWidgetImage&Version=2010-08-01&MetricWidget="+url.QueryEscape(widget)))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	var q struct {
		Image string `xml:"GetMetricWidgetImageResult>MetricWidgetImage"`
	}
	if err := xml.Unmarshal(w.Body.Bytes(), &q); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(map[string]string{"MetricWidget": widget})
	if err != nil {
		t.Fatal(err)
	}
	r = httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(b))
	r.Header.Set("X-Amz-Target", targetPrefix+"GetMetricWidgetImage")
	w = httptest.NewRecorder()
	s.ServeHTTP(w, r)
	var j struct{ MetricWidgetImage string }
	if err := json.Unmarshal(w.Body.Bytes(), &j); err != nil {
		t.Fatal(err)
	}
	for _, enc := range []string{q.Image, j.MetricWidgetImage} {
		raw, err := base64.StdEncoding.DecodeString(enc)
		if err != nil {
			t.Fatalf("%q: %v", enc, err)
		}
		if _, err := png.Decode(bytes.NewReader(raw)); err != nil {
			t.Fatal(err)
		}
	}
}
