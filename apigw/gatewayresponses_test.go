package apigw_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Gateway responses: the defaults, a customised one (status, a CORS
// header, a template with $context variables) served from the next
// deployment, DEFAULT_4XX covering the 4xx types not customised, and
// the validation texts as recorded (test_gateway_response_validation).
func TestGatewayResponses_CustomisedAfterRedeploy(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "gw")
	f.mock(t, api, root, "GET", "200", "ok")
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")

	def, err := f.client.GetGatewayResponse(f.ctx, &sdk.GetGatewayResponseInput{RestApiId: &api, ResponseType: types.GatewayResponseTypeMissingAuthenticationToken})
	require.NoError(t, err)
	assert.True(t, def.DefaultResponse)
	assert.Equal(t, "403", *def.StatusCode)
	all, err := f.client.GetGatewayResponses(f.ctx, &sdk.GetGatewayResponsesInput{RestApiId: &api, Limit: aws.Int32(500)})
	require.NoError(t, err)
	assert.Len(t, all.Items, 21)
	_, err = f.client.GetGatewayResponse(f.ctx, &sdk.GetGatewayResponseInput{RestApiId: &api, ResponseType: "FAKE_RESPONSE_TYPE"})
	checkErr(t, err, "ValidationException", "1 validation error detected: Value 'FAKE_RESPONSE_TYPE' at 'responseType' failed to satisfy constraint: Member must satisfy enum value set: [REQUEST_TOO_LARGE, RESOURCE_NOT_FOUND, AUTHORIZER_CONFIGURATION_ERROR, MISSING_AUTHENTICATION_TOKEN, BAD_REQUEST_BODY, INVALID_SIGNATURE, INVALID_API_KEY, BAD_REQUEST_PARAMETERS, AUTHORIZER_FAILURE, UNAUTHORIZED, INTEGRATION_TIMEOUT, ACCESS_DENIED, DEFAULT_4XX, DEFAULT_5XX, WAF_FILTERED, QUOTA_EXCEEDED, THROTTLED, API_CONFIGURATION_ERROR, UNSUPPORTED_MEDIA_TYPE, INTEGRATION_FAILURE, EXPIRED_TOKEN]")
	_, err = f.client.DeleteGatewayResponse(f.ctx, &sdk.DeleteGatewayResponseInput{RestApiId: &api, ResponseType: types.GatewayResponseTypeThrottled})
	checkErr(t, err, "NotFoundException", "Gateway response type not defined on api")

	_, err = f.client.PutGatewayResponse(f.ctx, &sdk.PutGatewayResponseInput{RestApiId: &api, ResponseType: types.GatewayResponseTypeMissingAuthenticationToken,
		StatusCode:         aws.String("404"),
		ResponseParameters: map[string]string{"gatewayresponse.header.Access-Control-Allow-Origin": "'*'"},
		ResponseTemplates:  map[string]string{"application/json": `{"error":$context.error.messageString,"type":"$context.error.responseType"}`}})
	require.NoError(t, err)
	_, err = f.client.UpdateGatewayResponse(f.ctx, &sdk.UpdateGatewayResponseInput{RestApiId: &api, ResponseType: types.GatewayResponseTypeDefault4xx,
		PatchOperations: []types.PatchOperation{{Op: types.OpAdd, Path: aws.String("/responseParameters/gatewayresponse.header.X-Default"), Value: aws.String("'4xx'")}}})
	require.NoError(t, err)
	_, err = f.client.UpdateGatewayResponse(f.ctx, &sdk.UpdateGatewayResponseInput{RestApiId: &api, ResponseType: types.GatewayResponseTypeDefault4xx,
		PatchOperations: []types.PatchOperation{{Op: types.OpAdd, Path: aws.String("/responseTemplates/application~1json")}}})
	checkErr(t, err, "BadRequestException", "Invalid null or empty value in responseTemplates")

	// Not served until redeployed.
	status, h, _ := f.call(t, "GET", url+"/none", "")
	assert.Equal(t, 403, status)
	assert.Empty(t, h.Get("Access-Control-Allow-Origin"))

	f.deploy(t, api, "prod")
	status, h, body := f.call(t, "GET", url+"/none", "")
	assert.Equal(t, 404, status)
	assert.Equal(t, "*", h.Get("Access-Control-Allow-Origin"))
	assert.JSONEq(t, `{"error":"Missing Authentication Token","type":"MISSING_AUTHENTICATION_TOKEN"}`, body)
	assert.Empty(t, h.Get("X-Default"), "the specific response wins over DEFAULT_4XX")
	// A 4xx type not customised takes DEFAULT_4XX's header.
	_, h, _ = f.call(t, "GET", f.cloud.APIGateway().InvokeURL(api, "prod"), string(make([]byte, 10<<20+1)))
	assert.Equal(t, "4xx", h.Get("X-Default"))
}

// CORS as AWS does it: an OPTIONS method (a MOCK) answers the preflight
// with the headers its integration response maps; nothing is automatic.
func TestGatewayResponses_CORSPreflightByAnOptionsMock(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "cors")
	f.method(t, api, root, "OPTIONS")
	_, err := f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("OPTIONS"),
		Type: types.IntegrationTypeMock, RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`}})
	require.NoError(t, err)
	_, err = f.client.PutMethodResponse(f.ctx, &sdk.PutMethodResponseInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("OPTIONS"),
		StatusCode: aws.String("200"), ResponseParameters: map[string]bool{"method.response.header.Access-Control-Allow-Origin": true,
			"method.response.header.Access-Control-Allow-Methods": true}})
	require.NoError(t, err)
	_, err = f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("OPTIONS"),
		StatusCode: aws.String("200"), ResponseParameters: map[string]string{
			"method.response.header.Access-Control-Allow-Origin":  "'https://app.example'",
			"method.response.header.Access-Control-Allow-Methods": "'GET,OPTIONS'"}})
	require.NoError(t, err)
	f.mock(t, api, root, "GET", "200", "ok")
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")
	status, h, _ := f.call(t, "OPTIONS", url, "", "Origin", "https://app.example", "Access-Control-Request-Method", "GET")
	assert.Equal(t, 200, status)
	assert.Equal(t, "https://app.example", h.Get("Access-Control-Allow-Origin"))
	assert.Equal(t, "GET,OPTIONS", h.Get("Access-Control-Allow-Methods"))
	_, h, _ = f.call(t, "GET", url, "", "Origin", "https://app.example")
	assert.Empty(t, h.Get("Access-Control-Allow-Origin"), "nothing automatic")
}
