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

// InjectFault makes the next calls of an operation fail with an AWS error
// code, by modelled name or awsQuery code, with the status the SQS model
// gives it, so that the SDK returns its typed error; faults queue in order.
func TestInjectFault_InjectsTypedErrorsWithAWSStatus(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	api := f.cloud.SQS()
	api.InjectFault("SendMessage", "OverLimit", 2)
	api.InjectFault("SendMessage", "AWS.SimpleQueueService.NonExistentQueue", 1)
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
	api.CheckDepth(t, url, 1, 0, 0) // failed calls change nothing

	assert.PanicsWithValue(t, `sqs.InjectFault: unknown operation "Fly"`, func() { api.InjectFault("Fly", "OverLimit", 1) })
}

// A fault injected for every call lasts until ClearFaults; a code SQS does
// not model is a 400 sender fault with that code.
func TestInjectFault_EveryCallUntilCleared(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	api := f.cloud.SQS()
	api.InjectFault("PurgeQueue", "Gremlins", 0)
	for range 3 {
		_, err := f.client.PurgeQueue(ctx, &awssqs.PurgeQueueInput{QueueUrl: &url})
		requireCode(t, err, "Gremlins")
		var re *smithyhttp.ResponseError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, 400, re.HTTPStatusCode())
	}
	api.ClearFaults()
	_, err := f.client.PurgeQueue(ctx, &awssqs.PurgeQueueInput{QueueUrl: &url})
	require.NoError(t, err)
}

// A retryable server error is retried by the SDK as against AWS.
func TestInjectFault_ServerErrorsAreRetriedByTheSDK(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.cloud.SQS().InjectFault("GetQueueAttributes", "ServiceUnavailable", 2)
	noWait := retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	client := awssqs.NewFromConfig(f.cloud.AWSConfig(), func(o *awssqs.Options) {
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) { so.Backoff = noWait })
	})
	out, err := client.GetQueueAttributes(ctx, &awssqs.GetQueueAttributesInput{QueueUrl: &url,
		AttributeNames: []types.QueueAttributeName{"ApproximateNumberOfMessages"}})
	require.NoError(t, err, "the third attempt succeeds")
	assert.Equal(t, "0", out.Attributes["ApproximateNumberOfMessages"])
	var failed int
	for _, c := range f.cloud.SQS().Calls() {
		if c.Operation == "GetQueueAttributes" && c.Err != nil {
			failed++
		}
	}
	assert.Equal(t, 2, failed, "the log marks the calls the faults failed")
}

func TestCalls_RecordsEveryOperationWithItsTime(t *testing.T) {
	f := newFixture(t)
	api := f.cloud.SQS()
	url := f.createQueue(t, "q", nil)
	f.clk.Advance(time.Second)
	f.send(t, url, "m")
	assert.Equal(t, []sqs.Call{{Operation: "CreateQueue", At: t0}, {Operation: "SendMessage", At: t0.Add(time.Second)}}, api.Calls())
}

// InjectLatency parks each call of the operation on the cloud's clock,
// through the SDK client too: BlockUntil sees it waiting, and it returns
// only once the test advances the clock by the latency. It never sleeps.
func TestInjectLatency_ParksTheCallOnTheClockUntilAdvanced(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	api := f.cloud.SQS()
	api.InjectLatency("SendMessage", 5*time.Second)
	done := make(chan error, 1)
	go func() {
		_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("slow")})
		done <- err
	}()
	require.NoError(t, f.clk.BlockUntil(ctx, 1))
	f.clk.Advance(5*time.Second - time.Nanosecond)
	select {
	case err := <-done:
		t.Fatalf("the call returned before its latency was over: %v", err)
	default:
	}
	api.CheckDepth(t, url, 0, 0, 0) // it has not run yet
	f.clk.Advance(time.Nanosecond)
	require.NoError(t, <-done)
	api.CheckDepth(t, url, 1, 0, 0)
	assert.Equal(t, t0.Add(5*time.Second), api.Calls()[1].At, "recorded when it ran")

	api.ClearFaults()
	f.send(t, url, "fast")
	assert.PanicsWithValue(t, `sqs.InjectLatency: unknown operation "Fly"`, func() { api.InjectLatency("Fly", time.Second) })
}
