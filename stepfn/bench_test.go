package stepfn_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awslambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/sfn"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// benchDef is a 10-state Standard workflow: Pass, Choice, a Task on a Go
// Lambda, a Map of 10 items (a Pass each) and a Parallel of 2.
const benchDef = `{"StartAt":"Load","States":{
"Load":{"Type":"Pass","Parameters":{"n":1,"items.$":"States.ArrayRange(1, 10, 1)"},"Next":"Route"},
"Route":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"Call"}],"Default":"Done"},
"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"echo","Payload.$":"$"},"ResultSelector":{"items.$":"$.Payload.items"},"Next":"Each"},
"Each":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Item","States":{"Item":{"Type":"Pass","End":true}}},"ResultPath":"$.mapped","Next":"Both"},
"Both":{"Type":"Parallel","Branches":[
  {"StartAt":"A","States":{"A":{"Type":"Pass","Result":"a","End":true}}},
  {"StartAt":"B","States":{"B":{"Type":"Pass","Result":"b","End":true}}}],"ResultPath":"$.both","Next":"Shape"},
"Shape":{"Type":"Pass","OutputPath":"$.both","Next":"Done"},
"Done":{"Type":"Succeed"}}}`

func benchCloud(b *testing.B) (*awsfake.Cloud, *sfn.Client, string) {
	b.Helper()
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)))
	b.Cleanup(func() { _ = cloud.Close() })
	cloud.Lambda().FunctionT(b, "echo", func(ctx context.Context, in json.RawMessage) (json.RawMessage, error) { return in, nil })
	client := sfn.NewFromConfig(cloud.AWSConfig())
	out, err := client.CreateStateMachine(context.Background(), &sfn.CreateStateMachineInput{Name: aws.String("bench"),
		Definition: aws.String(benchDef), RoleArn: aws.String(role)})
	if err != nil {
		b.Fatal(err)
	}
	return cloud, client, *out.StateMachineArn
}

// BenchmarkWorkflow_TenStates: StartExecution to a finished
// DescribeExecution through the SDK in memory.
func BenchmarkWorkflow_TenStates(b *testing.B) {
	cloud, client, sm := benchCloud(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		ex, err := client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(sm)})
		if err != nil {
			b.Fatal(err)
		}
		if err := cloud.Settle(ctx); err != nil {
			b.Fatal(err)
		}
		d, err := client.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: ex.ExecutionArn})
		if err != nil || d.Status != "SUCCEEDED" {
			b.Fatal(err, d.Status)
		}
	}
}

// BenchmarkFloor_LambdaTenTimes: the same Lambda invoked ten times
// directly through the SDK.
func BenchmarkFloor_LambdaTenTimes(b *testing.B) {
	cloud, _, _ := benchCloud(b)
	client := awslambda.NewFromConfig(cloud.AWSConfig())
	ctx := context.Background()
	in := &awslambda.InvokeInput{FunctionName: aws.String("echo"), Payload: []byte(`{"n":1}`)}
	b.ReportAllocs()
	for b.Loop() {
		for range 10 {
			if _, err := client.Invoke(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkFloor_StartExecutionCanned: StartExecution against a canned
// answer through the same transport: the SDK's own cost.
func BenchmarkFloor_StartExecutionCanned(b *testing.B) {
	canned := servicetest.Canned{Header: http.Header{"Content-Type": {"application/x-amz-json-1.0"}},
		Body: []byte(`{"executionArn":"arn:aws:states:us-east-1:000000000000:execution:bench:x","startDate":1.767225600E9}`)}
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)))
	b.Cleanup(func() { _ = cloud.Close() })
	cfg := cloud.AWSConfig()
	cfg.HTTPClient = &http.Client{Transport: servicetest.InMemory{Handler: canned}}
	client := sfn.NewFromConfig(cfg)
	ctx := context.Background()
	in := &sfn.StartExecutionInput{StateMachineArn: aws.String("arn:aws:states:us-east-1:000000000000:stateMachine:bench")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.StartExecution(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkActivity_RoundTrip: StartExecution of an activity task,
// GetActivityTask and SendTaskSuccess through the SDK in memory: the hot
// loop of an activity worker.
func BenchmarkActivity_RoundTrip(b *testing.B) {
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)))
	b.Cleanup(func() { _ = cloud.Close() })
	client := sfn.NewFromConfig(cloud.AWSConfig())
	ctx := context.Background()
	act, err := client.CreateActivity(ctx, &sfn.CreateActivityInput{Name: aws.String("work")})
	if err != nil {
		b.Fatal(err)
	}
	sm, err := client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("worker"), RoleArn: aws.String(role),
		Definition: aws.String(`{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"` + *act.ActivityArn + `","End":true}}}`)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: sm.StateMachineArn}); err != nil {
			b.Fatal(err)
		}
		task, err := client.GetActivityTask(ctx, &sfn.GetActivityTaskInput{ActivityArn: act.ActivityArn})
		if err != nil || task.TaskToken == nil {
			b.Fatal(err)
		}
		if _, err := client.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: task.TaskToken, Output: aws.String(`{}`)}); err != nil {
			b.Fatal(err)
		}
	}
}
