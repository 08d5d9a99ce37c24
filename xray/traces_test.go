package xray_test

import (
	"context"
	"regexp"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/xray"
	"github.com/aws/aws-sdk-go-v2/service/xray/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// GetTraceSummaries pages newest first, 100 a page, and the pages cover
// the window once.
func TestGetTraceSummaries_PagesNewestFirst(t *testing.T) {
	e := newEnv(t)
	docs := []string{}
	for i := range 250 {
		docs = append(docs, doc(traceID(i, i), segID(1), "svc", float64(i), 0.1, nil))
	}
	e.put(t, docs...)
	p := sdk.NewGetTraceSummariesPaginator(e.client, &sdk.GetTraceSummariesInput{StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(time.Hour))})
	var ids []string
	pages := 0
	for p.HasMorePages() {
		out, err := p.NextPage(e.ctx)
		require.NoError(t, err)
		pages++
		for _, s := range out.TraceSummaries {
			ids = append(ids, *s.Id)
		}
	}
	assert.Equal(t, 3, pages)
	require.Len(t, ids, 250)
	assert.Equal(t, traceID(249, 249), ids[0])
	assert.Equal(t, traceID(0, 0), ids[249])
	_, err := e.client.GetTraceSummaries(e.ctx, &sdk.GetTraceSummariesInput{StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(time.Hour)), NextToken: aws.String("junk")})
	var inv *types.InvalidRequestException
	require.ErrorAs(t, err, &inv)
}

// TimeRangeType TraceId reads the trace id's time, Event the segments'.
// The window is at most 24 hours.
func TestGetTraceSummaries_TimeRangeTypesAndWindow(t *testing.T) {
	e := newEnv(t)
	tr := traceID(0, 1) // the id says t0; the segment runs an hour later
	e.put(t, doc(tr, segID(1), "svc", 3600, 1, nil))
	query := func(typ types.TimeRangeType, from, to time.Time) ([]types.TraceSummary, error) {
		out, err := e.client.GetTraceSummaries(e.ctx, &sdk.GetTraceSummariesInput{StartTime: aws.Time(from), EndTime: aws.Time(to), TimeRangeType: typ})
		if err != nil {
			return nil, err
		}
		return out.TraceSummaries, nil
	}
	got, err := query(types.TimeRangeTypeTraceId, t0, t0.Add(time.Minute))
	require.NoError(t, err)
	assert.Len(t, got, 1)
	got, err = query(types.TimeRangeTypeEvent, t0, t0.Add(time.Minute))
	require.NoError(t, err)
	assert.Empty(t, got)
	got, err = query(types.TimeRangeTypeEvent, t0.Add(time.Hour), t0.Add(2*time.Hour))
	require.NoError(t, err)
	assert.Len(t, got, 1)

	_, err = query("", t0, t0.Add(24*time.Hour))
	require.NoError(t, err, "24 hours exactly")
	_, err = query("", t0, t0.Add(24*time.Hour+time.Second))
	var inv *types.InvalidRequestException
	require.ErrorAs(t, err, &inv, "over 24 hours")
}

// The summary carries the root segment's figures.
func TestGetTraceSummaries_SummaryFields(t *testing.T) {
	e, a, _, _, _ := filterFixture(t)
	out, err := e.client.GetTraceSummaries(e.ctx, &sdk.GetTraceSummariesInput{StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(time.Hour)),
		FilterExpression: aws.String(`id = "` + a + `"`)})
	require.NoError(t, err)
	require.Len(t, out.TraceSummaries, 1)
	s := out.TraceSummaries[0]
	assert.InDelta(t, 0.5, *s.ResponseTime, 1e-9)
	assert.Equal(t, "GET", *s.Http.HttpMethod)
	assert.Equal(t, int32(200), *s.Http.HttpStatus)
	assert.Equal(t, "api", *s.EntryPoint.Name)
	assert.Equal(t, "alice", *s.Users[0].UserName)
	require.Len(t, s.Annotations["tier"], 1)
	v, ok := s.Annotations["tier"][0].AnnotationValue.(*types.AnnotationValueMemberStringValue)
	require.True(t, ok)
	assert.Equal(t, "gold", v.Value)
	assert.Equal(t, t0.Add(10*time.Second), *s.StartTime)
	assert.Equal(t, int64(4), *out.TracesProcessedCount)
}

// State is per account and region: another region sees none of the
// cloud's traces, and has its own Default rule.
func TestPartitions_PerRegion(t *testing.T) {
	e := newEnv(t)
	tr := traceID(1, 1)
	e.put(t, doc(tr, segID(1), "svc", 1, 1, nil))
	west := sdk.NewFromConfig(e.cloud.AWSConfig(), func(o *sdk.Options) { o.Region = "us-west-2" })
	out, err := west.BatchGetTraces(e.ctx, &sdk.BatchGetTracesInput{TraceIds: []string{tr}})
	require.NoError(t, err)
	assert.Empty(t, out.Traces)
	rules, err := west.GetSamplingRules(e.ctx, &sdk.GetSamplingRulesInput{})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:xray:us-west-2:000000000000:sampling-rule/Default", *rules.SamplingRuleRecords[0].SamplingRule.RuleARN)
}

// Trace ids carry the cloud clock's seconds and the seeded generator's
// digits; an injected latency parks the call on the cloud's clock.
func TestNewTraceID_AndInjectedLatency(t *testing.T) {
	e := newEnv(t)
	e.clock.Advance(90 * time.Second)
	id := e.cloud.XRay().NewTraceID()
	assert.Regexp(t, regexp.MustCompile(`^1-[0-9a-f]{8}-[0-9a-f]{24}$`), id)
	assert.Equal(t, traceID(90, 0)[:10], id[:10])
	assert.Len(t, e.cloud.XRay().NewSegmentID(), 16)

	e.cloud.XRay().InjectLatency("GetGroups", time.Second)
	done := make(chan error, 1)
	go func() {
		_, err := e.client.GetGroups(context.Background(), &sdk.GetGroupsInput{})
		done <- err
	}()
	require.NoError(t, e.clock.BlockUntil(e.ctx, 1))
	select {
	case <-done:
		t.Fatal("returned before the clock moved")
	default:
	}
	e.clock.Advance(time.Second)
	require.NoError(t, <-done)
}
