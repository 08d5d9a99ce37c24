package stepfn_test

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// A loop that never ends fails when its history reaches 25,000 events:
// the 25,000th is ExecutionFailed.
func TestLimits_HistoryEvents(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "loop", obj{"StartAt": "A", "States": obj{"A": obj{"Type": "Pass", "Next": "B"}, "B": obj{"Type": "Pass", "Next": "A"}}}, "")
	ex := f.start(t, sm, `{}`)
	e := f.cloud.StepFunctions().CheckStatus(t, ex, "FAILED")
	require.Len(t, e.Events, 25000)
	require.Equal(t, "ExecutionFailed", e.Events[24999])
	require.Equal(t, "States.Runtime", e.Error)
}

// A Task's TimeoutSeconds fails it with States.Timeout at its boundary,
// caught by States.Timeout and not by States.TaskFailed.
func TestLimits_TaskTimeout(t *testing.T) {
	f := newFixture(t)
	block := make(chan struct{})
	t.Cleanup(func() { close(block) })
	fn := f.lambdaFn(t, "hang", func(ctx context.Context, in map[string]any) (map[string]any, error) {
		select {
		case <-block:
		case <-ctx.Done():
		}
		return in, nil
	})
	sm := f.machine(t, "to", obj{"StartAt": "T", "States": obj{
		"T": obj{"Type": "Task", "Resource": fn, "TimeoutSeconds": 3, "End": true, "Catch": []any{
			obj{"ErrorEquals": []any{"States.TaskFailed"}, "Next": "Wrong"}, obj{"ErrorEquals": []any{"States.Timeout"}, "Next": "Right"}}},
		"Wrong": obj{"Type": "Fail", "Error": "wrong"}, "Right": obj{"Type": "Succeed"}}}, "")
	out, err := f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(sm)})
	require.NoError(t, err)
	f.clk.Advance(3*time.Second - time.Millisecond)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, *out.ExecutionArn).Status)
	f.clk.Advance(time.Millisecond)
	d := f.describe(t, *out.ExecutionArn)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v %v", d.Error, d.Cause)
	f.cloud.StepFunctions().CheckEvents(t, *out.ExecutionArn, "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled",
		"LambdaFunctionStarted", "LambdaFunctionTimedOut", "TaskStateExited", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded")
}

// A state's output over 256 KiB is States.DataLimitExceeded, which Catch
// does not take; an input over it is refused at StartExecution.
func TestLimits_Payload(t *testing.T) {
	f := newFixture(t)
	big := strings.Repeat("x", 130*1024)
	sm := f.machine(t, "big", obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "Parameters": obj{"a.$": "$.s", "b.$": "$.s"}, "End": true}}}, "")
	ex := f.start(t, sm, `{"s":"`+big+`"}`)
	require.Equal(t, "States.DataLimitExceeded", *f.describe(t, ex).Error)
	_, err := f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(sm), Input: aws.String(`"` + strings.Repeat("x", 256*1024) + `"`)})
	awsfake.CheckCode(t, err, "ValidationException")
}

// A thousand executions parked in Waits hold no goroutine: they are jobs
// on the cloud scheduler, and one Advance finishes them all.
func TestLimits_ThousandParkedWaits(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "park", obj{"StartAt": "W", "States": obj{"W": obj{"Type": "Wait", "Seconds": 3600, "End": true}}}, "")
	before := runtime.NumGoroutine()
	for range 1000 {
		_, err := f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(sm)})
		require.NoError(t, err)
	}
	f.settle(t)
	require.LessOrEqual(t, runtime.NumGoroutine(), before+2, "parked executions hold no goroutine")
	f.advance(t, time.Hour)
	for _, e := range f.cloud.StepFunctions().Executions(sm) {
		require.Equal(t, "SUCCEEDED", e.Status)
	}
}

// A FAILED execution redriven runs its failed state again: a function
// that now succeeds makes it SUCCEEDED, after ExecutionRedriven.
func TestLimits_RedriveFailedTask(t *testing.T) {
	f := newFixture(t)
	fail := true
	fn := f.lambdaFn(t, "once", func(ctx context.Context, in map[string]any) (map[string]any, error) {
		if fail {
			return nil, lambdaErr{"first"}
		}
		return map[string]any{"ok": true}, nil
	})
	sm := f.machine(t, "redrive", obj{"StartAt": "A", "States": obj{"A": obj{"Type": "Pass", "Next": "T"}, "T": obj{"Type": "Task", "Resource": fn, "End": true}}}, "")
	ex := f.start(t, sm, `{}`)
	f.cloud.StepFunctions().CheckStatus(t, ex, "FAILED")
	fail = false
	_, err := f.client.RedriveExecution(f.ctx, &sfn.RedriveExecutionInput{ExecutionArn: aws.String(ex)})
	require.NoError(t, err)
	f.settle(t)
	e := f.cloud.StepFunctions().CheckStatus(t, ex, "SUCCEEDED")
	require.Equal(t, []string{"ExecutionStarted", "PassStateEntered", "PassStateExited", "TaskStateEntered", "LambdaFunctionScheduled",
		"LambdaFunctionStarted", "LambdaFunctionFailed", "ExecutionFailed", "ExecutionRedriven", "TaskStateEntered", "LambdaFunctionScheduled",
		"LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded"}, e.Events)
}
