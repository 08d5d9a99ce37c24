package xray_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/xray"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// env is a cloud on a fake clock and an X-Ray client.
type env struct {
	cloud  *awsfake.Cloud
	clock  *clock.Fake
	client *sdk.Client
	ctx    context.Context
}

func newEnv(t *testing.T) *env {
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk))
	return &env{cloud: cloud, clock: clk, client: sdk.NewFromConfig(cloud.AWSConfig()), ctx: context.Background()}
}

// traceID is a valid trace id at t0 + n seconds with a suffix from i.
func traceID(n, i int) string {
	return fmt.Sprintf("1-%08x-%024x", t0.Unix()+int64(n), i)
}

// segID is a 16-hex-digit id from i.
func segID(i int) string { return fmt.Sprintf("%016x", i) }

// seg is a segment document.
type seg map[string]any

// doc builds a segment starting at t0 + start seconds and lasting dur
// seconds, with extra members.
func doc(trace, id, name string, start, dur float64, extra seg) string {
	m := seg{"trace_id": trace, "id": id, "name": name,
		"start_time": float64(t0.Unix()) + start, "end_time": float64(t0.Unix()) + start + dur}
	for k, v := range extra {
		m[k] = v
	}
	b, _ := json.Marshal(m)
	return string(b)
}

// put sends documents and requires them all processed.
func (e *env) put(t *testing.T, docs ...string) {
	t.Helper()
	out, err := e.client.PutTraceSegments(e.ctx, &sdk.PutTraceSegmentsInput{TraceSegmentDocuments: docs})
	require.NoError(t, err)
	require.Empty(t, out.UnprocessedTraceSegments)
}

// window is GetTraceSummaries over the first hour after t0.
func (e *env) summaries(t *testing.T, filter string) []string {
	t.Helper()
	in := &sdk.GetTraceSummariesInput{StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(time.Hour))}
	if filter != "" {
		in.FilterExpression = aws.String(filter)
	}
	out, err := e.client.GetTraceSummaries(e.ctx, in)
	require.NoError(t, err, filter)
	ids := []string{}
	for _, s := range out.TraceSummaries {
		ids = append(ids, *s.Id)
	}
	return ids
}
