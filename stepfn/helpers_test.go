package stepfn_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// t0 is where every test's fake clock starts.
var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

const role = "arn:aws:iam::000000000000:role/sfn"

type fixture struct {
	cloud  *awsfake.Cloud
	clk    *clock.Fake
	client *sfn.Client
	ctx    context.Context
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk), awsfake.WithSeed(1))
	return &fixture{cloud: cloud, clk: clk, client: sfn.NewFromConfig(cloud.AWSConfig()), ctx: context.Background()}
}

// machine creates a machine of type typ from a definition written as Go
// values.
func (f *fixture) machine(t *testing.T, name string, def any, typ types.StateMachineType) string {
	t.Helper()
	b, err := json.Marshal(def)
	require.NoError(t, err)
	out, err := f.client.CreateStateMachine(f.ctx, &sfn.CreateStateMachineInput{Name: aws.String(name),
		Definition: aws.String(string(b)), RoleArn: aws.String(role), Type: typ})
	require.NoError(t, err)
	return *out.StateMachineArn
}

// start starts an execution with input and settles the cloud.
func (f *fixture) start(t *testing.T, machineARN, input string) string {
	t.Helper()
	out, err := f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(machineARN), Input: aws.String(input)})
	require.NoError(t, err)
	f.settle(t)
	return *out.ExecutionArn
}

func (f *fixture) settle(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(f.ctx, 10*time.Second)
	defer cancel()
	require.NoError(t, f.cloud.Settle(ctx))
}

// advance moves the clock and settles what it made due.
func (f *fixture) advance(t *testing.T, d time.Duration) {
	t.Helper()
	f.clk.Advance(d)
	f.settle(t)
}

func (f *fixture) describe(t *testing.T, exARN string) *sfn.DescribeExecutionOutput {
	t.Helper()
	out, err := f.client.DescribeExecution(f.ctx, &sfn.DescribeExecutionInput{ExecutionArn: aws.String(exARN)})
	require.NoError(t, err)
	return out
}

func (f *fixture) history(t *testing.T, exARN string) []types.HistoryEvent {
	t.Helper()
	out, err := f.client.GetExecutionHistory(f.ctx, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(exARN), MaxResults: 1000})
	require.NoError(t, err)
	return out.Events
}

// shape is an event's id, previous id and type.
type shape struct {
	ID, Prev int64
	Type     string
}

func shapes(events []types.HistoryEvent) []shape {
	out := make([]shape, len(events))
	for i, e := range events {
		out[i] = shape{e.Id, e.PreviousEventId, string(e.Type)}
	}
	return out
}

// lambdaFn registers a Go handler as a function and returns its ARN.
func (f *fixture) lambdaFn(t *testing.T, name string, handler any) string {
	t.Helper()
	return f.cloud.Lambda().FunctionT(t, name, handler).ARN
}
