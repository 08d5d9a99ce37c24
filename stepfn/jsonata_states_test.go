package stepfn_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"
)

// Choice: the matching rule's Output and Assign, else the Default with
// the state's (recorded: test_base_evaluate_expressions.py::
// test_output_in_choice and test_assign_in_choice [CONDITION_TRUE,
// CONDITION_FALSE]); a literal Condition (test_choice_condition_constant_jsonata).
func TestJSONata_Choice(t *testing.T) {
	f := newFixture(t)
	def := func(field string, rule, dflt any) obj {
		return obj{"QueryLanguage": "JSONata", "StartAt": "ChoiceState", "States": obj{
			"ChoiceState": obj{"Type": "Choice", "Choices": []any{obj{"Condition": "{% $states.input.condition %}", "Next": "ConditionTrue", field: rule}},
				"Default": "DefaultState", field: dflt},
			"ConditionTrue": obj{"Type": "Pass", "End": true},
			"DefaultState":  obj{"Type": "Fail", "Cause": "Condition is false"}}}
	}
	out := def("Output", "Condition Output block", "Default Output block")
	require.Equal(t, `"Condition Output block"`, f.ok(t, "out-true", out, `{"condition":true}`))
	ev := f.failed(t, "out-false", out, `{"condition":false}`, "")
	require.Equal(t, `"Default Output block"`, *ev[2].StateExitedEventDetails.Output)
	require.Equal(t, "Condition is false", *ev[len(ev)-1].ExecutionFailedEventDetails.Cause)
	as := def("Assign", obj{"Assignment": "Condition assignment"}, obj{"Assignment": "Default Assignment"})
	ex := f.start(t, f.machine(t, "as-true", as, ""), `{"condition":true}`)
	require.Equal(t, map[string]string{"Assignment": `"Condition assignment"`}, f.history(t, ex)[2].StateExitedEventDetails.AssignedVariables)
	ev = f.failed(t, "as-false", as, `{"condition":false}`, "")
	require.Equal(t, map[string]string{"Assignment": `"Default Assignment"`}, ev[2].StateExitedEventDetails.AssignedVariables)
	require.Equal(t, `{"condition":false}`, *ev[2].StateExitedEventDetails.Output)
	constant := obj{"StartAt": "ChoiceState", "States": obj{"ChoiceState": obj{"Type": "Choice", "QueryLanguage": "JSONata",
		"Choices": []any{obj{"Condition": true, "Next": "ConditionTrue"}}, "Default": "DefaultState"},
		"ConditionTrue": obj{"Type": "Pass", "End": true}, "DefaultState": obj{"Type": "Fail", "Cause": "Condition is false"}}}
	require.Equal(t, `{}`, f.ok(t, "constant", constant, `{}`))
	// A Condition that is not a boolean fails; no rule and no Default is
	// States.NoChoiceMatched.
	ev = f.failed(t, "not-bool", def("Output", "x", "y"), `{"condition":"yes"}`, "States.QueryEvaluationError")
	require.Contains(t, *ev[2].EvaluationFailedEventDetails.Cause, "Expected 'boolean', but was 'string' for value: \"yes\"")
	f.failed(t, "none", obj{"QueryLanguage": "JSONata", "StartAt": "C", "States": obj{"C": obj{"Type": "Choice",
		"Choices": []any{obj{"Condition": "{% false %}", "Next": "S"}}}, "S": obj{"Type": "Succeed"}}}, `{}`, "States.NoChoiceMatched")
}

// Wait: Seconds from an expression counts on the clock (just before, at
// and after the boundary); Timestamp from an expression; a bad timestamp
// is States.QueryEvaluationError with the EvaluationFailed after the
// Entered (recorded: test_base_scenarios.py::test_wait_timestamp_jsonata
// [NO_T, NO_Z, INVALID_DATE, INVALID_TIME, INVALID_ISO], test_wait_seconds_jsonata).
func TestJSONata_Wait(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "wait", obj{"QueryLanguage": "JSONata", "StartAt": "WaitState", "States": obj{"WaitState": obj{"Type": "Wait",
		"Seconds": "{% $states.input.waitSeconds %}", "Output": "{% $states.input.waitSeconds * 2 %}", "End": true}}}, "")
	ex := f.start(t, sm, `{"waitSeconds":30}`)
	f.advance(t, 30*time.Second-time.Millisecond)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	f.advance(t, time.Millisecond)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status)
	require.Equal(t, "60", *d.Output)
	require.Equal(t, "{}", f.ok(t, "zero", obj{"QueryLanguage": "JSONata", "StartAt": "W", "States": obj{"W": obj{"Type": "Wait", "Seconds": "{% 0 %}", "End": true}}}, `{}`))
	ts := f.machine(t, "ts", obj{"QueryLanguage": "JSONata", "StartAt": "WaitState", "States": obj{"WaitState": obj{"Type": "Wait",
		"Timestamp": "{% $states.input.TimestampValue %}", "End": true}}}, "")
	ex = f.start(t, ts, `{"TimestampValue":"`+f.clk.Now().Add(time.Hour).Format(time.RFC3339)+`"}`)
	f.advance(t, time.Hour-time.Millisecond)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	f.advance(t, time.Millisecond) // exactly at the timestamp
	require.Equal(t, types.ExecutionStatusSucceeded, f.describe(t, ex).Status)
	past := f.start(t, ts, `{"TimestampValue":"`+f.clk.Now().Add(-time.Millisecond).Format(time.RFC3339Nano)+`"}`)
	require.Equal(t, types.ExecutionStatusSucceeded, f.describe(t, past).Status, "a timestamp just past ends the Wait at once")
	for _, bad := range []string{"2016-12-05 21:29:29Z", "2016-12-05T21:29:29", "2016-13-05T21:29:29Z", "2016-12-05T25:29:29Z", "05-12-2016T21:29:29Z"} {
		ex := f.start(t, ts, `{"TimestampValue":"`+bad+`"}`)
		ev := f.history(t, ex)
		require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "WaitStateEntered"}, {3, 2, "EvaluationFailed"}, {4, 3, "ExecutionFailed"}}, shapes(ev))
		evalFailed(t, ev, 2, "WaitState", "Timestamp", "An error occurred while executing the state 'WaitState' (entered at the event id #2). "+
			"The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: "+bad)
	}
	ev := f.failed(t, "negative", obj{"QueryLanguage": "JSONata", "StartAt": "W", "States": obj{"W": obj{"Type": "Wait", "Seconds": "{% -1 %}", "End": true}}}, `{}`, "States.QueryEvaluationError")
	require.Equal(t, "Seconds", *ev[2].EvaluationFailedEventDetails.Location)
}

// Fail: Error and Cause from expressions (recorded:
// test_base_scenarios.py::test_fail_error_jsonata, test_fail_cause_jsonata).
func TestJSONata_Fail(t *testing.T) {
	f := newFixture(t)
	ev := f.failed(t, "error", obj{"QueryLanguage": "JSONata", "StartAt": "FailState", "States": obj{"FailState": obj{"Type": "Fail",
		"Error": "{% $states.input.error %}"}}}, `{"error":"Exception"}`, "Exception")
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "FailStateEntered"}, {3, 2, "ExecutionFailed"}}, shapes(ev))
	require.Nil(t, ev[2].ExecutionFailedEventDetails.Cause)
	ev = f.failed(t, "cause", obj{"QueryLanguage": "JSONata", "StartAt": "FailState", "States": obj{"FailState": obj{"Type": "Fail",
		"Cause": "{% $states.input.cause %}"}}}, `{"cause":"This failed to due an Exception."}`, "")
	require.Equal(t, "This failed to due an Exception.", *ev[2].ExecutionFailedEventDetails.Cause)
	ev = f.failed(t, "number", obj{"QueryLanguage": "JSONata", "StartAt": "F", "States": obj{"F": obj{"Type": "Fail",
		"Error": "{% 42 %}"}}}, `{}`, "States.QueryEvaluationError")
	require.Contains(t, *ev[2].EvaluationFailedEventDetails.Cause, "Expected 'string', but was 'number' for value: 42")
}

// Task: Arguments to the integration, $states.result in Output (the
// result is the output without one), TimeoutSeconds from an expression
// (timeoutInSeconds in TaskScheduled, recorded: test_base_evaluate_expressions.py::
// test_base_task[TIMEOUT_SECONDS]), Catch with $states.errorOutput,
// Output and Assign.
func TestJSONata_Task(t *testing.T) {
	f := newFixture(t)
	fn := f.lambdaFn(t, "double", func(ctx context.Context, in map[string]float64) (map[string]float64, error) {
		if in["n"] < 0 {
			return nil, lambdaErr{"negative"}
		}
		return map[string]float64{"n": in["n"] * 2}, nil
	})
	def := obj{"QueryLanguage": "JSONata", "StartAt": "Call", "States": obj{
		"Call": obj{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": "{% $states.input.timeout %}",
			"Arguments": obj{"FunctionName": fn, "Payload": obj{"n": "{% $states.input.n %}"}},
			"Output":    obj{"doubled": "{% $states.result.Payload.n %}", "code": "{% $states.result.StatusCode %}"},
			"Catch": []any{obj{"ErrorEquals": []any{"States.ALL"}, "Next": "Handle",
				"Assign": obj{"why": "{% $states.errorOutput.Error %}"}, "Output": obj{"was": "{% $states.input.n %}", "err": "{% $states.errorOutput.Error %}"}}},
			"End": true},
		"Handle": obj{"Type": "Pass", "Output": obj{"why": "{% $why %}", "in": "{% $states.input %}"}, "End": true}}}
	sm := f.machine(t, "task", def, "")
	ex := f.start(t, sm, `{"n":21,"timeout":5}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", aws.ToString(d.Cause))
	require.JSONEq(t, `{"doubled":42,"code":200}`, *d.Output)
	ev := f.history(t, ex)
	require.Equal(t, int64(5), *ev[2].TaskScheduledEventDetails.TimeoutInSeconds)
	require.JSONEq(t, `{"FunctionName":"`+fn+`","Payload":{"n":21}}`, *ev[2].TaskScheduledEventDetails.Parameters)
	d = f.describe(t, f.start(t, sm, `{"n":-1,"timeout":5}`))
	require.JSONEq(t, `{"why":"lambdaErr","in":{"was":-1,"err":"lambdaErr"}}`, *d.Output)
	// A timeout that is not a positive integer fails the state.
	ev = f.history(t, f.start(t, sm, `{"n":1,"timeout":0}`))
	require.Equal(t, "TimeoutSeconds", *ev[2].EvaluationFailedEventDetails.Location)
	require.Equal(t, "PassStateEntered", string(ev[4].Type), "States.QueryEvaluationError is caught by States.ALL")
}

// TimeoutSeconds and HeartbeatSeconds from expressions count on the
// clock: the task times out exactly at its expression's seconds.
func TestJSONata_TaskTimeoutOnClock(t *testing.T) {
	f := newFixture(t)
	act := f.activity(t, "work")
	sm := f.machine(t, "slow", obj{"QueryLanguage": "JSONata", "StartAt": "Work", "States": obj{"Work": obj{"Type": "Task", "Resource": act,
		"TimeoutSeconds": "{% $states.input.t %}", "HeartbeatSeconds": "{% $states.input.t - 1 %}", "End": true}}}, "")
	ex := f.start(t, sm, `{"t":10}`)
	f.advance(t, 10*time.Second-time.Millisecond)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	f.advance(t, time.Millisecond)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "States.Timeout", *d.Error)
}

// A States.QueryEvaluationError is retried by a Retry that names it.
func TestJSONata_RetryQueryEvaluationError(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "retry", obj{"QueryLanguage": "JSONata", "StartAt": "T", "States": obj{"T": obj{"Type": "Task",
		"Resource": "arn:aws:states:::lambda:invoke", "Arguments": obj{"FunctionName": "{% $states.input.missing %}"},
		"Retry": []any{obj{"ErrorEquals": []any{"States.QueryEvaluationError"}, "IntervalSeconds": 2, "MaxAttempts": 1}}, "End": true}}}, "")
	ex := f.start(t, sm, `{}`)
	f.advance(t, 2*time.Second-time.Millisecond)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	f.advance(t, time.Millisecond)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	n := 0
	for _, e := range f.history(t, ex) {
		if e.Type == types.HistoryEventTypeEvaluationFailed {
			n++
		}
	}
	require.Equal(t, 2, n, "the first attempt and its retry")
}

// HeartbeatSeconds from an expression over the input is in TaskScheduled
// (recorded: test_base_evaluate_expressions.py::test_base_task_from_input
// [HEARTBEAT_SECONDS], a lambda:invoke without a token).
func TestJSONata_HeartbeatSecondsFromInput(t *testing.T) {
	f := newFixture(t)
	fn := f.lambdaFn(t, "empty", func(ctx context.Context, in map[string]any) (map[string]any, error) { return in, nil })
	ex := f.start(t, f.machine(t, "hb", obj{"QueryLanguage": "JSONata", "StartAt": "Start", "States": obj{"Start": obj{"Type": "Task",
		"Resource": "arn:aws:states:::lambda:invoke", "HeartbeatSeconds": "{% $states.input.input_value %}",
		"Arguments": obj{"Payload": obj{}, "FunctionName": fn}, "End": true}}}, ""), `{"input_value":1}`)
	ev := f.history(t, ex)
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "TaskStateEntered"}, {3, 2, "TaskScheduled"}, {4, 3, "TaskStarted"},
		{5, 4, "TaskSucceeded"}, {6, 5, "TaskStateExited"}, {7, 6, "ExecutionSucceeded"}}, shapes(ev))
	require.Equal(t, int64(1), *ev[2].TaskScheduledEventDetails.HeartbeatInSeconds)
	require.Nil(t, ev[2].TaskScheduledEventDetails.TimeoutInSeconds)
}
