package stepfn_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

func (f *fixture) create(def string, typ types.StateMachineType) error {
	_, err := f.client.CreateStateMachine(f.ctx, &sfn.CreateStateMachineInput{Name: aws.String("bad"),
		Definition: aws.String(def), RoleArn: aws.String(role), Type: typ})
	return err
}

// InvalidDefinition carries AWS's texts, as recorded in
// tests/aws/services/stepfunctions/v2/test_sfn_api.py and
// test_sfn_api_validation.py; nothing is created.
func TestMachines_InvalidDefinition(t *testing.T) {
	f := newFixture(t)
	cases := map[string]struct {
		def string
		typ types.StateMachineType
		msg string
	}{
		"no States": {`{"StartAt":"A"}`, "", "SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /"},
		"bad type": {`{"StartAt":"ExistingButInvalidState","States":{"ExistingButInvalidState":{"Type":"Nope","End":true}}}`, "",
			"SCHEMA_VALIDATION_FAILED: The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map] at /States/ExistingButInvalidState/Type"},
		"empty branches": {`{"StartAt":"StateName","States":{"StateName":{"Type":"Parallel","Branches":[],"End":true}}}`, "",
			"SCHEMA_VALIDATION_FAILED: Value cannot be empty at /States/StateName/Branches"},
		"express sync": {`{"StartAt":"StartExecution","States":{"StartExecution":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync","End":true}}}`, types.StateMachineTypeExpress,
			"SCHEMA_VALIDATION_FAILED: Express state machine does not support '.sync' service integration at /States/StartExecution/Resource"},
		"express token": {`{"StartAt":"Publish","States":{"Publish":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken","End":true}}}`, types.StateMachineTypeExpress,
			"SCHEMA_VALIDATION_FAILED: Express state machine does not support '.waitForTaskToken' service integration  at /States/Publish/Resource"},
		"missing next": {`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}`, "", "MISSING_TRANSITION_TARGET: Missing 'Next' target: B at /States/A/Next"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			err := f.create(c.def, c.typ)
			var id *types.InvalidDefinition
			require.True(t, errors.As(err, &id), "%v", err)
			require.Equal(t, "Invalid State Machine Definition: '"+c.msg+"'", id.ErrorMessage())
		})
	}
	out, err := f.client.ListStateMachines(f.ctx, &sfn.ListStateMachinesInput{})
	require.NoError(t, err)
	require.Empty(t, out.StateMachines)
}

// ValidateStateMachineDefinition answers OK or FAIL with diagnostics, as
// recorded in test_sfn_api_validation.py (INVALID_BASE_NO_STARTAT,
// ILLEGAL_WFTT, EMPTY_DICT).
func TestMachines_Validate(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.ValidateStateMachineDefinition(f.ctx, &sfn.ValidateStateMachineDefinitionInput{Definition: aws.String(`{"States":{}}`)})
	require.NoError(t, err)
	require.Equal(t, types.ValidateStateMachineDefinitionResultCodeFail, out.Result)
	require.Equal(t, "These fields are required: [StartAt]", *out.Diagnostics[0].Message)
	require.Equal(t, "/", *out.Diagnostics[0].Location)
	require.Equal(t, "SCHEMA_VALIDATION_FAILED", *out.Diagnostics[0].Code)
	out, err = f.client.ValidateStateMachineDefinition(f.ctx, &sfn.ValidateStateMachineDefinitionInput{Definition: aws.String(`{}`)})
	require.NoError(t, err)
	require.Equal(t, "These fields are required: [States, StartAt]", *out.Diagnostics[0].Message)
	out, err = f.client.ValidateStateMachineDefinition(f.ctx, &sfn.ValidateStateMachineDefinitionInput{Type: types.StateMachineTypeExpress,
		Definition: aws.String(`{"StartAt":"SendMessageWithWait","States":{"SendMessageWithWait":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true}}}`)})
	require.NoError(t, err)
	require.Equal(t, "/States/SendMessageWithWait/Resource", *out.Diagnostics[0].Location)
	out, err = f.client.ValidateStateMachineDefinition(f.ctx, &sfn.ValidateStateMachineDefinitionInput{Definition: aws.String(`{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`)})
	require.NoError(t, err)
	require.Equal(t, types.ValidateStateMachineDefinitionResultCodeOk, out.Result)
	require.Empty(t, out.Diagnostics)
}

// Create is idempotent for the same machine and refuses a different one
// under the same name; Describe, Update (a new revision), Delete.
func TestMachines_Lifecycle(t *testing.T) {
	f := newFixture(t)
	def := `{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`
	in := &sfn.CreateStateMachineInput{Name: aws.String("m"), Definition: aws.String(def), RoleArn: aws.String(role),
		TracingConfiguration: &types.TracingConfiguration{Enabled: true}, Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}}
	a, err := f.client.CreateStateMachine(f.ctx, in)
	require.NoError(t, err)
	b, err := f.client.CreateStateMachine(f.ctx, in)
	require.NoError(t, err)
	require.Equal(t, *a.StateMachineArn, *b.StateMachineArn)
	_, err = f.client.CreateStateMachine(f.ctx, &sfn.CreateStateMachineInput{Name: aws.String("m"), Definition: aws.String(def), RoleArn: aws.String(role + "2")})
	awsfake.CheckCode(t, err, "StateMachineAlreadyExists")
	d, err := f.client.DescribeStateMachine(f.ctx, &sfn.DescribeStateMachineInput{StateMachineArn: a.StateMachineArn})
	require.NoError(t, err)
	require.Equal(t, def, *d.Definition)
	require.True(t, d.TracingConfiguration.Enabled)
	require.Equal(t, types.StateMachineTypeStandard, d.Type)
	require.Equal(t, types.LogLevelOff, d.LoggingConfiguration.Level)
	def2 := `{"StartAt":"Q","States":{"Q":{"Type":"Succeed"}}}`
	u, err := f.client.UpdateStateMachine(f.ctx, &sfn.UpdateStateMachineInput{StateMachineArn: a.StateMachineArn, Definition: aws.String(def2)})
	require.NoError(t, err)
	require.NotEqual(t, *d.RevisionId, *u.RevisionId)
	tags, err := f.client.ListTagsForResource(f.ctx, &sfn.ListTagsForResourceInput{ResourceArn: a.StateMachineArn})
	require.NoError(t, err)
	require.Equal(t, "v", *tags.Tags[0].Value)
	_, err = f.client.DeleteStateMachine(f.ctx, &sfn.DeleteStateMachineInput{StateMachineArn: a.StateMachineArn})
	require.NoError(t, err)
	_, err = f.client.DescribeStateMachine(f.ctx, &sfn.DescribeStateMachineInput{StateMachineArn: a.StateMachineArn})
	awsfake.CheckCode(t, err, "StateMachineDoesNotExist")
	_, err = f.client.CreateStateMachine(f.ctx, &sfn.CreateStateMachineInput{Name: aws.String("bad name"), Definition: aws.String(def), RoleArn: aws.String(role)})
	awsfake.CheckCode(t, err, "InvalidName")
}

// Versions freeze a revision; an alias routes by weight to versions; an
// execution through an alias records both.
func TestMachines_VersionsAndAliases(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.CreateStateMachine(f.ctx, &sfn.CreateStateMachineInput{Name: aws.String("v"), Publish: true,
		Definition: aws.String(`{"StartAt":"P","States":{"P":{"Type":"Pass","Result":1,"End":true}}}`), RoleArn: aws.String(role)})
	require.NoError(t, err)
	require.Equal(t, *out.StateMachineArn+":1", *out.StateMachineVersionArn)
	_, err = f.client.UpdateStateMachine(f.ctx, &sfn.UpdateStateMachineInput{StateMachineArn: out.StateMachineArn,
		Definition: aws.String(`{"StartAt":"P","States":{"P":{"Type":"Pass","Result":2,"End":true}}}`), Publish: true})
	require.NoError(t, err)
	vs, err := f.client.ListStateMachineVersions(f.ctx, &sfn.ListStateMachineVersionsInput{StateMachineArn: out.StateMachineArn})
	require.NoError(t, err)
	require.Len(t, vs.StateMachineVersions, 2)
	require.Equal(t, *out.StateMachineArn+":2", *vs.StateMachineVersions[0].StateMachineVersionArn)
	al, err := f.client.CreateStateMachineAlias(f.ctx, &sfn.CreateStateMachineAliasInput{Name: aws.String("live"),
		RoutingConfiguration: []types.RoutingConfigurationListItem{{StateMachineVersionArn: out.StateMachineVersionArn, Weight: 100}}})
	require.NoError(t, err)
	ex := f.start(t, *al.StateMachineAliasArn, "{}")
	d := f.describe(t, ex)
	require.Equal(t, "1", *d.Output, "the alias runs version 1")
	require.Equal(t, *al.StateMachineAliasArn, *d.StateMachineAliasArn)
	require.Equal(t, *out.StateMachineVersionArn, *d.StateMachineVersionArn)
	_, err = f.client.DeleteStateMachineVersion(f.ctx, &sfn.DeleteStateMachineVersionInput{StateMachineVersionArn: out.StateMachineVersionArn})
	awsfake.CheckCode(t, err, "ConflictException")
	_, err = f.client.CreateStateMachineAlias(f.ctx, &sfn.CreateStateMachineAliasInput{Name: aws.String("half"),
		RoutingConfiguration: []types.RoutingConfigurationListItem{{StateMachineVersionArn: out.StateMachineVersionArn, Weight: 50}}})
	awsfake.CheckCode(t, err, "ValidationException")
}

// ListExecutions pages newest first and filters by status; GetExecutionHistory
// pages in both orders.
func TestMachines_ListAndHistoryPaging(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "pg", obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "End": true}}}, "")
	var arns []string
	for i := range 3 {
		out, err := f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(sm), Name: aws.String(fmt.Sprint("e", i))})
		require.NoError(t, err)
		arns = append(arns, *out.ExecutionArn)
	}
	p1, err := f.client.ListExecutions(f.ctx, &sfn.ListExecutionsInput{StateMachineArn: aws.String(sm), MaxResults: 2})
	require.NoError(t, err)
	require.Equal(t, arns[2], *p1.Executions[0].ExecutionArn)
	require.NotNil(t, p1.NextToken)
	p2, err := f.client.ListExecutions(f.ctx, &sfn.ListExecutionsInput{StateMachineArn: aws.String(sm), MaxResults: 2, NextToken: p1.NextToken})
	require.NoError(t, err)
	require.Len(t, p2.Executions, 1)
	require.Equal(t, arns[0], *p2.Executions[0].ExecutionArn)
	none, err := f.client.ListExecutions(f.ctx, &sfn.ListExecutionsInput{StateMachineArn: aws.String(sm), StatusFilter: types.ExecutionStatusRunning})
	require.NoError(t, err)
	require.Empty(t, none.Executions)
	h, err := f.client.GetExecutionHistory(f.ctx, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(arns[0]), ReverseOrder: true, MaxResults: 3,
		IncludeExecutionData: aws.Bool(false)})
	require.NoError(t, err)
	require.Equal(t, []int64{4, 3, 2}, []int64{h.Events[0].Id, h.Events[1].Id, h.Events[2].Id})
	require.Nil(t, h.Events[1].StateExitedEventDetails.Output)
	h2, err := f.client.GetExecutionHistory(f.ctx, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(arns[0]), ReverseOrder: true, MaxResults: 3, NextToken: h.NextToken})
	require.NoError(t, err)
	require.Len(t, h2.Events, 1)
	require.Equal(t, int64(1), h2.Events[0].Id)
	_, err = f.client.ListExecutions(f.ctx, &sfn.ListExecutionsInput{StateMachineArn: aws.String(sm), MaxResults: 1001})
	awsfake.CheckCode(t, err, "ValidationException")
}

// EXPRESS executions are invisible to ListExecutions.
func TestMachines_ExpressListRefused(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "ex", obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "End": true}}}, types.StateMachineTypeExpress)
	_, err := f.client.ListExecutions(f.ctx, &sfn.ListExecutionsInput{StateMachineArn: aws.String(sm)})
	awsfake.CheckCode(t, err, "StateMachineTypeNotSupported")
}
