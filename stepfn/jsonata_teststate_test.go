package stepfn_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"
)

// TestState runs a JSONata state with variables: its output reads
// $states and the variables; DEBUG shows the input and the variables
// (recorded: test_test_state_scenarios.py::test_state_with_variables
// [base_expressions]).
func TestJSONata_TestStateWithVariables(t *testing.T) {
	f := newFixture(t)
	def := `{"QueryLanguage":"JSONata","Type":"Pass","Output":{"ja_states_input":"{% $states.input %}","ja_var_access":"{% $var_input_value %}",` +
		`"ja_expr":"{% $sum($states.input.input_values) + $var_constant_1 %}","state":"{% $states.context.State.Name %}"},"End":true}`
	out, err := f.client.TestState(f.ctx, &sfn.TestStateInput{Definition: aws.String(def), RoleArn: aws.String(role), StateName: aws.String("StateName"),
		Input: aws.String(`{"input_values":[1,2,3]}`), Variables: aws.String(`{"var_input_value":"test_value","var_constant_1":10}`),
		InspectionLevel: types.InspectionLevelDebug})
	require.NoError(t, err)
	require.Equal(t, types.TestExecutionStatusSucceeded, out.Status, "%v", aws.ToString(out.Cause))
	require.JSONEq(t, `{"ja_states_input":{"input_values":[1,2,3]},"ja_var_access":"test_value","ja_expr":16,"state":"StateName"}`, *out.Output)
	require.JSONEq(t, `{"input_values":[1,2,3]}`, *out.InspectionData.Input)
	require.Nil(t, out.InspectionData.AfterInputPath)
	require.JSONEq(t, `{"var_input_value":"test_value","var_constant_1":10}`, aws.ToString(out.InspectionData.Variables))
}

// TestState with a JSONata Parallel and its mocked result: Arguments,
// Output over $states.result, at each level (recorded:
// test_test_state_mock_scenarios.py::test_io_jsonata_parallel_state_mock_success
// [INFO, DEBUG, TRACE]); without a mock its branches run; a machine's
// QueryLanguage is its named state's.
func TestJSONata_TestStateParallelMock(t *testing.T) {
	f := newFixture(t)
	par := `{"Type":"Parallel","QueryLanguage":"JSONata","Arguments":"{% $states.input.parallelInput %}",` +
		`"Output":{"parallelInput":"{% $states.input.parallelInput %}","parallelResult":"{% $states.result %}"},` +
		`"Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","End":true}}},{"StartAt":"B2","States":{"B2":{"Type":"Pass","End":true}}}],"End":true}`
	mock := &types.MockInput{Result: aws.String(`[{"branch1":"result"},{"branch2":"result"}]`)}
	for _, level := range []types.InspectionLevel{types.InspectionLevelInfo, types.InspectionLevelDebug, types.InspectionLevelTrace} {
		out := f.testState(t, par, `{"parallelInput":{"data":"input_value"}}`, level, mock)
		require.Equal(t, types.TestExecutionStatusSucceeded, out.Status, "%v", aws.ToString(out.Cause))
		require.JSONEq(t, `{"parallelInput":{"data":"input_value"},"parallelResult":[{"branch1":"result"},{"branch2":"result"}]}`, *out.Output)
		if level == types.InspectionLevelInfo {
			require.Nil(t, out.InspectionData)
			continue
		}
		require.JSONEq(t, `{"parallelInput":{"data":"input_value"}}`, *out.InspectionData.Input)
	}
	out := f.testState(t, par, `{"parallelInput":{"data":"input_value"}}`, types.InspectionLevelInfo, nil)
	require.JSONEq(t, `{"parallelInput":{"data":"input_value"},"parallelResult":[{"data":"input_value"},{"data":"input_value"}]}`, *out.Output)
	machine := `{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $states.input.a + 1 %}","End":true}}}`
	out, err := f.client.TestState(f.ctx, &sfn.TestStateInput{Definition: aws.String(machine), StateName: aws.String("P"), RoleArn: aws.String(role), Input: aws.String(`{"a":1}`)})
	require.NoError(t, err)
	require.Equal(t, "2", *out.Output)
}

// TestState with a JSONPath Parallel and its mock: the mock is the
// result, ResultPath places it (recorded: test_test_state_mock_scenarios.py::
// test_io_parallel_state_mock_success[DEBUG]); a mocked error is caught.
func TestTestState_ParallelMockJSONPath(t *testing.T) {
	f := newFixture(t)
	par := `{"Type":"Parallel","InputPath":"$.parallelInput","ResultPath":"$.parallelResult","OutputPath":"$",` +
		`"Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","End":true}}},{"StartAt":"B2","States":{"B2":{"Type":"Pass","End":true}}}],"End":true}`
	out := f.testState(t, par, `{"parallelInput":{"data":"input_value"}}`, types.InspectionLevelDebug,
		&types.MockInput{Result: aws.String(`[{"branch1":"result"},{"branch2":"result"}]`)})
	want := `{"parallelInput":{"data":"input_value"},"parallelResult":[{"branch1":"result"},{"branch2":"result"}]}`
	require.JSONEq(t, want, *out.Output)
	require.JSONEq(t, want, *out.InspectionData.AfterResultPath)
	require.JSONEq(t, `[{"branch1":"result"},{"branch2":"result"}]`, *out.InspectionData.AfterResultSelector)
	caught := `{"Type":"Map","Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}],"ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}`
	out = f.testState(t, caught, `[1]`, types.InspectionLevelInfo, &types.MockInput{ErrorOutput: &types.MockErrorOutput{Error: aws.String("E"), Cause: aws.String("c")}})
	require.Equal(t, types.TestExecutionStatusCaughtError, out.Status)
	require.Equal(t, "H", *out.NextState)
	require.Equal(t, "E", *out.Error)
}
