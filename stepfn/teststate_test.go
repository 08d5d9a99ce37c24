package stepfn_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"
)

func (f *fixture) testState(t *testing.T, def, input string, level types.InspectionLevel, mock *types.MockInput) *sfn.TestStateOutput {
	t.Helper()
	out, err := f.client.TestState(f.ctx, &sfn.TestStateInput{Definition: aws.String(def), RoleArn: aws.String(role),
		Input: aws.String(input), InspectionLevel: level, Mock: mock})
	require.NoError(t, err)
	return out
}

const ioPass = `{"Type":"Pass","InputPath":"$.initialData","Parameters":{"staticValue":"some value","inputValue.$":"$.fieldFromInput"},"ResultPath":"$.modifiedData","End":true}`
const ioInput = `{"initialData":{"fieldFromInput":"value from input","otherField":"other"},"unrelatedData":{"someOtherField":1234}}`

// A Pass at each level: INFO answers the output only, DEBUG and TRACE the
// data flow too (test_test_state_scenarios.py::TestStateCaseScenarios::
// test_base_inspection_level_{info,debug,trace}[IO_PASS_STATE]).
func TestTestState_Levels(t *testing.T) {
	f := newFixture(t)
	wantOut := `{"initialData":{"fieldFromInput":"value from input","otherField":"other"},"unrelatedData":{"someOtherField":1234},"modifiedData":{"staticValue":"some value","inputValue":"value from input"}}`
	info := f.testState(t, ioPass, ioInput, types.InspectionLevelInfo, nil)
	require.Equal(t, types.TestExecutionStatusSucceeded, info.Status)
	require.JSONEq(t, wantOut, *info.Output)
	require.Nil(t, info.InspectionData)
	require.Nil(t, info.NextState)
	for _, level := range []types.InspectionLevel{types.InspectionLevelDebug, types.InspectionLevelTrace} {
		out := f.testState(t, ioPass, ioInput, level, nil)
		d := out.InspectionData
		require.NotNil(t, d, level)
		require.JSONEq(t, ioInput, *d.Input)
		require.JSONEq(t, `{"fieldFromInput":"value from input","otherField":"other"}`, *d.AfterInputPath)
		require.JSONEq(t, `{"staticValue":"some value","inputValue":"value from input"}`, *d.AfterParameters)
		require.JSONEq(t, `{"staticValue":"some value","inputValue":"value from input"}`, *d.AfterResultSelector)
		require.JSONEq(t, wantOut, *d.AfterResultPath)
		require.Nil(t, d.Result) // a Pass without Result shows none
	}
	// A Pass with a Result: no afterInputPath nor afterParameters, as recorded (IO_RESULT_PASS_STATE).
	out := f.testState(t, `{"Type":"Pass","InputPath":"$.initialData","Result":{"resultKey":"result value"},"ResultPath":"$.modifiedData","End":true}`,
		ioInput, types.InspectionLevelDebug, nil)
	require.Nil(t, out.InspectionData.AfterInputPath)
	require.Nil(t, out.InspectionData.AfterParameters)
	require.JSONEq(t, `{"resultKey":"result value"}`, *out.InspectionData.Result)
}

// A Choice answers its next state; a Fail its error (BASE_CHOICE_STATE,
// BASE_FAIL_STATE).
func TestTestState_ChoiceAndFail(t *testing.T) {
	f := newFixture(t)
	choice := `{"Type":"Choice","Choices":[{"And":[{"Variable":"$.value","NumericGreaterThanEquals":20},{"Variable":"$.value","NumericLessThan":30}],"Next":"ValueInTwenties"}],"Default":"DefaultState"}`
	out := f.testState(t, choice, `{"type":"Private","value":22}`, types.InspectionLevelDebug, nil)
	require.Equal(t, types.TestExecutionStatusSucceeded, out.Status)
	require.Equal(t, "ValueInTwenties", *out.NextState)
	require.JSONEq(t, `{"type":"Private","value":22}`, *out.Output)
	require.JSONEq(t, `{"type":"Private","value":22}`, *out.InspectionData.AfterInputPath)

	fail := `{"Type":"Fail","Error":"SomeFailure","Cause":"This state machines raises a 'SomeFailure' failure."}`
	out = f.testState(t, fail, `{"Value":"HelloWorld"}`, types.InspectionLevelDebug, nil)
	require.Equal(t, types.TestExecutionStatusFailed, out.Status)
	require.Equal(t, "SomeFailure", *out.Error)
	require.Equal(t, "This state machines raises a 'SomeFailure' failure.", *out.Cause)
	require.Nil(t, out.Output)
	require.JSONEq(t, `{"Value":"HelloWorld"}`, *out.InspectionData.Input)
}

// A Task answered by the mock parameter: its result, its error caught
// (CAUGHT_ERROR, the catcher's Next) or matched by a Retry (RETRIABLE);
// without a mock the task is called (a Lambda handler here).
func TestTestState_Task(t *testing.T) {
	f := newFixture(t)
	task := `{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"fn","Payload.$":"$"},"ResultSelector":{"p.$":"$.Payload"},"Next":"Done",
		"Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"]}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"Handler"}]}`
	out := f.testState(t, task, `{"a":1}`, types.InspectionLevelDebug, &types.MockInput{Result: aws.String(`{"Payload":{"ok":true}}`)})
	require.Equal(t, types.TestExecutionStatusSucceeded, out.Status)
	require.Equal(t, "Done", *out.NextState)
	require.JSONEq(t, `{"p":{"ok":true}}`, *out.Output)
	require.JSONEq(t, `{"Payload":{"ok":true}}`, *out.InspectionData.Result)
	require.JSONEq(t, `{"FunctionName":"fn","Payload":{"a":1}}`, *out.InspectionData.AfterParameters)

	out = f.testState(t, task, `{}`, types.InspectionLevelInfo, &types.MockInput{ErrorOutput: &types.MockErrorOutput{Error: aws.String("Boom"), Cause: aws.String("bad")}})
	require.Equal(t, types.TestExecutionStatusCaughtError, out.Status)
	require.Equal(t, "Handler", *out.NextState)
	require.Equal(t, "Boom", *out.Error)
	require.JSONEq(t, `{"Error":"Boom","Cause":"bad"}`, *out.Output)

	out = f.testState(t, task, `{}`, types.InspectionLevelInfo, &types.MockInput{ErrorOutput: &types.MockErrorOutput{Error: aws.String("Lambda.TooManyRequestsException"), Cause: aws.String("slow")}})
	require.Equal(t, types.TestExecutionStatusRetriable, out.Status)
	require.Nil(t, out.NextState)

	f.lambdaFn(t, "fn", func(_ context.Context, in map[string]int) (map[string]int, error) {
		return map[string]int{"b": in["a"] + 1}, nil
	})
	out = f.testState(t, task, `{"a":1}`, types.InspectionLevelTrace, nil)
	require.Equal(t, types.TestExecutionStatusSucceeded, out.Status, "%v", out.Cause)
	require.JSONEq(t, `{"p":{"b":2}}`, *out.Output)
}

// A machine's definition with stateName tests that state; bad requests
// are refused; nothing is listed afterwards.
func TestTestState_StateNameAndErrors(t *testing.T) {
	f := newFixture(t)
	def := `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":1,"Next":"B"},"B":{"Type":"Pass","Result":2,"End":true}}}`
	out, err := f.client.TestState(f.ctx, &sfn.TestStateInput{Definition: aws.String(def), StateName: aws.String("B"), RoleArn: aws.String(role)})
	require.NoError(t, err)
	require.Equal(t, "2", *out.Output)
	_, err = f.client.TestState(f.ctx, &sfn.TestStateInput{Definition: aws.String(def), RoleArn: aws.String(role)})
	requireCode(t, err, "ValidationException")
	_, err = f.client.TestState(f.ctx, &sfn.TestStateInput{Definition: aws.String(`{"Type":"Nope"}`), RoleArn: aws.String(role)})
	requireCode(t, err, "InvalidDefinition")
	_, err = f.client.TestState(f.ctx, &sfn.TestStateInput{Definition: aws.String(`{"Type":"Pass","End":true}`), RoleArn: aws.String("bad")})
	requireCode(t, err, "InvalidArn")
	_, err = f.client.TestState(f.ctx, &sfn.TestStateInput{Definition: aws.String(`{"Type":"Pass","End":true}`), Input: aws.String("{")})
	requireCode(t, err, "InvalidExecutionInput")
	_, err = f.client.TestState(f.ctx, &sfn.TestStateInput{Definition: aws.String(`{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true}`)})
	requireCode(t, err, "ValidationException")
	list, err := f.client.ListStateMachines(f.ctx, &sfn.ListStateMachinesInput{})
	require.NoError(t, err)
	require.Empty(t, list.StateMachines)
}
