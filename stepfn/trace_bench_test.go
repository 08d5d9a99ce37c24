package stepfn_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/aws-sdk-go-v2/service/xray"
	xtypes "github.com/aws/aws-sdk-go-v2/service/xray/types"
)

// BenchmarkWorkflow_TenStatesTraced: BenchmarkWorkflow_TenStates (its
// floor) on the same workflow with tracing on and every execution sampled:
// the segment with its 20 states' subsegments and the Lambda's segments,
// stored by X-Ray as the sink flushes.
func BenchmarkWorkflow_TenStatesTraced(b *testing.B) {
	cloud, client, _ := benchCloud(b)
	ctx := context.Background()
	_, err := xray.NewFromConfig(cloud.AWSConfig()).CreateSamplingRule(ctx, &xray.CreateSamplingRuleInput{SamplingRule: &xtypes.SamplingRule{
		RuleName: aws.String("all"), Priority: aws.Int32(1), FixedRate: 1, ServiceName: aws.String("*"),
		ServiceType: aws.String("*"), Host: aws.String("*"), HTTPMethod: aws.String("*"), URLPath: aws.String("*"),
		ResourceARN: aws.String("*"), Version: aws.Int32(1)}})
	if err != nil {
		b.Fatal(err)
	}
	m, err := client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("traced"),
		Definition: aws.String(benchDef), RoleArn: aws.String(role), TracingConfiguration: &types.TracingConfiguration{Enabled: true}})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		ex, err := client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: m.StateMachineArn})
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
