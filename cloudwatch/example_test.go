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
