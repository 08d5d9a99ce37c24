package xray_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/xray"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/servicetest"
	"github.com/awsfake/awsfake/xray"
)

// BenchmarkSDKPutTraceSegments compares the real SDK's PutTraceSegments of
// 50 segments served by the fake (dispatch, decode, validation, storage)
// with the same call answered by a canned response through the same
// in-memory transport, alternating within each iteration.
func BenchmarkSDKPutTraceSegments(b *testing.B) {
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)))
	b.Cleanup(func() { _ = cloud.Close() })
	canned := servicetest.Canned{Header: http.Header{"Content-Type": {"application/json"}}, Body: []byte(`{"UnprocessedTraceSegments":[]}`)}
	clientOf := func(h http.Handler) *sdk.Client {
		cfg := cloud.AWSConfig()
		cfg.HTTPClient = &http.Client{Transport: servicetest.InMemory{Handler: h}}
		return sdk.NewFromConfig(cfg)
	}
	clients := [2]*sdk.Client{clientOf(cloud.Handler()), clientOf(canned)}
	docs := make([]string, 50)
	var spent [2]time.Duration
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		for i := range docs {
			docs[i] = doc(traceID(n%300, n), segID(i+1), "svc", float64(n%300), 0.01, seg{"http": seg{"response": seg{"status": 200}}})
			n++
		}
		in := &sdk.PutTraceSegmentsInput{TraceSegmentDocuments: docs}
		for i, c := range clients {
			start := time.Now()
			if _, err := c.PutTraceSegments(context.Background(), in); err != nil {
				b.Fatal(err)
			}
			spent[i] += time.Since(start)
		}
	}
	per := float64(b.N)
	b.ReportMetric(float64(spent[0].Nanoseconds())/per, "fake-ns/call")
	b.ReportMetric(float64(spent[1].Nanoseconds())/per, "canned-ns/call")
	b.ReportMetric(float64(spent[0])/float64(spent[1]), "ratio")
}

// BenchmarkEngine_GetTraceSummaries is a filtered GetTraceSummaries over a
// store of 100,000 traces spread over a day, asking for a 5-minute window:
// its cost follows the window's traces (about 350), not the store.
func BenchmarkEngine_GetTraceSummaries(b *testing.B) {
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)))
	b.Cleanup(func() { _ = cloud.Close() })
	ctx := context.Background()
	const traces = 100000
	docs := make([]string, 0, 500)
	for i := range traces {
		sec := i * 86400 / traces
		docs = append(docs, doc(traceID(sec, i), segID(1), "svc", float64(sec), float64(i%7)/2,
			seg{"fault": i%5 == 0, "annotations": seg{"n": i % 10}}))
		if len(docs) == cap(docs) {
			if _, err := cloud.XRay().PutTraceSegments(ctx, xray.PutTraceSegmentsInput{TraceSegmentDocuments: docs}); err != nil {
				b.Fatal(err)
			}
			docs = docs[:0]
		}
	}
	in := xray.GetTraceSummariesInput{StartTime: &xray.Time{Time: t0.Add(12 * time.Hour)}, EndTime: &xray.Time{Time: t0.Add(12*time.Hour + 5*time.Minute)},
		FilterExpression: `fault AND responsetime > 1 AND annotation.n >= 5`}
	b.ReportAllocs()
	for b.Loop() {
		out, err := cloud.XRay().GetTraceSummaries(ctx, in)
		if err != nil || out.TracesProcessedCount == 0 {
			b.Fatal(err, out.TracesProcessedCount)
		}
	}
	_ = aws.String
}
