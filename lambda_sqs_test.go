package awsfake_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	lambdasdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	sqssdk "github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// mappingRig is a cloud on a fake clock with a function "consumer" that
// records the bodies of every batch an SQS event source mapping gives it.
type mappingRig struct {
	cloud  *awsfake.Cloud
	clk    *clock.Fake
	sqs    *sqssdk.Client // does not retry: fault tests assert on the first answer
	lambda *lambdasdk.Client

	mu      sync.Mutex
	batches [][]string
}

func newMappingRig(t *testing.T) *mappingRig {
	t.Helper()
	r := &mappingRig{clk: clock.NewFake(t0)}
	r.cloud = awsfake.NewT(t, awsfake.WithClock(r.clk), awsfake.WithSeed(1))
	r.sqs = sqssdk.NewFromConfig(r.cloud.AWSConfig(), func(o *sqssdk.Options) { o.RetryMaxAttempts = 1 })
	r.lambda = lambdasdk.NewFromConfig(r.cloud.AWSConfig())
	type event struct {
		Records []struct {
			Body string `json:"body"`
		} `json:"Records"`
	}
	require.NoError(t, r.cloud.Lambda().RegisterHandler("consume", func(_ context.Context, ev event) error {
		var bodies []string
		for _, rec := range ev.Records {
			bodies = append(bodies, rec.Body)
		}
		r.mu.Lock()
		r.batches = append(r.batches, bodies)
		r.mu.Unlock()
		return nil
	}))
	_, err := r.lambda.CreateFunction(context.Background(), &lambdasdk.CreateFunctionInput{
		FunctionName: aws.String("consumer"), Role: aws.String("arn:aws:iam::000000000000:role/lambda-role"),
		Runtime: lambdatypes.RuntimeProvidedal2023, Handler: aws.String("consume"),
		Code: &lambdatypes.FunctionCode{ZipFile: []byte("zip")},
	})
	require.NoError(t, err)
	return r
}

// createQueue creates a queue with a visibility timeout of vt seconds and
// returns its URL and ARN.
func (r *mappingRig) createQueue(t *testing.T, name string, vt int) (url, arn string) {
	t.Helper()
	out, err := r.sqs.CreateQueue(context.Background(), &sqssdk.CreateQueueInput{QueueName: aws.String(name),
		Attributes: map[string]string{"VisibilityTimeout": fmt.Sprint(vt)}})
	require.NoError(t, err)
	return aws.ToString(out.QueueUrl), "arn:aws:sqs:us-east-1:000000000000:" + name
}

func (r *mappingRig) mapQueue(t *testing.T, queueARN string, edit func(*lambdasdk.CreateEventSourceMappingInput)) string {
	t.Helper()
	in := &lambdasdk.CreateEventSourceMappingInput{EventSourceArn: aws.String(queueARN), FunctionName: aws.String("consumer")}
	if edit != nil {
		edit(in)
	}
	out, err := r.lambda.CreateEventSourceMapping(context.Background(), in)
	require.NoError(t, err)
	return aws.ToString(out.UUID)
}

func (r *mappingRig) send(t *testing.T, url string, delay int32, bodies ...string) {
	t.Helper()
	for _, b := range bodies {
		_, err := r.sqs.SendMessage(context.Background(), &sqssdk.SendMessageInput{QueueUrl: &url, MessageBody: aws.String(b), DelaySeconds: delay})
		require.NoError(t, err)
	}
}

func (r *mappingRig) settle(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	require.NoError(t, r.cloud.Settle(ctx))
}

func (r *mappingRig) sizes() []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []int
	for _, b := range r.batches {
		out = append(out, len(b))
	}
	return out
}

func (r *mappingRig) bodies() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, b := range r.batches {
		out = append(out, b...)
	}
	return out
}

// depth is the queue's ApproximateNumberOfMessages and
// ApproximateNumberOfMessagesNotVisible.
func (r *mappingRig) depth(t *testing.T, url string) [2]string {
	t.Helper()
	out, err := r.sqs.GetQueueAttributes(context.Background(), &sqssdk.GetQueueAttributesInput{QueueUrl: &url,
		AttributeNames: []sqstypes.QueueAttributeName{"ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"}})
	require.NoError(t, err)
	return [2]string{out.Attributes["ApproximateNumberOfMessages"], out.Attributes["ApproximateNumberOfMessagesNotVisible"]}
}

// AWS's pollers address a queue by ARN: a mapping whose queue is deleted and
// created again (after the 60 seconds CreateQueue documents) with the same
// name processes the new queue's messages, sent or delayed.
func TestSQSMapping_KeepsPollingAQueueDeletedAndCreatedAgain(t *testing.T) {
	r := newMappingRig(t)
	ctx := context.Background()
	url, queueARN := r.createQueue(t, "work", 30)
	id := r.mapQueue(t, queueARN, nil)
	r.send(t, url, 0, "before")
	r.settle(t)
	require.Equal(t, []string{"before"}, r.bodies())

	_, err := r.sqs.DeleteQueue(ctx, &sqssdk.DeleteQueueInput{QueueUrl: &url})
	require.NoError(t, err)
	r.clk.Advance(60*time.Second - time.Nanosecond)
	_, err = r.sqs.CreateQueue(ctx, &sqssdk.CreateQueueInput{QueueName: aws.String("work")})
	var deletedRecently *sqstypes.QueueDeletedRecently
	require.ErrorAs(t, err, &deletedRecently, "just before 60 s")
	r.clk.Advance(time.Nanosecond)
	again, _ := r.createQueue(t, "work", 30)
	require.Equal(t, url, again)

	r.send(t, again, 0, "after")
	r.settle(t)
	assert.Equal(t, []string{"before", "after"}, r.bodies(), "a send to the new queue wakes the mapping")
	r.send(t, again, 5, "delayed")
	r.settle(t)
	r.clk.Advance(5 * time.Second)
	r.settle(t)
	assert.Equal(t, []string{"before", "after", "delayed"}, r.bodies(), "the end of a delay on the new queue wakes it too")
	assert.Equal(t, [2]string{"0", "0"}, r.depth(t, again))

	m, err := r.lambda.GetEventSourceMapping(ctx, &lambdasdk.GetEventSourceMappingInput{UUID: &id})
	require.NoError(t, err)
	assert.Equal(t, "Enabled", aws.ToString(m.State))
}

// A batch larger than SQS's 10 entries per DeleteMessageBatch is deleted
// whole, and the poller's own receives and deletes neither appear in
// SQS's call log nor consume the faults a test injected for its own client
// (sqs/poller.go): those still fail the test's next calls.
func TestSQSMapping_BatchOf25IsDeletedWholeAndPollerSkipsInjectedFaults(t *testing.T) {
	r := newMappingRig(t)
	ctx := context.Background()
	url, queueARN := r.createQueue(t, "work", 120)
	r.mapQueue(t, queueARN, func(in *lambdasdk.CreateEventSourceMappingInput) {
		in.BatchSize = aws.Int32(25)
		in.MaximumBatchingWindowInSeconds = aws.Int32(60)
	})
	api := r.cloud.SQS()
	api.InjectFault("ReceiveMessage", "InternalFailure", 1)
	api.InjectFault("DeleteMessageBatch", "InternalFailure", 1)
	var bodies []string
	for i := range 30 {
		bodies = append(bodies, fmt.Sprint(i))
	}
	r.send(t, url, 0, bodies...)
	r.settle(t)
	assert.Equal(t, []int{25}, r.sizes(), "a full batch goes at once")
	assert.Equal(t, [2]string{"0", "5"}, r.depth(t, url), "the 25 are deleted; 5 are held for the window")
	r.clk.Advance(60 * time.Second)
	r.settle(t)
	assert.Equal(t, []int{25, 5}, r.sizes(), "the window closes")
	assert.Equal(t, [2]string{"0", "0"}, r.depth(t, url))
	r.clk.Advance(120 * time.Second)
	r.settle(t)
	assert.Equal(t, []int{25, 5}, r.sizes(), "nothing comes back after the visibility timeout")

	for _, c := range api.Calls() {
		assert.NotContains(t, []string{"ReceiveMessage", "DeleteMessageBatch", "GetQueueUrl"}, c.Operation, "a poller call was recorded")
	}
	_, err := r.sqs.ReceiveMessage(ctx, &sqssdk.ReceiveMessageInput{QueueUrl: &url})
	var apiErr smithy.APIError
	require.True(t, errors.As(err, &apiErr), "the test's own receive meets its fault: %v", err)
	assert.Equal(t, "InternalFailure", apiErr.ErrorCode())
	_, err = r.sqs.DeleteMessageBatch(ctx, &sqssdk.DeleteMessageBatchInput{QueueUrl: &url,
		Entries: []sqstypes.DeleteMessageBatchRequestEntry{{Id: aws.String("1"), ReceiptHandle: aws.String("h")}}})
	require.True(t, errors.As(err, &apiErr), "the test's own delete meets its fault: %v", err)
	assert.Equal(t, "InternalFailure", apiErr.ErrorCode())
}
