package xray_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/xray"
	"github.com/aws/aws-sdk-go-v2/service/xray/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/servicetest"
	"github.com/awsfake/awsfake/xray"
)

// Every operation of the SDK's X-Ray client is bound in the wire table.
func TestServed_EveryOperationOfTheSDKClient(t *testing.T) {
	servicetest.CheckServed(t, &sdk.Client{}, xray.Operations())
}

// Every code the package raises is in its catalogue.
func TestCatalogue_HoldsEveryCodeRaised(t *testing.T) {
	servicetest.CheckCatalogue(t, ".", xray.Errs)
}

// Every operation of the Go API starts with enter.
func TestServed_EveryOperationStartsWithEnter(t *testing.T) {
	servicetest.CheckEnterFirst(t, ".", xray.Operations())
}

// A real error and the same code injected answer alike through the SDK.
func TestInjectFault_AnswersAsTheRealError(t *testing.T) {
	e := newEnv(t)
	_, real := e.client.GetGroup(e.ctx, &sdk.GetGroupInput{GroupName: aws.String("ghost")})
	_, err := e.client.CreateGroup(e.ctx, &sdk.CreateGroupInput{GroupName: aws.String("g")})
	require.NoError(t, err)
	e.cloud.XRay().InjectFault("GetGroup", "InvalidRequestException", 1)
	_, injected := e.client.GetGroup(e.ctx, &sdk.GetGroupInput{GroupName: aws.String("g")})
	servicetest.CheckSameAnswer(t, real, injected)

	e.cloud.XRay().InjectFault("PutTraceSegments", "ThrottledException", 1)
	_, err = e.client.PutTraceSegments(e.ctx, &sdk.PutTraceSegmentsInput{TraceSegmentDocuments: []string{doc(traceID(1, 1), segID(1), "a", 1, 1, nil)}},
		func(o *sdk.Options) { o.RetryMaxAttempts = 1 })
	var th *types.ThrottledException
	require.ErrorAs(t, err, &th)
	status, _ := servicetest.Status(err)
	assert.Equal(t, 429, status)
	calls := e.cloud.XRay().Calls()
	assert.Equal(t, "PutTraceSegments", calls[len(calls)-1].Operation)
	assert.Error(t, calls[len(calls)-1].Err)
	assert.Empty(t, e.summaries(t, ""), "the injected fault came before any state changed")
}

// The operations the fake does not model answer as AWS does without the
// feature.
func TestUnmodelled_AnswerAsAnAccountWithoutTheFeature(t *testing.T) {
	e := newEnv(t)
	ins, err := e.client.GetInsightSummaries(e.ctx, &sdk.GetInsightSummariesInput{StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(1))})
	require.NoError(t, err)
	assert.Empty(t, ins.InsightSummaries)
	dst, err := e.client.GetTraceSegmentDestination(e.ctx, &sdk.GetTraceSegmentDestinationInput{})
	require.NoError(t, err)
	assert.Equal(t, types.TraceSegmentDestinationXRay, dst.Destination)
	_, err = e.client.StartTraceRetrieval(e.ctx, &sdk.StartTraceRetrievalInput{TraceIds: []string{traceID(1, 1)}, StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(1))})
	var inv *types.InvalidRequestException
	require.ErrorAs(t, err, &inv)
}
