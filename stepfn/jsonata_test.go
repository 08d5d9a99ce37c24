package stepfn_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"
)

// ok runs a machine on input and returns its output, failing unless the
// execution succeeded.
func (f *fixture) ok(t *testing.T, name string, def obj, input string) string {
	t.Helper()
	ex := f.start(t, f.machine(t, name, def, ""), input)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v %v", aws.ToString(d.Error), aws.ToString(d.Cause))
	return *d.Output
}

// failed runs a machine on input and returns its history, failing unless
// the execution failed with errName.
func (f *fixture) failed(t *testing.T, name string, def obj, input, errName string) []types.HistoryEvent {
	t.Helper()
	ex := f.start(t, f.machine(t, name, def, ""), input)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, errName, aws.ToString(d.Error), "%v", aws.ToString(d.Cause))
	return f.history(t, ex)
}

// validate answers ValidateStateMachineDefinition's diagnostics of def.
func (f *fixture) validate(t *testing.T, def string) []types.ValidateStateMachineDefinitionDiagnostic {
	t.Helper()
	out, err := f.client.ValidateStateMachineDefinition(f.ctx, &sfn.ValidateStateMachineDefinitionInput{Definition: aws.String(def)})
	require.NoError(t, err)
	return out.Diagnostics
}

// QueryLanguage JSONata at the top level and per state give the same
// history as JSONPath (recorded: test_base_query_language.py::
// test_base_query_language_field[JSONATA], test_query_language_field_override).
func TestJSONata_QueryLanguageField(t *testing.T) {
	f := newFixture(t)
	want := []shape{{1, 0, "ExecutionStarted"}, {2, 0, "PassStateEntered"}, {3, 2, "PassStateExited"}, {4, 3, "ExecutionSucceeded"}}
	for name, def := range map[string]obj{
		"top":      {"QueryLanguage": "JSONata", "StartAt": "StartState", "States": obj{"StartState": obj{"Type": "Pass", "End": true}}},
		"override": {"StartAt": "StartState", "States": obj{"StartState": obj{"Type": "Pass", "QueryLanguage": "JSONata", "End": true}}},
		"same":     {"QueryLanguage": "JSONata", "StartAt": "StartState", "States": obj{"StartState": obj{"Type": "Pass", "QueryLanguage": "JSONata", "End": true}}},
	} {
		ex := f.start(t, f.machine(t, name, def, ""), `{}`)
		require.Equal(t, want, shapes(f.history(t, ex)), name)
		require.Equal(t, "{}", *f.describe(t, ex).Output)
	}
}

// A JSONata machine cannot hold a JSONPath state (recorded:
// test_sfn_api_validation.py::test_validate_state_machine_definition_type_standard
// [INVALID_DOWNGRADE_QUERY_LANGUAGE]); CreateStateMachine refuses it with
// the same text and creates nothing.
func TestJSONata_DowngradeRefused(t *testing.T) {
	f := newFixture(t)
	def := `{"QueryLanguage":"JSONata","StartAt":"Pass","States":{"Pass":{"Type":"Pass","QueryLanguage":"JSONPath","End":true}}}`
	d := f.validate(t, def)
	require.Len(t, d, 1)
	require.Equal(t, "SCHEMA_VALIDATION_FAILED", *d[0].Code)
	require.Equal(t, "/States/Pass", *d[0].Location)
	require.Equal(t, "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", *d[0].Message)
	err := f.create(def, "")
	var inv *types.InvalidDefinition
	require.ErrorAs(t, err, &inv)
	require.Equal(t, "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: '"+
		"QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine at /States/Pass'", *inv.Message)
	list, err := f.client.ListStateMachines(f.ctx, &sfn.ListStateMachinesInput{})
	require.NoError(t, err)
	require.Empty(t, list.StateMachines)
	// The reverse is allowed: a JSONPath machine with a JSONata state.
	require.Empty(t, f.validate(t, `{"StartAt":"P","States":{"P":{"Type":"Pass","QueryLanguage":"JSONata","End":true}}}`))
	d = f.validate(t, `{"QueryLanguage":"XPath","StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`)
	require.Len(t, d, 1)
	require.Equal(t, "/QueryLanguage", *d[0].Location)
}

// JSONPath's fields are refused in a JSONata state, and JSONata's in a
// JSONPath one.
func TestJSONata_JSONPathFieldsRefused(t *testing.T) {
	f := newFixture(t)
	for _, field := range []string{"InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath", "Result"} {
		def := `{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","` + field + `":{},"End":true}}}`
		if field != "Parameters" && field != "ResultSelector" && field != "Result" {
			def = `{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","` + field + `":"$","End":true}}}`
		}
		d := f.validate(t, def)
		require.Len(t, d, 1, field)
		require.Equal(t, "Field '"+field+"' is not supported", *d[0].Message, field)
		require.Equal(t, "/States/P", *d[0].Location)
	}
	for _, field := range []string{"Arguments", "Output"} {
		d := f.validate(t, `{"StartAt":"P","States":{"P":{"Type":"Pass","`+field+`":{},"End":true}}}`)
		require.Len(t, d, 1, field)
		require.Equal(t, "Field '"+field+"' is not supported", *d[0].Message)
	}
	d := f.validate(t, `{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.e","Next":"P"}],"End":true}}}`)
	require.Len(t, d, 1)
	require.Equal(t, "/States/P/Catch/0", *d[0].Location)
}

// An expression that does not parse, or uses JSONata 2.1's ?: or ??
// (Step Functions runs JSONata 2.0), is refused at validation; the
// characters inside strings and a regex's (?: group are not operators.
func TestJSONata_InvalidExpressions(t *testing.T) {
	f := newFixture(t)
	for _, expr := range []string{"$states.input.a ?? 1", "$states.input.a ?: 2", "(1 +", "$states.input.(", "'unterminated"} {
		d := f.validate(t, `{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":{"v":"{% `+expr+` %}"},"End":true}}}`)
		require.Len(t, d, 1, expr)
		require.Equal(t, "SCHEMA_VALIDATION_FAILED", *d[0].Code)
		require.Equal(t, "/States/P/Output/v", *d[0].Location)
		require.Contains(t, *d[0].Message, "The JSONata expression '"+expr+"' specified for the field 'Output/v' is not valid")
	}
	out := f.ok(t, "strings", obj{"QueryLanguage": "JSONata", "StartAt": "P", "States": obj{"P": obj{"Type": "Pass",
		"Output": obj{"s": "{% 'a ?? b' & \"?:\" %}", "m": "{% $contains('ab', /(?:a)b/) %}", "c": "{% true ? 1 : 2 %}"}, "End": true}}}, `{}`)
	require.JSONEq(t, `{"s":"a ?? b?:","m":true,"c":1}`, out)
}

// Output and Assign: $states.input, variables read in later states, the
// state's own Assign not seen by its Output (both read the variables as
// they were on entering), assignedVariables in the Exited event; a
// string that is not "{% %}" is a literal.
func TestJSONata_OutputAndAssign(t *testing.T) {
	f := newFixture(t)
	def := obj{"QueryLanguage": "JSONata", "StartAt": "First", "States": obj{
		"First": obj{"Type": "Pass", "Assign": obj{"n": "{% $states.input.n %}", "name": "lit {% not %}"}, "Output": "{% $states.input.n * 10 %}", "Next": "Second"},
		"Second": obj{"Type": "Pass", "Assign": obj{"n": "{% $n + 1 %}"},
			"Output": obj{"old": "{% $n %}", "in": "{% $states.input %}", "name": "{% $name %}", "list": []any{"{% $n %}", 2, nil}}, "Next": "Third"},
		"Third": obj{"Type": "Succeed", "Output": obj{"n": "{% $n %}", "prev": "{% $states.input.old %}"}}}}
	ex := f.start(t, f.machine(t, "vars", def, ""), `{"n":4}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", aws.ToString(d.Cause))
	require.JSONEq(t, `{"n":5,"prev":4}`, *d.Output)
	ev := f.history(t, ex)
	require.Equal(t, map[string]string{"n": "4", "name": `"lit {% not %}"`}, ev[2].StateExitedEventDetails.AssignedVariables)
	require.Equal(t, "40", *ev[2].StateExitedEventDetails.Output)
	require.JSONEq(t, `{"old":4,"in":40,"name":"lit {% not %}","list":[4,2,null]}`, *ev[4].StateExitedEventDetails.Output)
	require.Equal(t, map[string]string{"n": "5"}, ev[4].StateExitedEventDetails.AssignedVariables)
}

// $states.context: the execution, state and entered time, as in JSONPath's
// $$; null in the input stays null; numbers pass through JavaScript's
// form (1.50 is 1.5).
func TestJSONata_Context(t *testing.T) {
	f := newFixture(t)
	out := f.ok(t, "ctx", obj{"QueryLanguage": "JSONata", "StartAt": "Here", "States": obj{"Here": obj{"Type": "Pass", "Output": obj{
		"state": "{% $states.context.State.Name %}", "name": "{% $states.context.Execution.Name %}", "input": "{% $states.context.Execution.Input %}",
		"entered": "{% $states.context.State.EnteredTime %}", "isNull": "{% $states.input.z = null %}", "z": "{% $states.input.z %}", "big": "{% $states.input.big %}"}, "End": true}}},
		`{"z":null,"big":1.50}`)
	require.Contains(t, out, `"state":"Here"`)
	require.Contains(t, out, `"entered":"2026-01-01T00:00:00.000Z"`)
	require.Contains(t, out, `"isNull":true`)
	require.Contains(t, out, `"z":null`)
	require.Contains(t, out, `"big":1.5`)
	require.Contains(t, out, `"input":{"big":1.5,"z":null}`)
}

// $states.context as recorded (test_arguments.py::test_base_cases
// [BASE_EXPR]): Execution with RedriveCount, State with its Name and
// EnteredTime only, StateMachine.
func TestJSONata_ContextShape(t *testing.T) {
	f := newFixture(t)
	ex := f.start(t, f.machine(t, "shape", obj{"QueryLanguage": "JSONata", "StartAt": "State0", "States": obj{"State0": obj{"Type": "Pass",
		"Output": obj{"ctx": "{% $states.context %}"}, "End": true}}}, ""), `{"input_value":"string literal"}`)
	d := f.describe(t, ex)
	require.JSONEq(t, `{"ctx":{"Execution":{"Id":"`+*d.ExecutionArn+`","Input":{"input_value":"string literal"},"Name":"`+*d.Name+`","RedriveCount":0,`+
		`"RoleArn":"`+role+`","StartTime":"2026-01-01T00:00:00.000Z"},"State":{"EnteredTime":"2026-01-01T00:00:00.000Z","Name":"State0"},`+
		`"StateMachine":{"Id":"`+*d.StateMachineArn+`","Name":"shape"}}}`, *d.Output)
}
