package apigw_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An EDGE API's proxy event carries CloudFront's headers, in headers and
// multiValueHeaders, as recorded (test_apigateway_lambda.py::
// test_lambda_aws_proxy_integration, invocation-payload-without-trailing-
// slash); once the API is REGIONAL there is no CloudFront and none.
func TestProxy_EdgeAPIsCarryCloudFrontHeaders(t *testing.T) {
	f := newFixture(t)
	var got map[string]any
	_, url := f.proxyAPI(t, func(_ context.Context, ev map[string]any) (map[string]any, error) {
		got = ev
		return map[string]any{"statusCode": 200, "body": "ok"}, nil
	})
	status, _, _ := f.call(t, "GET", url+"/proxy-value", "")
	require.Equal(t, 200, status)
	headers := got["headers"].(map[string]any)
	multi := got["multiValueHeaders"].(map[string]any)
	for k, v := range map[string]string{"CloudFront-Forwarded-Proto": "https", "CloudFront-Is-Desktop-Viewer": "true",
		"CloudFront-Is-Mobile-Viewer": "false", "CloudFront-Is-SmartTV-Viewer": "false", "CloudFront-Is-Tablet-Viewer": "false"} {
		assert.Equal(t, v, headers[k], k)
		assert.Equal(t, []any{v}, multi[k], k)
	}
	assert.NotEmpty(t, headers["CloudFront-Viewer-ASN"])
	assert.NotEmpty(t, headers["CloudFront-Viewer-Country"])
	assert.Regexp(t, regexp.MustCompile(`^2\.0 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$`), headers["Via"])
	assert.Regexp(t, regexp.MustCompile(`^[A-Za-z0-9_-]{52}$`), headers["X-Amz-Cf-Id"])
	assert.Equal(t, []any{headers["X-Amz-Cf-Id"]}, multi["X-Amz-Cf-Id"])

	fn := f.cloud.Lambda().FunctionT(t, "regionalfn", func(_ context.Context, ev map[string]any) (map[string]any, error) {
		got = ev
		return map[string]any{"statusCode": 200, "body": "ok"}, nil
	})
	out, err := f.client.CreateRestApi(f.ctx, &sdk.CreateRestApiInput{Name: aws.String("regional"),
		EndpointConfiguration: &types.EndpointConfiguration{Types: []types.EndpointType{types.EndpointTypeRegional}}})
	require.NoError(t, err)
	f.method(t, *out.Id, *out.RootResourceId, "GET")
	_, err = f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: out.Id, ResourceId: out.RootResourceId, HttpMethod: aws.String("GET"),
		Type: types.IntegrationTypeAwsProxy, IntegrationHttpMethod: aws.String("POST"),
		Uri: aws.String("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + fn.ARN + "/invocations")})
	require.NoError(t, err)
	f.cloud.Lambda().AllowT(t, fn.Name, "apigateway.amazonaws.com", "")
	f.deploy(t, *out.Id, "stage")
	status, _, _ = f.call(t, "GET", f.cloud.APIGateway().InvokeURL(*out.Id, "stage")+"/", "")
	require.Equal(t, 200, status)
	headers = got["headers"].(map[string]any)
	for _, k := range []string{"CloudFront-Forwarded-Proto", "CloudFront-Viewer-Country", "Via", "X-Amz-Cf-Id"} {
		assert.NotContains(t, headers, k)
	}
	assert.Equal(t, "https", headers["X-Forwarded-Proto"])
}
