package cloudwatch_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/sns"
	"github.com/awsfake/awsfake/sqs"
)

// alarm puts an alarm on app/m: Average > 10 over 60-second periods.
func (f *fixture) alarm(t *testing.T, name string, n, m int32, treat string, mut ...func(*awscw.PutMetricAlarmInput)) {
	t.Helper()
	in := &awscw.PutMetricAlarmInput{AlarmName: aws.String(name), Namespace: aws.String("app"), MetricName: aws.String("m"),
		Statistic: types.StatisticAverage, Period: aws.Int32(60), EvaluationPeriods: aws.Int32(n), DatapointsToAlarm: aws.Int32(m),
		Threshold: aws.Float64(10), ComparisonOperator: types.ComparisonOperatorGreaterThanThreshold}
	if treat != "" {
		in.TreatMissingData = aws.String(treat)
	}
	for _, fn := range mut {
		fn(in)
	}
	_, err := f.client.PutMetricAlarm(f.ctx, in)
	require.NoError(t, err)
}

// A 3-of-5 alarm is not in ALARM before its third breaching period is
// complete, and is at the minute boundary that completes it.
func TestAlarm_ThreeOfFiveFiresAtTheThirdBreachingPeriod(t *testing.T) {
	f := newFixture(t)
	for i := 1; i <= 5; i++ {
		f.put(t, "m", 1, t0.Add(-time.Duration(i)*time.Minute))
	}
	for i := range 3 {
		f.put(t, "m", 50, t0.Add(time.Duration(i)*time.Minute))
	}
	f.alarm(t, "three-of-five", 5, 3, "")
	st, _ := f.state(t, "three-of-five")
	assert.Equal(t, types.StateValueInsufficientData, st)
	f.advance(t, time.Minute) // periods -4m..0: one breaching
	st, reason := f.state(t, "three-of-five")
	assert.Equal(t, types.StateValueOk, st)
	assert.Contains(t, reason, "were not greater than the threshold (10.0)")
	f.advance(t, 2*time.Minute-time.Second)
	st, _ = f.state(t, "three-of-five")
	assert.Equal(t, types.StateValueOk, st, "two breaching periods of three")
	f.advance(t, time.Second)
	st, reason = f.state(t, "three-of-five")
	assert.Equal(t, types.StateValueAlarm, st)
	assert.Equal(t, "Threshold Crossed: 3 out of the last 5 datapoints [50.0 (03/12/26 12:02:00), 50.0 (03/12/26 12:01:00), "+
		"50.0 (03/12/26 12:00:00)] were greater than the threshold (10.0) (minimum 3 datapoints for OK -> ALARM transition).", reason)

	hist, err := f.client.DescribeAlarmHistory(f.ctx, &awscw.DescribeAlarmHistoryInput{AlarmName: aws.String("three-of-five"),
		HistoryItemType: types.HistoryItemTypeStateUpdate})
	require.NoError(t, err)
	require.Len(t, hist.AlarmHistoryItems, 2)
	assert.Equal(t, "Alarm updated from OK to ALARM", aws.ToString(hist.AlarmHistoryItems[0].HistorySummary))
	assert.Equal(t, "Alarm updated from INSUFFICIENT_DATA to OK", aws.ToString(hist.AlarmHistoryItems[1].HistorySummary))
}

// With no data at all, each TreatMissingData mode takes AWS's state (the
// last-but-one row of AWS's tables); the breaching reason is recorded
// (test_breaching_alarm_actions).
func TestAlarm_TreatMissingDataWithNoData(t *testing.T) {
	f := newFixture(t)
	for _, treat := range []string{"missing", "ignore", "breaching", "notBreaching"} {
		f.alarm(t, treat, 2, 2, treat)
	}
	f.advance(t, time.Minute)
	want := map[string]types.StateValue{"missing": types.StateValueInsufficientData, "ignore": types.StateValueInsufficientData,
		"breaching": types.StateValueAlarm, "notBreaching": types.StateValueOk}
	for treat, st := range want {
		got, _ := f.state(t, treat)
		assert.Equal(t, st, got, treat)
	}
	_, reason := f.state(t, "breaching")
	assert.Equal(t, "Threshold Crossed: no datapoints were received for 2 periods and 2 missing datapoints were treated as [Breaching].", reason)
	_, reason = f.state(t, "notBreaching")
	assert.Equal(t, "Threshold Crossed: no datapoints were received for 2 periods and 2 missing datapoints were treated as [NonBreaching].", reason)
}

// A p90 alarm reads the distribution: 100 samples of 1..100 give 90.
func TestAlarm_Percentile(t *testing.T) {
	f := newFixture(t)
	vals := make([]float64, 100)
	for i := range vals {
		vals[i] = float64(i + 1)
	}
	_, err := f.client.PutMetricData(f.ctx, &awscw.PutMetricDataInput{Namespace: aws.String("app"),
		MetricData: []types.MetricDatum{{MetricName: aws.String("m"), Values: vals, Timestamp: aws.Time(t0)}}})
	require.NoError(t, err)
	f.alarm(t, "p90-over-89", 1, 1, "", func(in *awscw.PutMetricAlarmInput) {
		in.Statistic, in.ExtendedStatistic, in.Threshold = "", aws.String("p90"), aws.Float64(89)
	})
	f.alarm(t, "p90-over-90", 1, 1, "", func(in *awscw.PutMetricAlarmInput) {
		in.Statistic, in.ExtendedStatistic, in.Threshold = "", aws.String("p90"), aws.Float64(90)
	})
	f.advance(t, time.Minute)
	st, reason := f.state(t, "p90-over-89")
	assert.Equal(t, types.StateValueAlarm, st)
	assert.Equal(t, "Threshold Crossed: 1 datapoint [90.0 (03/12/26 12:00:00)] was greater than the threshold (89.0).", reason)
	st, _ = f.state(t, "p90-over-90")
	assert.Equal(t, types.StateValueOk, st)
}

// PutMetricAlarm's period rules, at their bounds.
func TestPutMetricAlarm_PeriodRules(t *testing.T) {
	f := newFixture(t)
	put := func(period, n int32) error {
		_, err := f.client.PutMetricAlarm(f.ctx, &awscw.PutMetricAlarmInput{AlarmName: aws.String("p"), Namespace: aws.String("app"),
			MetricName: aws.String("m"), Statistic: types.StatisticSum, Period: aws.Int32(period), EvaluationPeriods: aws.Int32(n),
			Threshold: aws.Float64(1), ComparisonOperator: types.ComparisonOperatorGreaterThanThreshold})
		return err
	}
	for _, p := range []int32{10, 20, 30, 60, 120} {
		require.NoError(t, put(p, 1), p)
	}
	for _, p := range []int32{5, 15, 45, 90} {
		awsfake.CheckCode(t, put(p, 1), "InvalidParameterValue")
	}
	require.NoError(t, put(60, 1440))                      // one day below an hour
	awsfake.CheckCode(t, put(60, 1441), "ValidationError") // over a day
	require.NoError(t, put(3600, 168))                     // seven days
	awsfake.CheckCode(t, put(3600, 169), "ValidationError")
}

// SetAlarmState's recorded errors (test_set_alarm_invalid_input) and a
// state set by hand.
func TestSetAlarmState(t *testing.T) {
	f := newFixture(t)
	f.alarm(t, "a", 1, 1, "")
	_, err := f.client.SetAlarmState(f.ctx, &awscw.SetAlarmStateInput{AlarmName: aws.String("a"), StateValue: "INVALID", StateReason: aws.String("x")})
	awsfake.CheckCode(t, err, "ValidationError")
	assert.ErrorContains(t, err, "1 validation error detected: Value 'INVALID' at 'stateValue' failed to satisfy constraint: "+
		"Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]")
	_, err = f.client.SetAlarmState(f.ctx, &awscw.SetAlarmStateInput{AlarmName: aws.String("none"), StateValue: types.StateValueOk, StateReason: aws.String("x")})
	var rnf *types.ResourceNotFound
	require.ErrorAs(t, err, &rnf)
	_, err = f.client.SetAlarmState(f.ctx, &awscw.SetAlarmStateInput{AlarmName: aws.String("a"), StateValue: types.StateValueAlarm, StateReason: aws.String("testing alarm")})
	require.NoError(t, err)
	st, reason := f.state(t, "a")
	assert.Equal(t, types.StateValueAlarm, st)
	assert.Equal(t, "testing alarm", reason)
}

// An alarm's SNS action reaches a subscribed queue with the recorded
// notification (test_breaching_alarm_actions); with actions disabled, the
// next change sends nothing.
func TestAlarm_SNSActionReachesAQueue(t *testing.T) {
	f := newFixture(t)
	topic, err := f.cloud.SNS().CreateTopic(f.ctx, sns.CreateTopicInput{Name: "alarms"})
	require.NoError(t, err)
	q, err := f.cloud.SQS().CreateQueue(f.ctx, sqs.CreateQueueInput{QueueName: "inbox"})
	require.NoError(t, err)
	_, err = f.cloud.SNS().Subscribe(f.ctx, sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: "sqs",
		Endpoint: "arn:aws:sqs:us-east-1:000000000000:inbox"})
	require.NoError(t, err)
	f.alarm(t, "breach", 2, 2, "breaching", func(in *awscw.PutMetricAlarmInput) {
		in.AlarmActions, in.OKActions = []string{topic.TopicArn}, []string{topic.TopicArn}
		in.AlarmDescription, in.Unit, in.Period = aws.String("testing cloudwatch alarms"), types.StandardUnitSeconds, aws.Int32(10)
		in.Statistic = types.StatisticAverage
		in.Dimensions = []types.Dimension{{Name: aws.String("InstanceId"), Value: aws.String("abc")}}
	})
	f.advance(t, 10*time.Second)
	out, err := f.cloud.SQS().ReceiveMessage(f.ctx, sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MaxNumberOfMessages: aws.Int32(10)})
	require.NoError(t, err)
	require.Len(t, out.Messages, 1)
	var env struct{ Subject, Message string }
	require.NoError(t, json.Unmarshal([]byte(out.Messages[0].Body), &env))
	assert.Equal(t, `ALARM: "breach" in US East (N. Virginia)`, env.Subject)
	var msg map[string]any
	require.NoError(t, json.Unmarshal([]byte(env.Message), &msg))
	for _, k := range []string{"AlarmConfigurationUpdatedTimestamp", "StateChangeTime"} {
		_, err := time.Parse("2006-01-02T15:04:05.000-0700", msg[k].(string))
		require.NoError(t, err, k)
		delete(msg, k)
	}
	assert.Equal(t, map[string]any{
		"AWSAccountId": "000000000000", "AlarmActions": []any{topic.TopicArn},
		"AlarmArn": "arn:aws:cloudwatch:us-east-1:000000000000:alarm:breach", "AlarmDescription": "testing cloudwatch alarms",
		"AlarmName": "breach", "InsufficientDataActions": []any{},
		"NewStateReason": "Threshold Crossed: no datapoints were received for 2 periods and 2 missing datapoints were treated as [Breaching].",
		"NewStateValue":  "ALARM", "OKActions": []any{topic.TopicArn}, "OldStateValue": "INSUFFICIENT_DATA",
		"Region": "US East (N. Virginia)",
		"Trigger": map[string]any{"ComparisonOperator": "GreaterThanThreshold", "DatapointsToAlarm": 2.0,
			"Dimensions": []any{map[string]any{"name": "InstanceId", "value": "abc"}}, "EvaluateLowSampleCountPercentile": "",
			"EvaluationPeriods": 2.0, "MetricName": "m", "Namespace": "app", "Period": 10.0, "Statistic": "AVERAGE",
			"StatisticType": "Statistic", "Threshold": 10.0, "TreatMissingData": "breaching", "Unit": "Seconds"},
	}, msg)

	_, err = f.client.DisableAlarmActions(f.ctx, &awscw.DisableAlarmActionsInput{AlarmNames: []string{"breach"}})
	require.NoError(t, err)
	_, err = f.client.SetAlarmState(f.ctx, &awscw.SetAlarmStateInput{AlarmName: aws.String("breach"), StateValue: types.StateValueOk, StateReason: aws.String("reset")})
	require.NoError(t, err)
	require.NoError(t, f.cloud.Settle(f.ctx))
	out, err = f.cloud.SQS().ReceiveMessage(f.ctx, sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MaxNumberOfMessages: aws.Int32(10)})
	require.NoError(t, err)
	assert.Empty(t, out.Messages, "actions disabled")
}

// Nothing is scheduled while there is no alarm; one evaluation at the
// next minute boundary while there are, every 10 seconds for a period
// under a minute.
func TestAlarm_NothingScheduledWithoutAlarms(t *testing.T) {
	f := newFixture(t)
	cw := f.cloud.CloudWatch()
	_, ok := cw.NextEvaluation()
	assert.False(t, ok)
	f.alarm(t, "a", 1, 1, "")
	next, ok := cw.NextEvaluation()
	assert.True(t, ok)
	assert.Equal(t, t0.Add(time.Minute), next)
	f.alarm(t, "fast", 1, 1, "", func(in *awscw.PutMetricAlarmInput) { in.Period = aws.Int32(10) })
	next, _ = cw.NextEvaluation()
	assert.Equal(t, t0.Add(10*time.Second), next)
	_, err := f.client.DeleteAlarms(f.ctx, &awscw.DeleteAlarmsInput{AlarmNames: []string{"a", "fast"}})
	require.NoError(t, err)
	_, ok = cw.NextEvaluation()
	assert.False(t, ok)
}

// EvaluateLowSampleCountPercentile: a p99 period of 10 samples (under the
// 100 a p99 needs) keeps the state with ignore and is evaluated with
// evaluate.
func TestAlarm_LowSampleCountPercentile(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.PutMetricData(f.ctx, &awscw.PutMetricDataInput{Namespace: aws.String("app"),
		MetricData: []types.MetricDatum{{MetricName: aws.String("m"), Values: []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 50}, Timestamp: aws.Time(t0)}}})
	require.NoError(t, err)
	for _, mode := range []string{"ignore", "evaluate"} {
		f.alarm(t, mode, 1, 1, "", func(in *awscw.PutMetricAlarmInput) {
			in.Statistic, in.ExtendedStatistic, in.EvaluateLowSampleCountPercentile = "", aws.String("p99"), aws.String(mode)
		})
	}
	f.advance(t, time.Minute)
	f.cloud.CloudWatch().CheckAlarmState(t, "ignore", "INSUFFICIENT_DATA")
	f.cloud.CloudWatch().CheckAlarmState(t, "evaluate", "ALARM")
}
