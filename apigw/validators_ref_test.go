package apigw_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A model names another model of its API by AWS's URL, and the validator
// follows it, as recorded in test_apigateway_common.py::
// test_api_gateway_request_validator_with_ref_models (an array of
// testSchema) and _with_ref_one_ofmodels (oneOf null or StatusModel).
func TestValidator_ModelsReferenceOtherModels(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "refs")
	base := "https://apigateway.amazonaws.com/restapis/" + api + "/models/"
	for name, schema := range map[string]string{
		"testSchema":     `{"$schema":"http://json-schema.org/draft-04/schema#","title":"testSchema","type":"object","properties":{"a":{"type":"number"},"b":{"type":"number"}},"required":["a","b"]}`,
		"testSchemaList": `{"type":"array","items":{"$ref":"` + base + `testSchema"}}`,
		"StatusModel":    `{"type":"object","properties":{"Status":{"type":"string"},"Order":{"type":"integer"}},"required":["Status","Order"]}`,
		"TestModel":      `{"type":"object","properties":{"status":{"oneOf":[{"type":"null"},{"$ref":"` + base + `StatusModel"}]}},"required":["status"]}`,
	} {
		_, err := f.client.CreateModel(f.ctx, &sdk.CreateModelInput{RestApiId: &api, Name: aws.String(name), ContentType: aws.String("application/json"), Schema: aws.String(schema)})
		require.NoError(t, err, name)
	}
	_, err := f.client.CreateModel(f.ctx, &sdk.CreateModelInput{RestApiId: &api, Name: aws.String("Outside"), ContentType: aws.String("application/json"),
		Schema: aws.String(`{"$ref":"file:///etc/passwd"}`)})
	require.Error(t, err)
	v, err := f.client.CreateRequestValidator(f.ctx, &sdk.CreateRequestValidatorInput{RestApiId: &api, Name: aws.String("body"), ValidateRequestBody: true})
	require.NoError(t, err)
	for part, model := range map[string]string{"list": "testSchemaList", "oneof": "TestModel"} {
		res := f.resource(t, api, root, part)
		post := aws.String("POST")
		_, err := f.client.PutMethod(f.ctx, &sdk.PutMethodInput{RestApiId: &api, ResourceId: &res, HttpMethod: post, AuthorizationType: aws.String("NONE"),
			RequestValidatorId: v.Id, RequestModels: map[string]string{"application/json": model}})
		require.NoError(t, err)
		_, err = f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &res, HttpMethod: post,
			Type: types.IntegrationTypeMock, RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`}})
		require.NoError(t, err)
		f.respond(t, api, res, "POST", "200", "", map[string]string{"application/json": `{"data": "ok"}`})
	}
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")
	for _, tc := range []struct {
		path, body string
		status     int
	}{
		{"/list", `[{"a": 1, "b": 2}]`, 200},
		{"/list", `[{"a": 1}]`, 400},
		{"/oneof", `{"status": null}`, 200},
		{"/oneof", `{"status": {"Status": "ok", "Order": 1}}`, 200},
		{"/oneof", `{}`, 400},
		{"/oneof", `{"status": {"Status": "ok"}}`, 400},
	} {
		status, _, body := f.call(t, "POST", url+tc.path, tc.body, "Content-Type", "application/json")
		assert.Equal(t, tc.status, status, tc.path+" "+tc.body)
		if tc.status == 400 {
			assert.JSONEq(t, `{"message": "Invalid request body"}`, body)
		}
	}
	last := f.cloud.APIGateway().Invocations()
	assert.Contains(t, last[len(last)-1].Error, "Request body does not match model schema for content type application/json: [")
}
