package apigw_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkv2 "github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/lambda"
)

// hFixture is a cloud on a fake clock with an apigatewayv2 client and one
// HTTP API.
type hFixture struct {
	*fixture
	v2  *sdkv2.Client
	api string
}

func newHFixture(t *testing.T) *hFixture {
	t.Helper()
	f := &hFixture{fixture: newFixture(t)}
	f.v2 = sdkv2.NewFromConfig(f.cloud.AWSConfig())
	out, err := f.v2.CreateApi(f.ctx, &sdkv2.CreateApiInput{Name: aws.String("h"), ProtocolType: "HTTP"})
	require.NoError(t, err)
	f.api = *out.ApiId
	return f
}

// url is the invoke URL of path on the $default stage (no stage part), or
// of stage/path for a named stage.
func (f *hFixture) url(stage, path string) string {
	u := "https://" + f.api + ".execute-api.us-east-1.amazonaws.com"
	if stage != "$default" {
		u += "/" + stage
	}
	return u + path
}

// function makes a function of handler that API Gateway may invoke and
// returns its ARN.
func (f *hFixture) function(t *testing.T, name string, handler any) string {
	t.Helper()
	fn := f.cloud.Lambda().FunctionT(t, name, handler)
	_, err := f.cloud.Lambda().UpdateFunctionConfiguration(f.ctx, lambda.UpdateFunctionConfigurationInput{
		FunctionName: fn.Name, Timeout: aws.Int32(60)})
	require.NoError(t, err)
	f.cloud.Lambda().AllowT(t, fn.Name, "apigateway.amazonaws.com", "")
	return fn.ARN
}

// lambdaIntegration makes an AWS_PROXY integration of fn with payload
// format version.
func (f *hFixture) lambdaIntegration(t *testing.T, fn, version string) string {
	t.Helper()
	out, err := f.v2.CreateIntegration(f.ctx, &sdkv2.CreateIntegrationInput{ApiId: &f.api, IntegrationType: "AWS_PROXY",
		IntegrationUri: &fn, PayloadFormatVersion: &version})
	require.NoError(t, err)
	return *out.IntegrationId
}

// route makes a route of key to integration and returns its id.
func (f *hFixture) route(t *testing.T, key, integration string) string {
	t.Helper()
	out, err := f.v2.CreateRoute(f.ctx, &sdkv2.CreateRouteInput{ApiId: &f.api, RouteKey: &key,
		Target: aws.String("integrations/" + integration)})
	require.NoError(t, err)
	return *out.RouteId
}

// autoStage makes the $default stage with autoDeploy.
func (f *hFixture) autoStage(t *testing.T) {
	t.Helper()
	_, err := f.v2.CreateStage(f.ctx, &sdkv2.CreateStageInput{ApiId: &f.api, StageName: aws.String("$default"),
		AutoDeploy: aws.Bool(true)})
	require.NoError(t, err)
}

// echo is a payload 2.0 route of key on the $default stage whose function
// hands each event to events and answers 200 "ok".
func (f *hFixture) echo(t *testing.T, key, version string) chan map[string]any {
	t.Helper()
	events := make(chan map[string]any, 8)
	fn := f.function(t, "echo", func(_ context.Context, ev map[string]any) (map[string]any, error) {
		events <- ev
		return map[string]any{"statusCode": 200, "body": "ok"}, nil
	})
	f.route(t, key, f.lambdaIntegration(t, fn, version))
	f.autoStage(t)
	return events
}
