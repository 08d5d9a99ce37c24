package apigw_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// paths lists an API's resources as "path METHOD,METHOD".
func (f *fixture) paths(t *testing.T, api string) []string {
	t.Helper()
	res, err := f.client.GetResources(f.ctx, &sdk.GetResourcesInput{RestApiId: &api})
	require.NoError(t, err)
	var out []string
	for _, r := range res.Items {
		var ms []string
		for m := range r.ResourceMethods {
			ms = append(ms, m)
		}
		sort.Strings(ms)
		line := *r.Path
		for i, m := range ms {
			sep := ","
			if i == 0 {
				sep = " "
			}
			line += sep + m
		}
		out = append(out, line)
	}
	sort.Strings(out)
	return out
}

// The base path modes, as recorded
// (test_import_rest_apis_with_base_path_swagger and
// test_import_rest_api_with_base_path_oas30, each [ignore], [prepend] and
// [split]): Swagger's basePath, an OpenAPI server's URL path or its
// basePath variable; split drops the first part.
func TestOpenAPI_BasePathModesAreTheRecordedOnes(t *testing.T) {
	want := map[string]map[string][]string{
		"swagger.json": {
			"ignore":  {"/", "/test GET,OPTIONS"},
			"prepend": {"/", "/base", "/base/test GET,OPTIONS"},
			"split":   {"/", "/test GET,OPTIONS"},
		},
		"openapi-basepath-server-variable.yaml": {
			"ignore":  {"/", "/test GET,OPTIONS"},
			"prepend": {"/", "/base-var", "/base-var/test GET,OPTIONS"},
			"split":   {"/", "/test GET,OPTIONS"},
		},
		"openapi-basepath-url.yaml": {
			"ignore":  {"/", "/test GET,OPTIONS"},
			"prepend": {"/", "/base-url", "/base-url/part", "/base-url/part/test GET,OPTIONS"},
			"split":   {"/", "/part", "/part/test GET,OPTIONS"},
		},
		"pets.json": {
			"ignore":  {"/", "/pets GET", "/pets/{petId} GET"},
			"prepend": {"/", "/pets GET", "/pets/{petId} GET"},
			"split":   {"/", "/pets GET", "/pets/{petId} GET"},
		},
	}
	f := newFixture(t)
	for file, modes := range want {
		for mode, paths := range modes {
			out, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: readTestdata(t, file),
				Parameters: map[string]string{"basepath": mode}})
			require.NoError(t, err, file+" "+mode)
			assert.Equal(t, paths, f.paths(t, *out.Id), file+" "+mode)
			// PutRestApi reads the parameter too (the recording's
			// put-rest-api-swagger-json).
			put, err := f.client.PutRestApi(f.ctx, &sdk.PutRestApiInput{RestApiId: out.Id, Mode: "overwrite",
				Body: readTestdata(t, file), Parameters: map[string]string{"basepath": mode}})
			require.NoError(t, err)
			assert.Equal(t, paths, f.paths(t, *put.Id), file+" "+mode)
		}
	}
	_, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: readTestdata(t, "pets.json"),
		Parameters: map[string]string{"basepath": "other"}})
	checkErr(t, err, "BadRequestException", "Invalid basepath parameter value: other. Valid values are: [ignore, prepend, split]")
}

// The recorded Swagger import (test_import_swagger_api,
// petstore-authorizer.swagger.json): the API's name and description from
// info, the two TOKEN authorizers (the header of the scheme as identity
// source, a TTL only where the document gives one), the document's six
// models (no Error), the resources and POST /pets's models and operation
// name.
func TestOpenAPI_SwaggerImportIsTheRecordedOne(t *testing.T) {
	f := newFixture(t)
	// The recorded test sets ${uri} to the Pet Store demo endpoint.
	body := strings.ReplaceAll(string(readTestdata(t, "petstore-authorizer.swagger.json")), "${uri}",
		"http://petstore.execute-api.us-east-1.amazonaws.com/petstore/pets")
	out, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: []byte(body)})
	require.NoError(t, err)
	api := *out.Id
	assert.Equal(t, "PetStore", *out.Name)
	assert.Contains(t, *out.Description, "Your first API with Amazon API Gateway.")
	auths, err := f.client.GetAuthorizers(f.ctx, &sdk.GetAuthorizersInput{RestApiId: &api})
	require.NoError(t, err)
	require.Len(t, auths.Items, 2)
	sort.Slice(auths.Items, func(i, j int) bool { return *auths.Items[i].Name < *auths.Items[j].Name })
	used, unused := auths.Items[0], auths.Items[1]
	assert.Equal(t, "test-authorizer", *used.Name)
	assert.Equal(t, "TOKEN", string(used.Type))
	assert.Equal(t, "oauth2", *used.AuthType)
	assert.Equal(t, "method.request.header.Authorization", *used.IdentitySource)
	assert.Equal(t, "^x-[a-z]+", *used.IdentityValidationExpression)
	assert.Equal(t, int32(60), *used.AuthorizerResultTtlInSeconds)
	assert.Nil(t, unused.AuthorizerResultTtlInSeconds)
	models, err := f.client.GetModels(f.ctx, &sdk.GetModelsInput{RestApiId: &api})
	require.NoError(t, err)
	var names []string
	for _, m := range models.Items {
		names = append(names, *m.Name)
		assert.Equal(t, "application/json", *m.ContentType)
	}
	sort.Strings(names)
	assert.Equal(t, []string{"Empty", "NewPet", "NewPetResponse", "Pet", "PetType", "Pets"}, names)
	assert.Equal(t, []string{"/ GET", "/pets GET,OPTIONS,POST", "/pets/{petId} GET,OPTIONS"}, f.paths(t, api))
	v := f.view(t, api)
	post := v.Methods["POST /pets"]
	assert.Equal(t, map[string]string{"application/json": "NewPet"}, post.Models)
	assert.Equal(t, `[{"method.response.header.Access-Control-Allow-Origin":false},{"application/json":"NewPetResponse"}]`, post.Responses["200"])
	assert.Equal(t, "CUSTOM", v.Methods["GET /"].Auth)
	assert.Equal(t, "test-authorizer", v.Methods["GET /"].Authorizer)
	res, err := f.client.GetResources(f.ctx, &sdk.GetResourcesInput{RestApiId: &api, Embed: []string{"methods"}})
	require.NoError(t, err)
	for _, r := range res.Items {
		if m, ok := r.ResourceMethods["POST"]; ok {
			assert.Equal(t, "CreatePet", aws.ToString(m.OperationName))
			assert.Equal(t, int32(29000), m.MethodIntegration.TimeoutInMillis)
			assert.Equal(t, *r.Id, *m.MethodIntegration.CacheNamespace)
			assert.Equal(t, "INTERNET", string(m.MethodIntegration.ConnectionType))
		}
	}
}

// An integer status code in YAML, for a method response and an
// integration response, is read as its text (recorded:
// test_import_with_integer_http_status_code).
func TestOpenAPI_IntegerStatusCodesInYAML(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: readTestdata(t, "openapi-method-int.spec.yaml")})
	require.NoError(t, err)
	v := f.view(t, *out.Id)
	get := v.Methods["GET /test"]
	assert.Equal(t, `[{"method.response.header.Access-Control-Allow-Origin":false},{"application/json":"Empty"}]`, get.Responses["200"])
	assert.Contains(t, get.Integration, `MOCK   WHEN_NO_MATCH {"application/json":"{\"statusCode\": 200}"} 29000 200["",null,{"method.response.header.Access-Control-Allow-Origin":"'*'"}]`)
}

// A numeric info.version is its text (recorded:
// test_import_and_validate_rest_api[openapi.spec.tf.json], version "1"),
// and the import is as recorded: GET / as AWS_PROXY with CONVERT_TO_TEXT
// behind an API key.
func TestOpenAPI_NumericVersionIsText(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: readTestdata(t, "openapi.spec.tf.json")})
	require.NoError(t, err)
	assert.Equal(t, "1", *out.Version)
	res, err := f.client.GetResources(f.ctx, &sdk.GetResourcesInput{RestApiId: out.Id, Embed: []string{"methods"}})
	require.NoError(t, err)
	for _, r := range res.Items {
		if m, ok := r.ResourceMethods["GET"]; ok && *r.Path == "/" {
			assert.True(t, *m.ApiKeyRequired)
			assert.Equal(t, "AWS_PROXY", string(m.MethodIntegration.Type))
			assert.Equal(t, "CONVERT_TO_TEXT", string(m.MethodIntegration.ContentHandling))
		}
	}
}

// Document-wide security, as recorded: a REQUEST authorizer on every
// method and the AUTHORIZER key source
// (test_import_with_global_api_key_authorizer, whose ANY /echo/{data}
// also has its undeclared path parameter), and Cognito authorizers with
// the scopes of the operation's requirement or else the document's
// (test_import_with_cognito_auth_identity_source).
func TestOpenAPI_GlobalSecurityIsTheRecordedOne(t *testing.T) {
	f := newFixture(t)
	uri := "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:auth/invocations"
	body := strings.ReplaceAll(string(readTestdata(t, "openapi.spec.global-auth.json")), "${authorizer_lambda_invocation_arn}", uri)
	out, err := f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: []byte(body)})
	require.NoError(t, err)
	assert.Equal(t, "AUTHORIZER", string(out.ApiKeySource))
	v := f.view(t, *out.Id)
	assert.Equal(t, map[string]string{"GatewayAuthorizer": "REQUEST " + uri + " method.request.header.Custom-Authorization"}, v.Authorizers)
	for _, m := range []string{"ANY /echo/{data}", "GET /pets"} {
		assert.Equal(t, "CUSTOM", v.Methods[m].Auth, m)
		assert.Equal(t, "GatewayAuthorizer", v.Methods[m].Authorizer, m)
		assert.False(t, v.Methods[m].APIKey, m)
	}
	assert.Equal(t, map[string]bool{"method.request.path.data": true}, v.Methods["ANY /echo/{data}"].Params)

	pool := "arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_ABC123"
	body = strings.ReplaceAll(string(readTestdata(t, "openapi.cognito-auth.json")), "${cognito_pool_arn}", pool)
	out, err = f.client.ImportRestApi(f.ctx, &sdk.ImportRestApiInput{Body: []byte(body)})
	require.NoError(t, err)
	auths, err := f.client.GetAuthorizers(f.ctx, &sdk.GetAuthorizersInput{RestApiId: out.Id})
	require.NoError(t, err)
	require.Len(t, auths.Items, 2)
	for _, z := range auths.Items {
		assert.Equal(t, "COGNITO_USER_POOLS", string(z.Type))
		assert.Equal(t, "cognito_user_pools", *z.AuthType)
		assert.Equal(t, "method.request.header.TestHeaderAuth", *z.IdentitySource)
		assert.Equal(t, []string{pool}, z.ProviderARNs)
	}
	res, err := f.client.GetResources(f.ctx, &sdk.GetResourcesInput{RestApiId: out.Id, Embed: []string{"methods"}})
	require.NoError(t, err)
	scopes := map[string][]string{}
	for _, r := range res.Items {
		if m, ok := r.ResourceMethods["GET"]; ok {
			assert.Equal(t, "COGNITO_USER_POOLS", *m.AuthorizationType)
			scopes[*r.Path] = m.AuthorizationScopes
		}
	}
	assert.Equal(t, map[string][]string{"/default-no-scope": nil, "/default-scope-override": {"openid"},
		"/non-default-authorizer": {"email", "openid"}, "/pets": {"email"}}, scopes)
}
