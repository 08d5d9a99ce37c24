package apigw_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkv2 "github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	yaml "go.yaml.in/yaml/v3"
)

// petsDoc is testdata/openapi/httpapi-pets.yaml with fn as its function.
func petsDoc(t *testing.T, fn string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/openapi/httpapi-pets.yaml")
	require.NoError(t, err)
	return strings.ReplaceAll(string(b), "FUNCTION_ARN", fn)
}

// petsFunction is a function answering its event's route key and path
// parameter id, handing each event to events.
func (f *hFixture) petsFunction(t *testing.T, events chan map[string]any) string {
	t.Helper()
	return f.function(t, "pets", func(_ context.Context, ev map[string]any) (map[string]any, error) {
		events <- ev
		return map[string]any{"statusCode": 200, "body": ev["routeKey"]}, nil
	})
}

// importPets imports the pets document and makes the imported API f's.
func (f *hFixture) importPets(t *testing.T, events chan map[string]any) *sdkv2.ImportApiOutput {
	t.Helper()
	out, err := f.v2.ImportApi(f.ctx, &sdkv2.ImportApiInput{Body: aws.String(petsDoc(t, f.petsFunction(t, events)))})
	require.NoError(t, err)
	f.api = *out.ApiId
	return out
}

// v2Shape is what an API is made of, ids replaced by what they name, to
// compare two APIs.
type v2Shape struct {
	Routes       map[string]string // route key: authorization, authorizer, scopes, integration
	Integrations []string
	Authorizers  []string
	Cors         string
}

func (f *hFixture) shape(t *testing.T, api string) v2Shape {
	t.Helper()
	sh := v2Shape{Routes: map[string]string{}}
	auths, err := f.v2.GetAuthorizers(f.ctx, &sdkv2.GetAuthorizersInput{ApiId: &api})
	require.NoError(t, err)
	names := map[string]string{}
	for _, a := range auths.Items {
		names[*a.AuthorizerId] = *a.Name
		a.AuthorizerId = nil
		b, _ := json.Marshal(a)
		sh.Authorizers = append(sh.Authorizers, string(b))
	}
	integs, err := f.v2.GetIntegrations(f.ctx, &sdkv2.GetIntegrationsInput{ApiId: &api})
	require.NoError(t, err)
	byID := map[string]string{}
	for _, i := range integs.Items {
		id := *i.IntegrationId
		i.IntegrationId = nil
		b, _ := json.Marshal(i)
		byID[id] = string(b)
		sh.Integrations = append(sh.Integrations, string(b))
	}
	routes, err := f.v2.GetRoutes(f.ctx, &sdkv2.GetRoutesInput{ApiId: &api})
	require.NoError(t, err)
	for _, r := range routes.Items {
		sh.Routes[*r.RouteKey] = strings.Join([]string{string(r.AuthorizationType), names[aws.ToString(r.AuthorizerId)],
			strings.Join(r.AuthorizationScopes, " "), byID[strings.TrimPrefix(aws.ToString(r.Target), "integrations/")]}, "|")
	}
	sort.Strings(sh.Integrations)
	sort.Strings(sh.Authorizers)
	a, err := f.v2.GetApi(f.ctx, &sdkv2.GetApiInput{ApiId: &api})
	require.NoError(t, err)
	b, _ := json.Marshal(a.CorsConfiguration)
	sh.Cors = string(b)
	return sh
}

// An OpenAPI 3 file with Lambda proxy integrations is imported: its
// routes (ANY and $default from x-amazon-apigateway-any-method), their
// integrations, a JWT and a Lambda authorizer from the security schemes,
// the routes' authorization and scopes, the CORS configuration and the
// tags, as developerguide/http-api-open-api.html and the extensions'
// pages describe them. A $default stage with autoDeploy serves it, with
// payload 2.0 events.
func TestImportApi_LambdaProxyDocumentIsServed(t *testing.T) {
	f := newHFixture(t)
	events := make(chan map[string]any, 8)
	out := f.importPets(t, events)
	assert.Equal(t, "pets-http", *out.Name)
	assert.Equal(t, "2026-01-01", *out.Version)
	assert.Equal(t, types.ProtocolTypeHttp, out.ProtocolType)
	assert.Equal(t, map[string]string{"Owner": "Admin", "Prod": ""}, out.Tags)
	assert.Equal(t, []string{"https://example.com"}, out.CorsConfiguration.AllowOrigins)
	assert.Equal(t, int32(300), *out.CorsConfiguration.MaxAge)
	assert.Empty(t, out.Warnings)

	sh := f.shape(t, f.api)
	require.Len(t, sh.Routes, 5)
	assert.Contains(t, sh.Routes, "$default")
	assert.Contains(t, sh.Routes, "ANY /admin/{proxy+}")
	assert.True(t, strings.HasPrefix(sh.Routes["POST /pets"], "JWT|jwt|pets.write|"), sh.Routes["POST /pets"])
	assert.True(t, strings.HasPrefix(sh.Routes["ANY /admin/{proxy+}"], "CUSTOM|lambda||"), sh.Routes["ANY /admin/{proxy+}"])
	assert.True(t, strings.HasPrefix(sh.Routes["GET /pets"], "NONE|||"))
	assert.Contains(t, sh.Routes["GET /pets"], `"TimeoutInMillis":10000`)
	assert.Contains(t, sh.Routes["GET /pets/{id}"], `"PayloadFormatVersion":"2.0"`)
	auths, err := f.v2.GetAuthorizers(f.ctx, &sdkv2.GetAuthorizersInput{ApiId: &f.api})
	require.NoError(t, err)
	require.Len(t, auths.Items, 2)
	jwt, lam := auths.Items[0], auths.Items[1]
	if *jwt.Name != "jwt" {
		jwt, lam = lam, jwt
	}
	assert.Equal(t, types.AuthorizerTypeJwt, jwt.AuthorizerType)
	assert.Equal(t, "https://issuer.example.com", *jwt.JwtConfiguration.Issuer)
	assert.Equal(t, []string{"pets"}, jwt.JwtConfiguration.Audience)
	assert.Equal(t, types.AuthorizerTypeRequest, lam.AuthorizerType)
	assert.Equal(t, []string{"$request.header.Authorization", "$request.querystring.key"}, lam.IdentitySource)
	assert.Equal(t, "2.0", *lam.AuthorizerPayloadFormatVersion)
	assert.True(t, *lam.EnableSimpleResponses)
	assert.Equal(t, int32(300), *lam.AuthorizerResultTtlInSeconds)

	f.autoStage(t)
	resp, body := f.send(t, "GET", f.url("$default", "/pets/7"), "")
	require.Equal(t, 200, resp.StatusCode, body)
	assert.Equal(t, "GET /pets/{id}", body)
	ev := <-events
	assert.Equal(t, "2.0", ev["version"])
	assert.Equal(t, map[string]any{"id": "7"}, ev["pathParameters"])
	_, body = f.send(t, "GET", f.url("$default", "/pets"), "")
	assert.Equal(t, "GET /pets", body, "an integration URI of the apigateway form")
	<-events
	_, body = f.send(t, "DELETE", f.url("$default", "/elsewhere"), "")
	assert.Equal(t, "$default", body)
	<-events
	resp, _ = f.send(t, "OPTIONS", f.url("$default", "/pets"), "", "Origin", "https://example.com",
		"Access-Control-Request-Method", "GET")
	assert.Equal(t, "https://example.com", resp.Header.Get("Access-Control-Allow-Origin"), "the imported CORS answers preflights")
}

// ExportApi writes the routes, integrations, authorizers and CORS back
// with the extensions; importing that export makes an equivalent API,
// and ReimportApi of it replaces the first API's definition keeping its
// id and stage, which serves on.
func TestExportApi_RoundTripsThroughImportAndReimport(t *testing.T) {
	f := newHFixture(t)
	events := make(chan map[string]any, 8)
	f.importPets(t, events)
	f.autoStage(t)
	first := f.api
	want := f.shape(t, first)

	exp, err := f.v2.ExportApi(f.ctx, &sdkv2.ExportApiInput{ApiId: &first, Specification: aws.String("OAS30"),
		OutputType: aws.String("JSON")})
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(exp.Body, &doc))
	assert.Equal(t, "3.0.1", doc["openapi"])
	assert.Equal(t, "1.0", doc["x-amazon-apigateway-importexport-version"])
	assert.NotNil(t, doc["x-amazon-apigateway-cors"])
	def := doc["paths"].(map[string]any)["/$default"].(map[string]any)["x-amazon-apigateway-any-method"].(map[string]any)
	assert.Equal(t, true, def["isDefaultRoute"])
	get := doc["paths"].(map[string]any)["/pets"].(map[string]any)["get"].(map[string]any)
	assert.Equal(t, "aws_proxy", get["x-amazon-apigateway-integration"].(map[string]any)["type"])
	assert.Equal(t, "listPets", get["operationId"])

	again, err := f.v2.ImportApi(f.ctx, &sdkv2.ImportApiInput{Body: aws.String(string(exp.Body))})
	require.NoError(t, err)
	assert.NotEqual(t, first, *again.ApiId)
	assert.Equal(t, want, f.shape(t, *again.ApiId))
	assert.Equal(t, map[string]string{"Owner": "Admin", "Prod": ""}, again.Tags)

	// Reimport a smaller document over the first API: its definition is
	// replaced, the stage stays and redeploys.
	small := strings.Replace(string(exp.Body), `"/pets/{id}"`, `"/cats/{id}"`, 1)
	re, err := f.v2.ReimportApi(f.ctx, &sdkv2.ReimportApiInput{ApiId: &first, Body: aws.String(small)})
	require.NoError(t, err)
	assert.Equal(t, first, *re.ApiId)
	assert.Equal(t, map[string]string{"Owner": "Admin", "Prod": ""}, re.Tags, "the API's tags stay")
	routes := f.shape(t, first).Routes
	assert.Contains(t, routes, "GET /cats/{id}")
	assert.NotContains(t, routes, "GET /pets/{id}")
	_, body := f.send(t, "GET", f.url("$default", "/cats/1"), "")
	assert.Equal(t, "GET /cats/{id}", body)
	<-events
	st, err := f.v2.GetStage(f.ctx, &sdkv2.GetStageInput{ApiId: &first, StageName: aws.String("$default")})
	require.NoError(t, err)
	assert.True(t, *st.AutoDeploy)
}

// ExportApi's options: YAML, no extensions, a stage's deployment rather
// than the latest configuration, and AWS's refusals.
func TestExportApi_Options(t *testing.T) {
	f := newHFixture(t)
	f.importPets(t, make(chan map[string]any, 1))
	_, err := f.v2.CreateStage(f.ctx, &sdkv2.CreateStageInput{ApiId: &f.api, StageName: aws.String("prod")})
	require.NoError(t, err)
	dep, err := f.v2.CreateDeployment(f.ctx, &sdkv2.CreateDeploymentInput{ApiId: &f.api, StageName: aws.String("prod")})
	require.NoError(t, err)
	require.NotNil(t, dep.DeploymentId)
	_, err = f.v2.DeleteCorsConfiguration(f.ctx, &sdkv2.DeleteCorsConfigurationInput{ApiId: &f.api})
	require.NoError(t, err)

	export := func(in sdkv2.ExportApiInput) (map[string]any, error) {
		in.ApiId, in.Specification = &f.api, aws.String("OAS30")
		if in.OutputType == nil {
			in.OutputType = aws.String("YAML")
		}
		out, err := f.v2.ExportApi(f.ctx, &in)
		if err != nil {
			return nil, err
		}
		var doc map[string]any
		require.NoError(t, yaml.Unmarshal(out.Body, &doc))
		return doc, nil
	}
	staged, err := export(sdkv2.ExportApiInput{StageName: aws.String("prod")})
	require.NoError(t, err)
	assert.NotNil(t, staged["x-amazon-apigateway-cors"], "the deployment froze the CORS configuration")
	server := staged["servers"].([]any)[0].(map[string]any)
	assert.Equal(t, "prod", server["variables"].(map[string]any)["basePath"].(map[string]any)["default"])
	latest, err := export(sdkv2.ExportApiInput{})
	require.NoError(t, err)
	assert.Nil(t, latest["x-amazon-apigateway-cors"])
	bare, err := export(sdkv2.ExportApiInput{IncludeExtensions: aws.Bool(false)})
	require.NoError(t, err)
	b, _ := json.Marshal(bare)
	for _, ext := range []string{"integration", "authorizer", "cors", "importexport-version", "tag-value"} {
		assert.NotContains(t, string(b), "x-amazon-apigateway-"+ext)
	}
	assert.Contains(t, string(b), `"oauth2"`)

	var bad *types.BadRequestException
	_, err = export(sdkv2.ExportApiInput{OutputType: aws.String("XML")})
	assert.True(t, errors.As(err, &bad), "%v", err)
	_, err = f.v2.ExportApi(f.ctx, &sdkv2.ExportApiInput{ApiId: &f.api, Specification: aws.String("OAS20"), OutputType: aws.String("JSON")})
	assert.True(t, errors.As(err, &bad), "%v", err)
	var nf *types.NotFoundException
	_, err = export(sdkv2.ExportApiInput{StageName: aws.String("nope")})
	assert.True(t, errors.As(err, &nf), "%v", err)
	_, err = f.v2.ExportApi(f.ctx, &sdkv2.ExportApiInput{ApiId: aws.String("nope"), Specification: aws.String("OAS30"), OutputType: aws.String("JSON")})
	assert.True(t, errors.As(err, &nf), "%v", err)
}
