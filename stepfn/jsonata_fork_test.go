package stepfn_test

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"
)

// Map: Items from a variable, ItemSelector with $states.context.Map.Item
// and an outer variable, MaxConcurrency 1 (recorded:
// test_base_scenarios.py::test_map_state_item_selector[MAP_STATE_ITEM_SELECTOR_JSONATA]).
func TestJSONata_MapItemSelector(t *testing.T) {
	f := newFixture(t)
	def := obj{"QueryLanguage": "JSONata", "StartAt": "Start", "States": obj{
		"Start": obj{"Type": "Pass", "Assign": obj{"ItemsVar": []any{"Item1", "Item2"}}, "Next": "MapIterateState"},
		"MapIterateState": obj{"Type": "Map", "MaxConcurrency": 1, "Items": "{% $ItemsVar %}",
			"ItemSelector":  obj{"map_item_value": "{% $states.context.Map.Item.Value %}", "var_sample": "{% $ItemsVar %}", "string_literal": "string literal"},
			"ItemProcessor": obj{"ProcessorConfig": obj{"Mode": "INLINE"}, "StartAt": "Pass", "States": obj{"Pass": obj{"Type": "Pass", "End": true}}},
			"End":           true}}}
	ex := f.start(t, f.machine(t, "selector", def, ""), `{}`)
	ev := f.history(t, ex)
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "PassStateEntered"}, {3, 2, "PassStateExited"}, {4, 3, "MapStateEntered"},
		{5, 4, "MapStateStarted"}, {6, 5, "MapIterationStarted"}, {7, 6, "PassStateEntered"}, {8, 7, "PassStateExited"}, {9, 8, "MapIterationSucceeded"},
		{10, 8, "MapIterationStarted"}, {11, 10, "PassStateEntered"}, {12, 11, "PassStateExited"}, {13, 12, "MapIterationSucceeded"},
		{14, 13, "MapStateSucceeded"}, {15, 13, "MapStateExited"}, {16, 15, "ExecutionSucceeded"}}, shapes(ev))
	require.Equal(t, map[string]string{"ItemsVar": `["Item1","Item2"]`}, ev[2].StateExitedEventDetails.AssignedVariables)
	require.JSONEq(t, `{"map_item_value":"Item2","var_sample":["Item1","Item2"],"string_literal":"string literal"}`, *ev[10].StateEnteredEventDetails.Input)
	require.JSONEq(t, `[{"map_item_value":"Item1","var_sample":["Item1","Item2"],"string_literal":"string literal"},`+
		`{"map_item_value":"Item2","var_sample":["Item1","Item2"],"string_literal":"string literal"}]`, *f.describe(t, ex).Output)
}

// Map: Items and MaxConcurrency from expressions (recorded:
// test_base_evaluate_expressions.py::test_base_map[ITEMS, MAX_CONCURRENCY]);
// the index in $states.context.Map.Item.Index; Output over $states.result;
// an ItemSelector that fails fails the Map.
func TestJSONata_MapItemsExpression(t *testing.T) {
	f := newFixture(t)
	proc := obj{"StartAt": "Process", "States": obj{"Process": obj{"Type": "Pass", "End": true}}}
	out := f.ok(t, "items", obj{"QueryLanguage": "JSONata", "StartAt": "Start", "States": obj{"Start": obj{"Type": "Map",
		"Items": "{% [1, 2, 3] %}", "MaxConcurrency": "{% 1 %}", "ItemProcessor": proc, "End": true}}}, `{}`)
	require.Equal(t, "[1,2,3]", out)
	out = f.ok(t, "index", obj{"QueryLanguage": "JSONata", "StartAt": "Start", "States": obj{"Start": obj{"Type": "Map",
		"Items": []any{"a", "{% $states.input.b %}"}, "ItemSelector": obj{"i": "{% $states.context.Map.Item.Index %}", "v": "{% $states.context.Map.Item.Value %}", "in": "{% $states.input.b %}"},
		"ItemProcessor": proc, "Output": "{% $count($states.result) %}", "Assign": obj{"all": "{% $states.result.v %}"}, "Next": "After"},
		"After": obj{"Type": "Pass", "Output": "{% $all %}", "End": true}}}, `{"b":"B"}`)
	require.Equal(t, `["a","B"]`, out)
	ev := f.failed(t, "bad-selector", obj{"QueryLanguage": "JSONata", "StartAt": "M", "States": obj{"M": obj{"Type": "Map",
		"Items": []any{1}, "ItemSelector": obj{"x": "{% $nope %}"}, "ItemProcessor": proc, "End": true}}}, `{}`, "States.QueryEvaluationError")
	require.Equal(t, "ItemSelector/x", *ev[4].EvaluationFailedEventDetails.Location, "%v", shapes(ev))
	ev = f.failed(t, "bad-concurrency", obj{"QueryLanguage": "JSONata", "StartAt": "M", "States": obj{"M": obj{"Type": "Map",
		"MaxConcurrency": "{% 'two' %}", "ItemProcessor": proc, "End": true}}}, `[]`, "States.QueryEvaluationError")
	require.Equal(t, "MaxConcurrency", *ev[2].EvaluationFailedEventDetails.Location)
}

// Parallel: Arguments become every branch's input; the branches read the
// outer variables and assign their own, which do not leak out; Output
// over $states.result.
func TestJSONata_ParallelReadsOuterVariables(t *testing.T) {
	f := newFixture(t)
	branch := func(name string) obj {
		return obj{"StartAt": name, "States": obj{name: obj{"Type": "Pass", "Assign": obj{"local" + name: "{% $outer & '-" + name + "' %}"}, "Next": name + "2"},
			name + "2": obj{"Type": "Pass", "Output": obj{"outer": "{% $outer %}", "local": "{% $local" + name + " %}", "in": "{% $states.input %}"}, "End": true}}}
	}
	def := obj{"QueryLanguage": "JSONata", "StartAt": "Set", "States": obj{
		"Set":   obj{"Type": "Pass", "Assign": obj{"outer": "o"}, "Next": "Both"},
		"Both":  obj{"Type": "Parallel", "Arguments": obj{"n": "{% $states.input.n + 1 %}"}, "Branches": []any{branch("A"), branch("B")}, "Output": "{% $states.result %}", "Next": "After"},
		"After": obj{"Type": "Pass", "Output": obj{"r": "{% $states.input %}", "leaked": "{% $exists($localA) %}"}, "End": true}}}
	out := f.ok(t, "par", def, `{"n":1}`)
	require.JSONEq(t, `{"r":[{"outer":"o","local":"o-A","in":{"n":2}},{"outer":"o","local":"o-B","in":{"n":2}}],"leaked":false}`, out)
}

// A Parallel branch or a Map iteration cannot assign a variable of an
// outer scope: the definition is refused, and nothing is created.
func TestJSONata_InnerScopeCannotAssignOuter(t *testing.T) {
	f := newFixture(t)
	for name, def := range map[string]obj{
		"parallel": {"QueryLanguage": "JSONata", "StartAt": "Set", "States": obj{
			"Set": obj{"Type": "Pass", "Assign": obj{"outer": 1}, "Next": "Both"},
			"Both": obj{"Type": "Parallel", "End": true, "Branches": []any{
				obj{"StartAt": "Try", "States": obj{"Try": obj{"Type": "Pass", "Assign": obj{"outer": 2}, "End": true}}}}}}},
		"map-jsonpath": {"StartAt": "Set", "States": obj{
			"Set": obj{"Type": "Pass", "Assign": obj{"outer": 1}, "Next": "Each"},
			"Each": obj{"Type": "Map", "End": true, "ItemProcessor": obj{"StartAt": "Try",
				"States": obj{"Try": obj{"Type": "Pass", "Assign": obj{"outer.$": "$"}, "End": true}}}}}},
	} {
		b := mustJSON(t, def)
		d := f.validate(t, b)
		require.Len(t, d, 1, name)
		require.Contains(t, *d[0].Message, "The variable 'outer' is assigned in an outer scope")
		require.Contains(t, *d[0].Location, "/States/Try/Assign")
		var inv *types.InvalidDefinition
		require.ErrorAs(t, f.create(b, ""), &inv, name)
	}
	// The same name in two sibling branches is allowed: each has its own scope.
	require.Empty(t, f.validate(t, mustJSON(t, obj{"QueryLanguage": "JSONata", "StartAt": "Both", "States": obj{
		"Both": obj{"Type": "Parallel", "End": true, "Branches": []any{
			obj{"StartAt": "A", "States": obj{"A": obj{"Type": "Pass", "Assign": obj{"x": 1}, "End": true}}},
			obj{"StartAt": "B", "States": obj{"B": obj{"Type": "Pass", "Assign": obj{"x": 2}, "End": true}}}}}}})))
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}
