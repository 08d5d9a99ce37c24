package cloudwatch_test

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// A metric, a threshold alarm on it, and the alarm firing when the fake
// clock reaches the end of the breaching minute.
func Example() {
	clk := clock.NewFake(time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	ctx := context.Background()
	cw := awscw.NewFromConfig(cloud.AWSConfig())

	_, _ = cw.PutMetricAlarm(ctx, &awscw.PutMetricAlarmInput{AlarmName: aws.String("disk-writes"),
		Namespace: aws.String("app"), MetricName: aws.String("VolumeWriteBytes"), Statistic: types.StatisticSum,
		Period: aws.Int32(60), EvaluationPeriods: aws.Int32(1), Threshold: aws.Float64(1000),
		ComparisonOperator: types.ComparisonOperatorGreaterThanThreshold})
	_, _ = cw.PutMetricData(ctx, &awscw.PutMetricDataInput{Namespace: aws.String("app"), MetricData: []types.MetricDatum{
		{MetricName: aws.String("VolumeWriteBytes"), Value: aws.Float64(4096), Unit: types.StandardUnitBytes}}})

	clk.Advance(time.Minute)
	_ = cloud.Settle(ctx)
	out, _ := cw.DescribeAlarms(ctx, &awscw.DescribeAlarmsInput{AlarmNames: []string{"disk-writes"}})
	a := out.MetricAlarms[0]
	fmt.Println(a.StateValue)
	fmt.Println(aws.ToString(a.StateReason))
	// Output:
	// ALARM
	// Threshold Crossed: 1 datapoint [4096.0 (03/12/26 12:00:00)] was greater than the threshold (1000.0).
}

// Metric math: the error rate of two metrics, the minute without calls
// dropped as AWS drops a division by zero.
func Example_metricMath() {
	clk := clock.NewFake(time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	ctx := context.Background()
	cw := awscw.NewFromConfig(cloud.AWSConfig())
	for i, v := range [][2]float64{{1, 10}, {2, 0}, {3, 30}} {
		ts := aws.Time(clk.Now().Add(time.Duration(i-3) * time.Minute))
		_, _ = cw.PutMetricData(ctx, &awscw.PutMetricDataInput{Namespace: aws.String("app"), MetricData: []types.MetricDatum{
			{MetricName: aws.String("errors"), Value: aws.Float64(v[0]), Timestamp: ts},
			{MetricName: aws.String("calls"), Value: aws.Float64(v[1]), Timestamp: ts}}})
	}
	q := func(id, name string) types.MetricDataQuery {
		return types.MetricDataQuery{Id: aws.String(id), ReturnData: aws.Bool(false), MetricStat: &types.MetricStat{Period: aws.Int32(60),
			Stat: aws.String("Sum"), Metric: &types.Metric{Namespace: aws.String("app"), MetricName: aws.String(name)}}}
	}
	out, _ := cw.GetMetricData(ctx, &awscw.GetMetricDataInput{StartTime: aws.Time(clk.Now().Add(-time.Hour)), EndTime: aws.Time(clk.Now()),
		ScanBy: types.ScanByTimestampAscending, MetricDataQueries: []types.MetricDataQuery{q("m1", "errors"), q("m2", "calls"),
			{Id: aws.String("rate"), Expression: aws.String("m1/m2*100"), Label: aws.String("error rate")}}})
	r := out.MetricDataResults[0]
	fmt.Println(aws.ToString(r.Label), r.Values)
	fmt.Println(aws.ToString(r.Messages[0].Code))
	// Output:
	// error rate [10 10]
	// ArithmeticError
}
