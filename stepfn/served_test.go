package stepfn_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/servicetest"
	"github.com/awsfake/awsfake/stepfn"
)

// Every operation of the sfn client (aws-sdk-go-v2 sfn v1.41.2) is in
// the wire table.
func TestServed_EveryOperationOfTheSDKClient(t *testing.T) {
	servicetest.CheckServed(t, &sfn.Client{}, stepfn.Operations())
}

// Every code the package raises is in its catalogue.
func TestServed_EveryRaisedCodeIsCatalogued(t *testing.T) {
	servicetest.CheckCatalogue(t, ".", stepfn.Errs)
}

// Every operation of the Go API starts with enter.
func TestServed_EveryOperationStartsWithEnter(t *testing.T) {
	servicetest.CheckEnterFirst(t, ".", stepfn.Operations())
}

// An injected fault answers as the real error does through the SDK.
func TestServed_InjectedFaultAnswersAsTheRealError(t *testing.T) {
	f := newFixture(t)
	missing := "arn:aws:states:us-east-1:000000000000:stateMachine:none"
	_, real := f.client.DescribeStateMachine(f.ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(missing)})
	sm := f.machine(t, "there", obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "End": true}}}, "")
	f.cloud.StepFunctions().InjectFault("DescribeStateMachine", "StateMachineDoesNotExist", 1)
	_, injected := f.client.DescribeStateMachine(f.ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(sm)})
	servicetest.CheckSameAnswer(t, real, injected)
	var dne *types.StateMachineDoesNotExist
	require.ErrorAs(t, injected, &dne)
	_, err := f.client.DescribeStateMachine(f.ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(sm)})
	require.NoError(t, err)
	calls := f.cloud.StepFunctions().Calls()
	require.Equal(t, "DescribeStateMachine", calls[len(calls)-1].Operation)
}

// The operations of features not modelled answer as for an account that
// has none: an unknown task token is InvalidToken, a list is empty.
func TestServed_Unmodelled(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.SendTaskSuccess(f.ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String("x"), Output: aws.String("{}")})
	var it *types.InvalidToken
	require.ErrorAs(t, err, &it)
	out, err := f.client.ListActivities(f.ctx, &sfn.ListActivitiesInput{})
	require.NoError(t, err)
	require.Empty(t, out.Activities)
	_, err = f.client.DescribeActivity(f.ctx, &sfn.DescribeActivityInput{ActivityArn: aws.String("arn:aws:states:us-east-1:000000000000:activity:a")})
	var ad *types.ActivityDoesNotExist
	require.ErrorAs(t, err, &ad)
}
