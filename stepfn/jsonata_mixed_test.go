package stepfn_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// A JSONPath machine with JSONata states: variables cross between the
// languages, and a JSONPath state's output is a JSONata state's
// $states.input (recorded: test_mixed_query_language.py::
// test_variable_sampling[JSONPATH_ASSIGN_JSONATA_REF], test_task_dataflow_to_state).
func TestJSONata_MixedQueryLanguages(t *testing.T) {
	f := newFixture(t)
	ex := f.start(t, f.machine(t, "sampling", obj{"StartAt": "JSONPathState", "States": obj{
		"JSONPathState": obj{"QueryLanguage": "JSONPath", "Type": "Pass", "Assign": obj{"theAnswer": 42}, "Next": "JSONataState"},
		"JSONataState":  obj{"QueryLanguage": "JSONata", "Type": "Pass", "Assign": obj{"theAnswer": 18, "oldAnswer": "{% $theAnswer %}"}, "End": true}}}, ""), `{}`)
	ev := f.history(t, ex)
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "PassStateEntered"}, {3, 2, "PassStateExited"}, {4, 3, "PassStateEntered"}, {5, 4, "PassStateExited"}, {6, 5, "ExecutionSucceeded"}}, shapes(ev))
	require.Equal(t, map[string]string{"oldAnswer": "42", "theAnswer": "18"}, ev[4].StateExitedEventDetails.AssignedVariables)

	fn := f.lambdaFn(t, "echo", func(_ context.Context, in map[string]any) (map[string]any, error) { return in, nil })
	def := obj{"StartAt": "StateJsonPath", "States": obj{
		"StateJsonPath": obj{"QueryLanguage": "JSONPath", "Type": "Pass", "Result": obj{"riddle": "What is the answer to life, the universe, and everything?"},
			"Assign": obj{"answer": 42, "inputData.$": "$"}, "OutputPath": "$", "ResultPath": "$.enigma.mystery", "Next": "StateJsonata"},
		"StateJsonata": obj{"QueryLanguage": "JSONata", "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
			"Arguments": obj{"FunctionName": "{% $states.input.functionName %}", "Payload": obj{"theQuestion": "{% $states.input.enigma.mystery.riddle %}", "theAnswer": "{% $answer %}"}},
			"Assign":    obj{"answer": "<omitted>", "message": "{% $states.result.Payload %}"}, "Output": obj{"result": "{% $states.result.Payload %}"}, "End": true}}}
	ex = f.start(t, f.machine(t, "dataflow", def, ""), `{"functionName":"`+fn+`"}`)
	ev = f.history(t, ex)
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "PassStateEntered"}, {3, 2, "PassStateExited"}, {4, 3, "TaskStateEntered"}, {5, 4, "TaskScheduled"},
		{6, 5, "TaskStarted"}, {7, 6, "TaskSucceeded"}, {8, 7, "TaskStateExited"}, {9, 8, "ExecutionSucceeded"}}, shapes(ev))
	payload := `{"theQuestion":"What is the answer to life, the universe, and everything?","theAnswer":42}`
	require.JSONEq(t, `{"FunctionName":"`+fn+`","Payload":`+payload+`}`, *ev[4].TaskScheduledEventDetails.Parameters)
	require.Equal(t, `"<omitted>"`, ev[7].StateExitedEventDetails.AssignedVariables["answer"])
	require.JSONEq(t, `{"result":`+payload+`}`, *f.describe(t, ex).Output)
}

// The same workflow written in JSONata and in JSONPath gives the same
// result, with variables across states, a Choice, a Map and a Lambda.
func TestJSONata_SameWorkflowBothLanguages(t *testing.T) {
	f := newFixture(t)
	fn := f.lambdaFn(t, "total", func(_ context.Context, in struct{ Prices []float64 }) (map[string]float64, error) {
		sum := 0.0
		for _, p := range in.Prices {
			sum += p
		}
		return map[string]float64{"total": sum}, nil
	})
	proc := func(st obj) obj { return obj{"StartAt": "Line", "States": obj{"Line": st}} }
	jsonpath := obj{"StartAt": "Keep", "States": obj{
		"Keep": obj{"Type": "Pass", "Assign": obj{"customer.$": "$.customer"}, "Next": "Lines"},
		"Lines": obj{"Type": "Map", "ItemsPath": "$.lines", "ItemSelector": obj{"price.$": "$$.Map.Item.Value.price", "qty.$": "$$.Map.Item.Value.qty"},
			"ItemProcessor": proc(obj{"Type": "Pass", "Parameters": obj{"p.$": "States.MathAdd($.price, 0)"}, "OutputPath": "$.p", "End": true}), "ResultPath": "$.prices", "Next": "Sum"},
		"Sum": obj{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": obj{"FunctionName": fn, "Payload": obj{"Prices.$": "$.prices"}},
			"ResultSelector": obj{"total.$": "$.Payload.total"}, "ResultPath": "$.sum", "Next": "Big"},
		"Big": obj{"Type": "Choice", "Choices": []any{obj{"Variable": "$.sum.total", "NumericGreaterThan": 10, "Next": "Yes"}}, "Default": "No"},
		"Yes": obj{"Type": "Pass", "Parameters": obj{"customer.$": "$customer", "total.$": "$.sum.total", "big": true}, "End": true},
		"No":  obj{"Type": "Pass", "Parameters": obj{"customer.$": "$customer", "total.$": "$.sum.total", "big": false}, "End": true}}}
	jsonata := obj{"QueryLanguage": "JSONata", "StartAt": "Keep", "States": obj{
		"Keep": obj{"Type": "Pass", "Assign": obj{"customer": "{% $states.input.customer %}"}, "Next": "Lines"},
		"Lines": obj{"Type": "Map", "Items": "{% $states.input.lines %}", "ItemSelector": obj{"price": "{% $states.context.Map.Item.Value.price %}"},
			"ItemProcessor": proc(obj{"Type": "Pass", "Output": "{% $states.input.price %}", "End": true}), "Assign": obj{"prices": "{% $states.result %}"}, "Next": "Sum"},
		"Sum": obj{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": obj{"FunctionName": fn, "Payload": obj{"Prices": "{% $prices %}"}},
			"Output": obj{"total": "{% $states.result.Payload.total %}"}, "Next": "Big"},
		"Big": obj{"Type": "Choice", "Choices": []any{obj{"Condition": "{% $states.input.total > 10 %}", "Next": "Yes"}}, "Default": "No"},
		"Yes": obj{"Type": "Pass", "Output": obj{"customer": "{% $customer %}", "total": "{% $states.input.total %}", "big": true}, "End": true},
		"No":  obj{"Type": "Pass", "Output": obj{"customer": "{% $customer %}", "total": "{% $states.input.total %}", "big": false}, "End": true}}}
	for in, want := range map[string]string{
		`{"customer":"c-1","lines":[{"price":4,"qty":1},{"price":9,"qty":2}]}`: `{"customer":"c-1","total":13,"big":true}`,
		`{"customer":"c-2","lines":[{"price":2,"qty":1}]}`:                     `{"customer":"c-2","total":2,"big":false}`,
	} {
		a := f.ok(t, "path-"+in[13:16], jsonpath, in)
		b := f.ok(t, "ata-"+in[13:16], jsonata, in)
		require.JSONEq(t, want, a)
		require.JSONEq(t, a, b)
	}
}
