package stepfn_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

const benchInput = `{"order":{"id":"o-1","lines":[{"sku":"a","qty":2},{"sku":"b","qty":1}]},"customer":"c-1"}`

// benchPass runs a one-Pass machine to its end through the SDK.
func benchPass(b *testing.B, def string) {
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)))
	b.Cleanup(func() { _ = cloud.Close() })
	client := sfn.NewFromConfig(cloud.AWSConfig())
	ctx := context.Background()
	sm, err := client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("bench"), Definition: aws.String(def), RoleArn: aws.String(role)})
	if err != nil {
		b.Fatal(err)
	}
	in := &sfn.StartExecutionInput{StateMachineArn: sm.StateMachineArn, Input: aws.String(benchInput)}
	b.ReportAllocs()
	for b.Loop() {
		ex, err := client.StartExecution(ctx, in)
		if err != nil {
			b.Fatal(err)
		}
		d, err := client.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: ex.ExecutionArn})
		if err != nil || d.Status != "SUCCEEDED" {
			b.Fatal(err, d.Status)
		}
	}
}

// BenchmarkPass_JSONataOutput: a Pass whose JSONata Output picks three
// fields, StartExecution to a finished DescribeExecution.
func BenchmarkPass_JSONataOutput(b *testing.B) {
	benchPass(b, `{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":{"id":"{% $states.input.order.id %}",`+
		`"customer":"{% $states.input.customer %}","lines":"{% $states.input.order.lines %}","exec":"{% $states.context.Execution.Name %}"},"End":true}}}`)
}

// BenchmarkFloor_PassJSONPathParameters: the same Pass with JSONPath
// Parameters, the floor of the one above.
func BenchmarkFloor_PassJSONPathParameters(b *testing.B) {
	benchPass(b, `{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"id.$":"$.order.id",`+
		`"customer.$":"$.customer","lines.$":"$.order.lines","exec.$":"$$.Execution.Name"},"End":true}}}`)
}
