package apigw_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A MOCK integration answers from its integration response: the status of
// the request template, the mapped header and the template as the body.
func TestInvoke_MockAnswersFromItsIntegrationResponse(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "mock")
	f.mock(t, api, root, "GET", "201", `{"hello": "world"}`)
	f.deploy(t, api, "prod")
	status, h, body := f.call(t, "GET", f.cloud.APIGateway().InvokeURL(api, "prod"), "")
	assert.Equal(t, 201, status)
	assert.Equal(t, `{"hello": "world"}`, body)
	assert.Equal(t, "yes", h.Get("X-Mock"))
	assert.Equal(t, "application/json", h.Get("Content-Type"))
}

// No resource, no method for the path, or a POST to a GET-only resource is
// the default MISSING_AUTHENTICATION_TOKEN response: 403 {"message":
// "Missing Authentication Token"}; an unknown stage is 403 Forbidden.
func TestInvoke_NoRouteIsMissingAuthenticationToken(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "routes")
	f.mock(t, api, root, "GET", "200", "root")
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")
	for _, tc := range []struct{ method, path string }{{"GET", "/nothing"}, {"POST", ""}} {
		status, h, body := f.call(t, tc.method, url+tc.path, "")
		assert.Equal(t, 403, status)
		assert.JSONEq(t, `{"message":"Missing Authentication Token"}`, body)
		assert.Equal(t, "MissingAuthenticationTokenException", h.Get("x-amzn-ErrorType"))
	}
	status, _, body := f.call(t, "GET", f.cloud.APIGateway().InvokeURL(api, "nostage"), "")
	assert.Equal(t, 403, status)
	assert.JSONEq(t, `{"message":"Forbidden"}`, body)
}

// Routing as AWS does it: a literal part before {param} before {proxy+},
// a specific method before ANY, backing out of a literal branch that does
// not reach the end of the path.
func TestInvoke_RoutingPrefersLiteralThenParamThenGreedy(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "routing")
	pets := f.resource(t, api, root, "pets")
	mine := f.resource(t, api, pets, "mine")
	id := f.resource(t, api, pets, "{id}")
	toys := f.resource(t, api, id, "toys")
	greedy := f.resource(t, api, root, "{proxy+}")
	f.mock(t, api, mine, "GET", "200", "mine")
	f.mock(t, api, id, "GET", "200", "id")
	f.mock(t, api, id, "ANY", "200", "id-any")
	f.mock(t, api, toys, "GET", "200", "toys")
	f.mock(t, api, greedy, "ANY", "200", "greedy")
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")
	for _, tc := range []struct{ method, path, want string }{
		{"GET", "/pets/mine", "mine"},
		{"GET", "/pets/7", "id"},
		{"DELETE", "/pets/7", "id-any"},
		{"GET", "/pets/mine/toys", "toys"}, // backs out of /pets/mine
		{"GET", "/pets/7/toys", "toys"},
		{"GET", "/other/deep/path", "greedy"},
		{"GET", "/pets/7/toys/x", "greedy"},
	} {
		status, _, body := f.call(t, tc.method, url+tc.path, "")
		assert.Equal(t, 200, status, tc.path)
		assert.Equal(t, tc.want, body, tc.method+" "+tc.path)
	}
	// The root has no method and {proxy+} takes at least one segment.
	status, _, _ := f.call(t, "GET", url+"/", "")
	assert.Equal(t, 403, status)
}

// Every URL form reaches the same stage: AWS's host, LocalStack's host,
// LocalStack's _user_request_ path and its /_aws/execute-api path.
func TestInvoke_EveryURLForm(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "forms")
	pets := f.resource(t, api, root, "pets")
	f.mock(t, api, pets, "GET", "200", "pets")
	f.deploy(t, api, "prod")
	for _, url := range []string{
		f.cloud.APIGateway().InvokeURL(api, "prod") + "/pets",
		"http://" + api + ".execute-api.localhost.localstack.cloud:4566/prod/pets",
		f.cloud.APIGateway().EndpointURL(api, "prod") + "/pets",
		f.cloud.URL() + "/_aws/execute-api/" + api + "/prod/pets",
	} {
		status, h, body := f.call(t, "GET", url, "")
		assert.Equal(t, 200, status, url)
		assert.Equal(t, "pets", body, url)
		assert.NotEmpty(t, h.Get("x-amzn-RequestId"), url)
	}
}

// Deployments snapshot the API: a change is not served until
// CreateDeployment, and each stage serves the deployment it points to.
func TestInvoke_ChangeNotServedUntilRedeployed(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "snap")
	f.mock(t, api, root, "GET", "200", "v1")
	first := f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")
	_, err := f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &root,
		HttpMethod: aws.String("GET"), StatusCode: aws.String("200"), ResponseTemplates: map[string]string{"application/json": "v2"}})
	require.NoError(t, err)
	news := f.resource(t, api, root, "new")
	f.mock(t, api, news, "GET", "200", "new")
	_, _, body := f.call(t, "GET", url, "")
	assert.Equal(t, "v1", body)
	status, _, _ := f.call(t, "GET", url+"/new", "")
	assert.Equal(t, 403, status)

	f.deploy(t, api, "prod")
	_, _, body = f.call(t, "GET", url, "")
	assert.Equal(t, "v2", body)
	_, _, body = f.call(t, "GET", url+"/new", "")
	assert.Equal(t, "new", body)

	// A stage pointed back at the first deployment serves it again.
	_, err = f.client.UpdateStage(f.ctx, &sdk.UpdateStageInput{RestApiId: &api, StageName: aws.String("prod"),
		PatchOperations: []types.PatchOperation{{Op: types.OpReplace, Path: aws.String("/deploymentId"), Value: &first}}})
	require.NoError(t, err)
	_, _, body = f.call(t, "GET", url, "")
	assert.Equal(t, "v1", body)
}

// HTTP_PROXY forwards the request to the backend (path parameters and
// stage variables filled into the URI, mapped headers added) and sends its
// answer back as it is; stage variables are per stage and apply without a
// redeploy.
func TestInvoke_HTTPProxyWithStageVariablesPerStage(t *testing.T) {
	f := newFixture(t)
	var seen *http.Request
	var seenBody string
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		seen, seenBody = r, string(b)
		w.Header().Set("X-Backend", "yes")
		w.WriteHeader(http.StatusTeapot)
		_, _ = w.Write([]byte("from " + r.URL.Path))
	}))
	defer backend.Close()
	f.cloud.APIGateway().SetHTTPClient(backend.Client())
	api, root := f.api(t, "http")
	items := f.resource(t, api, root, "items")
	item := f.resource(t, api, items, "{id}")
	f.method(t, api, item, "ANY")
	_, err := f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &item, HttpMethod: aws.String("ANY"),
		Type: types.IntegrationTypeHttpProxy, IntegrationHttpMethod: aws.String("ANY"),
		Uri: aws.String(backend.URL + "/${stageVariables.version}/things/{id}"),
		RequestParameters: map[string]string{
			"integration.request.path.id":        "method.request.path.id",
			"integration.request.header.X-Stage": "stageVariables.version",
			"integration.request.header.X-Req":   "context.requestId",
		}})
	require.NoError(t, err)
	deployment := f.deploy(t, api, "v1stage")
	_, err = f.client.UpdateStage(f.ctx, &sdk.UpdateStageInput{RestApiId: &api, StageName: aws.String("v1stage"),
		PatchOperations: []types.PatchOperation{{Op: types.OpReplace, Path: aws.String("/variables/version"), Value: aws.String("v1")}}})
	require.NoError(t, err)
	_, err = f.client.CreateStage(f.ctx, &sdk.CreateStageInput{RestApiId: &api, StageName: aws.String("v2stage"),
		DeploymentId: &deployment, Variables: map[string]string{"version": "v2"}})
	require.NoError(t, err)

	status, h, body := f.call(t, "PUT", f.cloud.APIGateway().InvokeURL(api, "v1stage")+"/items/42?q=1", "payload")
	assert.Equal(t, http.StatusTeapot, status)
	assert.Equal(t, "from /v1/things/42", body)
	assert.Equal(t, "yes", h.Get("X-Backend"))
	require.NotNil(t, seen)
	assert.Equal(t, "PUT", seen.Method)
	assert.Equal(t, "1", seen.URL.Query().Get("q"))
	assert.Equal(t, "v1", seen.Header.Get("X-Stage"))
	assert.NotEmpty(t, seen.Header.Get("X-Req"))
	assert.Equal(t, "payload", seenBody)

	_, _, body = f.call(t, "GET", f.cloud.APIGateway().InvokeURL(api, "v2stage")+"/items/7", "")
	assert.Equal(t, "from /v2/things/7", body)
}

// A request validator rejects a body that does not match the method's
// model ({"message": "Invalid request body"} 400) and a request without a
// required parameter ("Missing required request parameters: [...]").
func TestInvoke_ValidatorRejectsBodyAndMissingParameters(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "validate")
	_, err := f.client.CreateModel(f.ctx, &sdk.CreateModelInput{RestApiId: &api, Name: aws.String("Pet"), ContentType: aws.String("application/json"),
		Schema: aws.String(`{"$schema":"http://json-schema.org/draft-04/schema#","type":"object","required":["name"],
			"properties":{"name":{"type":"string","minLength":1},"age":{"type":"integer","minimum":0}}}`)})
	require.NoError(t, err)
	v, err := f.client.CreateRequestValidator(f.ctx, &sdk.CreateRequestValidatorInput{RestApiId: &api, Name: aws.String("all"),
		ValidateRequestBody: true, ValidateRequestParameters: true})
	require.NoError(t, err)
	_, err = f.client.PutMethod(f.ctx, &sdk.PutMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("POST"),
		AuthorizationType: aws.String("NONE"), RequestValidatorId: v.Id, RequestModels: map[string]string{"application/json": "Pet"},
		RequestParameters: map[string]bool{"method.request.querystring.owner": true, "method.request.header.X-Trace": true,
			"method.request.querystring.optional": false}})
	require.NoError(t, err)
	_, err = f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("POST"),
		Type: types.IntegrationTypeMock, RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`}})
	require.NoError(t, err)
	_, err = f.client.PutMethodResponse(f.ctx, &sdk.PutMethodResponseInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("POST"), StatusCode: aws.String("200")})
	require.NoError(t, err)
	_, err = f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("POST"),
		StatusCode: aws.String("200"), ResponseTemplates: map[string]string{"application/json": "ok"}})
	require.NoError(t, err)
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")

	status, _, body := f.call(t, "POST", url, `{"name":"rex"}`)
	assert.Equal(t, 400, status)
	assert.JSONEq(t, `{"message":"Missing required request parameters: [X-Trace, owner]"}`, body)
	for _, bad := range []string{`{"age": 3}`, `{"name": ""}`, `{"name": "rex", "age": 1.5}`, `not json`, `{"name":"a"} {}`} {
		status, h, body := f.call(t, "POST", url+"?owner=me", bad, "X-Trace", "1", "Content-Type", "application/json")
		assert.Equal(t, 400, status, bad)
		assert.JSONEq(t, `{"message":"Invalid request body"}`, body, bad)
		assert.Equal(t, "BadRequestException", h.Get("x-amzn-ErrorType"))
	}
	status, _, body = f.call(t, "POST", url+"?owner=me", `{"name":"rex","age":3}`, "X-Trace", "1", "Content-Type", "application/json")
	assert.Equal(t, 200, status)
	assert.Equal(t, "ok", body)
}

// The integration timeout runs on the cloud's clock: an answer just before
// it is served, at it the client gets 504 {"message": "Endpoint request
// timed out"}. The default is 29 s (api_op_PutIntegration.go).
func TestInvoke_TimeoutOnTheClock(t *testing.T) {
	f := newFixture(t)
	release := make(chan struct{})
	api, url := f.proxyAPI(t, func(ctx context.Context, _ json.RawMessage) (map[string]any, error) {
		select {
		case <-release:
		case <-ctx.Done():
		}
		return map[string]any{"statusCode": 200, "body": "late"}, nil
	})
	type answer struct {
		status int
		body   string
	}
	start := func() chan answer {
		ch := make(chan answer, 1)
		go func() {
			resp, err := f.http.Get(url + "/slow")
			if err != nil {
				ch <- answer{status: -1, body: err.Error()}
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			ch <- answer{resp.StatusCode, string(b)}
		}()
		return ch
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	// Just before the deadline the function answers: served.
	ch := start()
	require.NoError(t, f.clk.BlockUntil(ctx, 1))
	f.clk.Advance(29*time.Second - time.Millisecond)
	select {
	case a := <-ch:
		t.Fatalf("answered before the deadline: %v", a)
	default:
	}
	release <- struct{}{}
	a := <-ch
	assert.Equal(t, 200, a.status)
	assert.Equal(t, "late", a.body)

	// At the deadline: 504.
	ch = start()
	require.NoError(t, f.clk.BlockUntil(ctx, 1))
	f.clk.Advance(29*time.Second - time.Millisecond)
	select {
	case a := <-ch:
		t.Fatalf("answered before the deadline: %v", a)
	default:
	}
	f.clk.Advance(time.Millisecond)
	a = <-ch
	assert.Equal(t, 504, a.status)
	assert.JSONEq(t, `{"message":"Endpoint request timed out"}`, a.body)
	f.cloud.APIGateway().CheckInvoked(t, api, "/{proxy+}", 504)
}

// A body over 10 MB is refused with 413 before the integration runs.
func TestInvoke_PayloadOver10MBIs413(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "big")
	f.mock(t, api, root, "POST", "200", "ok")
	f.deploy(t, api, "prod")
	url := f.cloud.APIGateway().InvokeURL(api, "prod")
	status, _, _ := f.call(t, "POST", url, strings.Repeat("a", 10<<20))
	assert.Equal(t, 200, status)
	status, _, body := f.call(t, "POST", url, strings.Repeat("a", 10<<20+1))
	assert.Equal(t, 413, status)
	assert.JSONEq(t, `{"message":"Request Too Long"}`, body)
}
