package stepfn_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/require"
)

// tokenQueue is a machine that sends its task token on a queue and waits
// for it, with heartbeat seconds hb (0 for none), and the queue's URL.
func (f *fixture) tokenQueue(t *testing.T, hb int) (machineARN, queueURL string) {
	t.Helper()
	q := awssqs.NewFromConfig(f.cloud.AWSConfig())
	qu, err := q.CreateQueue(f.ctx, &awssqs.CreateQueueInput{QueueName: aws.String("tokens")})
	require.NoError(t, err)
	st := obj{"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "TimeoutSeconds": 600,
		"Parameters": obj{"QueueUrl": *qu.QueueUrl, "MessageBody": obj{"Message.$": "$.Message", "TaskToken.$": "$$.Task.Token"}}, "End": true}
	if hb > 0 {
		st["HeartbeatSeconds"] = hb
	}
	sm := f.machine(t, "callback", obj{"StartAt": "SendMessageWithWait", "States": obj{"SendMessageWithWait": st}}, "")
	return sm, *qu.QueueUrl
}

// receiveToken reads the token the task sent on the queue.
func (f *fixture) receiveToken(t *testing.T, queueURL string) string {
	t.Helper()
	q := awssqs.NewFromConfig(f.cloud.AWSConfig())
	msgs, err := q.ReceiveMessage(f.ctx, &awssqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL)})
	require.NoError(t, err)
	require.Len(t, msgs.Messages, 1)
	var body struct{ Message, TaskToken string }
	require.NoError(t, json.Unmarshal([]byte(*msgs.Messages[0].Body), &body))
	require.Equal(t, "test_message_txt", body.Message)
	require.NotEmpty(t, body.TaskToken)
	return body.TaskToken
}

func requireCode(t *testing.T, err error, code string) {
	t.Helper()
	require.Error(t, err)
	var ae interface{ ErrorCode() string }
	require.True(t, errors.As(err, &ae), "%v", err)
	require.Equal(t, code, ae.ErrorCode(), "%v", err)
}

// A token sent on a queue and completed by SendTaskSuccess: the history
// of test_callback.py::TestCallback::test_sqs_wait_for_task_tok_with_heartbeat
// (TaskScheduled with heartbeatInSeconds, TaskSubmitted with the call's
// answer, TaskSucceeded with the output sent), and a token used twice.
func TestCallback_SQSWaitForTaskToken(t *testing.T) {
	f := newFixture(t)
	sm, url := f.tokenQueue(t, 60)
	ex := f.start(t, sm, `{"QueueUrl":"ignored","Message":"test_message_txt"}`)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	token := f.receiveToken(t, url)

	_, err := f.client.SendTaskSuccess(f.ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String("not json")})
	requireCode(t, err, "InvalidOutput")
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)

	_, err = f.client.SendTaskSuccess(f.ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String(`"test_message_txt"`)})
	require.NoError(t, err)
	f.settle(t)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", d.Cause)
	require.Equal(t, `"test_message_txt"`, *d.Output)

	h := f.history(t, ex)
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "TaskStateEntered"}, {3, 2, "TaskScheduled"}, {4, 3, "TaskStarted"},
		{5, 4, "TaskSubmitted"}, {6, 5, "TaskSucceeded"}, {7, 6, "TaskStateExited"}, {8, 7, "ExecutionSucceeded"}}, shapes(h))
	sch := h[2].TaskScheduledEventDetails
	require.Equal(t, int64(60), *sch.HeartbeatInSeconds)
	require.Equal(t, int64(600), *sch.TimeoutInSeconds)
	require.Equal(t, "sendMessage.waitForTaskToken", *sch.Resource)
	require.Equal(t, "sqs", *sch.ResourceType)
	require.Contains(t, *sch.Parameters, token)
	require.Contains(t, *h[4].TaskSubmittedEventDetails.Output, "MessageId")
	require.Equal(t, `"test_message_txt"`, *h[5].TaskSucceededEventDetails.Output)

	_, err = f.client.SendTaskSuccess(f.ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String(`{}`)})
	requireCode(t, err, "TaskTimedOut")
	_, err = f.client.SendTaskHeartbeat(f.ctx, &sfn.SendTaskHeartbeatInput{TaskToken: aws.String(token)})
	requireCode(t, err, "TaskTimedOut")
	_, err = f.client.SendTaskSuccess(f.ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String("bogus"), Output: aws.String(`{}`)})
	requireCode(t, err, "InvalidToken")
	_, err = f.client.SendTaskFailure(f.ctx, &sfn.SendTaskFailureInput{TaskToken: aws.String("bogus")})
	requireCode(t, err, "InvalidToken")
}

// SendTaskFailure fails the task with the error and cause sent:
// test_callback.py::TestCallback::test_sqs_failure_in_wait_for_task_token.
func TestCallback_SendTaskFailure(t *testing.T) {
	f := newFixture(t)
	sm, url := f.tokenQueue(t, 0)
	ex := f.start(t, sm, `{"Message":"test_message_txt"}`)
	token := f.receiveToken(t, url)
	_, err := f.client.SendTaskFailure(f.ctx, &sfn.SendTaskFailureInput{TaskToken: aws.String(token),
		Error: aws.String("Failure error"), Cause: aws.String("Failure cause")})
	require.NoError(t, err)
	f.settle(t)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "Failure error", *d.Error)
	require.Equal(t, "Failure cause", *d.Cause)
	h := f.history(t, ex)
	require.Equal(t, []shape{{5, 4, "TaskSubmitted"}, {6, 5, "TaskFailed"}, {7, 6, "ExecutionFailed"}}, shapes(h[4:]))
	require.Equal(t, "sendMessage.waitForTaskToken", *h[5].TaskFailedEventDetails.Resource)
}

// HeartbeatSeconds on the clock: a task not heard from for 5 s times out
// (States.Timeout, as test_heartbeats.py::TestHeartbeats::test_heartbeat_timeout
// records), a heartbeat restarts the count, and the token then answers
// TaskTimedOut.
func TestCallback_HeartbeatTimeout(t *testing.T) {
	f := newFixture(t)
	sm, url := f.tokenQueue(t, 5)
	ex := f.start(t, sm, `{"Message":"test_message_txt"}`)
	token := f.receiveToken(t, url)

	f.advance(t, 4*time.Second)
	_, err := f.client.SendTaskHeartbeat(f.ctx, &sfn.SendTaskHeartbeatInput{TaskToken: aws.String(token)})
	require.NoError(t, err)
	f.advance(t, 5*time.Second-time.Millisecond) // 9 s since start, 1 ms before the heartbeat's due
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	f.advance(t, time.Millisecond) // exactly 5 s after the heartbeat
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "States.Timeout", *d.Error)
	h := f.history(t, ex)
	require.Equal(t, []shape{{5, 4, "TaskSubmitted"}, {6, 5, "TaskTimedOut"}, {7, 6, "ExecutionFailed"}}, shapes(h[4:]))
	require.Equal(t, "States.Timeout", *h[5].TaskTimedOutEventDetails.Error)
	require.Equal(t, t0.Add(9*time.Second), *h[5].Timestamp)

	f.advance(t, time.Millisecond)
	_, err = f.client.SendTaskSuccess(f.ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String(`{}`)})
	requireCode(t, err, "TaskTimedOut")
}

// The task's TimeoutSeconds counts from the start, heartbeats or not.
func TestCallback_TaskTimeout(t *testing.T) {
	f := newFixture(t)
	sm, url := f.tokenQueue(t, 0)
	ex := f.start(t, sm, `{"Message":"test_message_txt"}`)
	f.receiveToken(t, url)
	f.advance(t, 600*time.Second-time.Millisecond)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	f.advance(t, time.Millisecond)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "States.Timeout", *d.Error)
}

// A Lambda handler completes the token it was given, inside its own
// invocation: the outcome applies once the call has answered
// (TaskSubmitted, then TaskSucceeded).
func TestCallback_LambdaCompletesToken(t *testing.T) {
	f := newFixture(t)
	client := f.client
	type in struct{ Token, Name string }
	f.lambdaFn(t, "approver", func(ctx context.Context, e in) (string, error) {
		out, _ := json.Marshal(map[string]string{"approved": e.Name})
		_, err := client.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(e.Token), Output: aws.String(string(out))})
		return "submitted", err
	})
	sm := f.machine(t, "approve", obj{"StartAt": "Ask", "States": obj{"Ask": obj{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
		"Parameters": obj{"FunctionName": "approver", "Payload": obj{"Token.$": "$$.Task.Token", "Name.$": "$.name"}}, "End": true}}}, "")
	ex := f.start(t, sm, `{"name":"ada"}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", d.Cause)
	require.JSONEq(t, `{"approved":"ada"}`, *d.Output)
	h := f.history(t, ex)
	require.Equal(t, []shape{{3, 2, "TaskScheduled"}, {4, 3, "TaskStarted"}, {5, 4, "TaskSubmitted"}, {6, 5, "TaskSucceeded"}}, shapes(h[2:6]))
	require.Contains(t, *h[4].TaskSubmittedEventDetails.Output, `"Payload":"submitted"`)
}

// The token's members are checked before anything is looked up.
func TestCallback_Validation(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.SendTaskHeartbeat(f.ctx, &sfn.SendTaskHeartbeatInput{TaskToken: aws.String("")})
	requireCode(t, err, "ValidationException")
	long := make([]byte, 2049)
	for i := range long {
		long[i] = 'a'
	}
	_, err = f.client.SendTaskSuccess(f.ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(string(long)), Output: aws.String(`{}`)})
	requireCode(t, err, "ValidationException")
	_, err = f.client.SendTaskFailure(f.ctx, &sfn.SendTaskFailureInput{TaskToken: aws.String("x"), Error: aws.String(string(long[:257]))})
	requireCode(t, err, "ValidationException")
}

// sns:publish.waitForTaskToken: the token goes out through the topic to
// a raw-delivery queue subscription, a worker reads it there and
// completes it
// (test_callback.py::TestCallback::test_sns_publish_wait_for_task_token).
func TestCallback_SNSPublishWaitForTaskToken(t *testing.T) {
	f := newFixture(t)
	topics := awssns.NewFromConfig(f.cloud.AWSConfig())
	q := awssqs.NewFromConfig(f.cloud.AWSConfig())
	topic, err := topics.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String("approvals")})
	require.NoError(t, err)
	qu, err := q.CreateQueue(f.ctx, &awssqs.CreateQueueInput{QueueName: aws.String("inbox")})
	require.NoError(t, err)
	_, err = topics.Subscribe(f.ctx, &awssns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("sqs"),
		Endpoint: aws.String("arn:aws:sqs:us-east-1:000000000000:inbox"), Attributes: map[string]string{"RawMessageDelivery": "true"}})
	require.NoError(t, err)
	sm := f.machine(t, "publish", obj{"StartAt": "Publish", "States": obj{"Publish": obj{"Type": "Task",
		"Resource":   "arn:aws:states:::sns:publish.waitForTaskToken",
		"Parameters": obj{"TopicArn": *topic.TopicArn, "Message": obj{"Message.$": "$.Message", "TaskToken.$": "$$.Task.Token"}}, "End": true}}}, "")
	ex := f.start(t, sm, `{"Message":"test_message_txt"}`)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	token := f.receiveToken(t, *qu.QueueUrl)
	_, err = f.client.SendTaskSuccess(f.ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String(`{"ok":1}`)})
	require.NoError(t, err)
	f.settle(t)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", d.Cause)
	require.JSONEq(t, `{"ok":1}`, *d.Output)
	h := f.history(t, ex)
	require.Equal(t, "TaskSubmitted", string(h[4].Type))
	require.Contains(t, *h[4].TaskSubmittedEventDetails.Output, `"MessageId"`)
	require.Equal(t, "publish.waitForTaskToken", *h[4].TaskSubmittedEventDetails.Resource)
}

// Each Map iteration has its own token; the Map ends once every token is
// completed, in any order.
func TestCallback_TokensPerMapIteration(t *testing.T) {
	f := newFixture(t)
	q := awssqs.NewFromConfig(f.cloud.AWSConfig())
	qu, err := q.CreateQueue(f.ctx, &awssqs.CreateQueueInput{QueueName: aws.String("items")})
	require.NoError(t, err)
	sm := f.machine(t, "fan", obj{"StartAt": "Each", "States": obj{"Each": obj{"Type": "Map", "ItemsPath": "$.items", "End": true,
		"ItemProcessor": obj{"StartAt": "Ask", "States": obj{"Ask": obj{"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
			"Parameters": obj{"QueueUrl": *qu.QueueUrl, "MessageBody": obj{"Message.$": "$", "TaskToken.$": "$$.Task.Token"}}, "End": true}}}}}}, "")
	ex := f.start(t, sm, `{"items":["a","b"]}`)
	msgs, err := q.ReceiveMessage(f.ctx, &awssqs.ReceiveMessageInput{QueueUrl: qu.QueueUrl, MaxNumberOfMessages: 10})
	require.NoError(t, err)
	require.Len(t, msgs.Messages, 2)
	tokens := map[string]string{}
	for _, m := range msgs.Messages {
		var body struct{ Message, TaskToken string }
		require.NoError(t, json.Unmarshal([]byte(*m.Body), &body))
		tokens[body.Message] = body.TaskToken
	}
	require.NotEqual(t, tokens["a"], tokens["b"])
	for _, item := range []string{"b", "a"} {
		require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
		_, err := f.client.SendTaskSuccess(f.ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(tokens[item]), Output: aws.String(`"` + item + `!"`)})
		require.NoError(t, err)
		f.settle(t)
	}
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", d.Cause)
	require.JSONEq(t, `["a!","b!"]`, *d.Output)
}

// states:startExecution.waitForTaskToken: the child starts with the
// parent's token in its input and completes it with aws-sdk:sfn:sendTaskSuccess.
func TestCallback_NestedExecutionToken(t *testing.T) {
	f := newFixture(t)
	child := f.machine(t, "child", obj{"StartAt": "Reply", "States": obj{"Reply": obj{"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:sendTaskSuccess",
		"Parameters": obj{"TaskToken.$": "$.token", "Output": obj{"from": "child"}}, "End": true}}}, "")
	parent := f.machine(t, "parent", obj{"StartAt": "Run", "States": obj{"Run": obj{"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.waitForTaskToken",
		"Parameters": obj{"StateMachineArn": child, "Input": obj{"token.$": "$$.Task.Token"}}, "End": true}}}, "")
	ex := f.start(t, parent, `{}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", d.Cause)
	require.JSONEq(t, `{"from":"child"}`, *d.Output)
	require.Equal(t, "TaskSubmitted", string(f.history(t, ex)[4].Type))
}
