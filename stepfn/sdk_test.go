package stepfn_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/require"
)

// aws-sdk:sqs:sendMessage sends through the bus and answers the SDK's
// response: MessageId and MD5OfMessageBody, no SdkHttpMetadata.
func TestSDK_SQSSendMessage(t *testing.T) {
	f := newFixture(t)
	q := awssqs.NewFromConfig(f.cloud.AWSConfig())
	qu, err := q.CreateQueue(f.ctx, &awssqs.CreateQueueInput{QueueName: aws.String("sdk")})
	require.NoError(t, err)
	sm := f.machine(t, "sdk", obj{"StartAt": "Send", "States": obj{"Send": obj{"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sqs:sendMessage",
		"Parameters": obj{"QueueUrl": *qu.QueueUrl, "MessageBody.$": "$.body"}, "End": true}}}, "")
	ex := f.start(t, sm, `{"body":"hello"}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", d.Cause)
	msgs, err := q.ReceiveMessage(f.ctx, &awssqs.ReceiveMessageInput{QueueUrl: qu.QueueUrl})
	require.NoError(t, err)
	require.Len(t, msgs.Messages, 1)
	require.Equal(t, "hello", *msgs.Messages[0].Body)
	require.JSONEq(t, `{"MessageId":"`+*msgs.Messages[0].MessageId+`","MD5OfMessageBody":"5d41402abc4b2a76b9719d911017c592"}`, *d.Output)
	h := f.history(t, ex)
	require.Equal(t, "aws-sdk:sqs", *h[2].TaskScheduledEventDetails.ResourceType)
	require.Equal(t, "sendMessage", *h[2].TaskScheduledEventDetails.Resource)
}

// aws-sdk:sfn:sendTaskSuccess with a token that does not exist fails as
// test_aws_sdk_task_service.py::TestTaskServiceAwsSdk::test_sfn_send_task_outcome_with_no_such_token
// records: Sfn.InvalidTokenException.
func TestSDK_SfnNoSuchToken(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "sdk", obj{"StartAt": "Send", "States": obj{"Send": obj{"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:sendTaskSuccess",
		"Parameters": obj{"Output": "ParameterOutput", "TaskToken": "NoSuchTaskToken"}, "End": true}}}, "")
	d := f.describe(t, f.start(t, sm, `{}`))
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "Sfn.InvalidTokenException", *d.Error)
	require.True(t, strings.HasPrefix(*d.Cause, "Invalid Token: 'Invalid token' (Service: Sfn, Status Code: 400, Request ID: "), *d.Cause)
	require.True(t, strings.HasSuffix(*d.Cause, ") (SDK Attempt Count: 1)"), *d.Cause)
}

// One machine completes another's token with aws-sdk:sfn:sendTaskSuccess,
// and starts an execution with aws-sdk:sfn:startExecution.
func TestSDK_SfnCompletesToken(t *testing.T) {
	f := newFixture(t)
	waitSM, url := f.tokenQueue(t, 0)
	waiting := f.start(t, waitSM, `{"Message":"test_message_txt"}`)
	token := f.receiveToken(t, url)
	target := f.machine(t, "target", obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "End": true}}}, "")
	sm := f.machine(t, "completer", obj{"StartAt": "Send", "States": obj{
		"Send": obj{"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:sendTaskSuccess",
			"Parameters": obj{"Output": obj{"ok": true}, "TaskToken.$": "$.token"}, "ResultPath": nil, "Next": "Start"},
		"Start": obj{"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:startExecution",
			"Parameters": obj{"StateMachineArn": target, "Name": "TestStartTarget", "Input": obj{"key": "value"}}, "End": true}}}, "")
	d := f.describe(t, f.start(t, sm, `{"token":"`+token+`"}`))
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", d.Cause)
	require.Contains(t, *d.Output, `"ExecutionArn":"arn:aws:states:us-east-1:000000000000:execution:target:TestStartTarget"`)
	w := f.describe(t, waiting)
	require.Equal(t, types.ExecutionStatusSucceeded, w.Status)
	require.JSONEq(t, `{"ok":true}`, *w.Output)
	started := f.cloud.StepFunctions().CheckStatus(t, "arn:aws:states:us-east-1:000000000000:execution:target:TestStartTarget", "SUCCEEDED")
	require.JSONEq(t, `{"key":"value"}`, started.Output)
	_, err := f.client.SendTaskSuccess(f.ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String(`{}`)})
	requireCode(t, err, "TaskTimedOut")
}

// A queue that does not exist: the call's error as <Service>.<Code>Exception.
func TestSDK_SQSNoSuchQueue(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "sdk", obj{"StartAt": "Send", "States": obj{"Send": obj{"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sqs:sendMessage",
		"Parameters": obj{"QueueUrl": "https://sqs.us-east-1.amazonaws.com/000000000000/missing", "MessageBody": "x"}, "End": true}}}, "")
	d := f.describe(t, f.start(t, sm, `{}`))
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "Sqs.QueueDoesNotExistException", *d.Error)
	require.True(t, strings.HasPrefix(*d.Cause, "The specified queue does not exist. (Service: Sqs, Status Code: 400, Request ID: "), *d.Cause)
}
