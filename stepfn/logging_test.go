package stepfn_test

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A machine with a loggingConfiguration sends its executions' history
// events to the log group, by level: ALL every event, with input and
// output when includeExecutionData; ERROR only the failures, so a
// succeeding execution logs nothing ("Logging in CloudWatch Logs").
func TestLogging_ExecutionEventsReachTheLogGroup(t *testing.T) {
	f := newFixture(t)
	logs := cloudwatchlogs.NewFromConfig(f.cloud.AWSConfig())
	_, err := logs.CreateLogGroup(f.ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: aws.String("/aws/vendedlogs/states/exp")})
	require.NoError(t, err)
	groupARN := "arn:aws:logs:us-east-1:000000000000:log-group:/aws/vendedlogs/states/exp:*"
	create := func(name, level string, typ types.StateMachineType) string {
		out, err := f.client.CreateStateMachine(f.ctx, &sfn.CreateStateMachineInput{Name: aws.String(name), Type: typ, RoleArn: aws.String(role),
			Definition: aws.String(`{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`),
			LoggingConfiguration: &types.LoggingConfiguration{Level: types.LogLevel(level), IncludeExecutionData: true,
				Destinations: []types.LogDestination{{CloudWatchLogsLogGroup: &types.CloudWatchLogsLogGroup{LogGroupArn: aws.String(groupARN)}}}}})
		require.NoError(t, err)
		return *out.StateMachineArn
	}
	exp := create("exp", "ALL", types.StateMachineTypeExpress)
	quiet := create("quiet", "ERROR", types.StateMachineTypeStandard)

	out, err := f.client.StartSyncExecution(f.ctx, &sfn.StartSyncExecutionInput{StateMachineArn: aws.String(exp), Input: aws.String(`{"a":1}`)})
	require.NoError(t, err)
	f.start(t, quiet, `{}`)
	f.settle(t)

	got, err := logs.FilterLogEvents(f.ctx, &cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String("/aws/vendedlogs/states/exp")})
	require.NoError(t, err)
	var kinds []string
	for _, e := range got.Events {
		var rec struct {
			Type    string         `json:"type"`
			Exec    string         `json:"execution_arn"`
			Details map[string]any `json:"details"`
		}
		require.NoError(t, json.Unmarshal([]byte(aws.ToString(e.Message)), &rec))
		assert.Equal(t, aws.ToString(out.ExecutionArn), rec.Exec, "only the ALL machine logged")
		kinds = append(kinds, rec.Type)
		if rec.Type == "ExecutionStarted" {
			assert.Equal(t, `{"a":1}`, rec.Details["input"], "includeExecutionData keeps the input")
		}
	}
	assert.Equal(t, []string{"ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"}, kinds)
}
