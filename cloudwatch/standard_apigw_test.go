package cloudwatch_test

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	sdkv2 "github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/lambda"
)

// httpAPIValues are the one-minute sums of AWS/ApiGateway metrics of an
// HTTP API by dims, by name.
func httpAPIValues(t *testing.T, f *fixture, dims []types.Dimension, names ...string) map[string][]float64 {
	t.Helper()
	var qs []types.MetricDataQuery
	for i, n := range names {
		qs = append(qs, types.MetricDataQuery{Id: aws.String("m" + string(rune('a'+i))), MetricStat: &types.MetricStat{Metric: &types.Metric{
			Namespace: aws.String("AWS/ApiGateway"), MetricName: aws.String(n), Dimensions: dims},
			Period: aws.Int32(60), Stat: aws.String("Sum")}})
	}
	out, err := f.client.GetMetricData(f.ctx, &awscw.GetMetricDataInput{StartTime: aws.Time(t0.Add(-time.Hour)),
		EndTime: aws.Time(t0.Add(time.Hour)), MetricDataQueries: qs, ScanBy: types.ScanByTimestampAscending})
	require.NoError(t, err)
	values := map[string][]float64{}
	for _, r := range out.MetricDataResults {
		values[aws.ToString(r.Label)] = r.Values
	}
	return values
}

// An HTTP API's requests are AWS/ApiGateway metrics by ApiId and by ApiId
// and Stage, with the names the Developer Guide gives HTTP APIs (Count,
// 4xx, 5xx, Latency, IntegrationLatency, DataProcessed); the latencies are
// the cloud clock's (a function that takes 250 ms of it); each minute is
// its own datapoint.
func TestStandard_HTTPAPIMetrics(t *testing.T) {
	f := newFixture(t)
	fn := f.cloud.Lambda()
	require.NoError(t, fn.RegisterHandler("items", func(_ context.Context, ev events.APIGatewayV2HTTPRequest) (map[string]string, error) {
		if ev.PathParameters["id"] == "slow" {
			f.clk.Advance(250 * time.Millisecond)
		}
		return map[string]string{"id": ev.PathParameters["id"]}, nil
	}))
	_, err := fn.CreateFunction(f.ctx, lambda.CreateFunctionInput{FunctionName: "items", Runtime: "provided.al2023",
		Role: "arn:aws:iam::000000000000:role/r", Handler: "items", Code: &lambda.FunctionCode{ZipFile: []byte("zip")}})
	require.NoError(t, err)
	_, err = fn.AddPermission(f.ctx, lambda.AddPermissionInput{FunctionName: "items", StatementId: "apigw",
		Action: "lambda:InvokeFunction", Principal: "apigateway.amazonaws.com"})
	require.NoError(t, err)
	client := sdkv2.NewFromConfig(f.cloud.AWSConfig())
	api, err := client.CreateApi(f.ctx, &sdkv2.CreateApiInput{Name: aws.String("items"), ProtocolType: "HTTP"})
	require.NoError(t, err)
	integ, err := client.CreateIntegration(f.ctx, &sdkv2.CreateIntegrationInput{ApiId: api.ApiId, IntegrationType: "AWS_PROXY",
		IntegrationUri: aws.String("arn:aws:lambda:us-east-1:000000000000:function:items"), PayloadFormatVersion: aws.String("2.0")})
	require.NoError(t, err)
	_, err = client.CreateRoute(f.ctx, &sdkv2.CreateRouteInput{ApiId: api.ApiId, RouteKey: aws.String("GET /items/{id}"),
		Target: aws.String("integrations/" + *integ.IntegrationId)})
	require.NoError(t, err)
	_, err = client.CreateStage(f.ctx, &sdkv2.CreateStageInput{ApiId: api.ApiId, StageName: aws.String("$default"), AutoDeploy: aws.Bool(true)})
	require.NoError(t, err)
	get := func(path string, status int) {
		resp, err := f.cloud.HTTPClient().Get(*api.ApiEndpoint + path)
		require.NoError(t, err)
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		require.Equal(t, status, resp.StatusCode)
	}
	get("/items/slow", http.StatusOK) // {"id":"slow"}: 13 bytes, ends at t0+250ms
	get("/nothing", http.StatusNotFound)
	f.clk.Advance(59*time.Second + 749*time.Millisecond) // the last millisecond of the first minute
	get("/items/fast", http.StatusOK)
	f.clk.Advance(time.Millisecond) // the next minute
	get("/items/fast", http.StatusOK)

	want := map[string][]float64{"Count": {3, 1}, "4xx": {1, 0}, "5xx": {0, 0}, "Latency": {250, 0},
		"IntegrationLatency": {250, 0}, "DataProcessed": {13 + float64(len(`{"message":"Not Found"}`)) + 13, 13}}
	names := []string{"Count", "4xx", "5xx", "Latency", "IntegrationLatency", "DataProcessed"}
	byAPI := []types.Dimension{{Name: aws.String("ApiId"), Value: api.ApiId}}
	assert.Equal(t, want, httpAPIValues(t, f, byAPI, names...))
	byStage := append(byAPI, types.Dimension{Name: aws.String("Stage"), Value: aws.String("$default")})
	assert.Equal(t, want, httpAPIValues(t, f, byStage, names...))
}
