package stepfn_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

type obj = map[string]any

// The smallest full run reproduced event for event: recorded as
// tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_state_pass_result.
func TestExecution_PassHistoryMatchesRecording(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "pass", obj{"StartAt": "State_1", "States": obj{
		"State_1": obj{"Type": "Pass", "Result": obj{"Arg1": "argument1"}, "End": true}}}, "")
	ex := f.start(t, sm, "{}")
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status)
	require.JSONEq(t, `{"Arg1":"argument1"}`, *d.Output)
	ev := f.history(t, ex)
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "PassStateEntered"}, {3, 2, "PassStateExited"}, {4, 3, "ExecutionSucceeded"}}, shapes(ev))
	require.Equal(t, role, *ev[0].ExecutionStartedEventDetails.RoleArn)
	require.Equal(t, "{}", *ev[1].StateEnteredEventDetails.Input)
	require.Equal(t, "State_1", *ev[2].StateExitedEventDetails.Name)
	require.JSONEq(t, `{"Arg1":"argument1"}`, *ev[3].ExecutionSucceededEventDetails.Output)
	require.Equal(t, t0, ev[3].Timestamp.UTC())
}

// An inline Map over eight items, recorded as
// tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_map_state:
// the same 42 events with the same ids and previous ids.
func TestExecution_MapHistoryMatchesRecording(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "map", obj{"StartAt": "StartState", "States": obj{
		"StartState": obj{"Type": "Pass", "Result": obj{"arr": []any{1, "Hello", obj{}, nil, 3.3, 3, 4, 5}}, "Next": "MapState"},
		"MapState": obj{"Type": "Map", "ItemsPath": "$.arr", "ResultPath": nil, "Next": "Final",
			"ItemProcessor": obj{"StartAt": "HandleItem", "States": obj{"HandleItem": obj{"Type": "Pass", "End": true}}}},
		"Final": obj{"Type": "Pass", "End": true}}}, "")
	ex := f.start(t, sm, "{}")
	got := shapes(f.history(t, ex))
	want := []shape{{1, 0, "ExecutionStarted"}, {2, 0, "PassStateEntered"}, {3, 2, "PassStateExited"},
		{4, 3, "MapStateEntered"}, {5, 4, "MapStateStarted"}}
	prev := int64(5)
	for i := range 8 {
		id := int64(6 + 4*i)
		want = append(want, shape{id, prev, "MapIterationStarted"}, shape{id + 1, id, "PassStateEntered"},
			shape{id + 2, id + 1, "PassStateExited"}, shape{id + 3, id + 2, "MapIterationSucceeded"})
		prev = id + 2
	}
	want = append(want, shape{38, 37, "MapStateSucceeded"}, shape{39, 37, "MapStateExited"},
		shape{40, 39, "PassStateEntered"}, shape{41, 40, "PassStateExited"}, shape{42, 41, "ExecutionSucceeded"})
	require.Equal(t, want, got)
	require.JSONEq(t, `{"arr":[1,"Hello",{},null,3.3,3,4,5]}`, *f.describe(t, ex).Output)
}

type lambdaErr struct{ msg string }

func (e lambdaErr) Error() string { return e.msg }

// A Retry with IntervalSeconds 2, BackoffRate 2 and MaxAttempts 3: the
// function is called again 2 s, then 4 s, then 8 s after each failure,
// on the clock, and the execution fails with the function's error, as
// the recording
// tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_retry_interval_features
// shows (Scheduled, Started, Failed per attempt; ExecutionFailed after the
// last Failed).
func TestExecution_RetryBackoffOnTheClock(t *testing.T) {
	f := newFixture(t)
	calls := 0
	fn := f.lambdaFn(t, "flaky", func(ctx context.Context, in map[string]any) (map[string]any, error) {
		calls++
		return nil, lambdaErr{"Some exception was raised."}
	})
	sm := f.machine(t, "retry", obj{"StartAt": "LambdaTask", "States": obj{"LambdaTask": obj{"Type": "Task", "Resource": fn, "End": true,
		"Retry": []any{obj{"ErrorEquals": []any{"States.ALL"}, "IntervalSeconds": 2, "BackoffRate": 2, "MaxAttempts": 3}}}}}, "")
	ex := f.start(t, sm, "{}")
	require.Equal(t, 1, calls)
	for _, wait := range []time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second} {
		f.advance(t, wait-time.Millisecond)
		before := calls
		require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
		f.advance(t, time.Millisecond)
		require.Equal(t, before+1, calls, "the retry runs exactly %s after the failure", wait)
	}
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	ev := f.history(t, ex)
	var sh []string
	for _, e := range shapes(ev) {
		sh = append(sh, e.Type)
	}
	require.Equal(t, []string{"ExecutionStarted", "TaskStateEntered",
		"LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
		"LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
		"LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
		"LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed", "ExecutionFailed"}, sh)
	require.Equal(t, int64(5), ev[5].PreviousEventId, "a retry's Scheduled follows the failure")
	require.Equal(t, t0.Add(2*time.Second), ev[5].Timestamp.UTC())
	require.Equal(t, t0.Add(6*time.Second), ev[8].Timestamp.UTC())
	require.Equal(t, t0.Add(14*time.Second), ev[11].Timestamp.UTC())
	require.Equal(t, "lambdaErr", *d.Error)
}

// JitterStrategy FULL draws each delay uniformly below the backoff, from
// the cloud's seed: the same seed gives the same instants.
func TestExecution_RetryJitterIsSeeded(t *testing.T) {
	run := func() []time.Time {
		f := newFixture(t)
		fn := f.lambdaFn(t, "flaky", func(ctx context.Context, in map[string]any) (map[string]any, error) {
			return nil, lambdaErr{"no"}
		})
		sm := f.machine(t, "jitter", obj{"StartAt": "T", "States": obj{"T": obj{"Type": "Task", "Resource": fn, "End": true,
			"Retry": []any{obj{"ErrorEquals": []any{"lambdaErr"}, "IntervalSeconds": 10, "MaxAttempts": 2, "JitterStrategy": "FULL"}}}}}, "")
		ex := f.start(t, sm, "{}")
		// Millisecond steps (the jitter's grain) settled one by one, so the
		// clock stands at each retry's instant while its Lambda call runs:
		// a longer Advance would let the call end at a later clock reading
		// and shift the next retry's base.
		for range 30_000 {
			f.advance(t, time.Millisecond)
		}
		var at []time.Time
		for _, e := range f.history(t, ex) {
			if e.Type == types.HistoryEventTypeLambdaFunctionScheduled {
				at = append(at, e.Timestamp.UTC())
			}
		}
		require.Equal(t, types.ExecutionStatusFailed, f.describe(t, ex).Status)
		return at
	}
	a, b := run(), run()
	require.Len(t, a, 3)
	require.Equal(t, a, b)
	require.True(t, a[1].Sub(a[0]) < 10*time.Second, "the first delay is below IntervalSeconds")
	require.True(t, a[2].Sub(a[1]) < 20*time.Second)
}

// A Catch sends the error to a Fail state: the execution fails with the
// Fail state's error and cause, after TaskStateExited carries {Error,
// Cause} at the ResultPath.
func TestExecution_CatchIntoFail(t *testing.T) {
	f := newFixture(t)
	fn := f.lambdaFn(t, "boom", func(ctx context.Context, in map[string]any) (map[string]any, error) {
		return nil, lambdaErr{"boom"}
	})
	sm := f.machine(t, "catch", obj{"StartAt": "Call", "States": obj{
		"Call": obj{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": obj{"FunctionName": fn, "Payload.$": "$"},
			"Catch": []any{obj{"ErrorEquals": []any{"States.ALL"}, "ResultPath": "$.err", "Next": "Failed"}}, "End": true},
		"Failed": obj{"Type": "Fail", "ErrorPath": "$.err.Error", "Cause": "it broke"}}}, "")
	ex := f.start(t, sm, `{"a":1}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "lambdaErr", *d.Error)
	require.Equal(t, "it broke", *d.Cause)
	got := shapes(f.history(t, ex))
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "TaskStateEntered"}, {3, 2, "TaskScheduled"}, {4, 3, "TaskStarted"},
		{5, 4, "TaskFailed"}, {6, 5, "TaskStateExited"}, {7, 6, "FailStateEntered"}, {8, 7, "ExecutionFailed"}}, got)
}

// lambda:invoke answers Payload, StatusCode and ExecutedVersion.
func TestExecution_LambdaInvokeResult(t *testing.T) {
	f := newFixture(t)
	fn := f.lambdaFn(t, "double", func(ctx context.Context, in map[string]float64) (map[string]float64, error) {
		return map[string]float64{"n": in["n"] * 2}, nil
	})
	sm := f.machine(t, "invoke", obj{"StartAt": "Call", "States": obj{
		"Call": obj{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": obj{"FunctionName": "double", "Payload.$": "$"},
			"ResultSelector": obj{"n.$": "$.Payload.n", "code.$": "$.StatusCode", "v.$": "$.ExecutedVersion"}, "End": true}}}, "")
	_ = fn
	ex := f.start(t, sm, `{"n":21}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", d.Cause)
	require.JSONEq(t, `{"n":42,"code":200,"v":"$LATEST"}`, *d.Output)
}

// A Map with MaxConcurrency 2 over Lambda tasks runs two iterations at
// once, starts the third only when one has finished, and keeps the
// items' order in its result.
func TestExecution_MapMaxConcurrency(t *testing.T) {
	f := newFixture(t)
	release := make(chan struct{})
	started := make(chan float64, 5)
	fn := f.lambdaFn(t, "slow", func(ctx context.Context, in float64) (float64, error) {
		started <- in
		<-release
		return in * 10, nil
	})
	sm := f.machine(t, "mapc", obj{"StartAt": "M", "States": obj{"M": obj{"Type": "Map", "MaxConcurrency": 2, "End": true,
		"ItemProcessor": obj{"StartAt": "T", "States": obj{"T": obj{"Type": "Task", "Resource": fn, "End": true}}}}}}, "")
	out, err := f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(sm), Input: aws.String("[1,2,3,4,5]")})
	require.NoError(t, err)
	first := []float64{<-started, <-started}
	require.ElementsMatch(t, []float64{1, 2}, first, "the first two items run at once")
	select {
	case v := <-started:
		t.Fatalf("item %v started beyond MaxConcurrency", v)
	case <-time.After(20 * time.Millisecond):
	}
	close(release)
	f.settle(t)
	d := f.describe(t, *out.ExecutionArn)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status)
	require.JSONEq(t, `[10,20,30,40,50]`, *d.Output)
}

// A Parallel whose branch fails fails with the branch's own error; the
// other branch, waiting, is stopped.
func TestExecution_ParallelBranchFails(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "par", obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Parallel", "End": true, "Branches": []any{
		obj{"StartAt": "W", "States": obj{"W": obj{"Type": "Wait", "Seconds": 60, "End": true}}},
		obj{"StartAt": "F", "States": obj{"F": obj{"Type": "Fail", "Error": "Branch.Broke", "Cause": "b2"}}},
	}}}}, "")
	ex := f.start(t, sm, "{}")
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "Branch.Broke", *d.Error)
	require.Equal(t, "b2", *d.Cause)
	n := len(f.history(t, ex))
	f.advance(t, time.Minute)
	require.Len(t, f.history(t, ex), n, "the stopped branch does not resume")
}

// A Wait of a year minus a day passes with one Advance: not a millisecond
// early.
func TestExecution_WaitYearMinusADay(t *testing.T) {
	f := newFixture(t)
	wait := 364 * 24 * time.Hour
	sm := f.machine(t, "wait", obj{"StartAt": "W", "States": obj{"W": obj{"Type": "Wait", "Seconds": int(wait / time.Second), "End": true}}}, "")
	ex := f.start(t, sm, `{"k":"v"}`)
	f.advance(t, wait-time.Millisecond)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	f.advance(t, time.Millisecond)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status)
	require.Equal(t, t0.Add(wait), d.StopDate.UTC())
}

// A Standard execution lasts at most a year: States.Timeout beyond it.
func TestExecution_YearLimit(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "long", obj{"StartAt": "W", "States": obj{"W": obj{"Type": "Wait", "Seconds": 99999999, "End": true}}}, "")
	ex := f.start(t, sm, `{}`)
	f.advance(t, 365*24*time.Hour-time.Millisecond)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	f.advance(t, time.Millisecond)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusTimedOut, d.Status)
	require.Equal(t, "States.Timeout", *d.Error)
}

// The machine's TimeoutSeconds times an execution out at its boundary.
func TestExecution_MachineTimeout(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "to", obj{"TimeoutSeconds": 5, "StartAt": "W", "States": obj{"W": obj{"Type": "Wait", "Seconds": 10, "End": true}}}, "")
	ex := f.start(t, sm, `{}`)
	f.advance(t, 5*time.Second-time.Millisecond)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	f.advance(t, time.Millisecond)
	require.Equal(t, types.ExecutionStatusTimedOut, f.describe(t, ex).Status)
	ev := f.history(t, ex)
	require.Equal(t, types.HistoryEventTypeExecutionTimedOut, ev[len(ev)-1].Type)
}

// An EXPRESS machine runs synchronously through StartSyncExecution; its
// executions are invisible to DescribeExecution.
func TestExecution_ExpressSync(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "exp", obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "Parameters": obj{"greeting.$": "States.Format('hello {}', $.who)"}, "End": true}}}, types.StateMachineTypeExpress)
	out, err := f.client.StartSyncExecution(f.ctx, &sfn.StartSyncExecutionInput{StateMachineArn: aws.String(sm), Input: aws.String(`{"who":"you"}`)})
	require.NoError(t, err)
	require.Equal(t, types.SyncExecutionStatusSucceeded, out.Status)
	require.JSONEq(t, `{"greeting":"hello you"}`, *out.Output)
	_, err = f.client.DescribeExecution(f.ctx, &sfn.DescribeExecutionInput{ExecutionArn: out.ExecutionArn})
	awsfake.CheckCode(t, err, "InvalidArn")
	// StartSyncExecution of a STANDARD machine is refused.
	std := f.machine(t, "std", obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "End": true}}}, "")
	_, err = f.client.StartSyncExecution(f.ctx, &sfn.StartSyncExecutionInput{StateMachineArn: aws.String(std)})
	var tns *types.StateMachineTypeNotSupported
	require.True(t, errors.As(err, &tns), "%v", err)
}

// A Wait in an Express sync execution passes as the test advances.
func TestExecution_ExpressSyncWaits(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "expw", obj{"StartAt": "W", "States": obj{"W": obj{"Type": "Wait", "Seconds": 30, "End": true}}}, types.StateMachineTypeExpress)
	done := make(chan *sfn.StartSyncExecutionOutput)
	go func() {
		out, _ := f.client.StartSyncExecution(f.ctx, &sfn.StartSyncExecutionInput{StateMachineArn: aws.String(sm)})
		done <- out
	}()
	for {
		select {
		case out := <-done:
			require.Equal(t, types.SyncExecutionStatusSucceeded, out.Status)
			require.Equal(t, 30*time.Second, out.StopDate.Sub(*out.StartDate))
			return
		case <-time.After(5 * time.Millisecond):
			f.clk.Advance(time.Second)
		}
	}
}

// Names are unique on a machine: the same name and input while running
// answers the first execution, otherwise ExecutionAlreadyExists.
func TestExecution_NameUnique(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "uniq", obj{"StartAt": "W", "States": obj{"W": obj{"Type": "Wait", "Seconds": 10, "End": true}}}, "")
	in := &sfn.StartExecutionInput{StateMachineArn: aws.String(sm), Name: aws.String("run"), Input: aws.String(`{"a":1}`)}
	a, err := f.client.StartExecution(f.ctx, in)
	require.NoError(t, err)
	b, err := f.client.StartExecution(f.ctx, in)
	require.NoError(t, err)
	require.Equal(t, *a.ExecutionArn, *b.ExecutionArn)
	_, err = f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(sm), Name: aws.String("run"), Input: aws.String(`{"a":2}`)})
	var eae *types.ExecutionAlreadyExists
	require.True(t, errors.As(err, &eae), "%v", err)
	f.advance(t, 10*time.Second)
	_, err = f.client.StartExecution(f.ctx, in)
	require.True(t, errors.As(err, &eae), "a closed execution's name stays taken")
}

// StopExecution aborts; the history ends with ExecutionAborted, whose
// previous id is 0 as recorded in
// tests/aws/services/stepfunctions/v2/test_sfn_api.py::TestSnfApi::test_stop_execution.
func TestExecution_StopAndRedrive(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "stop", obj{"StartAt": "State_1", "States": obj{"State_1": obj{"Type": "Wait", "Seconds": 10, "End": true}}}, "")
	ex := f.start(t, sm, "{}")
	_, err := f.client.StopExecution(f.ctx, &sfn.StopExecutionInput{ExecutionArn: aws.String(ex), Error: aws.String("Stop"), Cause: aws.String("test")})
	require.NoError(t, err)
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "WaitStateEntered"}, {3, 0, "ExecutionAborted"}}, shapes(f.history(t, ex)))
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusAborted, d.Status)
	f.advance(t, time.Minute)
	_, err = f.client.RedriveExecution(f.ctx, &sfn.RedriveExecutionInput{ExecutionArn: aws.String(ex)})
	require.NoError(t, err)
	f.advance(t, 10*time.Second)
	d = f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status)
	require.Equal(t, int32(1), *d.RedriveCount)
	_, err = f.client.RedriveExecution(f.ctx, &sfn.RedriveExecutionInput{ExecutionArn: aws.String(ex)})
	var nr *types.ExecutionNotRedrivable
	require.True(t, errors.As(err, &nr), "%v", err)
}

// Redrive is refused 14 days after an execution closed, and allowed just
// before.
func TestExecution_RedriveWindow(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "rw", obj{"StartAt": "F", "States": obj{"F": obj{"Type": "Fail", "Error": "E"}}}, "")
	a := f.start(t, sm, "{}")
	b := f.start(t, sm, "{}")
	f.advance(t, 14*24*time.Hour)
	_, err := f.client.RedriveExecution(f.ctx, &sfn.RedriveExecutionInput{ExecutionArn: aws.String(a)})
	require.NoError(t, err, "exactly 14 days after closing is still within the window")
	f.advance(t, time.Millisecond)
	_, err = f.client.RedriveExecution(f.ctx, &sfn.RedriveExecutionInput{ExecutionArn: aws.String(b)})
	awsfake.CheckCode(t, err, "ExecutionNotRedrivable")
}
