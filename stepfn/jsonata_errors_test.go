package stepfn_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"
)

const undefinedCause = "An error occurred while executing the state 'State0' (entered at the event id #2). The JSONata expression '$doesNotExist' specified for the field '%s' returned nothing (undefined)."

// evalFailed checks the EvaluationFailed event at index i and the
// execution's failure after it.
func evalFailed(t *testing.T, ev []types.HistoryEvent, i int, state, location, cause string) {
	t.Helper()
	d := ev[i].EvaluationFailedEventDetails
	require.NotNil(t, d, "%v", shapes(ev))
	require.Equal(t, "States.QueryEvaluationError", *d.Error)
	require.Equal(t, cause, *d.Cause)
	require.Equal(t, state, *d.State)
	require.Equal(t, location, aws.ToString(d.Location))
	last := ev[len(ev)-1].ExecutionFailedEventDetails
	require.Equal(t, cause, *last.Cause)
}

// An undefined result anywhere is States.QueryEvaluationError, with an
// EvaluationFailed event after the event the state was entered after
// (recorded: test_assign_reference_variables.py::test_undefined_reference
// [BASE_UNDEFINED_OUTPUT, _OUTPUT_FIELD, _ASSIGN, _ARGUMENTS,
// _ARGUMENTS_FIELD, _OUTPUT_MULTIPLE_STATES]).
func TestJSONata_UndefinedReference(t *testing.T) {
	f := newFixture(t)
	fn := f.lambdaFn(t, "never", func(in map[string]any) (map[string]any, error) { return in, nil })
	und := "{% $doesNotExist %}"
	cases := map[string]struct {
		state    obj
		location string
	}{
		"output":         {obj{"Type": "Pass", "Output": und, "End": true}, "Output"},
		"output-field":   {obj{"Type": "Pass", "Output": obj{"result": und}, "End": true}, "Output/result"},
		"assign":         {obj{"Type": "Pass", "Assign": obj{"result": und}, "End": true}, "Assign/result"},
		"arguments":      {obj{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": und, "End": true}, "Arguments"},
		"arguments-fn":   {obj{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": obj{"FunctionName": und}, "End": true}, "Arguments/FunctionName"},
		"arguments-task": {obj{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": obj{"FunctionName": fn, "Payload": obj{"x": und}}, "End": true}, "Arguments/Payload/x"},
	}
	for name, c := range cases {
		ev := f.failed(t, name, obj{"QueryLanguage": "JSONata", "StartAt": "State0", "States": obj{"State0": c.state}}, `{}`, "States.QueryEvaluationError")
		typ := c.state["Type"].(string)
		require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, typ + "StateEntered"}, {3, 0, "EvaluationFailed"}, {4, 3, "ExecutionFailed"}}, shapes(ev), name)
		evalFailed(t, ev, 2, "State0", c.location, sprintf(undefinedCause, c.location))
	}
	ev := f.failed(t, "multiple", obj{"QueryLanguage": "JSONata", "StartAt": "State0", "States": obj{
		"State0": obj{"Type": "Pass", "Next": "State1"}, "State1": obj{"Type": "Pass", "Next": "State2"},
		"State2": obj{"Type": "Pass", "Output": obj{"result": und}, "End": true}}}, `{}`, "States.QueryEvaluationError")
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "PassStateEntered"}, {3, 2, "PassStateExited"}, {4, 3, "PassStateEntered"},
		{5, 4, "PassStateExited"}, {6, 5, "PassStateEntered"}, {7, 5, "EvaluationFailed"}, {8, 7, "ExecutionFailed"}}, shapes(ev))
	evalFailed(t, ev, 6, "State2", "Output/result",
		"An error occurred while executing the state 'State2' (entered at the event id #6). The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined).")
}

// An evaluation error carries JSONata's code and message: calling a
// function that does not exist is T1006 (recorded:
// test_math_operations_jsonata.py::test_math_random_seeded), and so is
// $eval, which Step Functions does not offer.
func TestJSONata_EvaluationErrors(t *testing.T) {
	f := newFixture(t)
	ev := f.failed(t, "seeded", obj{"StartAt": "State_0", "States": obj{"State_0": obj{"QueryLanguage": "JSONata", "Type": "Pass",
		"Output": obj{"FunctionResult": "{% $randomSeeded($states.input.FunctionInput.fst) %}"}, "End": true}}},
		`{"FunctionInput":"fst"}`, "States.QueryEvaluationError")
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "PassStateEntered"}, {3, 0, "EvaluationFailed"}, {4, 3, "ExecutionFailed"}}, shapes(ev))
	evalFailed(t, ev, 2, "State_0", "Output/FunctionResult", "An error occurred while executing the state 'State_0' (entered at the event id #2). "+
		"The JSONata expression '$randomSeeded($states.input.FunctionInput.fst)' specified for the field 'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function")
	for name, expr := range map[string]string{"eval": "$eval('1 + 1')", "error": "$error('mine')", "type": "1 + 'a'", "infinite": "1 / 0", "function": "function($x){$x}"} {
		ev := f.failed(t, name, obj{"QueryLanguage": "JSONata", "StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "Output": "{% " + expr + " %}", "End": true}}},
			`{}`, "States.QueryEvaluationError")
		cause := *ev[2].EvaluationFailedEventDetails.Cause
		require.Contains(t, cause, "The JSONata expression '"+expr+"' specified for the field 'Output' ", name)
		switch name {
		case "eval":
			require.Contains(t, cause, "threw an error during evaluation. T1006: Attempted to invoke a non-function")
		case "error":
			require.Contains(t, cause, "mine")
		case "function":
			require.Contains(t, cause, "returned an unsupported result type.")
		default:
			require.Contains(t, cause, "threw an error during evaluation. ")
		}
	}
}

// Map: Items that is not an array, and an input that is not an array when
// there are no Items (recorded: test_base_scenarios.py::
// test_map_state_items_eval_jsonata_fail[number, string, boolean, object,
// null, function], test_map_state_items_input_types[number]).
func TestJSONata_MapItemsNotArray(t *testing.T) {
	f := newFixture(t)
	proc := obj{"ProcessorConfig": obj{"Mode": "INLINE"}, "StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "End": true}}}
	prefix := "An error occurred while executing the state 'MapIterateState' (entered at the event id #2). "
	for items, cause := range map[string]string{
		"1":                       "The JSONata expression '1' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1",
		"'string'":                `The JSONata expression ''string'' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'string' for value: "string"`,
		"true":                    "The JSONata expression 'true' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'boolean' for value: true",
		"{'foo': 'bar'}":          `The JSONata expression '{'foo': 'bar'}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'object' for value: {"foo":"bar"}`,
		"null":                    "The JSONata expression 'null' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'null' for value: null",
		"$fn := function($x){$x}": "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.",
	} {
		ev := f.failed(t, sprintf("items-%x", items), obj{"QueryLanguage": "JSONata", "StartAt": "MapIterateState", "States": obj{"MapIterateState": obj{"Type": "Map",
			"Items": "{% " + items + " %}", "ItemProcessor": proc, "End": true}}}, `{}`, "States.QueryEvaluationError")
		require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "MapStateEntered"}, {3, 0, "EvaluationFailed"}, {4, 3, "MapStateFailed"}, {5, 4, "ExecutionFailed"}}, shapes(ev), items)
		evalFailed(t, ev, 2, "MapIterateState", "Items", prefix+cause)
	}
	ev := f.failed(t, "input", obj{"QueryLanguage": "JSONata", "StartAt": "Start", "States": obj{
		"Start":           obj{"Type": "Pass", "Output": "{% $states.input.items %}", "Next": "MapIterateState"},
		"MapIterateState": obj{"Type": "Map", "ItemProcessor": proc, "End": true}}}, `{"items":1}`, "States.QueryEvaluationError")
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "PassStateEntered"}, {3, 2, "PassStateExited"}, {4, 3, "MapStateEntered"},
		{5, 3, "EvaluationFailed"}, {6, 5, "MapStateFailed"}, {7, 6, "ExecutionFailed"}}, shapes(ev))
	evalFailed(t, ev, 4, "MapIterateState", "", "An error occurred while executing the state 'MapIterateState' (entered at the event id #4). Map state input must be an array but was: 1")
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
