package apigw_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// plainMock makes a method a MOCK answering 200 with the JSON template
// body and no response parameter.
func (f *fixture) plainMock(t *testing.T, api, res, method, body string) {
	t.Helper()
	f.method(t, api, res, method)
	_, err := f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &res, HttpMethod: &method,
		Type: types.IntegrationTypeMock, RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`}})
	require.NoError(t, err)
	_, err = f.client.PutMethodResponse(f.ctx, &sdk.PutMethodResponseInput{RestApiId: &api, ResourceId: &res, HttpMethod: &method,
		StatusCode: aws.String("200")})
	require.NoError(t, err)
	_, err = f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &res,
		HttpMethod: &method, StatusCode: aws.String("200"), ResponseTemplates: map[string]string{"application/json": body}})
	require.NoError(t, err)
}

// logLines are a test invocation's log lines without their time stamps
// and with the request id replaced, as the recordings show them.
func logLines(log string) []string {
	var out []string
	for i, l := range strings.Split(log, "\n") {
		if _, rest, ok := strings.Cut(l, " UTC 2026 : "); ok && i > 0 {
			l = rest
		}
		out = append(out, l)
	}
	return out
}

// TestInvokeMethod runs the API as it stands, undeployed, on the named
// resource whatever the path, the path giving the parameters when it
// matches (test_invoke_test_method: test-invoke-method-get-pets,
// -get-pets-bad-path, -get-pets-id).
func TestTestInvokeMethod_RunsTheUndeployedAPI(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "pets")
	pets := f.resource(t, api, root, "pets")
	id := f.resource(t, api, pets, "{petId}")
	f.plainMock(t, api, pets, "GET", `{"pets": "all the pets"}`)
	f.plainMock(t, api, id, "GET", `{"petId": "$input.params('petId')"}`)

	for _, tc := range []struct {
		res, path, body, line2, line3 string
	}{
		{pets, "/pets", `{"pets": "all the pets"}`, "HTTP Method: GET, Resource Path: /pets", "Method request path: {}"},
		{pets, "/random/test", `{"pets": "all the pets"}`, "HTTP Method: GET, Resource Path: /random/test", "Method request path: {}"},
		{id, "/pets/123", `{"petId": "123"}`, "HTTP Method: GET, Resource Path: /pets/123", "Method request path: {petId=123}"},
	} {
		out, err := f.client.TestInvokeMethod(f.ctx, &sdk.TestInvokeMethodInput{RestApiId: &api, ResourceId: &tc.res,
			HttpMethod: aws.String("GET"), PathWithQueryString: &tc.path})
		require.NoError(t, err)
		assert.Equal(t, int32(200), out.Status)
		assert.Equal(t, tc.body, aws.ToString(out.Body))
		assert.Equal(t, map[string]string{"Content-Type": "application/json"}, out.Headers)
		assert.Equal(t, map[string][]string{"Content-Type": {"application/json"}}, out.MultiValueHeaders)
		lines := logLines(aws.ToString(out.Log))
		require.Len(t, lines, 12, aws.ToString(out.Log))
		assert.True(t, strings.HasPrefix(lines[0], "Execution log for request "))
		assert.Equal(t, []string{tc.line2, tc.line3, "Method request query string: {}", "Method request headers: {}",
			"Method request body before transformations:", "Method response body after transformations: " + tc.body,
			"Method response headers: {Content-Type=application/json}", "Successfully completed execution",
			"Method completed with status: 200", ""}, lines[2:])
	}
	// The query string and headers as given (test_apigw_test_invoke_method_api, with body).
	out, err := f.client.TestInvokeMethod(f.ctx, &sdk.TestInvokeMethodInput{RestApiId: &api, ResourceId: &pets,
		HttpMethod: aws.String("GET"), PathWithQueryString: aws.String("/pets?queryTest=value"),
		Headers: map[string]string{"content-type": "application/json"}, Body: aws.String(`{"test": "val123"}`)})
	require.NoError(t, err)
	lines := logLines(aws.ToString(out.Log))
	assert.Equal(t, []string{"Method request query string: {queryTest=value}", "Method request headers: {content-type=application/json}",
		`Method request body before transformations: {"test": "val123"}`}, lines[4:7])
}

// A failed integration is the client's 500 with its error type alone as
// header and the reason in the log (test_failed_invoke_test_method).
func TestTestInvokeMethod_FailureAndErrors(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "broken")
	f.method(t, api, root, "GET")
	_, err := f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"),
		Type: types.IntegrationTypeHttpProxy, IntegrationHttpMethod: aws.String("GET"), Uri: aws.String("http://${stageVariables.host}/x")})
	require.NoError(t, err)
	out, err := f.client.TestInvokeMethod(f.ctx, &sdk.TestInvokeMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET")})
	require.NoError(t, err)
	assert.Equal(t, int32(500), out.Status)
	assert.JSONEq(t, `{"message": "Internal server error"}`, aws.ToString(out.Body))
	assert.Equal(t, map[string]string{"x-amzn-ErrorType": "InternalServerErrorException"}, out.Headers)
	lines := logLines(aws.ToString(out.Log))
	assert.Equal(t, []string{"HTTP Method: GET, Resource Path: /", "Method request path: {}", "Method request query string: {}",
		"Method request headers: {}", "Method request body before transformations:",
		"Execution failed due to configuration error: Invalid endpoint address", "Method completed with status: 500", ""}, lines[2:])

	// Unknown resource or method: NotFoundException, as for GetMethod.
	_, err = f.client.TestInvokeMethod(f.ctx, &sdk.TestInvokeMethodInput{RestApiId: &api, ResourceId: aws.String("nothere"), HttpMethod: aws.String("GET")})
	var nf *types.NotFoundException
	require.ErrorAs(t, err, &nf)
	assert.Equal(t, "Invalid Resource identifier specified", nf.ErrorMessage())
	_, err = f.client.TestInvokeMethod(f.ctx, &sdk.TestInvokeMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("POST")})
	require.ErrorAs(t, err, &nf)
	assert.Equal(t, "Invalid Method identifier specified", nf.ErrorMessage())
}

// The test bypasses the API key a method requires, as AWS's console test
// does.
func TestTestInvokeMethod_BypassesTheAPIKey(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "keyed")
	f.plainMock(t, api, root, "GET", `{"ok": true}`)
	_, err := f.client.UpdateMethod(f.ctx, &sdk.UpdateMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"),
		PatchOperations: []types.PatchOperation{{Op: types.OpReplace, Path: aws.String("/apiKeyRequired"), Value: aws.String("true")}}})
	require.NoError(t, err)
	f.deploy(t, api, "prod")
	status, _, _ := f.call(t, "GET", f.cloud.APIGateway().InvokeURL(api, "prod"), "")
	assert.Equal(t, 403, status, "the stage needs a key")
	out, err := f.client.TestInvokeMethod(f.ctx, &sdk.TestInvokeMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET")})
	require.NoError(t, err)
	assert.Equal(t, int32(200), out.Status)
}
