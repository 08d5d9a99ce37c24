package cloudwatch_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// DescribeAlarms: a minimal alarm as recorded (test_describe_minimal_metric_alarm),
// filters, AlarmTypes, and pages of MaxRecords.
func TestDescribeAlarms_FiltersAndPages(t *testing.T) {
	f := newFixture(t)
	for i := range 5 {
		f.alarm(t, fmt.Sprint("web-", i), 1, 1, "", func(in *awscw.PutMetricAlarmInput) {
			in.DatapointsToAlarm = nil
			if i == 0 {
				in.AlarmActions = []string{"arn:aws:sns:us-east-1:000000000000:pager"}
			}
		})
	}
	f.alarm(t, "db", 1, 1, "")
	out, err := f.client.DescribeAlarms(f.ctx, &awscw.DescribeAlarmsInput{AlarmNames: []string{"web-1"}})
	require.NoError(t, err)
	a := out.MetricAlarms[0]
	assert.Equal(t, "arn:aws:cloudwatch:us-east-1:000000000000:alarm:web-1", aws.ToString(a.AlarmArn))
	assert.True(t, aws.ToBool(a.ActionsEnabled))
	assert.Equal(t, types.StateValueInsufficientData, a.StateValue)
	assert.Equal(t, "Unchecked: Initial alarm creation", aws.ToString(a.StateReason))
	assert.Empty(t, a.AlarmActions)
	assert.NotNil(t, a.AlarmActions)
	assert.Nil(t, a.TreatMissingData)
	assert.Equal(t, t0, a.StateUpdatedTimestamp.UTC())
	assert.Empty(t, out.CompositeAlarms)

	var names []string
	in := &awscw.DescribeAlarmsInput{AlarmNamePrefix: aws.String("web-"), MaxRecords: aws.Int32(2)}
	pages := 0
	for {
		out, err = f.client.DescribeAlarms(f.ctx, in)
		require.NoError(t, err)
		pages++
		for _, a := range out.MetricAlarms {
			names = append(names, aws.ToString(a.AlarmName))
		}
		if out.NextToken == nil {
			break
		}
		in.NextToken = out.NextToken
	}
	assert.Equal(t, []string{"web-0", "web-1", "web-2", "web-3", "web-4"}, names)
	assert.Equal(t, 3, pages)

	out, err = f.client.DescribeAlarms(f.ctx, &awscw.DescribeAlarmsInput{ActionPrefix: aws.String("arn:aws:sns:us-east-1:000000000000:pa")})
	require.NoError(t, err)
	require.Len(t, out.MetricAlarms, 1)
	out, err = f.client.DescribeAlarms(f.ctx, &awscw.DescribeAlarmsInput{AlarmTypes: []types.AlarmType{types.AlarmTypeCompositeAlarm}})
	require.NoError(t, err)
	assert.Empty(t, out.MetricAlarms)
	_, err = f.client.DescribeAlarms(f.ctx, &awscw.DescribeAlarmsInput{MaxRecords: aws.Int32(101)})
	awsfake.CheckCode(t, err, "ValidationError")

	forMetric, err := f.client.DescribeAlarmsForMetric(f.ctx, &awscw.DescribeAlarmsForMetricInput{Namespace: aws.String("app"), MetricName: aws.String("m")})
	require.NoError(t, err)
	assert.Len(t, forMetric.MetricAlarms, 6)
	_, err = f.client.DeleteAlarms(f.ctx, &awscw.DeleteAlarmsInput{AlarmNames: []string{"db", "none"}})
	require.NoError(t, err)
	out, err = f.client.DescribeAlarms(f.ctx, &awscw.DescribeAlarmsInput{})
	require.NoError(t, err)
	assert.Len(t, out.MetricAlarms, 5)
}

// Tags on an alarm: on create, TagResource, UntagResource, an unknown ARN.
func TestAlarmTags(t *testing.T) {
	f := newFixture(t)
	f.alarm(t, "a", 1, 1, "", func(in *awscw.PutMetricAlarmInput) {
		in.Tags = []types.Tag{{Key: aws.String("team"), Value: aws.String("web")}}
	})
	arn := aws.String("arn:aws:cloudwatch:us-east-1:000000000000:alarm:a")
	_, err := f.client.TagResource(f.ctx, &awscw.TagResourceInput{ResourceARN: arn, Tags: []types.Tag{{Key: aws.String("env"), Value: aws.String("prod")}}})
	require.NoError(t, err)
	_, err = f.client.UntagResource(f.ctx, &awscw.UntagResourceInput{ResourceARN: arn, TagKeys: []string{"team"}})
	require.NoError(t, err)
	out, err := f.client.ListTagsForResource(f.ctx, &awscw.ListTagsForResourceInput{ResourceARN: arn})
	require.NoError(t, err)
	require.Len(t, out.Tags, 1)
	assert.Equal(t, "env", aws.ToString(out.Tags[0].Key))
	_, err = f.client.ListTagsForResource(f.ctx, &awscw.ListTagsForResourceInput{ResourceARN: aws.String("arn:aws:cloudwatch:us-east-1:000000000000:alarm:none")})
	var rnf *types.ResourceNotFoundException
	require.ErrorAs(t, err, &rnf)
}

// Metrics and alarms belong to their region: a client of another region
// sees none of them.
func TestRegionsAreApart(t *testing.T) {
	f := newFixture(t)
	f.put(t, "m", 1, t0)
	f.alarm(t, "a", 1, 1, "")
	cfg := f.cloud.AWSConfig()
	cfg.Region = "eu-west-1"
	eu := awscw.NewFromConfig(cfg)
	list, err := eu.ListMetrics(f.ctx, &awscw.ListMetricsInput{})
	require.NoError(t, err)
	assert.Empty(t, list.Metrics)
	alarms, err := eu.DescribeAlarms(f.ctx, &awscw.DescribeAlarmsInput{})
	require.NoError(t, err)
	assert.Empty(t, alarms.MetricAlarms)
	_, err = eu.PutMetricAlarm(f.ctx, &awscw.PutMetricAlarmInput{AlarmName: aws.String("a"), Namespace: aws.String("app"),
		MetricName: aws.String("m"), Statistic: types.StatisticSum, Period: aws.Int32(60), EvaluationPeriods: aws.Int32(1),
		Threshold: aws.Float64(0), ComparisonOperator: types.ComparisonOperatorGreaterThanThreshold, TreatMissingData: aws.String("breaching")})
	require.NoError(t, err)
	alarms, err = eu.DescribeAlarms(f.ctx, &awscw.DescribeAlarmsInput{})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:cloudwatch:eu-west-1:000000000000:alarm:a", aws.ToString(alarms.MetricAlarms[0].AlarmArn))
	f.advance(t, time.Minute)
	alarms, err = eu.DescribeAlarms(f.ctx, &awscw.DescribeAlarmsInput{})
	require.NoError(t, err)
	assert.Equal(t, types.StateValueAlarm, alarms.MetricAlarms[0].StateValue)
}

// A request of 1,000 datums is accepted (and listed in pages of 500),
// 1,001 are not.
func TestPutMetricData_ThousandDatums(t *testing.T) {
	f := newFixture(t)
	data := make([]types.MetricDatum, 1001)
	for i := range data {
		data[i] = types.MetricDatum{MetricName: aws.String(fmt.Sprintf("metric-with-a-long-name-%04d", i)), Value: aws.Float64(1)}
	}
	_, err := f.client.PutMetricData(f.ctx, &awscw.PutMetricDataInput{Namespace: aws.String("app"), MetricData: data})
	awsfake.CheckCode(t, err, "InvalidParameterValue")
	_, err = f.client.PutMetricData(f.ctx, &awscw.PutMetricDataInput{Namespace: aws.String("app"), MetricData: data[:1000]})
	require.NoError(t, err)
	n := 0
	p := awscw.NewListMetricsPaginator(f.client, &awscw.ListMetricsInput{Namespace: aws.String("app")})
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		require.NoError(t, err)
		assert.LessOrEqual(t, len(out.Metrics), 500)
		n += len(out.Metrics)
	}
	assert.Equal(t, 1000, n)
}

// A 10-second alarm evaluates every 10 seconds: just before and at the
// boundary that completes its breaching period, and once the point has
// left its evaluation range.
func TestAlarm_TenSecondPeriod(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.PutMetricData(f.ctx, &awscw.PutMetricDataInput{Namespace: aws.String("app"), MetricData: []types.MetricDatum{
		{MetricName: aws.String("m"), Value: aws.Float64(50), Timestamp: aws.Time(t0.Add(3 * time.Second)), StorageResolution: aws.Int32(1)}}})
	require.NoError(t, err)
	f.alarm(t, "fast", 1, 1, "", func(in *awscw.PutMetricAlarmInput) { in.Period = aws.Int32(10) })
	f.advance(t, 10*time.Second-time.Nanosecond)
	f.cloud.CloudWatch().CheckAlarmState(t, "fast", "INSUFFICIENT_DATA")
	f.advance(t, time.Nanosecond)
	f.cloud.CloudWatch().CheckAlarmState(t, "fast", "ALARM")
	// The evaluation range is 3 periods: the point counts until it leaves it.
	f.advance(t, 20*time.Second)
	f.cloud.CloudWatch().CheckAlarmState(t, "fast", "ALARM")
	f.advance(t, 10*time.Second)
	f.cloud.CloudWatch().CheckAlarmState(t, "fast", "INSUFFICIENT_DATA")
}
