package apigw_test

import (
	"context"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// petsLambda is testdata/openapi/pets-lambda.yaml with the invocation URI
// of a function answering every proxy event with its resource and path,
// which API Gateway may invoke.
func (f *fixture) petsLambda(t *testing.T) []byte {
	t.Helper()
	fn := f.cloud.Lambda().FunctionT(t, "petsfn", func(_ context.Context, ev map[string]any) (map[string]any, error) {
		return map[string]any{"statusCode": 200, "body": ev["resource"].(string) + " " + ev["path"].(string)}, nil
	})
	f.cloud.Lambda().AllowT(t, fn.Name, "apigateway.amazonaws.com", "")
	uri := "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + fn.ARN + "/invocations"
	return []byte(strings.ReplaceAll(string(readTestdata(t, "pets-lambda.yaml")), "FUNCTION_URI", uri))
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/openapi/" + name)
	require.NoError(t, err)
	return b
}

// apiView is what an API defines, named by paths and names rather than
// ids, so that two imports of one document compare equal.
type apiView struct {
	Methods     map[string]methodView
	Models      map[string]any
	Validators  map[string][2]bool
	Authorizers map[string]string
	Binary      []string
}

type methodView struct {
	Auth, Authorizer, Validator string
	APIKey                      bool
	Params                      map[string]bool
	Models                      map[string]string
	Responses                   map[string]string
	Integration                 string
}

// view reads an API's definition through the SDK.
func (f *fixture) view(t *testing.T, api string) apiView {
	t.Helper()
	v := apiView{Methods: map[string]methodView{}, Models: map[string]any{}, Validators: map[string][2]bool{},
		Authorizers: map[string]string{}}
	a, err := f.client.GetRestApi(f.ctx, &sdk.GetRestApiInput{RestApiId: &api})
	require.NoError(t, err)
	v.Binary = a.BinaryMediaTypes
	vals, err := f.client.GetRequestValidators(f.ctx, &sdk.GetRequestValidatorsInput{RestApiId: &api})
	require.NoError(t, err)
	valName := map[string]string{}
	for _, x := range vals.Items {
		valName[*x.Id] = *x.Name
		v.Validators[*x.Name] = [2]bool{x.ValidateRequestBody, x.ValidateRequestParameters}
	}
	auths, err := f.client.GetAuthorizers(f.ctx, &sdk.GetAuthorizersInput{RestApiId: &api})
	require.NoError(t, err)
	authName := map[string]string{}
	for _, x := range auths.Items {
		authName[*x.Id] = *x.Name
		v.Authorizers[*x.Name] = string(x.Type) + " " + aws.ToString(x.AuthorizerUri) + " " + aws.ToString(x.IdentitySource)
	}
	models, err := f.client.GetModels(f.ctx, &sdk.GetModelsInput{RestApiId: &api})
	require.NoError(t, err)
	for _, m := range models.Items {
		var schema any
		require.NoError(t, json.Unmarshal([]byte(strings.ReplaceAll(aws.ToString(m.Schema), api, "API")), &schema))
		v.Models[*m.Name] = schema
	}
	res, err := f.client.GetResources(f.ctx, &sdk.GetResourcesInput{RestApiId: &api, Embed: []string{"methods"}})
	require.NoError(t, err)
	for _, r := range res.Items {
		for name, m := range r.ResourceMethods {
			mv := methodView{Auth: aws.ToString(m.AuthorizationType), APIKey: aws.ToBool(m.ApiKeyRequired),
				Authorizer: authName[aws.ToString(m.AuthorizerId)], Validator: valName[aws.ToString(m.RequestValidatorId)],
				Params: m.RequestParameters, Models: m.RequestModels, Responses: map[string]string{}}
			for code, mr := range m.MethodResponses {
				b, _ := json.Marshal([]any{mr.ResponseParameters, mr.ResponseModels})
				mv.Responses[code] = string(b)
			}
			if i := m.MethodIntegration; i != nil {
				var rs []string
				for code, ir := range i.IntegrationResponses {
					b, _ := json.Marshal([]any{aws.ToString(ir.SelectionPattern), ir.ResponseTemplates, ir.ResponseParameters})
					rs = append(rs, code+string(b))
				}
				sort.Strings(rs)
				mv.Integration = strings.Join([]string{string(i.Type), aws.ToString(i.HttpMethod), aws.ToString(i.Uri),
					aws.ToString(i.PassthroughBehavior), string(must(json.Marshal(i.RequestTemplates))),
					string(must(json.Marshal(aws.ToInt32(&i.TimeoutInMillis)))), strings.Join(rs, ";")}, " ")
			}
			v.Methods[name+" "+aws.ToString(r.Path)] = mv
		}
	}
	return v
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// An OpenAPI 3 file in YAML with Lambda proxy integrations is imported
// with every extension it uses, deployed and called.
func TestOpenAPI_ImportDeployAndCallLambdaProxies(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: f.petsLambda(t)})
	require.NoError(t, err)
	assert.Empty(t, out.Warnings)
	assert.Equal(t, "pets-lambda", *out.Name)
	assert.Equal(t, "Pets behind one Lambda function", *out.Description)
	assert.Equal(t, "1.2", *out.Version)
	assert.Equal(t, []string{"image/png"}, out.BinaryMediaTypes)
	assert.Len(t, *out.Id, 10)
	api := *out.Id
	v := f.view(t, api)
	require.Len(t, v.Methods, 5)
	list := v.Methods["GET /pets"]
	assert.Equal(t, "params-only", list.Validator)
	assert.Equal(t, map[string]bool{"method.request.querystring.type": true}, list.Params)
	assert.Equal(t, `[{"method.response.header.X-Count":false},{"application/json":"Pets"}]`, list.Responses["200"])
	assert.Contains(t, list.Integration, "AWS_PROXY POST arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/")
	create := v.Methods["POST /pets"]
	assert.True(t, create.APIKey)
	assert.Equal(t, "all", create.Validator)
	assert.Equal(t, map[string]string{"application/json": "Pet"}, create.Models)
	assert.Contains(t, create.Integration, " 5000 ")
	one := v.Methods["GET /pets/{petId}"]
	assert.Equal(t, "CUSTOM", one.Auth)
	assert.Equal(t, "token-auth", one.Authorizer)
	assert.Equal(t, map[string]bool{"method.request.path.petId": true}, one.Params)
	assert.Contains(t, v.Methods["GET /static"].Integration, `200["",{"application/json":"{\"static\": true}"},null];400["Bad.*",null,null]`)
	assert.Contains(t, v.Methods, "ANY /{proxy+}")
	assert.Equal(t, map[string][2]bool{"all": {true, true}, "params-only": {false, true}}, v.Validators)
	assert.Contains(t, v.Authorizers["token-auth"], "TOKEN ")
	assert.Contains(t, v.Authorizers["token-auth"], " method.request.header.Authorization")
	// Models are the document's schemas only, their references model URLs.
	require.Len(t, v.Models, 3)
	assert.Equal(t, "https://apigateway.amazonaws.com/restapis/API/models/Pet",
		v.Models["Pets"].(map[string]any)["items"].(map[string]any)["$ref"])
	gr, err := f.client.GetGatewayResponse(f.ctx, &sdk.GetGatewayResponseInput{RestApiId: &api,
		ResponseType: "MISSING_AUTHENTICATION_TOKEN"})
	require.NoError(t, err)
	assert.Equal(t, "404", *gr.StatusCode)

	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")
	status, _, body := f.call(t, "GET", url+"/pets?type=dog", "")
	assert.Equal(t, 200, status)
	assert.Equal(t, "/pets /pets", body)
	status, _, body = f.call(t, "GET", url+"/pets", "")
	assert.Equal(t, 400, status)
	assert.JSONEq(t, `{"message": "Missing required request parameters: [type]"}`, body)
	status, _, body = f.call(t, "DELETE", url+"/some/where", "")
	assert.Equal(t, 200, status)
	assert.Equal(t, "/{proxy+} /some/where", body)
	status, _, body = f.call(t, "GET", url+"/static", "")
	assert.Equal(t, 200, status)
	assert.JSONEq(t, `{"static": true}`, body)
	status, _, _ = f.call(t, "GET", url+"/pets/1", "")
	assert.Equal(t, 401, status, "the token authorizer refuses a call without its header")
}

// The recorded import (test_import_rest_api, openapi.spec.pulumi.json):
// 201, the title as the name, version 1.0, binary media types */*, EDGE,
// HEADER, no warnings; and what the file asks for: /{proxy+} OPTIONS as a
// MOCK, /just_do_it GET as AWS_PROXY behind the Auth0 authorizer with an
// API key, four gateway responses.
func TestOpenAPI_ImportIsTheRecordedImport(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: readTestdata(t, "openapi.spec.pulumi.json")})
	require.NoError(t, err)
	assert.Equal(t, "apiGateway", *out.Name)
	assert.Equal(t, "1.0", *out.Version)
	assert.Equal(t, []string{"*/*"}, out.BinaryMediaTypes)
	assert.Equal(t, "HEADER", string(out.ApiKeySource))
	assert.Equal(t, "EDGE", string(out.EndpointConfiguration.Types[0]))
	assert.False(t, out.DisableExecuteApiEndpoint)
	assert.Empty(t, out.Warnings)
	assert.Len(t, *out.RootResourceId, 10)
	v := f.view(t, *out.Id)
	require.Len(t, v.Methods, 2)
	assert.Contains(t, v.Methods["OPTIONS /{proxy+}"].Integration, "MOCK")
	get := v.Methods["GET /just_do_it"]
	assert.Equal(t, "CUSTOM", get.Auth)
	assert.Equal(t, "Auth0", get.Authorizer)
	assert.True(t, get.APIKey)
	assert.Contains(t, get.Integration, "AWS_PROXY POST arn:aws:apigateway:us-west-2:lambda:")
	grs, err := f.client.GetGatewayResponses(f.ctx, &sdk.GetGatewayResponsesInput{RestApiId: out.Id, Limit: aws.Int32(100)})
	require.NoError(t, err)
	custom := 0
	for _, g := range grs.Items {
		if !g.DefaultResponse {
			custom++
		}
	}
	assert.Equal(t, 4, custom)
}

// Security in a document: a Cognito authorizer with the requirement's
// scopes, awsSigv4 as AWS_IAM, the endpoint type parameter; all exported
// and imported again unchanged.
func TestOpenAPI_SecurityKindsRoundTrip(t *testing.T) {
	f := newFixture(t)
	doc := `{"openapi": "3.0.1", "info": {"title": "sec", "version": "1"},
	 "paths": {"/c": {"get": {"security": [{"pool": ["pets/read"]}], "responses": {"200": {"description": "ok"}},
	   "x-amazon-apigateway-integration": {"type": "mock"}}},
	  "/i": {"get": {"security": [{"sigv4": []}], "responses": {"200": {"description": "ok"}},
	   "x-amazon-apigateway-integration": {"type": "mock"}}}},
	 "components": {"securitySchemes": {
	  "pool": {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "cognito_user_pools",
	   "x-amazon-apigateway-authorizer": {"type": "cognito_user_pools",
	    "providerARNs": ["arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_abc"]}},
	  "sigv4": {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "awsSigv4"}}}}`
	out, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: []byte(doc),
		Parameters: map[string]string{"endpointConfigurationTypes": "REGIONAL"}})
	require.NoError(t, err)
	assert.Equal(t, "REGIONAL", string(out.EndpointConfiguration.Types[0]))
	v := f.view(t, *out.Id)
	assert.Equal(t, "COGNITO_USER_POOLS", v.Methods["GET /c"].Auth)
	assert.Equal(t, "pool", v.Methods["GET /c"].Authorizer)
	assert.Equal(t, "AWS_IAM", v.Methods["GET /i"].Auth)
	res, err := f.client.GetResources(f.ctx, &sdk.GetResourcesInput{RestApiId: out.Id, Embed: []string{"methods"}})
	require.NoError(t, err)
	for _, r := range res.Items {
		if m, ok := r.ResourceMethods["GET"]; ok && *r.Path == "/c" {
			assert.Equal(t, []string{"pets/read"}, m.AuthorizationScopes)
		}
	}
	f.deploy(t, *out.Id, "prod")
	for _, typ := range []string{"oas30", "swagger"} {
		exp, err := f.client.GetExport(f.ctx, &sdk.GetExportInput{RestApiId: out.Id, StageName: aws.String("prod"),
			ExportType: aws.String(typ), Parameters: map[string]string{"extensions": "authorizers,integrations"}})
		require.NoError(t, err)
		again, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: exp.Body, FailOnWarnings: true})
		require.NoError(t, err, typ)
		assert.Equal(t, v, f.view(t, *again.Id), typ)
	}
}
