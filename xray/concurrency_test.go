package xray_test

import (
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/xray"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/xray"
)

// Writers, readers and the sampler at once: every segment stored, no race
// (go test -race).
func TestConcurrent_PutsQueriesAndSampling(t *testing.T) {
	e := newEnv(t)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 25 {
				n := w*100 + i
				_, err := e.client.PutTraceSegments(e.ctx, &sdk.PutTraceSegmentsInput{TraceSegmentDocuments: []string{doc(traceID(n, n), segID(1), "svc", float64(n), 1, nil)}})
				assert.NoError(t, err)
				_, err = e.client.GetTraceSummaries(e.ctx, &sdk.GetTraceSummariesInput{StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(time.Hour)), FilterExpression: aws.String("ok")})
				assert.NoError(t, err)
				_, err = e.client.GetServiceGraph(e.ctx, &sdk.GetServiceGraphInput{StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(time.Hour))})
				assert.NoError(t, err)
				e.cloud.XRay().Sample(e.ctx, xray.SamplingRequest{ServiceName: "svc"})
			}
		}()
	}
	wg.Wait()
	require.Len(t, e.cloud.XRay().Traces(e.ctx), 100)
}
