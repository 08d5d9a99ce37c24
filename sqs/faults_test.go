package sqs_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/sqs"
)

// FailNext makes the next calls of an operation fail with an AWS error code,
// by modelled name or awsQuery code, with AWS's status, so that the SDK
// returns its typed error.
func TestFailNext_InjectsTypedErrorsWithAWSStatus(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	api := f.cloud.SQS()
	api.FailNext("SendMessage", 2, "OverLimit")
	api.FailNext("SendMessage", 1, "AWS.SimpleQueueService.NonExistentQueue")
	for range 2 {
		_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("m")})
		var over *types.OverLimit
		require.ErrorAs(t, err, &over)
		var re *smithyhttp.ResponseError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, 403, re.HTTPStatusCode())
	}
	_, err := api.SendMessage(ctx, sqs.SendMessageInput{QueueUrl: url, MessageBody: "m"})
	requireCode(t, err, "QueueDoesNotExist") // the Go API sees it too
	f.send(t, url, "m")
	msgs, _ := api.Messages(url)
	assert.Len(t, msgs, 1, "failed calls change nothing")

	assert.Panics(t, func() { api.FailNext("Fly", 1, "OverLimit") })
}

// A retryable server error is retried by the SDK as against AWS.
func TestFailNext_ServerErrorsAreRetriedByTheSDK(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.cloud.SQS().FailNext("GetQueueAttributes", 2, "ServiceUnavailable")
	noWait := retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	client := awssqs.NewFromConfig(f.cloud.AWSConfig(), func(o *awssqs.Options) {
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) { so.Backoff = noWait })
	})
	out, err := client.GetQueueAttributes(ctx, &awssqs.GetQueueAttributesInput{QueueUrl: &url,
		AttributeNames: []types.QueueAttributeName{"ApproximateNumberOfMessages"}})
	require.NoError(t, err, "the third attempt succeeds")
	assert.Equal(t, "0", out.Attributes["ApproximateNumberOfMessages"])
}

func TestCalls_RecordsEveryOperationWithItsTime(t *testing.T) {
	f := newFixture(t)
	api := f.cloud.SQS()
	api.RecordCalls()
	url := f.createQueue(t, "q", nil)
	f.clk.Advance(time.Second)
	f.send(t, url, "m")
	assert.Equal(t, []sqs.Call{{Op: "CreateQueue", At: t0}, {Op: "SendMessage", At: t0.Add(time.Second)}}, api.Calls())
}
