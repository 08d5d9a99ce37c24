package lambda_test

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	sqssdk "github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// attempts records when a handler ran, on the cloud's clock.
type attempts struct {
	mu sync.Mutex
	at []time.Time
}

func (a *attempts) add(t time.Time) {
	a.mu.Lock()
	a.at = append(a.at, t)
	a.mu.Unlock()
}

func (a *attempts) times() []time.Time {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]time.Time(nil), a.at...)
}

// queue creates an SQS queue and returns its URL and ARN.
func (e *env) queue(t *testing.T, name string, attrs map[string]string) (url, arn string) {
	t.Helper()
	c := sqssdk.NewFromConfig(e.cloud.AWSConfig())
	out, err := c.CreateQueue(e.ctx, &sqssdk.CreateQueueInput{QueueName: aws.String(name), Attributes: attrs})
	require.NoError(t, err)
	return aws.ToString(out.QueueUrl), "arn:aws:sqs:us-east-1:000000000000:" + name
}

// receiveAll receives every visible message of a queue.
func (e *env) receiveAll(t *testing.T, url string) []sqstypes.Message {
	t.Helper()
	c := sqssdk.NewFromConfig(e.cloud.AWSConfig())
	var all []sqstypes.Message
	for {
		out, err := c.ReceiveMessage(e.ctx, &sqssdk.ReceiveMessageInput{QueueUrl: aws.String(url), MaxNumberOfMessages: 10,
			MessageAttributeNames: []string{"All"}})
		require.NoError(t, err)
		if len(out.Messages) == 0 {
			return all
		}
		all = append(all, out.Messages...)
	}
}

type record struct {
	Version        string `json:"version"`
	Timestamp      string `json:"timestamp"`
	RequestContext struct {
		RequestID              string `json:"requestId"`
		FunctionArn            string `json:"functionArn"`
		Condition              string `json:"condition"`
		ApproximateInvokeCount int    `json:"approximateInvokeCount"`
	} `json:"requestContext"`
	RequestPayload  json.RawMessage `json:"requestPayload"`
	ResponseContext *struct {
		StatusCode      int    `json:"statusCode"`
		ExecutedVersion string `json:"executedVersion"`
		FunctionError   string `json:"functionError"`
	} `json:"responseContext"`
	ResponsePayload json.RawMessage `json:"responsePayload"`
}

// onlyRecord receives the queue's messages, requires exactly one, and
// decodes it as an invocation record.
func (e *env) onlyRecord(t *testing.T, url string) record {
	t.Helper()
	msgs := e.receiveAll(t, url)
	require.Len(t, msgs, 1)
	var rec record
	require.NoError(t, json.Unmarshal([]byte(aws.ToString(msgs[0].Body)), &rec))
	return rec
}

func TestAsyncInvoke_RetriesAtAWSSpacingThenSendsRecordToOnFailure(t *testing.T) {
	e := newEnv(t)
	var runs attempts
	e.register(t, "fail", func(ctx context.Context) error {
		runs.add(e.clk.Now())
		return errors.New("still broken")
	})
	e.createFunction(t, "worker", "fail")
	failURL, failARN := e.queue(t, "failures", nil)
	_, err := e.client.PutFunctionEventInvokeConfig(e.ctx, &sdk.PutFunctionEventInvokeConfigInput{
		FunctionName:      aws.String("worker"),
		DestinationConfig: &types.DestinationConfig{OnFailure: &types.OnFailure{Destination: aws.String(failARN)}},
	})
	require.NoError(t, err)

	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("worker"),
		InvocationType: types.InvocationTypeEvent, Payload: []byte(`{"job":7}`)})
	require.NoError(t, err)
	assert.Equal(t, int32(202), out.StatusCode)
	e.settle(t)
	require.Equal(t, []time.Time{t0}, runs.times())

	// "a one-minute wait between the first two attempts"
	e.clk.Advance(time.Minute - time.Nanosecond)
	e.settle(t)
	require.Len(t, runs.times(), 1, "no retry before a minute")
	e.clk.Advance(time.Nanosecond)
	e.settle(t)
	require.Equal(t, []time.Time{t0, t0.Add(time.Minute)}, runs.times())

	// "and two minutes between the second and third attempts"
	e.clk.Advance(2*time.Minute - time.Nanosecond)
	e.settle(t)
	require.Len(t, runs.times(), 2)
	assert.Empty(t, e.receiveAll(t, failURL), "nothing on the failure destination before the last attempt")
	e.clk.Advance(time.Nanosecond)
	e.settle(t)
	require.Equal(t, []time.Time{t0, t0.Add(time.Minute), t0.Add(3 * time.Minute)}, runs.times())

	e.clk.Advance(time.Hour)
	e.settle(t)
	assert.Len(t, runs.times(), 3, "two retries, then no more")

	rec := e.onlyRecord(t, failURL)
	assert.Equal(t, "1.0", rec.Version)
	assert.Equal(t, "RetriesExhausted", rec.RequestContext.Condition)
	assert.Equal(t, 3, rec.RequestContext.ApproximateInvokeCount)
	assert.Equal(t, "arn:aws:lambda:us-east-1:000000000000:function:worker:$LATEST", rec.RequestContext.FunctionArn)
	assert.JSONEq(t, `{"job":7}`, string(rec.RequestPayload))
	require.NotNil(t, rec.ResponseContext)
	assert.Equal(t, 200, rec.ResponseContext.StatusCode)
	assert.Equal(t, "$LATEST", rec.ResponseContext.ExecutedVersion)
	assert.Equal(t, "Unhandled", rec.ResponseContext.FunctionError)
	assert.JSONEq(t, `{"errorMessage":"still broken","errorType":"errorString"}`, string(rec.ResponsePayload))
	assert.Equal(t, "2030-01-02T03:07:05.000Z", rec.Timestamp)

	recs := e.cloud.Lambda().Invocations("worker")
	require.Len(t, recs, 3)
	for i, r := range recs {
		assert.Equal(t, i+1, r.Attempt)
		assert.Equal(t, "Event", r.InvocationType)
		assert.Equal(t, rec.RequestContext.RequestID, r.RequestID, "every attempt keeps the event's request id")
	}
}

func TestAsyncInvoke_MaximumRetryAttemptsZeroAndOnSuccessDestination(t *testing.T) {
	e := newEnv(t)
	e.register(t, "ok", func(in map[string]int) (map[string]int, error) { return map[string]int{"double": in["n"] * 2}, nil })
	e.createFunction(t, "worker", "ok")
	okURL, okARN := e.queue(t, "done", nil)
	_, err := e.client.PutFunctionEventInvokeConfig(e.ctx, &sdk.PutFunctionEventInvokeConfigInput{
		FunctionName: aws.String("worker"), MaximumRetryAttempts: aws.Int32(0),
		DestinationConfig: &types.DestinationConfig{OnSuccess: &types.OnSuccess{Destination: aws.String(okARN)}},
	})
	require.NoError(t, err)
	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("worker"),
		InvocationType: types.InvocationTypeEvent, Payload: []byte(`{"n":21}`)})
	require.NoError(t, err)
	e.settle(t)
	rec := e.onlyRecord(t, okURL)
	assert.Equal(t, "Success", rec.RequestContext.Condition)
	assert.Equal(t, 1, rec.RequestContext.ApproximateInvokeCount)
	assert.Empty(t, rec.ResponseContext.FunctionError)
	assert.JSONEq(t, `{"double":42}`, string(rec.ResponsePayload))
}

func TestAsyncInvoke_EventOlderThanMaximumAgeIsDiscardedToOnFailure(t *testing.T) {
	e := newEnv(t)
	var runs attempts
	e.register(t, "fail", func() error { runs.add(e.clk.Now()); return errors.New("no") })
	e.createFunction(t, "worker", "fail")
	failURL, failARN := e.queue(t, "failures", nil)
	_, err := e.client.PutFunctionEventInvokeConfig(e.ctx, &sdk.PutFunctionEventInvokeConfigInput{
		FunctionName: aws.String("worker"), MaximumEventAgeInSeconds: aws.Int32(60),
		DestinationConfig: &types.DestinationConfig{OnFailure: &types.OnFailure{Destination: aws.String(failARN)}},
	})
	require.NoError(t, err)
	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("worker"), InvocationType: types.InvocationTypeEvent})
	require.NoError(t, err)
	e.settle(t)
	// The first retry is due when the event is exactly 60 s old: still
	// within its maximum age, it runs.
	e.clk.Advance(time.Minute)
	e.settle(t)
	require.Len(t, runs.times(), 2)
	// The second retry would run at 180 s: too old, discarded.
	e.clk.Advance(2 * time.Minute)
	e.settle(t)
	require.Len(t, runs.times(), 2)
	rec := e.onlyRecord(t, failURL)
	assert.Equal(t, "EventAgeExceeded", rec.RequestContext.Condition)
	assert.Equal(t, 2, rec.RequestContext.ApproximateInvokeCount)
}

func TestAsyncInvoke_ThrottledEventsWaitAndRetryWithBackoff(t *testing.T) {
	e := newEnv(t)
	var runs attempts
	e.register(t, "ok", func() error { runs.add(e.clk.Now()); return nil })
	e.createFunction(t, "worker", "ok")
	_, err := e.client.PutFunctionConcurrency(e.ctx, &sdk.PutFunctionConcurrencyInput{FunctionName: aws.String("worker"),
		ReservedConcurrentExecutions: aws.Int32(0)})
	require.NoError(t, err)
	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("worker"), InvocationType: types.InvocationTypeEvent})
	require.NoError(t, err, "an asynchronous invocation is accepted even when the function is throttled")
	e.settle(t)
	// Throttled at 0 s, then retried after 1, 2 and 4 s ("The retry interval
	// increases exponentially from 1 second").
	e.clk.Advance(3 * time.Second)
	e.settle(t)
	assert.Empty(t, runs.times())
	_, err = e.client.DeleteFunctionConcurrency(e.ctx, &sdk.DeleteFunctionConcurrencyInput{FunctionName: aws.String("worker")})
	require.NoError(t, err)
	e.clk.Advance(4*time.Second - time.Nanosecond)
	e.settle(t)
	assert.Empty(t, runs.times())
	e.clk.Advance(time.Nanosecond)
	e.settle(t)
	assert.Equal(t, []time.Time{t0.Add(7 * time.Second)}, runs.times())
}

func TestAsyncInvoke_FailedEventGoesToDeadLetterQueue(t *testing.T) {
	e := newEnv(t)
	e.register(t, "fail", func() error { return errors.New("bad input") })
	dlqURL, dlqARN := e.queue(t, "dlq", nil)
	e.createFunction(t, "worker", "fail", func(in *sdk.CreateFunctionInput) {
		in.DeadLetterConfig = &types.DeadLetterConfig{TargetArn: aws.String(dlqARN)}
	})
	_, err := e.client.PutFunctionEventInvokeConfig(e.ctx, &sdk.PutFunctionEventInvokeConfigInput{
		FunctionName: aws.String("worker"), MaximumRetryAttempts: aws.Int32(1)})
	require.NoError(t, err)
	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("worker"),
		InvocationType: types.InvocationTypeEvent, Payload: []byte(`{"x":1}`)})
	require.NoError(t, err)
	e.settle(t)
	e.clk.Advance(time.Minute)
	e.settle(t)
	msgs := e.receiveAll(t, dlqURL)
	require.Len(t, msgs, 1)
	assert.JSONEq(t, `{"x":1}`, aws.ToString(msgs[0].Body), "the DLQ gets the event itself")
	assert.Equal(t, "bad input", aws.ToString(msgs[0].MessageAttributes["ErrorMessage"].StringValue))
	assert.Equal(t, "200", aws.ToString(msgs[0].MessageAttributes["ErrorCode"].StringValue))
	id, _ := awsRequestID(out)
	assert.Equal(t, id, aws.ToString(msgs[0].MessageAttributes["RequestID"].StringValue))
}

func TestAsyncInvoke_LambdaDestinationReceivesTheRecord(t *testing.T) {
	e := newEnv(t)
	got := make(chan record, 1)
	e.register(t, "ok", func() (string, error) { return "done", nil })
	e.register(t, "audit", func(r record) error { got <- r; return nil })
	e.createFunction(t, "worker", "ok")
	audit := e.createFunction(t, "audit", "audit")
	_, err := e.client.PutFunctionEventInvokeConfig(e.ctx, &sdk.PutFunctionEventInvokeConfigInput{
		FunctionName:      aws.String("worker"),
		DestinationConfig: &types.DestinationConfig{OnSuccess: &types.OnSuccess{Destination: audit.FunctionArn}},
	})
	require.NoError(t, err)
	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("worker"), InvocationType: types.InvocationTypeEvent})
	require.NoError(t, err)
	e.settle(t)
	r := <-got
	assert.Equal(t, "Success", r.RequestContext.Condition)
	assert.JSONEq(t, `"done"`, string(r.ResponsePayload))
}

func TestAsyncInvoke_SNSDestinationReceivesTheRecord(t *testing.T) {
	e := newEnv(t)
	e.register(t, "fail", func() error { return errors.New("nope") })
	e.createFunction(t, "worker", "fail")
	url, queueARN := e.queue(t, "alerts", nil)
	snsc := sns.NewFromConfig(e.cloud.AWSConfig())
	topic, err := snsc.CreateTopic(e.ctx, &sns.CreateTopicInput{Name: aws.String("failures")})
	require.NoError(t, err)
	_, err = snsc.Subscribe(e.ctx, &sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("sqs"), Endpoint: aws.String(queueARN),
		Attributes: map[string]string{"RawMessageDelivery": "true"}})
	require.NoError(t, err)
	_, err = e.client.PutFunctionEventInvokeConfig(e.ctx, &sdk.PutFunctionEventInvokeConfigInput{
		FunctionName: aws.String("worker"), MaximumRetryAttempts: aws.Int32(0),
		DestinationConfig: &types.DestinationConfig{OnFailure: &types.OnFailure{Destination: topic.TopicArn}}})
	require.NoError(t, err)
	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("worker"), InvocationType: types.InvocationTypeEvent})
	require.NoError(t, err)
	e.settle(t)
	rec := e.onlyRecord(t, url)
	assert.Equal(t, "RetriesExhausted", rec.RequestContext.Condition)
	assert.Equal(t, 1, rec.RequestContext.ApproximateInvokeCount)
}
