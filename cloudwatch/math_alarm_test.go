package cloudwatch_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// mathAlarm puts an alarm on the error rate errors/calls*100 > 10, one
// period of a minute.
func (f *fixture) mathAlarm(t *testing.T, name string) {
	t.Helper()
	_, err := f.client.PutMetricAlarm(f.ctx, &awscw.PutMetricAlarmInput{AlarmName: aws.String(name),
		EvaluationPeriods: aws.Int32(1), Threshold: aws.Float64(10), ComparisonOperator: types.ComparisonOperatorGreaterThanThreshold,
		Metrics: []types.MetricDataQuery{stat("m1", "errors", false), stat("m2", "calls", false),
			{Id: aws.String("rate"), Expression: aws.String("m1/m2*100"), ReturnData: aws.Bool(true)}}})
	require.NoError(t, err)
}

// A metric math alarm evaluates its returned expression: 1 error in 100
// calls is OK, 20 in 100 fires at the minute boundary after that minute.
func TestMetricMathAlarm_Fires(t *testing.T) {
	f := newFixture(t)
	f.mathAlarm(t, "error-rate")
	f.put(t, "errors", 1, t0)
	f.put(t, "calls", 100, t0)
	f.advance(t, time.Minute)
	state, _ := f.state(t, "error-rate")
	assert.Equal(t, types.StateValueOk, state)

	f.put(t, "errors", 20, t0.Add(time.Minute))
	f.put(t, "calls", 100, t0.Add(time.Minute))
	f.advance(t, time.Minute-time.Second)
	state, _ = f.state(t, "error-rate")
	assert.Equal(t, types.StateValueOk, state, "just before the boundary")
	f.advance(t, time.Second)
	state, reason := f.state(t, "error-rate")
	assert.Equal(t, types.StateValueAlarm, state, "at the boundary")
	assert.Contains(t, reason, "[20.0 (")
	out, err := f.client.DescribeAlarms(f.ctx, &awscw.DescribeAlarmsInput{AlarmNames: []string{"error-rate"}})
	require.NoError(t, err)
	assert.Len(t, out.MetricAlarms[0].Metrics, 3)
	assert.Nil(t, out.MetricAlarms[0].Period)
}

// The queries of a metric math alarm are checked as AWS checks them.
func TestMetricMathAlarm_Refused(t *testing.T) {
	f := newFixture(t)
	put := func(qs ...types.MetricDataQuery) error {
		_, err := f.client.PutMetricAlarm(f.ctx, &awscw.PutMetricAlarmInput{AlarmName: aws.String("a"), EvaluationPeriods: aws.Int32(1),
			Threshold: aws.Float64(1), ComparisonOperator: types.ComparisonOperatorGreaterThanThreshold, Metrics: qs})
		return err
	}
	err := put(stat("m1", "a", true), expr("e1", "m1*2"))
	awsfake.CheckCode(t, err, "InvalidParameterValue")
	assert.ErrorContains(t, err, "Exactly one element of the metrics list should return data.")
	awsfake.CheckCode(t, put(stat("m1", "a", false), expr("e1", "m1 *")), "ValidationError")
	awsfake.CheckCode(t, put(stat("m1", "a", false), expr("e1", "m9 * 2")), "ValidationError")
	awsfake.CheckCode(t, put(stat("m1", "a", false), stat("m1", "b", false), expr("e1", "m1")), "InvalidParameterValue")
}
