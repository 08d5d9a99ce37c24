package cloudwatch_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An execution's start and close are AWS/States metrics by
// StateMachineArn (Step Functions Developer Guide, "Execution metrics"):
// the close counted in the minute it happens, with ExecutionTime in
// milliseconds on the clock.
func TestStandard_StepFunctionsMetrics(t *testing.T) {
	f := newFixture(t)
	client := sfn.NewFromConfig(f.cloud.AWSConfig())
	def := `{"StartAt":"Pick","States":{"Pick":{"Type":"Choice","Choices":[{"Variable":"$.fail","BooleanEquals":true,"Next":"Boom"}],"Default":"Wait"},` +
		`"Wait":{"Type":"Wait","Seconds":90,"End":true},"Boom":{"Type":"Fail","Error":"E"}}}`
	m, err := client.CreateStateMachine(f.ctx, &sfn.CreateStateMachineInput{Name: aws.String("flow"), Definition: aws.String(def),
		RoleArn: aws.String("arn:aws:iam::000000000000:role/sfn")})
	require.NoError(t, err)
	for _, in := range []string{`{"fail":false}`, `{"fail":true}`} {
		_, err := client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: m.StateMachineArn, Input: aws.String(in)})
		require.NoError(t, err)
	}
	f.clk.Advance(90 * time.Second) // the waiting execution succeeds at t0+90s, in the second minute
	require.NoError(t, f.cloud.Settle(f.ctx))

	query := func(id, name, stat string) types.MetricDataQuery {
		return types.MetricDataQuery{Id: aws.String(id), MetricStat: &types.MetricStat{Metric: &types.Metric{
			Namespace: aws.String("AWS/States"), MetricName: aws.String(name),
			Dimensions: []types.Dimension{{Name: aws.String("StateMachineArn"), Value: m.StateMachineArn}}},
			Period: aws.Int32(60), Stat: aws.String(stat)}}
	}
	out, err := f.client.GetMetricData(f.ctx, &awscw.GetMetricDataInput{StartTime: aws.Time(t0.Add(-time.Hour)), EndTime: aws.Time(t0.Add(time.Hour)),
		ScanBy: types.ScanByTimestampAscending, MetricDataQueries: []types.MetricDataQuery{query("started", "ExecutionsStarted", "Sum"),
			query("succeeded", "ExecutionsSucceeded", "Sum"), query("failed", "ExecutionsFailed", "Sum"),
			query("time", "ExecutionTime", "Maximum")}})
	require.NoError(t, err)
	got := map[string][]float64{}
	at := map[string][]time.Time{}
	for _, r := range out.MetricDataResults {
		got[aws.ToString(r.Id)] = r.Values
		for _, ts := range r.Timestamps {
			at[aws.ToString(r.Id)] = append(at[aws.ToString(r.Id)], ts.UTC())
		}
	}
	assert.Equal(t, map[string][]float64{"started": {2}, "succeeded": {1}, "failed": {1}, "time": {0, 90000}}, got)
	assert.Equal(t, []time.Time{t0.Add(time.Minute)}, at["succeeded"], "counted in the minute it closed")
	assert.Equal(t, []time.Time{t0}, at["failed"])
}
