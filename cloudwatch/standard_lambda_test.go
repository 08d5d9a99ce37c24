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
	lambdasdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lambdaValues are the one-minute sums of AWS/Lambda metrics of function
// fn, by name.
func lambdaValues(t *testing.T, f *fixture, fn string, names ...string) map[string][]float64 {
	t.Helper()
	var qs []types.MetricDataQuery
	for i, n := range names {
		qs = append(qs, types.MetricDataQuery{Id: aws.String("m" + string(rune('a'+i))), MetricStat: &types.MetricStat{Metric: &types.Metric{
			Namespace: aws.String("AWS/Lambda"), MetricName: aws.String(n),
			Dimensions: []types.Dimension{{Name: aws.String("FunctionName"), Value: aws.String(fn)}}},
			Period: aws.Int32(60), Stat: aws.String("Sum")}})
	}
	out, err := f.client.GetMetricData(f.ctx, &awscw.GetMetricDataInput{StartTime: aws.Time(t0.Add(-time.Hour)),
		EndTime: aws.Time(t0.Add(time.Hour)), MetricDataQueries: qs, ScanBy: types.ScanByTimestampAscending})
	require.NoError(t, err)
	values := map[string][]float64{}
	for _, r := range out.MetricDataResults {
		if len(r.Values) > 0 {
			values[aws.ToString(r.Label)] = r.Values
		}
	}
	return values
}

// An asynchronous event of a function that always fails, with one retry, a
// dead-letter topic and an OnFailure queue that do not exist: queued in
// the first minute, retried one minute after its first attempt (not a
// millisecond before), then dropped; both deliveries fail. AWS/Lambda's
// asynchronous invocation metrics count each step in its minute (Lambda
// Developer Guide, "Asynchronous invocation metrics").
func TestStandard_LambdaAsyncMetrics(t *testing.T) {
	f := newFixture(t)
	require.NoError(t, f.cloud.Lambda().RegisterHandler("fail", func(context.Context, json.RawMessage) error { return errors.New("boom") }))
	c := lambdasdk.NewFromConfig(f.cloud.AWSConfig())
	_, err := c.CreateFunction(f.ctx, &lambdasdk.CreateFunctionInput{FunctionName: aws.String("worker"), Runtime: lambdatypes.RuntimeProvidedal2023,
		Handler: aws.String("fail"), Role: aws.String("arn:aws:iam::000000000000:role/r"), Code: &lambdatypes.FunctionCode{ZipFile: []byte("zip")},
		DeadLetterConfig: &lambdatypes.DeadLetterConfig{TargetArn: aws.String("arn:aws:sns:us-east-1:000000000000:missing")}})
	require.NoError(t, err)
	_, err = c.PutFunctionEventInvokeConfig(f.ctx, &lambdasdk.PutFunctionEventInvokeConfigInput{FunctionName: aws.String("worker"),
		MaximumRetryAttempts: aws.Int32(1), DestinationConfig: &lambdatypes.DestinationConfig{
			OnFailure: &lambdatypes.OnFailure{Destination: aws.String("arn:aws:sqs:us-east-1:000000000000:missing")}}})
	require.NoError(t, err)
	_, err = c.Invoke(f.ctx, &lambdasdk.InvokeInput{FunctionName: aws.String("worker"), InvocationType: lambdatypes.InvocationTypeEvent,
		Payload: []byte(`{"job":1}`)})
	require.NoError(t, err)
	require.NoError(t, f.cloud.Settle(f.ctx))

	names := []string{"Invocations", "AsyncEventsReceived", "AsyncEventAge", "AsyncEventsDropped", "DeadLetterErrors", "DestinationDeliveryFailures"}
	f.advance(t, time.Minute-time.Millisecond) // just before the retry
	assert.Equal(t, map[string][]float64{"Invocations": {1}, "AsyncEventsReceived": {1}, "AsyncEventAge": {0}}, lambdaValues(t, f, "worker", names...))
	f.advance(t, time.Millisecond) // the retry, in the next minute
	assert.Equal(t, map[string][]float64{"Invocations": {1, 1}, "AsyncEventsReceived": {1}, "AsyncEventAge": {0, 60000},
		"AsyncEventsDropped": {1}, "DeadLetterErrors": {1}, "DestinationDeliveryFailures": {1}}, lambdaValues(t, f, "worker", names...))
	list, err := f.client.ListMetrics(f.ctx, &awscw.ListMetricsInput{Namespace: aws.String("AWS/Lambda"), MetricName: aws.String("AsyncEventsDropped")})
	require.NoError(t, err)
	require.Len(t, list.Metrics, 1)
}
