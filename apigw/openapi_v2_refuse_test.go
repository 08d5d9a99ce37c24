package apigw_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkv2 "github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// apiIDs are the ids GetApis lists.
func (f *hFixture) apiIDs(t *testing.T) []string {
	t.Helper()
	out, err := f.v2.GetApis(f.ctx, &sdkv2.GetApisInput{})
	require.NoError(t, err)
	var ids []string
	for _, a := range out.Items {
		ids = append(ids, *a.ApiId)
	}
	return ids
}

// A bad document is BadRequestException and leaves nothing behind: not
// a document at all ("Invalid OpenAPI input.", the REST import's recorded
// answer, test_import_api_bad_file), and a document whose third route
// breaks a rule of CreateIntegration (an AWS integration, which HTTP APIs
// do not support: developerguide/http-api-open-api.html's example of an
// error), of CreateRoute or of CreateAuthorizer. ReimportApi of each
// leaves the API as it was.
func TestImportApi_BadDocumentLeavesStateUntouched(t *testing.T) {
	f := newHFixture(t)
	f.importPets(t, make(chan map[string]any, 1))
	before := f.apiIDs(t)
	shape := f.shape(t, f.api)
	good := petsDoc(t, "arn:aws:lambda:us-east-1:000000000000:function:pets")
	for _, c := range []struct{ name, doc, msg string }{
		{"not a document", "{", "Invalid OpenAPI input."},
		{"no openapi member", `{"info":{"title":"x","version":"1"}}`, "Invalid OpenAPI input."},
		{"AWS integration on a later route", strings.Replace(good, "  /admin/{proxy+}:\n    x-amazon-apigateway-any-method:\n      security:\n        - lambda: []\n      responses:\n        default: {description: admin}\n      x-amazon-apigateway-integration:\n        type: aws_proxy",
			"  /admin/{proxy+}:\n    x-amazon-apigateway-any-method:\n      security:\n        - lambda: []\n      responses:\n        default: {description: admin}\n      x-amazon-apigateway-integration:\n        type: aws", 1), "Invalid integration type specified: AWS"},
		{"greedy variable not last", strings.Replace(good, "/admin/{proxy+}:", "/admin/{proxy+}/x:", 1), "Greedy path variables"},
		{"authorizer not an object", strings.Replace(good, "x-amazon-apigateway-authorizer:\n        type: jwt", "x-amazon-apigateway-authorizer: 7\n      x-unused:\n        type: jwt", 1), "Invalid OpenAPI input."},
		{"JWT without audience", strings.Replace(good, "audience: [pets]", "audience: []", 1), "JwtConfiguration"},
		{"timeout over 30 s", strings.Replace(good, "timeoutInMillis: 10000", "timeoutInMillis: 30001", 1), "Timeout must be between"},
		{"no title", strings.Replace(good, "title: pets-http", "title: ''", 1), "Name is required"},
	} {
		_, err := f.v2.ImportApi(f.ctx, &sdkv2.ImportApiInput{Body: aws.String(c.doc)})
		var bad *types.BadRequestException
		require.True(t, errors.As(err, &bad), "%s: %v", c.name, err)
		assert.Contains(t, err.Error(), c.msg, c.name)
		_, err = f.v2.ReimportApi(f.ctx, &sdkv2.ReimportApiInput{ApiId: &f.api, Body: aws.String(c.doc)})
		require.True(t, errors.As(err, &bad), "%s: %v", c.name, err)
		assert.Equal(t, before, f.apiIDs(t), c.name)
		assert.Equal(t, shape, f.shape(t, f.api), c.name)
	}
	_, err := f.v2.ImportApi(f.ctx, &sdkv2.ImportApiInput{Body: aws.String(good), Basepath: aws.String("merge")})
	assert.ErrorContains(t, err, "Invalid basepath parameter value: merge")
	var nf *types.NotFoundException
	_, err = f.v2.ReimportApi(f.ctx, &sdkv2.ReimportApiInput{ApiId: aws.String("nope"), Body: aws.String(good)})
	assert.True(t, errors.As(err, &nf), "%v", err)
	assert.Equal(t, before, f.apiIDs(t))
	_, err = f.v2.ImportApi(f.ctx, &sdkv2.ImportApiInput{Body: aws.String("")})
	assert.ErrorContains(t, err, "Invalid OpenAPI input.")

	ws, err := f.v2.CreateApi(f.ctx, &sdkv2.CreateApiInput{Name: aws.String("ws"), ProtocolType: types.ProtocolTypeWebsocket,
		RouteSelectionExpression: aws.String("$request.body.action")})
	require.NoError(t, err)
	_, err = f.v2.ReimportApi(f.ctx, &sdkv2.ReimportApiInput{ApiId: ws.ApiId, Body: aws.String(good)})
	assert.ErrorContains(t, err, "supported only for HTTP APIs")
	_, err = f.v2.ExportApi(f.ctx, &sdkv2.ExportApiInput{ApiId: ws.ApiId, Specification: aws.String("OAS30"), OutputType: aws.String("JSON")})
	assert.ErrorContains(t, err, "supported only for HTTP APIs")
}

// A warning (here a route with no integration, an extension REST APIs
// only have) is in the answer's warnings; with failOnWarnings it is the
// error and nothing is made ("Warnings during import",
// developerguide/api-gateway-import-api-errors-warnings.html).
func TestImportApi_FailOnWarnings(t *testing.T) {
	f := newHFixture(t)
	doc := "openapi: 3.0.1\ninfo: {title: w, version: '1'}\nx-amazon-apigateway-binary-media-types: ['*/*']\n" +
		"paths:\n  /a:\n    get:\n      responses: {default: {description: a}}\n"
	before := f.apiIDs(t)
	_, err := f.v2.ImportApi(f.ctx, &sdkv2.ImportApiInput{Body: aws.String(doc), FailOnWarnings: aws.Bool(true)})
	var bad *types.BadRequestException
	require.True(t, errors.As(err, &bad), "%v", err)
	assert.Contains(t, err.Error(), "Warnings found during import")
	assert.Equal(t, before, f.apiIDs(t))

	out, err := f.v2.ImportApi(f.ctx, &sdkv2.ImportApiInput{Body: aws.String(doc)})
	require.NoError(t, err)
	assert.Len(t, out.Warnings, 2)
	routes, err := f.v2.GetRoutes(f.ctx, &sdkv2.GetRoutesInput{ApiId: out.ApiId})
	require.NoError(t, err)
	require.Len(t, routes.Items, 1)
	assert.Nil(t, routes.Items[0].Target)

	_, err = f.v2.ReimportApi(f.ctx, &sdkv2.ReimportApiInput{ApiId: out.ApiId, Body: aws.String(strings.Replace(doc, "/a:", "/b:", 1)),
		FailOnWarnings: aws.Bool(true)})
	require.True(t, errors.As(err, &bad), "%v", err)
	routes, err = f.v2.GetRoutes(f.ctx, &sdkv2.GetRoutesInput{ApiId: out.ApiId})
	require.NoError(t, err)
	assert.Equal(t, "GET /a", *routes.Items[0].RouteKey)
}

// basepath: ignore (the default) drops the server's path, prepend puts it
// before every route's path, split drops its first part
// (developerguide/api-gateway-import-api-basePath.html). An HTTP_PROXY
// integration, AWS_IAM authorization (the sigv4 scheme) and
// disableExecuteApiEndpoint (x-amazon-apigateway-endpoint-configuration)
// come in and go out again.
func TestImportApi_BasePathHTTPProxyAndIAM(t *testing.T) {
	f := newHFixture(t)
	doc := `{"openapi":"3.0.1","info":{"title":"b","version":"1"},"servers":[{"url":"https://example.com/v1/shop"}],` +
		`"paths":{"/items":{"get":{"security":[{"sigv4":[]}],"responses":{"default":{"description":"x"}},` +
		`"x-amazon-apigateway-integration":{"type":"http_proxy","httpMethod":"get","uri":"https://backend.example.com/items",` +
		`"payloadFormatVersion":"1.0","requestParameters":{"append:header.x-shop":"yes"}}}}},` +
		`"components":{"securitySchemes":{"sigv4":{"type":"apiKey","name":"Authorization","in":"header","x-amazon-apigateway-authtype":"awsSigv4"}}}}`
	for mode, key := range map[string]string{"": "GET /items", "ignore": "GET /items", "prepend": "GET /v1/shop/items", "split": "GET /shop/items"} {
		out, err := f.v2.ImportApi(f.ctx, &sdkv2.ImportApiInput{Body: aws.String(doc), Basepath: aws.String(mode)})
		require.NoError(t, err, mode)
		routes, err := f.v2.GetRoutes(f.ctx, &sdkv2.GetRoutesInput{ApiId: out.ApiId})
		require.NoError(t, err)
		require.Len(t, routes.Items, 1)
		assert.Equal(t, key, *routes.Items[0].RouteKey, mode)
		assert.Equal(t, types.AuthorizationTypeAwsIam, routes.Items[0].AuthorizationType)
		f.api = *out.ApiId
	}
	integs, err := f.v2.GetIntegrations(f.ctx, &sdkv2.GetIntegrationsInput{ApiId: &f.api})
	require.NoError(t, err)
	assert.Equal(t, types.IntegrationTypeHttpProxy, integs.Items[0].IntegrationType)
	assert.Equal(t, "GET", *integs.Items[0].IntegrationMethod)
	assert.Equal(t, map[string]string{"append:header.x-shop": "yes"}, integs.Items[0].RequestParameters)
	_, err = f.v2.UpdateApi(f.ctx, &sdkv2.UpdateApiInput{ApiId: &f.api, DisableExecuteApiEndpoint: aws.Bool(true)})
	require.NoError(t, err)
	exp, err := f.v2.ExportApi(f.ctx, &sdkv2.ExportApiInput{ApiId: &f.api, Specification: aws.String("OAS30"), OutputType: aws.String("JSON")})
	require.NoError(t, err)
	body := string(exp.Body)
	again, err := f.v2.ImportApi(f.ctx, &sdkv2.ImportApiInput{Body: aws.String(body)})
	require.NoError(t, err)
	assert.True(t, *again.DisableExecuteApiEndpoint, "x-amazon-apigateway-endpoint-configuration round-trips")
	assert.Contains(t, body, `"x-amazon-apigateway-authtype": "awsSigv4"`)
	assert.Contains(t, body, `"sigv4": []`)
	assert.Contains(t, body, `"type": "http_proxy"`)
}

// The document's security applies to the operations that name none; an
// operation's empty security is no authorization (OpenAPI 3.0's rule).
func TestImportApi_DocumentLevelSecurity(t *testing.T) {
	f := newHFixture(t)
	doc := `{"openapi":"3.0.1","info":{"title":"s","version":"1"},"security":[{"j":["read"]}],"paths":{` +
		`"/a":{"get":{"responses":{"default":{"description":"a"}}}},` +
		`"/b":{"get":{"security":[],"responses":{"default":{"description":"b"}}}}},` +
		`"components":{"securitySchemes":{"j":{"type":"oauth2","flows":{},"x-amazon-apigateway-authorizer":` +
		`{"type":"jwt","identitySource":"$request.header.Authorization","jwtConfiguration":{"issuer":"https://i.example.com","audience":["x"]}}}}}}`
	out, err := f.v2.ImportApi(f.ctx, &sdkv2.ImportApiInput{Body: aws.String(doc)})
	require.NoError(t, err)
	routes := f.shape(t, *out.ApiId).Routes
	assert.Equal(t, "JWT|j|read|", routes["GET /a"])
	assert.Equal(t, "NONE|||", routes["GET /b"])
}

// An operation's integration may be a $ref to the components'
// x-amazon-apigateway-integrations (api-gateway-extensions-integrations.html):
// the routes naming one share its integration; a reference to none is
// refused and nothing is made.
func TestImportApi_ReusableIntegrations(t *testing.T) {
	f := newHFixture(t)
	doc := `{"openapi":"3.0.1","info":{"title":"r","version":"1"},"paths":{` +
		`"/a":{"get":{"x-amazon-apigateway-integration":{"$ref":"#/components/x-amazon-apigateway-integrations/fn"}}},` +
		`"/b":{"post":{"x-amazon-apigateway-integration":{"$ref":"#/components/x-amazon-apigateway-integrations/fn"}}}},` +
		`"components":{"x-amazon-apigateway-integrations":{"fn":{"type":"AWS_PROXY",` +
		`"uri":"arn:aws:lambda:us-east-1:000000000000:function:f","payloadFormatVersion":"2.0"}}}}`
	out, err := f.v2.ImportApi(f.ctx, &sdkv2.ImportApiInput{Body: aws.String(doc)})
	require.NoError(t, err)
	sh := f.shape(t, *out.ApiId)
	require.Len(t, sh.Integrations, 1)
	assert.Equal(t, strings.TrimPrefix(sh.Routes["GET /a"], "NONE|||"), strings.TrimPrefix(sh.Routes["POST /b"], "NONE|||"))

	before := f.apiIDs(t)
	_, err = f.v2.ImportApi(f.ctx, &sdkv2.ImportApiInput{Body: aws.String(strings.Replace(doc, "integrations/fn\"}}},", "integrations/other\"}}},", 1))})
	assert.ErrorContains(t, err, "Invalid OpenAPI input.")
	assert.Equal(t, before, f.apiIDs(t))
}
