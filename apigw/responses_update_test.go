package apigw_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// responseFixture is an API with a GET MOCK method on its root that has a
// bare 200 method response and integration response.
func responseFixture(t *testing.T) (*fixture, string, string) {
	f := newFixture(t)
	api, root := f.api(t, "responses")
	f.mock(t, api, root, "GET", "200", `"created"`)
	return f, api, root
}

func patchOp(op, path, value string) types.PatchOperation {
	p := types.PatchOperation{Op: types.Op(op), Path: aws.String(path)}
	if value != "" {
		p.Value = aws.String(value)
	}
	return p
}

// UpdateMethodResponse: remove then add of a header and a model, the
// model's content type escaped with ~1, kept on the method; recorded:
// test_apigateway_api.py::TestApigatewayMethodResponse::test_update_method_response
// and ::test_lifecycle_method_response.
func TestUpdateMethodResponse_AddRemove(t *testing.T) {
	f, api, root := responseFixture(t)
	in := &sdk.UpdateMethodResponseInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"), StatusCode: aws.String("200")}
	in.PatchOperations = []types.PatchOperation{patchOp("remove", "/responseParameters/method.response.header.X-Mock", "")}
	out, err := f.client.UpdateMethodResponse(f.ctx, in)
	require.NoError(t, err)
	assert.Empty(t, out.ResponseParameters)
	assert.Empty(t, out.ResponseModels)
	in.PatchOperations = []types.PatchOperation{
		patchOp("add", "/responseParameters/method.response.header.my-header", "true"),
		patchOp("add", "/responseModels/application~1json", "Empty")}
	out, err = f.client.UpdateMethodResponse(f.ctx, in)
	require.NoError(t, err)
	assert.Equal(t, map[string]bool{"method.response.header.my-header": true}, out.ResponseParameters)
	assert.Equal(t, map[string]string{"application/json": "Empty"}, out.ResponseModels)
	in.PatchOperations = []types.PatchOperation{patchOp("replace", "/responseParameters/method.response.header.my-header", "false")}
	_, err = f.client.UpdateMethodResponse(f.ctx, in)
	require.NoError(t, err)
	m, err := f.client.GetMethod(f.ctx, &sdk.GetMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET")})
	require.NoError(t, err)
	assert.Equal(t, map[string]bool{"method.response.header.my-header": false}, m.MethodResponses["200"].ResponseParameters)
	assert.Equal(t, map[string]string{"application/json": "Empty"}, m.MethodResponses["200"].ResponseModels)
}

// UpdateMethodResponse's refusals, each as recorded, the response
// unchanged: test_update_method_response_wrong_operations,
// test_update_method_response_negative_tests,
// test_update_method_lack_response_parameters_and_models and
// test_update_method_wrong_param_names (all
// test_apigateway_api.py::TestApigatewayMethodResponse).
func TestUpdateMethodResponse_Refusals(t *testing.T) {
	f, api, root := responseFixture(t)
	enum := "failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]"
	wrong := func(i string) string {
		return "Value 'wrong_op' at 'updateMethodResponseInput.patchOperations." + i + ".member.op' " + enum
	}
	statusProblem := "Value 'wrong' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d"
	hdr := "/responseParameters/method.response.header.my-header"
	cases := []struct {
		name, resource, method, status string
		ops                            []types.PatchOperation
		code, message                  string
	}{
		{"wrong-operation-3", root, "GET", "200", []types.PatchOperation{patchOp("wrong_op", hdr, "true"), patchOp("wrong_op", hdr, "true")},
			"ValidationException", "2 validation errors detected: " + wrong("1") + "; " + wrong("2")},
		{"wrong-operation-5", root, "GET", "200", []types.PatchOperation{patchOp("wrong_op", hdr, "true"), patchOp("add", hdr, "true"), patchOp("wrong_op", hdr, "true")},
			"ValidationException", "2 validation errors detected: " + wrong("1") + "; " + wrong("3")},
		{"wrong-statuscode", root, "GET", "201", []types.PatchOperation{patchOp("add", hdr, "true")},
			"NotFoundException", "Invalid Response status code specified"},
		{"invalid-statuscode", root, "GET", "wrong", []types.PatchOperation{patchOp("add", hdr, "true")},
			"ValidationException", "1 validation error detected: " + statusProblem},
		{"invalid-statuscode-and-wrong-op", root, "GET", "wrong", []types.PatchOperation{patchOp("wrong_op", hdr, "true")},
			"ValidationException", "2 validation errors detected: " + wrong("1") + "; " + statusProblem},
		{"wrong-resource", "wrongid", "GET", "200", []types.PatchOperation{patchOp("add", hdr, "true")},
			"NotFoundException", "Invalid Resource identifier specified"},
		{"wrong-method", root, "POST", "200", []types.PatchOperation{patchOp("add", hdr, "true")},
			"NotFoundException", "Invalid Method identifier specified"},
		{"without-response-parameters", root, "GET", "200", []types.PatchOperation{patchOp("replace", hdr, "false")},
			"NotFoundException", "Invalid parameter name specified"},
		{"without-response-models", root, "GET", "200", []types.PatchOperation{patchOp("replace", "/responseModels/application~1json", "Empty")},
			"NotFoundException", "Content-Type specified was not found"},
		{"with-wrong-path", root, "GET", "200", []types.PatchOperation{patchOp("add", "/wrong/method.response.header.my-header", "true")},
			"BadRequestException", "Invalid patch path /wrong/method.response.header.my-header"},
		{"wrong-param-name-remove", root, "GET", "200", []types.PatchOperation{patchOp("remove", "/responseParameters/method.response.header.wrong", "")},
			"NotFoundException", "Invalid parameter name specified"},
		{"wrong-param-name-model", root, "GET", "200", []types.PatchOperation{patchOp("remove", "/responseModels/text~1wrong", "")},
			"NotFoundException", "Content-Type specified was not found"},
		// A failing op after a good one leaves the response as it was.
		{"partial", root, "GET", "200", []types.PatchOperation{patchOp("add", "/responseModels/application~1json", "Empty"),
			patchOp("remove", "/responseModels/text~1wrong", "")}, "NotFoundException", "Content-Type specified was not found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.client.UpdateMethodResponse(f.ctx, &sdk.UpdateMethodResponseInput{RestApiId: &api, ResourceId: &c.resource,
				HttpMethod: &c.method, StatusCode: &c.status, PatchOperations: c.ops})
			checkErr(t, err, c.code, c.message)
		})
	}
	got, err := f.client.GetMethodResponse(f.ctx, &sdk.GetMethodResponseInput{RestApiId: &api, ResourceId: &root,
		HttpMethod: aws.String("GET"), StatusCode: aws.String("200")})
	require.NoError(t, err)
	assert.Equal(t, map[string]bool{"method.response.header.X-Mock": false}, got.ResponseParameters)
	assert.Empty(t, got.ResponseModels)
}

// UpdateIntegrationResponse: replace /selectionPattern as recorded
// (test_apigateway_api.py::TestApigatewayIntegrationResponse::test_lifecycle_integration_response),
// templates and parameters added, replaced and removed, /contentHandling.
func TestUpdateIntegrationResponse_Patch(t *testing.T) {
	f, api, root := responseFixture(t)
	in := &sdk.UpdateIntegrationResponseInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"), StatusCode: aws.String("200"),
		PatchOperations: []types.PatchOperation{patchOp("replace", "/selectionPattern", "updated-pattern")}}
	out, err := f.client.UpdateIntegrationResponse(f.ctx, in)
	require.NoError(t, err)
	assert.Equal(t, "updated-pattern", *out.SelectionPattern)
	assert.Equal(t, map[string]string{"application/json": `"created"`}, out.ResponseTemplates)
	in.PatchOperations = []types.PatchOperation{
		patchOp("add", "/responseTemplates/text~1plain", "hi"),
		patchOp("replace", "/responseTemplates/application~1json", "overwrite"),
		patchOp("remove", "/responseParameters/method.response.header.X-Mock", ""),
		patchOp("add", "/responseParameters/method.response.header.Y", "'y'"),
		patchOp("replace", "/contentHandling", "CONVERT_TO_TEXT")}
	out, err = f.client.UpdateIntegrationResponse(f.ctx, in)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"application/json": "overwrite", "text/plain": "hi"}, out.ResponseTemplates)
	assert.Equal(t, map[string]string{"method.response.header.Y": "'y'"}, out.ResponseParameters)
	assert.Equal(t, types.ContentHandlingStrategyConvertToText, out.ContentHandling)
	got, err := f.client.GetIntegrationResponse(f.ctx, &sdk.GetIntegrationResponseInput{RestApiId: &api, ResourceId: &root,
		HttpMethod: aws.String("GET"), StatusCode: aws.String("200")})
	require.NoError(t, err)
	assert.Equal(t, out.ResponseTemplates, got.ResponseTemplates)
}

// UpdateIntegrationResponse's refusals; the texts of a missing integration
// and status code as recorded (test_integration_response_invalid_integration,
// test_integration_response_wrong_status_code,
// test_integration_response_invalid_responsetemplates), the response
// unchanged.
func TestUpdateIntegrationResponse_Refusals(t *testing.T) {
	f, api, root := responseFixture(t)
	f.method(t, api, root, "POST")
	cases := []struct {
		name, method, status string
		op                   types.PatchOperation
		code, message        string
	}{
		{"wrong-op", "GET", "200", patchOp("wrong_op", "/selectionPattern", "x"), "ValidationException",
			"1 validation error detected: Value 'wrong_op' at 'updateIntegrationResponseInput.patchOperations.1.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]"},
		{"no-integration", "POST", "200", patchOp("replace", "/selectionPattern", "x"), "NotFoundException", "Invalid Integration identifier specified"},
		{"wrong-status-code", "GET", "400", patchOp("replace", "/selectionPattern", "x"), "NotFoundException", "Invalid Response status code specified"},
		{"bad-content-type", "GET", "200", patchOp("add", "/responseTemplates/123", "x"), "BadRequestException",
			"Validation Result: warnings : [], errors : [Invalid content type specified: 123]"},
		{"missing-template", "GET", "200", patchOp("remove", "/responseTemplates/text~1xml", ""), "NotFoundException", "Content-Type specified was not found"},
		{"bad-path", "GET", "200", patchOp("replace", "/wrong", "x"), "BadRequestException", "Invalid patch path /wrong"},
		{"bad-content-handling", "GET", "200", patchOp("replace", "/contentHandling", "NOPE"), "BadRequestException",
			"Invalid content handling strategy specified: NOPE"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.client.UpdateIntegrationResponse(f.ctx, &sdk.UpdateIntegrationResponseInput{RestApiId: &api, ResourceId: &root,
				HttpMethod: &c.method, StatusCode: &c.status, PatchOperations: []types.PatchOperation{c.op}})
			checkErr(t, err, c.code, c.message)
		})
	}
	got, err := f.client.GetIntegrationResponse(f.ctx, &sdk.GetIntegrationResponseInput{RestApiId: &api, ResourceId: &root,
		HttpMethod: aws.String("GET"), StatusCode: aws.String("200")})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"application/json": `"created"`}, got.ResponseTemplates)
}
