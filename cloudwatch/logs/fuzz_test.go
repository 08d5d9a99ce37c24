package logs

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// fuzzService is a service alone on a fake clock with one group and
// stream, and the function that serves one request and fails on a 5xx.
func fuzzService(f *testing.F) (*Service, func(t *testing.T, op string, body []byte) int) {
	env := cloudenv.ForTest(clock.NewFake(fuzzT0))
	s := New(env)
	env.Attach(s.Describe())
	f.Cleanup(s.Close)
	ctx := context.Background()
	if err := s.CreateLogGroup(ctx, CreateLogGroupInput{LogGroupName: "g"}); err != nil {
		f.Fatal(err)
	}
	if err := s.CreateLogStream(ctx, CreateLogStreamInput{LogGroupName: "g", LogStreamName: "s"}); err != nil {
		f.Fatal(err)
	}
	return s, func(t *testing.T, op string, body []byte) int {
		r := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
		r.Header.Set("X-Amz-Target", "Logs_20140328."+op)
		r.Header.Set("Content-Type", "application/x-amz-json-1.1")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%s %s: %d %s", op, body, w.Code, w.Body)
		}
		return w.Code
	}
}

// Any filter pattern, against any message, through TestMetricFilter,
// FilterLogEvents and PutMetricFilter: never a 5xx nor a panic.
func FuzzFilterPattern(f *testing.F) {
	for _, tc := range patternExamples {
		for _, m := range append(tc.match, tc.miss...) {
			f.Add(tc.pattern, m)
		}
	}
	f.Add(`{ ((($.a = 1)) }`, `{"a":[1,{"b":null}]}`)
	f.Add(`[..., a=%(%, b]`, `x y`)
	f.Add(`?"a\" b" -%x{2,}%`, `a" b xx`)
	_, serve := fuzzService(f)
	f.Fuzz(func(t *testing.T, pattern, msg string) {
		body, _ := json.Marshal(map[string]any{"filterPattern": pattern, "logEventMessages": []string{msg}})
		serve(t, "TestMetricFilter", body)
		body, _ = json.Marshal(map[string]any{"logGroupName": "g", "filterPattern": pattern})
		serve(t, "FilterLogEvents", body)
		body, _ = json.Marshal(map[string]any{"logGroupName": "g", "filterName": "f", "filterPattern": pattern,
			"metricTransformations": []map[string]string{{"metricName": "m", "metricNamespace": "n", "metricValue": msg}}})
		serve(t, "PutMetricFilter", body)
		body, _ = json.Marshal(map[string]any{"logGroupName": "g", "logStreamName": "s",
			"logEvents": []map[string]any{{"timestamp": fuzzT0.UnixMilli(), "message": msg}}})
		serve(t, "PutLogEvents", body)
	})
}

// Any body posted to the bus endpoint is stored or refused, never a
// panic; and any request body of the event operations is never a 5xx.
func FuzzEventBodies(f *testing.F) {
	f.Add([]byte(`[{"timestamp":1,"message":"x"}]`), []byte(`{"logGroupName":"g","logStreamName":"s","nextToken":"f/00000000000000000001/s"}`))
	f.Add([]byte(`{}`), []byte(`{"logGroupName":"g","logStreamName":"s","logEvents":[{"timestamp":-1,"message":""}]}`))
	s, serve := fuzzService(f)
	f.Fuzz(func(t *testing.T, lines, req []byte) {
		_, _ = s.deliver(context.Background(), "arn:aws:logs:us-east-1:000000000000:log-group:g", bus.Message{Body: lines,
			Meta: map[string]string{bus.MetaLogStream: "s"}})
		for _, op := range []string{"PutLogEvents", "GetLogEvents", "FilterLogEvents", "DescribeLogStreams", "DescribeLogGroups"} {
			serve(t, op, req)
		}
	})
}

// fuzzT0 is where the fuzz targets' clock starts.
var fuzzT0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
