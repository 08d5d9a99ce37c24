package apigw_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/lambda"
)

// proxyAPI builds an API with ANY /{proxy+} (and GET /hardcoded) as an
// AWS_PROXY integration of a function running handler, which API Gateway
// may invoke, deployed to stage "stage". It returns the invoke URL.
func (f *fixture) proxyAPI(t *testing.T, handler any) (string, string) {
	t.Helper()
	fn := f.cloud.Lambda().FunctionT(t, "proxyfn", handler)
	// A function timeout beyond the integration's 29 s, so that the
	// integration timeout is the one a slow function meets.
	_, err := f.cloud.Lambda().UpdateFunctionConfiguration(f.ctx, lambda.UpdateFunctionConfigurationInput{FunctionName: fn.Name, Timeout: aws.Int32(60)})
	require.NoError(t, err)
	api, root := f.api(t, "proxy")
	uri := "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + fn.ARN + "/invocations"
	for _, part := range []string{"{proxy+}", "hardcoded"} {
		res := f.resource(t, api, root, part)
		method := "ANY"
		f.method(t, api, res, method)
		_, err := f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &res, HttpMethod: &method,
			Type: types.IntegrationTypeAwsProxy, IntegrationHttpMethod: aws.String("POST"), Uri: &uri})
		require.NoError(t, err)
	}
	f.cloud.Lambda().AllowT(t, fn.Name, "apigateway.amazonaws.com", "")
	f.deploy(t, api, "stage")
	return api, f.cloud.APIGateway().InvokeURL(api, "stage")
}

// The version 1.0 proxy event, field by field as recorded
// (test_apigateway_lambda.py::test_lambda_aws_proxy_integration,
// invocation-payload-without-trailing-slash and its siblings).
func TestProxy_EventIsTheRecordedVersion1Event(t *testing.T) {
	f := newFixture(t)
	var got map[string]any
	api, url := f.proxyAPI(t, func(_ context.Context, ev map[string]any) (map[string]any, error) {
		got = ev
		return map[string]any{"statusCode": 200, "body": "ok"}, nil
	})
	status, _, body := f.call(t, "GET", url+"/proxy-value?urlparam=test", "", "tEsT-HEADeR", "aValUE", "User-Agent", "python-requests/testing")
	require.Equal(t, 200, status)
	require.Equal(t, "ok", body)
	assert.Equal(t, "/{proxy+}", got["resource"])
	assert.Equal(t, "/proxy-value", got["path"])
	assert.Equal(t, "GET", got["httpMethod"])
	assert.Equal(t, map[string]any{"proxy": "proxy-value"}, got["pathParameters"])
	assert.Equal(t, map[string]any{"urlparam": "test"}, got["queryStringParameters"])
	assert.Equal(t, map[string]any{"urlparam": []any{"test"}}, got["multiValueQueryStringParameters"])
	assert.Nil(t, got["body"])
	assert.Nil(t, got["stageVariables"])
	assert.Equal(t, false, got["isBase64Encoded"])
	headers := got["headers"].(map[string]any)
	assert.Equal(t, "aValUE", headers["Test-Header"])
	assert.Equal(t, api+".execute-api.us-east-1.amazonaws.com", headers["Host"])
	rc := got["requestContext"].(map[string]any)
	assert.Equal(t, "000000000000", rc["accountId"])
	assert.Equal(t, api, rc["apiId"])
	assert.Equal(t, api, rc["domainPrefix"])
	assert.Equal(t, "/stage/proxy-value", rc["path"])
	assert.Equal(t, "/{proxy+}", rc["resourcePath"])
	assert.Equal(t, "stage", rc["stage"])
	assert.Equal(t, "HTTP/1.1", rc["protocol"])
	assert.Equal(t, "02/Jan/2026:03:04:05 +0000", rc["requestTime"])
	assert.Equal(t, float64(t0.UnixMilli()), rc["requestTimeEpoch"])
	identity := rc["identity"].(map[string]any)
	assert.Equal(t, "python-requests/testing", identity["userAgent"])
	assert.Contains(t, identity, "cognitoIdentityPoolId")
	assert.Nil(t, identity["user"])

	// Trailing slash, double slash, the encoded e-mail and repeated query
	// members, as recorded.
	for _, tc := range []struct{ path, wantPath, wantProxy, wantRCPath string }{
		{"/proxy-value/", "/proxy-value/", "proxy-value", "/stage/proxy-value/"},
		{"/proxy-value//double-slash", "/proxy-value//double-slash", "proxy-value//double-slash", "/stage/proxy-value//double-slash"},
		{"//proxy-value", "/proxy-value", "proxy-value", "/stage//proxy-value"},
		{"/proxy-value/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com",
			"/proxy-value/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com",
			"proxy-value/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com",
			"/stage/proxy-value/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com"},
	} {
		status, _, _ := f.call(t, "GET", url+tc.path, "")
		require.Equal(t, 200, status, tc.path)
		assert.Equal(t, tc.wantPath, got["path"], tc.path)
		assert.Equal(t, tc.wantProxy, got["pathParameters"].(map[string]any)["proxy"], tc.path)
		assert.Equal(t, tc.wantRCPath, got["requestContext"].(map[string]any)["path"], tc.path)
	}
	f.call(t, "POST", url+"/proxy-value?category=electronics&category=books&price=10&price=20&price=30", `{"message": "hello world"}`)
	assert.Equal(t, map[string]any{"category": "books", "price": "30"}, got["queryStringParameters"])
	assert.Equal(t, []any{"10", "20", "30"}, got["multiValueQueryStringParameters"].(map[string]any)["price"])
	assert.Equal(t, `{"message": "hello world"}`, got["body"])
	f.call(t, "GET", url+"?email=test%2Balias@gmail.com&plus=test+alias@gmail.com", "")
	f.call(t, "GET", url+"/hardcoded", "")
	assert.Equal(t, "/hardcoded", got["resource"])
	assert.Nil(t, got["pathParameters"])
	f.cloud.APIGateway().CheckInvoked(t, api, "/hardcoded", 200)
}

// A function's answer by the proxy contract, each case as recorded in
// test_apigateway_lambda.py::test_aws_proxy_response_payload_format_validation:
// the malformed ones are a 502 {"message": "Internal server error"}.
func TestProxy_ResponseContractAndEachMalformedCaseOfTheRecording(t *testing.T) {
	f := newFixture(t)
	var answer json.RawMessage
	_, url := f.proxyAPI(t, func(context.Context, json.RawMessage) (json.RawMessage, error) { return answer, nil })
	for _, tc := range []struct {
		name, answer string
		status       int
		body         string
		header       map[string][]string
	}{
		{"invoke-api-no-body", `{"statusCode": 200}`, 200, "", nil},
		{"invoke-api-with-headers", `{"statusCode": 200, "headers": {"test-header": "value", "header-bool": true}}`, 200, "",
			map[string][]string{"Test-Header": {"value"}, "Header-Bool": {"true"}}},
		{"invoke-api-with-headers-null", `{"statusCode": 200, "headers": null}`, 200, "", nil},
		{"invoke-api-wrong-format", `{"statusCode": 200, "wrongValue": "value"}`, 502, `{"message":"Internal server error"}`, nil},
		{"invoke-api-empty-response", `""`, 502, `{"message":"Internal server error"}`, nil},
		{"invoke-api-b64-encoded-true", `{"statusCode": 200, "body": "dGVzdC1kYXRh", "isBase64Encoded": true}`, 200, "dGVzdC1kYXRh", nil},
		{"invoke-api-b64-encoded-false", `{"statusCode": 200, "body": "dGVzdC1kYXRh", "isBase64Encoded": false}`, 200, "dGVzdC1kYXRh", nil},
		{"invoke-api-multi-headers-valid", `{"statusCode": 200, "multiValueHeaders": {"test-multi": ["value1", "value2"]}}`, 200, "",
			map[string][]string{"Test-Multi": {"value1", "value2"}}},
		{"invoke-api-multi-headers-overwrite", `{"statusCode": 200, "headers": {"test-multi": "value-solo"}, "multiValueHeaders": {"test-multi": ["value-multi"]}}`,
			200, "", map[string][]string{"Test-Multi": {"value-multi", "value-solo"}}},
		{"invoke-api-multi-headers-overwrite-casing", `{"statusCode": 200, "headers": {"tesT-Multi": "value-solo"}, "multiValueHeaders": {"test-multi": ["value-multi"]}}`,
			200, "", map[string][]string{"Test-Multi": {"value-multi", "value-solo"}}},
		{"invoke-api-multi-headers-invalid", `{"statusCode": 200, "multiValueHeaders": {"test-multi": "value"}}`, 502, `{"message":"Internal server error"}`, nil},
		{"invoke-api-invalid-status-code", `{"statusCode": "test"}`, 502, `{"message":"Internal server error"}`, nil},
		{"invoke-api-status-code-str", `{"statusCode": "201"}`, 201, "", nil},
		{"invoke-api-just-string", `"just a string"`, 502, `{"message":"Internal server error"}`, nil},
		{"invoke-api-only-headers", `{"headers": {"test-header": "value"}}`, 200, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			answer = json.RawMessage(tc.answer)
			status, h, body := f.call(t, "GET", url+"/x", "")
			assert.Equal(t, tc.status, status)
			assert.Equal(t, tc.body, body)
			for k, v := range tc.header {
				assert.Equal(t, v, h.Values(k), k)
			}
			assert.NotEmpty(t, h.Get("x-amzn-RequestId"))
			assert.NotEmpty(t, h.Get("x-amz-apigw-id"))
			if status == 502 {
				assert.Equal(t, "InternalServerErrorException", h.Get("x-amzn-ErrorType"))
			}
		})
	}
}

// A binary answer is decoded when the client accepts one of the API's
// binary media types; a binary request body reaches the function base64
// encoded with isBase64Encoded set.
func TestProxy_BinaryBodiesAndMultiValueHeaders(t *testing.T) {
	f := newFixture(t)
	png := []byte{0x89, 'P', 'N', 'G', 0, 1, 2}
	var got map[string]any
	api, url := f.proxyAPI(t, func(_ context.Context, ev map[string]any) (map[string]any, error) {
		got = ev
		return map[string]any{"statusCode": 200, "isBase64Encoded": true, "body": base64.StdEncoding.EncodeToString(png),
			"headers": map[string]string{"Content-Type": "image/png"}, "multiValueHeaders": map[string][]string{"Set-Cookie": {"a=1", "b=2"}}}, nil
	})
	_, err := f.client.UpdateRestApi(f.ctx, &sdk.UpdateRestApiInput{RestApiId: &api, PatchOperations: []types.PatchOperation{
		{Op: types.OpAdd, Path: aws.String("/binaryMediaTypes/image~1png")}}})
	require.NoError(t, err)
	// Not served until redeployed: the text goes out as it is.
	_, _, body := f.call(t, "POST", url+"/img", string(png), "Accept", "image/png", "Content-Type", "image/png")
	assert.Equal(t, base64.StdEncoding.EncodeToString(png), body)
	assert.Equal(t, false, got["isBase64Encoded"])
	f.deploy(t, api, "stage")
	status, h, body := f.call(t, "POST", url+"/img", string(png), "Accept", "image/png", "Content-Type", "image/png")
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, string(png), body)
	assert.Equal(t, []string{"a=1", "b=2"}, h.Values("Set-Cookie"))
	assert.Equal(t, "image/png", h.Get("Content-Type"))
	assert.Equal(t, true, got["isBase64Encoded"])
	assert.Equal(t, base64.StdEncoding.EncodeToString(png), got["body"])
}

// A function API Gateway has no permission to invoke fails as AWS fails
// it: 500 Internal server error, the reason in the execution record.
func TestProxy_NoPermissionIsA500(t *testing.T) {
	f := newFixture(t)
	fn := f.cloud.Lambda().FunctionT(t, "denied", func(context.Context, json.RawMessage) (any, error) { return nil, nil })
	api, root := f.api(t, "denied")
	uri := "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + fn.ARN + "/invocations"
	f.method(t, api, root, "GET")
	_, err := f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"),
		Type: types.IntegrationTypeAwsProxy, IntegrationHttpMethod: aws.String("POST"), Uri: &uri})
	require.NoError(t, err)
	f.deploy(t, api, "prod")
	status, _, body := f.call(t, "GET", f.cloud.APIGateway().InvokeURL(api, "prod"), "")
	assert.Equal(t, 500, status)
	assert.JSONEq(t, `{"message":"Internal server error"}`, body)
	inv := f.cloud.APIGateway().Invocations()
	assert.Contains(t, inv[len(inv)-1].Error, "Invalid permissions on Lambda function")
}

// A function that fails (an unhandled error) is a 502 Internal server
// error, the function's error document in the record.
func TestProxy_FunctionErrorIsA502(t *testing.T) {
	f := newFixture(t)
	_, url := f.proxyAPI(t, func(context.Context, json.RawMessage) (any, error) { return nil, errors.New("boom") })
	status, h, body := f.call(t, "GET", url+"/x", "")
	assert.Equal(t, 502, status)
	assert.JSONEq(t, `{"message":"Internal server error"}`, body)
	assert.Equal(t, "InternalServerErrorException", h.Get("x-amzn-ErrorType"))
	inv := f.cloud.APIGateway().Invocations()
	assert.Contains(t, string(inv[len(inv)-1].IntegrationResponse), "boom")
}

// A Lambda integration URI may name the function by a stage variable, so
// that each stage calls its own function.
func TestProxy_FunctionNamedByAStageVariable(t *testing.T) {
	f := newFixture(t)
	for _, name := range []string{"blue", "green"} {
		reply := name
		fn := f.cloud.Lambda().FunctionT(t, name, func(context.Context, json.RawMessage) (map[string]any, error) {
			return map[string]any{"statusCode": 200, "body": reply}, nil
		})
		f.cloud.Lambda().AllowT(t, fn.Name, "apigateway.amazonaws.com", "")
	}
	api, root := f.api(t, "staged")
	f.method(t, api, root, "GET")
	_, err := f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"),
		Type: types.IntegrationTypeAwsProxy, IntegrationHttpMethod: aws.String("POST"),
		Uri: aws.String("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:${stageVariables.fn}/invocations")})
	require.NoError(t, err)
	for _, name := range []string{"blue", "green"} {
		_, err := f.client.CreateDeployment(f.ctx, &sdk.CreateDeploymentInput{RestApiId: &api, StageName: aws.String(name),
			Variables: map[string]string{"fn": name}})
		require.NoError(t, err)
	}
	for _, name := range []string{"blue", "green"} {
		_, _, body := f.call(t, "GET", f.cloud.APIGateway().InvokeURL(api, name), "")
		assert.Equal(t, name, body)
	}
}
