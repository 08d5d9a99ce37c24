package logs_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	cwsdk "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
	lsdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	ltypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/lambda"
)

// createFunction creates a function that runs handler.
func (f *fixture) createFunction(t testing.TB, name string, handler any, logging *ltypes.LoggingConfig) *lsdk.Client {
	t.Helper()
	require.NoError(t, f.cloud.Lambda().RegisterHandler(name, handler))
	lc := lsdk.NewFromConfig(f.cloud.AWSConfig())
	_, err := lc.CreateFunction(ctx, &lsdk.CreateFunctionInput{FunctionName: aws.String(name), Runtime: ltypes.RuntimeProvidedal2023,
		Handler: aws.String(name), Role: aws.String("arn:aws:iam::000000000000:role/lambda"),
		Code: &ltypes.FunctionCode{ZipFile: []byte("zip")}, LoggingConfig: logging})
	require.NoError(t, err)
	return lc
}

// A Lambda invocation's START, handler lines, END and REPORT land in
// /aws/lambda/<fn> in a stream named like AWS's, and the REPORT line is
// read back with FilterLogEvents.
func TestLambda_ReportLineReadBackWithFilterLogEvents(t *testing.T) {
	f := newFixture(t)
	lc := f.createFunction(t, "worker", func(ctx context.Context) error {
		lambda.Logger(ctx).Println("hello from the handler")
		return nil
	}, nil)
	_, err := lc.Invoke(ctx, &lsdk.InvokeInput{FunctionName: aws.String("worker")})
	require.NoError(t, err)
	require.NoError(t, f.cloud.Settle(ctx))

	out, err := f.client.FilterLogEvents(ctx, &sdk.FilterLogEventsInput{LogGroupName: aws.String("/aws/lambda/worker"), FilterPattern: aws.String("REPORT")})
	require.NoError(t, err)
	require.Len(t, out.Events, 1)
	report := aws.ToString(out.Events[0].Message)
	for _, field := range []string{"Duration: ", "Billed Duration: ", "Memory Size: 128 MB", "Max Memory Used: ", "Init Duration: "} {
		assert.Contains(t, report, field)
	}
	assert.Regexp(t, `^2030/01/01/\[\$LATEST\][0-9a-f]{32}$`, aws.ToString(out.Events[0].LogStreamName))

	all, err := f.client.FilterLogEvents(ctx, &sdk.FilterLogEventsInput{LogGroupName: aws.String("/aws/lambda/worker")})
	require.NoError(t, err)
	got := messages(all.Events)
	require.Len(t, got, 4)
	assert.True(t, strings.HasPrefix(got[0], "START RequestId: "))
	assert.Equal(t, "hello from the handler", got[1])
	assert.True(t, strings.HasPrefix(got[2], "END RequestId: "))
	assert.True(t, strings.HasPrefix(got[3], "REPORT RequestId: "))
}

// With LogFormat JSON the platform lines are JSON records, in the custom
// group, and the application log level drops lower JSON lines.
func TestLambda_LoggingConfigJSON(t *testing.T) {
	f := newFixture(t)
	lc := f.createFunction(t, "j", func(ctx context.Context) error {
		lambda.Logger(ctx).Println(`{"level":"DEBUG","msg":"dropped"}`)
		lambda.Logger(ctx).Println(`{"level":"ERROR","msg":"kept"}`)
		return nil
	}, &ltypes.LoggingConfig{LogFormat: ltypes.LogFormatJson, ApplicationLogLevel: ltypes.ApplicationLogLevelInfo, LogGroup: aws.String("/custom/j")})
	_, err := lc.Invoke(ctx, &lsdk.InvokeInput{FunctionName: aws.String("j")})
	require.NoError(t, err)
	require.NoError(t, f.cloud.Settle(ctx))
	var types []string
	for _, e := range f.cloud.Logs().Events("/custom/j") {
		var rec struct{ Type, Msg string }
		require.NoError(t, json.Unmarshal([]byte(e.Message), &rec), e.Message)
		types = append(types, rec.Type+rec.Msg)
	}
	assert.Equal(t, []string{"platform.start", "kept", "platform.runtimeDone", "platform.report"}, types)
	rep := f.cloud.Logs().CheckLogged(t, "/custom/j", "platform.report")
	assert.Contains(t, rep.Message, `"billedDurationMs"`)
}

// A subscription filter delivers AWS's payload to a Lambda: a
// CONTROL_MESSAGE on creation, then the matching events of each batch as
// a gzipped, base64 DATA_MESSAGE in awslogs.data (test_logs_subscription_filters
// test_put_subscription_filter_lambda, with the regional principal).
func TestSubscription_DeliversAWSPayloadToLambda(t *testing.T) {
	f := newFixture(t)
	var mu sync.Mutex
	var got []map[string]any
	lc := f.createFunction(t, "sink", func(ctx context.Context, ev struct {
		Awslogs struct{ Data string } `json:"awslogs"`
	}) error {
		raw, err := base64.StdEncoding.DecodeString(ev.Awslogs.Data)
		if err != nil {
			return err
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return err
		}
		b, _ := io.ReadAll(zr)
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			return err
		}
		mu.Lock()
		got = append(got, m)
		mu.Unlock()
		return nil
	}, nil)
	f.group(t, "g", "s")
	fnARN := "arn:aws:lambda:us-east-1:000000000000:function:sink"
	put := func() error {
		_, err := f.client.PutSubscriptionFilter(ctx, &sdk.PutSubscriptionFilterInput{LogGroupName: aws.String("g"), FilterName: aws.String("test"),
			FilterPattern: aws.String("ERROR"), DestinationArn: aws.String(fnARN)})
		return err
	}
	requireCode(t, put(), "InvalidParameterException") // no permission yet
	_, err := lc.AddPermission(ctx, &lsdk.AddPermissionInput{FunctionName: aws.String("sink"), StatementId: aws.String("logs"),
		Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("logs.us-east-1.amazonaws.com"),
		SourceArn: aws.String("arn:aws:logs:us-east-1:000000000000:log-group:g:*"), SourceAccount: aws.String("000000000000")})
	require.NoError(t, err)
	require.NoError(t, put())
	f.put(t, "g", "s", ev{0, "ERROR one"}, ev{time.Millisecond, "INFO skipped"}, ev{2 * time.Millisecond, "ERROR two"})
	require.NoError(t, f.cloud.Settle(ctx))

	mu.Lock()
	defer mu.Unlock()
	require.Len(t, got, 2)
	// Two asynchronous invocations: Lambda may run them in either order.
	if got[0]["messageType"] != "CONTROL_MESSAGE" {
		got[0], got[1] = got[1], got[0]
	}
	assert.Equal(t, "CONTROL_MESSAGE", got[0]["messageType"])
	data := got[1]
	assert.Equal(t, "DATA_MESSAGE", data["messageType"])
	assert.Equal(t, "000000000000", data["owner"])
	assert.Equal(t, "g", data["logGroup"])
	assert.Equal(t, "s", data["logStream"])
	assert.Equal(t, []any{"test"}, data["subscriptionFilters"])
	evs := data["logEvents"].([]any)
	require.Len(t, evs, 2)
	assert.Equal(t, "ERROR one", evs[0].(map[string]any)["message"])
	assert.Equal(t, float64(t0.UnixMilli()), evs[0].(map[string]any)["timestamp"])

	desc, err := f.client.DescribeSubscriptionFilters(ctx, &sdk.DescribeSubscriptionFiltersInput{LogGroupName: aws.String("g")})
	require.NoError(t, err)
	require.Len(t, desc.SubscriptionFilters, 1)
	assert.Equal(t, types.DistributionByLogStream, desc.SubscriptionFilters[0].Distribution)
}

// At most two subscription filters per group (test_put_subscription_filter_limit_exceeded);
// kinesis needs a role, a Lambda of another account is refused
// (test_put_subscription_filter_errors).
func TestSubscription_Rules(t *testing.T) {
	f := newFixture(t)
	f.group(t, "g")
	put := func(name, dest, role string) error {
		in := &sdk.PutSubscriptionFilterInput{LogGroupName: aws.String("g"), FilterName: aws.String(name), FilterPattern: aws.String(""),
			DestinationArn: aws.String(dest)}
		if role != "" {
			in.RoleArn = aws.String(role)
		}
		_, err := f.client.PutSubscriptionFilter(ctx, in)
		return err
	}
	kinesis := "arn:aws:kinesis:us-east-1:000000000000:stream/s"
	e := requireCode(t, put("k", kinesis, ""), "InvalidParameterException")
	assert.Equal(t, "destinationArn for vendor kinesis cannot be used without roleArn", e.ErrorMessage())
	requireCode(t, put("x", "arn:aws:lambda:us-east-1:111111111111:function:f", ""), "AccessDeniedException")
	role := "arn:aws:iam::000000000000:role/r"
	require.NoError(t, put("a", kinesis, role))
	require.NoError(t, put("b", kinesis, role))
	require.NoError(t, put("a", kinesis, role), "replacing one does not count")
	e = requireCode(t, put("c", kinesis, role), "LimitExceededException")
	assert.Equal(t, "Resource limit exceeded.", e.ErrorMessage())
	_, err := f.client.DeleteSubscriptionFilter(ctx, &sdk.DeleteSubscriptionFilterInput{LogGroupName: aws.String("g"), FilterName: aws.String("zz")})
	e = requireCode(t, err, "ResourceNotFoundException")
	assert.Equal(t, "The specified subscription filter does not exist.", e.ErrorMessage())
}

// A metric filter feeds a metric: each matching event publishes its
// field's value with its dimensions and unit; a batch with no match the
// default value.
func TestMetricFilter_FeedsAMetric(t *testing.T) {
	f := newFixture(t)
	f.group(t, "g", "s")
	_, err := f.client.PutMetricFilter(ctx, &sdk.PutMetricFilterInput{LogGroupName: aws.String("g"), FilterName: aws.String("latency"),
		FilterPattern: aws.String(`{ $.latency > 0 }`), MetricTransformations: []types.MetricTransformation{{
			MetricName: aws.String("Latency"), MetricNamespace: aws.String("App"), MetricValue: aws.String("$.latency"),
			Dimensions: map[string]string{"Route": "$.route"}, Unit: types.StandardUnitMilliseconds}}})
	require.NoError(t, err)
	_, err = f.client.PutMetricFilter(ctx, &sdk.PutMetricFilterInput{LogGroupName: aws.String("g"), FilterName: aws.String("errors"),
		FilterPattern: aws.String("ERROR"), MetricTransformations: []types.MetricTransformation{{
			MetricName: aws.String("Errors"), MetricNamespace: aws.String("App"), MetricValue: aws.String("1"), DefaultValue: aws.Float64(0)}}})
	require.NoError(t, err)
	f.put(t, "g", "s", ev{0, `{"latency": 42, "route": "/a"}`}, ev{time.Millisecond, `{"latency": "n/a"}`}, ev{2 * time.Millisecond, "plain"})

	data := f.cloud.Logs().MetricData()
	require.Len(t, data, 2)
	assert.Equal(t, "Errors", data[0].MetricName)
	assert.Equal(t, 0.0, data[0].Value, "no ERROR in the batch: the default value")
	assert.Equal(t, "Latency", data[1].MetricName)
	assert.Equal(t, 42.0, data[1].Value)
	assert.Equal(t, map[string]string{"Route": "/a"}, data[1].Dimensions)
	assert.Equal(t, "Milliseconds", data[1].Unit)
	assert.Equal(t, t0, data[1].Timestamp)

	// The same values read back from CloudWatch metrics.
	st, err := cwsdk.NewFromConfig(f.cloud.AWSConfig()).GetMetricStatistics(ctx, &cwsdk.GetMetricStatisticsInput{
		Namespace: aws.String("App"), MetricName: aws.String("Latency"), Period: aws.Int32(60),
		Dimensions: []cwtypes.Dimension{{Name: aws.String("Route"), Value: aws.String("/a")}},
		StartTime:  aws.Time(t0.Add(-time.Minute)), EndTime: aws.Time(t0.Add(time.Minute)),
		Statistics: []cwtypes.Statistic{cwtypes.StatisticSum, cwtypes.StatisticSampleCount}})
	require.NoError(t, err)
	require.Len(t, st.Datapoints, 1)
	assert.Equal(t, 42.0, aws.ToFloat64(st.Datapoints[0].Sum))
	assert.Equal(t, 1.0, aws.ToFloat64(st.Datapoints[0].SampleCount))
	assert.Equal(t, cwtypes.StandardUnitMilliseconds, st.Datapoints[0].Unit)

	desc, err := f.client.DescribeLogGroups(ctx, &sdk.DescribeLogGroupsInput{})
	require.NoError(t, err)
	assert.Equal(t, int32(2), aws.ToInt32(desc.LogGroups[0].MetricFilterCount))
	mf, err := f.client.DescribeMetricFilters(ctx, &sdk.DescribeMetricFiltersInput{MetricName: aws.String("Errors"), MetricNamespace: aws.String("App")})
	require.NoError(t, err)
	require.Len(t, mf.MetricFilters, 1)
	assert.Equal(t, "errors", aws.ToString(mf.MetricFilters[0].FilterName))

	// test_logs_metric_filters test_put_metric_filter_too_many_transformations.
	_, err = f.client.PutMetricFilter(ctx, &sdk.PutMetricFilterInput{LogGroupName: aws.String("g"), FilterName: aws.String("two"),
		FilterPattern: aws.String(""), MetricTransformations: []types.MetricTransformation{
			{MetricName: aws.String("metric1"), MetricNamespace: aws.String("namespace1"), MetricValue: aws.String("1")},
			{MetricName: aws.String("metric2"), MetricNamespace: aws.String("namespace2"), MetricValue: aws.String("1")}}})
	e := requireCode(t, err, "InvalidParameterException")
	assert.Equal(t, "1 validation error detected: Value '[MetricTransformation(metricName=metric1, metricNamespace=namespace1, metricValue=1, defaultValue=null, unit=null, dimensions=null), MetricTransformation(metricName=metric2, metricNamespace=namespace2, metricValue=1, defaultValue=null, unit=null, dimensions=null)]' at 'metricTransformations' failed to satisfy constraint: Member must have length less than or equal to 1", e.ErrorMessage())
	_, err = f.client.DeleteMetricFilter(ctx, &sdk.DeleteMetricFilterInput{LogGroupName: aws.String("g"), FilterName: aws.String("errors")})
	require.NoError(t, err)
}

// TestMetricFilter through the SDK: the matches, numbered from 1, with
// the values the pattern names.
func TestTestMetricFilter(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.TestMetricFilter(ctx, &sdk.TestMetricFilterInput{FilterPattern: aws.String(`[ip, user, ..., status=4*, size>1000]`),
		LogEventMessages: []string{"1.2.3.4 bob GET / 404 2048", "1.2.3.4 bob GET / 200 2048", "5.6.7.8 amy 403 1001"}})
	require.NoError(t, err)
	require.Len(t, out.Matches, 2)
	assert.Equal(t, int64(1), out.Matches[0].EventNumber)
	assert.Equal(t, map[string]string{"$ip": "1.2.3.4", "$user": "bob", "$status": "404", "$size": "2048"}, out.Matches[0].ExtractedValues)
	assert.Equal(t, int64(3), out.Matches[1].EventNumber)
	_, err = f.client.TestMetricFilter(ctx, &sdk.TestMetricFilterInput{FilterPattern: aws.String(`{ $.x = `), LogEventMessages: []string{"x"}})
	requireCode(t, err, "InvalidParameterException")
}
