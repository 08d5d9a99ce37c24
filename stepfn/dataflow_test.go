package stepfn_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/bus"
)

// InputPath, Parameters with the context object, ResultPath, OutputPath
// and variables, through one execution.
func TestDataflow_PathsContextAndVariables(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "flow", obj{"StartAt": "Pick", "States": obj{
		"Pick": obj{"Type": "Pass", "InputPath": "$.order", "Parameters": obj{"id.$": "$.id", "exec.$": "$$.Execution.Name", "state.$": "$$.State.Name"},
			"ResultPath": "$.picked", "Assign": obj{"orderId.$": "$.id"}, "Next": "Route"},
		"Route": obj{"Type": "Choice", "Choices": []any{obj{"Variable": "$.picked.id", "StringEquals": "o-1", "Next": "Use"}}},
		"Use":   obj{"Type": "Pass", "Parameters": obj{"fromVar.$": "$orderId", "all.$": "$"}, "OutputPath": "$.fromVar", "End": true}}}, "")
	ex := f.start(t, sm, `{"order":{"id":"o-1"},"keep":true}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", d.Cause)
	require.Equal(t, `"o-1"`, *d.Output)
	ev := f.history(t, ex)
	require.JSONEq(t, `{"order":{"id":"o-1"},"keep":true,"picked":{"id":"o-1","exec":"`+*d.Name+`","state":"Pick"}}`, *ev[2].StateExitedEventDetails.Output)
	require.Equal(t, map[string]string{"orderId": `"o-1"`}, ev[2].StateExitedEventDetails.AssignedVariables)
}

// No Choice rule and no Default: States.NoChoiceMatched; an intrinsic's
// failure is caught as States.IntrinsicFailure; ResultPath into a
// string is States.ResultPathMatchFailure.
func TestDataflow_PredefinedErrors(t *testing.T) {
	f := newFixture(t)
	cases := map[string]struct {
		def   obj
		input string
		err   string
	}{
		"no choice":    {obj{"StartAt": "C", "States": obj{"C": obj{"Type": "Choice", "Choices": []any{obj{"Variable": "$.a", "IsPresent": true, "Next": "S"}}}, "S": obj{"Type": "Succeed"}}}, `{}`, "States.NoChoiceMatched"},
		"intrinsic":    {obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": obj{"FunctionName": "x", "Payload.$": "States.StringToJson($.s)"}, "End": true}}}, `{"s":"nope"}`, "States.IntrinsicFailure"},
		"result path":  {obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "Result": 1, "ResultPath": "$.s.t", "End": true}}}, `{"s":"str"}`, "States.ResultPathMatchFailure"},
		"path missing": {obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "InputPath": "$.nope", "End": true}}}, `{}`, "States.Runtime"},
		"no function":  {obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": obj{"FunctionName": "absent"}, "End": true}}}, `{}`, "Lambda.ResourceNotFoundException"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			ex := f.start(t, f.machine(t, strings.ReplaceAll(name, " ", "-"), c.def, ""), c.input)
			d := f.describe(t, ex)
			require.Equal(t, types.ExecutionStatusFailed, d.Status)
			require.Equal(t, c.err, *d.Error, "%v", d.Cause)
		})
	}
}

// sqs:sendMessage sends through the bus: the message is on the queue.
func TestDataflow_SQSSendMessage(t *testing.T) {
	f := newFixture(t)
	q := awssqs.NewFromConfig(f.cloud.AWSConfig())
	qu, err := q.CreateQueue(f.ctx, &awssqs.CreateQueueInput{QueueName: aws.String("out")})
	require.NoError(t, err)
	sm := f.machine(t, "send", obj{"StartAt": "S", "States": obj{"S": obj{"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
		"Parameters": obj{"QueueUrl": *qu.QueueUrl, "MessageBody.$": "$"}, "End": true}}}, "")
	ex := f.start(t, sm, `{"hello":"queue"}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", d.Cause)
	msgs, err := q.ReceiveMessage(f.ctx, &awssqs.ReceiveMessageInput{QueueUrl: qu.QueueUrl})
	require.NoError(t, err)
	require.Len(t, msgs.Messages, 1)
	require.JSONEq(t, `{"hello":"queue"}`, *msgs.Messages[0].Body)
}

// states:startExecution.sync:2 waits for the child and takes its output.
func TestDataflow_NestedSync(t *testing.T) {
	f := newFixture(t)
	child := f.machine(t, "child", obj{"StartAt": "W", "States": obj{"W": obj{"Type": "Wait", "Seconds": 5, "Next": "P"}, "P": obj{"Type": "Pass", "Result": obj{"c": 1}, "End": true}}}, "")
	parent := f.machine(t, "parent", obj{"StartAt": "Run", "States": obj{"Run": obj{"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2",
		"Parameters": obj{"StateMachineArn": child, "Input": obj{"x": 1}}, "OutputPath": "$.Output", "End": true}}}, "")
	ex := f.start(t, parent, `{}`)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	f.advance(t, 5_000_000_000)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", d.Cause)
	require.JSONEq(t, `{"c":1}`, *d.Output)
}

// Another service starts an execution by posting to the machine's ARN.
func TestDataflow_BusStartsExecution(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "target", obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "End": true}}}, "")
	out, err := f.cloud.StepFunctions().Describe().Endpoint(context.Background(), sm, bus.Message{Body: []byte(`{"from":"events"}`)})
	require.NoError(t, err)
	e := f.cloud.StepFunctions().CheckStatus(t, string(out), "SUCCEEDED")
	require.Equal(t, `{"from":"events"}`, e.Output)
}
