package cloudwatch_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/cloudwatch"
	"github.com/awsfake/awsfake/lambda"
	"github.com/awsfake/awsfake/sqs"
)

// sqsQuery is a GetMetricData query of one AWS/SQS metric of queue q.
func sqsQuery(id, name, q string) types.MetricDataQuery {
	return types.MetricDataQuery{Id: aws.String(id), MetricStat: &types.MetricStat{Metric: &types.Metric{
		Namespace: aws.String("AWS/SQS"), MetricName: aws.String(name),
		Dimensions: []types.Dimension{{Name: aws.String("QueueName"), Value: aws.String(q)}}},
		Period: aws.Int32(60), Stat: aws.String("Sum")}}
}

// A queue's sends, receives and deletes are AWS/SQS metrics by QueueName
// (test_aws_sqs_metrics_created: one 5-byte message, an empty receive, a
// receive and a delete).
func TestStandard_SQSMetrics(t *testing.T) {
	f := newFixture(t)
	q, err := f.cloud.SQS().CreateQueue(f.ctx, sqs.CreateQueueInput{QueueName: "jobs"})
	require.NoError(t, err)
	_, err = f.cloud.SQS().ReceiveMessage(f.ctx, sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl})
	require.NoError(t, err)
	_, err = f.cloud.SQS().SendMessage(f.ctx, sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: "hello"})
	require.NoError(t, err)
	got, err := f.cloud.SQS().ReceiveMessage(f.ctx, sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl})
	require.NoError(t, err)
	require.Len(t, got.Messages, 1)
	require.NoError(t, f.cloud.SQS().DeleteMessage(f.ctx, sqs.DeleteMessageInput{QueueUrl: q.QueueUrl, ReceiptHandle: got.Messages[0].ReceiptHandle}))

	out, err := f.client.GetMetricData(f.ctx, &awscw.GetMetricDataInput{StartTime: aws.Time(t0.Add(-time.Hour)), EndTime: aws.Time(t0.Add(time.Hour)),
		MetricDataQueries: []types.MetricDataQuery{sqsQuery("sent", "NumberOfMessagesSent", "jobs"), sqsQuery("sent_size", "SentMessageSize", "jobs"),
			sqsQuery("empty_receives", "NumberOfEmptyReceives", "jobs"), sqsQuery("received", "NumberOfMessagesReceived", "jobs"),
			sqsQuery("deleted", "NumberOfMessagesDeleted", "jobs")}})
	require.NoError(t, err)
	values := map[string][]float64{}
	for _, r := range out.MetricDataResults {
		values[aws.ToString(r.Label)] = r.Values
		assert.Equal(t, []time.Time{t0}, []time.Time{r.Timestamps[0].UTC()})
	}
	assert.Equal(t, map[string][]float64{"NumberOfMessagesSent": {1}, "SentMessageSize": {5}, "NumberOfEmptyReceives": {1},
		"NumberOfMessagesReceived": {1}, "NumberOfMessagesDeleted": {1}}, values)

	list, err := f.client.ListMetrics(f.ctx, &awscw.ListMetricsInput{Namespace: aws.String("AWS/SQS"), MetricName: aws.String("ApproximateNumberOfMessagesVisible")})
	require.NoError(t, err)
	require.Len(t, list.Metrics, 1)
	assert.Equal(t, "jobs", aws.ToString(list.Metrics[0].Dimensions[0].Value))
}

// A queue backs up, the clock moves, and its ApproximateNumberOfMessagesVisible
// alarm fires at the end of the minute it went over.
func TestStandard_BackedUpQueueFiresItsAlarm(t *testing.T) {
	f := newFixture(t)
	q, err := f.cloud.SQS().CreateQueue(f.ctx, sqs.CreateQueueInput{QueueName: "backlog"})
	require.NoError(t, err)
	_, err = f.client.PutMetricAlarm(f.ctx, &awscw.PutMetricAlarmInput{AlarmName: aws.String("backlog"), Namespace: aws.String("AWS/SQS"),
		MetricName: aws.String("ApproximateNumberOfMessagesVisible"), Statistic: types.StatisticMaximum, Period: aws.Int32(60),
		EvaluationPeriods: aws.Int32(1), Threshold: aws.Float64(5), ComparisonOperator: types.ComparisonOperatorGreaterThanThreshold,
		Dimensions: []types.Dimension{{Name: aws.String("QueueName"), Value: aws.String("backlog")}}, TreatMissingData: aws.String("notBreaching")})
	require.NoError(t, err)
	f.advance(t, time.Minute)
	f.cloud.CloudWatch().CheckAlarmState(t, "backlog", "OK")
	for range 6 {
		_, err = f.cloud.SQS().SendMessage(f.ctx, sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: "job"})
		require.NoError(t, err)
	}
	f.advance(t, time.Minute-time.Second)
	f.cloud.CloudWatch().CheckAlarmState(t, "backlog", "OK")
	f.advance(t, time.Second)
	f.cloud.CloudWatch().CheckAlarmState(t, "backlog", "ALARM")
}

// A function's errors make its AWS/Lambda Errors alarm fire; the alarm's
// Lambda action receives AWS's event under the function's permission for
// lambda.alarms.cloudwatch.amazonaws.com (test_alarm_lambda_target).
func TestStandard_LambdaErrorsAlarmFires(t *testing.T) {
	f := newFixture(t)
	fn := f.cloud.Lambda()
	require.NoError(t, fn.RegisterHandler("fail", func(context.Context, json.RawMessage) error { return errors.New("boom") }))
	events := make(chan json.RawMessage, 4)
	require.NoError(t, fn.RegisterHandler("notify", func(_ context.Context, ev json.RawMessage) error { events <- ev; return nil }))
	for name, h := range map[string]string{"worker": "fail", "pager": "notify"} {
		_, err := fn.CreateFunction(f.ctx, lambda.CreateFunctionInput{FunctionName: name, Runtime: "provided.al2023",
			Role: "arn:aws:iam::000000000000:role/r", Handler: h, Code: &lambda.FunctionCode{ZipFile: []byte("zip")}})
		require.NoError(t, err)
	}
	_, err := fn.AddPermission(f.ctx, lambda.AddPermissionInput{FunctionName: "pager", StatementId: "alarms",
		Action: "lambda:InvokeFunction", Principal: "lambda.alarms.cloudwatch.amazonaws.com"})
	require.NoError(t, err)
	pager := "arn:aws:lambda:us-east-1:000000000000:function:pager"
	_, err = f.client.PutMetricAlarm(f.ctx, &awscw.PutMetricAlarmInput{AlarmName: aws.String("worker-errors"), Namespace: aws.String("AWS/Lambda"),
		MetricName: aws.String("Errors"), Statistic: types.StatisticSum, Period: aws.Int32(60), EvaluationPeriods: aws.Int32(1),
		Threshold: aws.Float64(1), ComparisonOperator: types.ComparisonOperatorGreaterThanOrEqualToThreshold,
		Dimensions: []types.Dimension{{Name: aws.String("FunctionName"), Value: aws.String("worker")}}, TreatMissingData: aws.String("notBreaching"),
		AlarmActions: []string{pager}})
	require.NoError(t, err)
	out, err := fn.Invoke(f.ctx, lambda.InvokeInput{FunctionName: "worker"})
	require.NoError(t, err)
	assert.NotEmpty(t, out.FunctionError)
	f.advance(t, time.Minute)
	f.cloud.CloudWatch().CheckAlarmState(t, "worker-errors", "ALARM")
	f.cloud.CloudWatch().CheckMetricSum(t, "AWS/Lambda", "Invocations", []cloudwatch.Dimension{{Name: "FunctionName", Value: "worker"}}, t0, t0.Add(time.Minute), 1)

	var ev struct {
		Source    string `json:"source"`
		AlarmArn  string `json:"alarmArn"`
		AlarmData struct {
			AlarmName     string `json:"alarmName"`
			State         struct{ Value string }
			PreviousState struct{ Value string }
		} `json:"alarmData"`
	}
	select {
	case raw := <-events:
		require.NoError(t, json.Unmarshal(raw, &ev))
	case <-time.After(5 * time.Second):
		t.Fatal("the alarm's Lambda action did not run")
	}
	assert.Equal(t, "aws.cloudwatch", ev.Source)
	assert.Equal(t, "arn:aws:cloudwatch:us-east-1:000000000000:alarm:worker-errors", ev.AlarmArn)
	assert.Equal(t, "ALARM", ev.AlarmData.State.Value)
	assert.Equal(t, "INSUFFICIENT_DATA", ev.AlarmData.PreviousState.Value)
}
