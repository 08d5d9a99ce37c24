package apigw_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkv2 "github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	ebsdk "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	sfnsdk "github.com/aws/aws-sdk-go-v2/service/sfn"
	sqssdk "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serviceRoute is POST /send to an AWS_PROXY integration of subtype with
// parameters.
func (f *hFixture) serviceRoute(t *testing.T, subtype string, params map[string]string) {
	t.Helper()
	out, err := f.v2.CreateIntegration(f.ctx, &sdkv2.CreateIntegrationInput{ApiId: &f.api, IntegrationType: "AWS_PROXY",
		IntegrationSubtype: &subtype, CredentialsArn: aws.String("arn:aws:iam::000000000000:role/apigw"),
		PayloadFormatVersion: aws.String("1.0"), RequestParameters: params})
	require.NoError(t, err)
	f.route(t, "POST /send", *out.IntegrationId)
	f.autoStage(t)
}

// SQS-SendMessage sends the mapped body to the queue of QueueUrl and
// answers SendMessage's result.
func TestHTTPAPI_SQSSendMessageIntegration(t *testing.T) {
	f := newHFixture(t)
	sqsc := sqssdk.NewFromConfig(f.cloud.AWSConfig())
	q, err := sqsc.CreateQueue(f.ctx, &sqssdk.CreateQueueInput{QueueName: aws.String("inbox")})
	require.NoError(t, err)
	f.serviceRoute(t, "SQS-SendMessage", map[string]string{"QueueUrl": *q.QueueUrl, "MessageBody": "$request.body.msg"})
	resp, body := f.send(t, "POST", f.url("$default", "/send"), `{"msg":"hello"}`, "Content-Type", "application/json")
	require.Equal(t, 200, resp.StatusCode, body)
	var doc struct {
		SendMessageResponse struct{ SendMessageResult struct{ MessageId string } }
	}
	require.NoError(t, json.Unmarshal([]byte(body), &doc))
	assert.NotEmpty(t, doc.SendMessageResponse.SendMessageResult.MessageId)
	out, err := sqsc.ReceiveMessage(f.ctx, &sqssdk.ReceiveMessageInput{QueueUrl: q.QueueUrl})
	require.NoError(t, err)
	require.Len(t, out.Messages, 1)
	assert.Equal(t, "hello", *out.Messages[0].Body)
}

// StepFunctions-StartExecution starts an execution of StateMachineArn
// with the mapped input and answers its ARN.
func TestHTTPAPI_StepFunctionsStartExecutionIntegration(t *testing.T) {
	f := newHFixture(t)
	sfnc := sfnsdk.NewFromConfig(f.cloud.AWSConfig())
	sm, err := sfnc.CreateStateMachine(f.ctx, &sfnsdk.CreateStateMachineInput{Name: aws.String("flow"),
		Definition: aws.String(`{"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": true}}}`),
		RoleArn:    aws.String("arn:aws:iam::000000000000:role/sfn")})
	require.NoError(t, err)
	f.serviceRoute(t, "StepFunctions-StartExecution", map[string]string{"StateMachineArn": *sm.StateMachineArn,
		"Input": "$request.body"})
	resp, body := f.send(t, "POST", f.url("$default", "/send"), `{"n":1}`, "Content-Type", "application/json")
	require.Equal(t, 200, resp.StatusCode, body)
	var doc struct {
		ExecutionArn string `json:"executionArn"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &doc))
	require.NoError(t, f.cloud.Settle(context.Background()))
	ex, err := sfnc.DescribeExecution(f.ctx, &sfnsdk.DescribeExecutionInput{ExecutionArn: &doc.ExecutionArn})
	require.NoError(t, err)
	assert.JSONEq(t, `{"n":1}`, *ex.Input)
}

// EventBridge-PutEvents puts the mapped event on the default bus, where a
// rule routes it to a queue, and answers its entry.
func TestHTTPAPI_EventBridgePutEventsIntegration(t *testing.T) {
	f := newHFixture(t)
	sqsc := sqssdk.NewFromConfig(f.cloud.AWSConfig())
	q, err := sqsc.CreateQueue(f.ctx, &sqssdk.CreateQueueInput{QueueName: aws.String("events")})
	require.NoError(t, err)
	ebc := ebsdk.NewFromConfig(f.cloud.AWSConfig())
	_, err = ebc.PutRule(f.ctx, &ebsdk.PutRuleInput{Name: aws.String("orders"), EventPattern: aws.String(`{"source":["my.app"]}`)})
	require.NoError(t, err)
	_, err = ebc.PutTargets(f.ctx, &ebsdk.PutTargetsInput{Rule: aws.String("orders"), Targets: []ebtypes.Target{
		{Id: aws.String("q"), Arn: aws.String("arn:aws:sqs:us-east-1:000000000000:events")}}})
	require.NoError(t, err)
	f.serviceRoute(t, "EventBridge-PutEvents", map[string]string{"Source": "my.app", "DetailType": "order",
		"Detail": "$request.body"})
	resp, body := f.send(t, "POST", f.url("$default", "/send"), `{"id":7}`, "Content-Type", "application/json")
	require.Equal(t, 200, resp.StatusCode, body)
	var doc struct {
		Entries          []struct{ EventId string }
		FailedEntryCount int
	}
	require.NoError(t, json.Unmarshal([]byte(body), &doc))
	require.Len(t, doc.Entries, 1)
	assert.NotEmpty(t, doc.Entries[0].EventId)
	assert.Zero(t, doc.FailedEntryCount)
	require.NoError(t, f.cloud.Settle(f.ctx))
	out, err := sqsc.ReceiveMessage(f.ctx, &sqssdk.ReceiveMessageInput{QueueUrl: q.QueueUrl})
	require.NoError(t, err)
	require.Len(t, out.Messages, 1)
	var ev map[string]any
	require.NoError(t, json.Unmarshal([]byte(*out.Messages[0].Body), &ev))
	assert.Equal(t, "order", ev["detail-type"])
	assert.Equal(t, map[string]any{"id": float64(7)}, ev["detail"])
}
