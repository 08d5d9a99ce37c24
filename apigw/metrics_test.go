package apigw_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each request to a stage is an AWS/ApiGateway datum by ApiName and by
// ApiName and Stage: Count, 4XXError and 5XXError as 0 or 1, Latency and
// IntegrationLatency in milliseconds on the clock (API Gateway Developer
// Guide, "Amazon API Gateway dimensions and metrics").
func TestMetrics_CountErrorsAndLatencyByAPIAndStage(t *testing.T) {
	f := newFixture(t)
	release := make(chan struct{})
	_, url := f.proxyAPI(t, func(ctx context.Context, _ json.RawMessage) (map[string]any, error) {
		<-release
		return map[string]any{"statusCode": 200, "body": "slow"}, nil
	})
	done := make(chan int, 1)
	go func() {
		resp, err := f.http.Get(url + "/slow")
		if err != nil {
			done <- -1
			return
		}
		resp.Body.Close()
		done <- resp.StatusCode
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	require.NoError(t, f.clk.BlockUntil(ctx, 1)) // the integration's timeout timer: the call is in the integration
	f.clk.Advance(2 * time.Second)
	release <- struct{}{}
	require.Equal(t, http.StatusOK, <-done)
	resp, err := f.http.Post(url, "application/json", nil) // no POST method: 403
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusForbidden, resp.StatusCode)

	name := aws.String("proxy") // proxyAPI's API, on the stage "stage"
	cw := awscw.NewFromConfig(f.cloud.AWSConfig())
	var qs []cwtypes.MetricDataQuery
	for i, m := range []struct{ name, stat string }{{"Count", "Sum"}, {"4XXError", "Sum"}, {"5XXError", "Sum"},
		{"Latency", "Maximum"}, {"IntegrationLatency", "Maximum"}} {
		for j, dims := range [][]cwtypes.Dimension{{{Name: aws.String("ApiName"), Value: name}},
			{{Name: aws.String("ApiName"), Value: name}, {Name: aws.String("Stage"), Value: aws.String("stage")}}} {
			qs = append(qs, cwtypes.MetricDataQuery{Id: aws.String(string(rune('a'+i)) + string(rune('0'+j))), Label: aws.String(m.name),
				MetricStat: &cwtypes.MetricStat{Metric: &cwtypes.Metric{Namespace: aws.String("AWS/ApiGateway"),
					MetricName: aws.String(m.name), Dimensions: dims}, Period: aws.Int32(60), Stat: aws.String(m.stat)}})
		}
	}
	data, err := cw.GetMetricData(f.ctx, &awscw.GetMetricDataInput{StartTime: aws.Time(t0.Add(-time.Hour)),
		EndTime: aws.Time(t0.Add(time.Hour)), MetricDataQueries: qs})
	require.NoError(t, err)
	want := map[string][]float64{"Count": {2}, "4XXError": {1}, "5XXError": {0}, "Latency": {2000}, "IntegrationLatency": {2000}}
	for _, r := range data.MetricDataResults {
		assert.Equal(t, want[aws.ToString(r.Label)], r.Values, "%s %s", aws.ToString(r.Id), aws.ToString(r.Label))
	}
	assert.Len(t, data.MetricDataResults, 10)
}
