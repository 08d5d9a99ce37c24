package apigw_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkv2 "github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// routeKeyFn is a function answering the route key of its event.
func (f *hFixture) routeKeyFn(t *testing.T) string {
	t.Helper()
	fn := f.function(t, "rk", func(_ context.Context, ev map[string]any) (map[string]any, error) {
		return map[string]any{"statusCode": 200, "body": ev["routeKey"]}, nil
	})
	return f.lambdaIntegration(t, fn, "2.0")
}

// The route priority of AWS's documentation ("Working with routes for
// HTTP APIs", routing API requests): the full match first, then a path
// variable, then the greedy variable of the longest prefix, ANY after the
// request's method, and $default for what no route matches.
func TestHTTPAPI_RoutePriorityTableOfTheDocs(t *testing.T) {
	f := newHFixture(t)
	integ := f.routeKeyFn(t)
	for _, key := range []string{"GET /pets/dog/1", "GET /pets/dog/{id}", "GET /pets/{proxy+}", "ANY /{proxy+}", "$default"} {
		f.route(t, key, integ)
	}
	f.autoStage(t)
	for _, c := range []struct{ method, path, route string }{
		{"GET", "/pets/dog/1", "GET /pets/dog/1"},
		{"GET", "/pets/dog/2", "GET /pets/dog/{id}"},
		{"GET", "/pets/cat/1", "GET /pets/{proxy+}"},
		{"GET", "/test", "ANY /{proxy+}"},
		{"POST", "/pets/dog/1", "ANY /{proxy+}"},
		{"GET", "/", "$default"},
	} {
		resp, body := f.send(t, c.method, f.url("$default", c.path), "")
		assert.Equal(t, 200, resp.StatusCode, c.path)
		assert.Equal(t, c.route, body, "%s %s", c.method, c.path)
	}
}

// Without $default, a request no route matches is 404 {"message":"Not
// Found"}; so is a stage that does not exist.
func TestHTTPAPI_NotFound(t *testing.T) {
	f := newHFixture(t)
	f.route(t, "GET /pets", f.routeKeyFn(t))
	f.autoStage(t)
	resp, body := f.send(t, "GET", f.url("$default", "/cats"), "")
	assert.Equal(t, 404, resp.StatusCode)
	assert.JSONEq(t, `{"message":"Not Found"}`, body)
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	assert.NotEmpty(t, resp.Header.Get("Apigw-Requestid"))
	resp, _ = f.send(t, "POST", f.url("$default", "/pets"), "")
	assert.Equal(t, 404, resp.StatusCode, "GET /pets does not take POST")
}

// Payload 2.0 infers the response of a function that answers no
// statusCode: a bare value or an object becomes 200 application/json with
// the value as the body (a string without its quotes); payload 1.0 needs
// the structured response, else 500 {"message":"Internal Server Error"}.
func TestHTTPAPI_ResponseInference(t *testing.T) {
	f := newHFixture(t)
	answers := map[string]any{"/str": "hello", "/num": 42, "/obj": map[string]any{"a": 1},
		"/full": map[string]any{"statusCode": 201, "headers": map[string]string{"X-A": "b"}, "cookies": []string{"k=v"}, "body": "made"}}
	fn := f.function(t, "inf", func(_ context.Context, ev map[string]any) (any, error) {
		return answers[ev["rawPath"].(string)], nil
	})
	f.route(t, "ANY /{proxy+}", f.lambdaIntegration(t, fn, "2.0"))
	fn1 := f.function(t, "inf1", func(_ context.Context, ev map[string]any) (any, error) {
		return map[string]any{"a": 1}, nil
	})
	f.route(t, "GET /v1", f.lambdaIntegration(t, fn1, "1.0"))
	failing := f.function(t, "fail", func(context.Context, map[string]any) (any, error) { return nil, errors.New("boom") })
	f.route(t, "GET /fail", f.lambdaIntegration(t, failing, "2.0"))
	f.autoStage(t)
	for path, want := range map[string]string{"/str": "hello", "/num": "42", "/obj": `{"a":1}`} {
		resp, body := f.send(t, "GET", f.url("$default", path), "")
		assert.Equal(t, 200, resp.StatusCode, path)
		assert.Equal(t, "application/json", resp.Header.Get("Content-Type"), path)
		assert.Equal(t, want, body, path)
	}
	resp, body := f.send(t, "GET", f.url("$default", "/full"), "")
	assert.Equal(t, 201, resp.StatusCode)
	assert.Equal(t, "b", resp.Header.Get("X-A"))
	assert.Equal(t, []string{"k=v"}, resp.Header.Values("Set-Cookie"))
	assert.Equal(t, "made", body)
	for _, path := range []string{"/v1", "/fail"} {
		resp, body = f.send(t, "GET", f.url("$default", path), "")
		assert.Equal(t, 500, resp.StatusCode, path)
		assert.JSONEq(t, `{"message":"Internal Server Error"}`, body, path)
	}
}

// The $default stage with autoDeploy serves each change at once; a named
// stage without autoDeploy serves only what a deployment froze, and
// nothing (404) before its first one.
func TestHTTPAPI_AutoDeployAndNamedStage(t *testing.T) {
	f := newHFixture(t)
	integ := f.routeKeyFn(t)
	f.route(t, "GET /a", integ)
	f.autoStage(t)
	_, err := f.v2.CreateStage(f.ctx, &sdkv2.CreateStageInput{ApiId: &f.api, StageName: aws.String("prod")})
	require.NoError(t, err)
	resp, _ := f.send(t, "GET", f.url("prod", "/a"), "")
	assert.Equal(t, 404, resp.StatusCode, "prod has no deployment yet")
	resp, _ = f.send(t, "GET", f.url("$default", "/a"), "")
	assert.Equal(t, 200, resp.StatusCode)

	d, err := f.v2.CreateDeployment(f.ctx, &sdkv2.CreateDeploymentInput{ApiId: &f.api, StageName: aws.String("prod")})
	require.NoError(t, err)
	st, err := f.v2.GetStage(f.ctx, &sdkv2.GetStageInput{ApiId: &f.api, StageName: aws.String("prod")})
	require.NoError(t, err)
	assert.Equal(t, *d.DeploymentId, *st.DeploymentId)
	resp, body := f.send(t, "GET", f.url("prod", "/a"), "")
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "GET /a", body)

	f.route(t, "GET /b", integ)
	resp, _ = f.send(t, "GET", f.url("$default", "/b"), "")
	assert.Equal(t, 200, resp.StatusCode, "autoDeploy serves the new route")
	resp, _ = f.send(t, "GET", f.url("prod", "/b"), "")
	assert.Equal(t, 404, resp.StatusCode, "prod serves its deployment")
	deps, err := f.v2.GetDeployments(f.ctx, &sdkv2.GetDeploymentsInput{ApiId: &f.api})
	require.NoError(t, err)
	auto := 0
	for _, d := range deps.Items {
		if aws.ToBool(d.AutoDeployed) {
			auto++
		}
	}
	assert.Equal(t, 2, auto, "one automatic deployment per change")

	_, err = f.v2.CreateDeployment(f.ctx, &sdkv2.CreateDeploymentInput{ApiId: &f.api, StageName: aws.String("$default")})
	checkErr(t, err, "BadRequestException", "Deployments cannot be created for stages with autoDeploy enabled")
}

// An HTTP_PROXY integration calls its URL with the request's method,
// query, headers and body, its parameter mappings applied, and hands the
// answer back as it is.
func TestHTTPAPI_HTTPProxy(t *testing.T) {
	f := newHFixture(t)
	var got *http.Request
	var gotBody []byte
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r
		gotBody = make([]byte, r.ContentLength)
		_, _ = r.Body.Read(gotBody)
		w.Header().Set("X-Backend", "yes")
		w.WriteHeader(http.StatusTeapot)
		_, _ = w.Write([]byte("brewed"))
	}))
	defer backend.Close()
	out, err := f.v2.CreateIntegration(f.ctx, &sdkv2.CreateIntegrationInput{ApiId: &f.api, IntegrationType: "HTTP_PROXY",
		IntegrationMethod: aws.String("ANY"), IntegrationUri: aws.String(backend.URL + "/up/{id}"),
		PayloadFormatVersion: aws.String("1.0"), RequestParameters: map[string]string{
			"append:header.X-Added":     "$request.path.id",
			"overwrite:querystring.q":   "replaced",
			"remove:header.X-Drop":      "''",
			"append:querystring.stage":  "$context.stage",
			"overwrite:header.X-Static": "static",
			"overwrite:header.X-Embed":  "Bearer ${request.querystring.keep} of ${context.routeKey}"}})
	require.NoError(t, err)
	f.route(t, "POST /items/{id}", *out.IntegrationId)
	f.autoStage(t)
	resp, body := f.send(t, "POST", f.url("$default", "/items/9?q=orig&keep=1"), "payload", "X-Drop", "x", "X-Keep", "k")
	assert.Equal(t, http.StatusTeapot, resp.StatusCode)
	assert.Equal(t, "brewed", body)
	assert.Equal(t, "yes", resp.Header.Get("X-Backend"))
	require.NotNil(t, got)
	assert.Equal(t, "POST", got.Method)
	assert.Equal(t, "/up/9", got.URL.Path)
	assert.Equal(t, "replaced", got.URL.Query().Get("q"))
	assert.Equal(t, "1", got.URL.Query().Get("keep"))
	assert.Equal(t, "$default", got.URL.Query().Get("stage"))
	assert.Equal(t, "9", got.Header.Get("X-Added"))
	assert.Equal(t, "static", got.Header.Get("X-Static"))
	assert.Equal(t, "Bearer 1 of POST /items/{id}", got.Header.Get("X-Embed"))
	assert.Equal(t, "k", got.Header.Get("X-Keep"))
	assert.Empty(t, got.Header.Get("X-Drop"))
	assert.Equal(t, "payload", string(gotBody))
}

// Throttling per route: a route's burst is spent, then 429 {"message":
// "Too Many Requests"} until its rate refills a token on the clock
// (rate 1/s: not at 999 ms, at 1 s); other routes are not affected.
func TestHTTPAPI_ThrottlingPerRoute(t *testing.T) {
	f := newHFixture(t)
	integ := f.routeKeyFn(t)
	f.route(t, "GET /slow", integ)
	f.route(t, "GET /fast", integ)
	_, err := f.v2.CreateStage(f.ctx, &sdkv2.CreateStageInput{ApiId: &f.api, StageName: aws.String("$default"),
		AutoDeploy: aws.Bool(true), RouteSettings: map[string]types.RouteSettings{
			"GET /slow": {ThrottlingBurstLimit: aws.Int32(2), ThrottlingRateLimit: aws.Float64(1)}}})
	require.NoError(t, err)
	status := func(path string) int {
		resp, _ := f.send(t, "GET", f.url("$default", path), "")
		return resp.StatusCode
	}
	assert.Equal(t, 200, status("/slow"))
	assert.Equal(t, 200, status("/slow"))
	resp, body := f.send(t, "GET", f.url("$default", "/slow"), "")
	assert.Equal(t, 429, resp.StatusCode)
	assert.JSONEq(t, `{"message":"Too Many Requests"}`, body)
	assert.Equal(t, 200, status("/fast"), "the limit is the route's")
	f.clk.Advance(999 * time.Millisecond)
	assert.Equal(t, 429, status("/slow"), "just before a token is back")
	f.clk.Advance(time.Millisecond)
	assert.Equal(t, 200, status("/slow"), "exactly when a token is back")
	assert.Equal(t, 429, status("/slow"))
}

// The integration timeout runs on the cloud's clock: a function still
// working when it passes is answered 503 {"message":"Service
// Unavailable"}; the timeout is 50 ms to 30 s.
func TestHTTPAPI_IntegrationTimeout(t *testing.T) {
	f := newHFixture(t)
	started := make(chan struct{}, 1)
	release := make(chan struct{}, 1)
	fn := f.function(t, "slow", func(ctx context.Context, _ map[string]any) (string, error) {
		started <- struct{}{}
		<-release
		return "late", nil
	})
	for _, ms := range []int32{49, 30001} {
		_, err := f.v2.CreateIntegration(f.ctx, &sdkv2.CreateIntegrationInput{ApiId: &f.api, IntegrationType: "AWS_PROXY",
			IntegrationUri: &fn, PayloadFormatVersion: aws.String("2.0"), TimeoutInMillis: aws.Int32(ms)})
		checkErr(t, err, "BadRequestException", "Timeout must be between 50 milliseconds and 30 seconds.")
	}
	out, err := f.v2.CreateIntegration(f.ctx, &sdkv2.CreateIntegrationInput{ApiId: &f.api, IntegrationType: "AWS_PROXY",
		IntegrationUri: &fn, PayloadFormatVersion: aws.String("2.0"), TimeoutInMillis: aws.Int32(30000)})
	require.NoError(t, err)
	f.route(t, "GET /slow", *out.IntegrationId)
	f.autoStage(t)

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	start := func() chan int {
		done := make(chan int, 1)
		go func() {
			resp, err := f.http.Get(f.url("$default", "/slow"))
			if err == nil {
				resp.Body.Close()
				done <- resp.StatusCode
			}
		}()
		<-started
		require.NoError(t, f.clk.BlockUntil(ctx, 1)) // the timer at the deadline
		return done
	}
	// Just before the deadline the function answers: served.
	done := start()
	f.clk.Advance(30*time.Second - time.Millisecond)
	release <- struct{}{}
	assert.Equal(t, 200, <-done)
	// At the deadline: 503.
	done = start()
	f.clk.Advance(30*time.Second - time.Millisecond)
	select {
	case st := <-done:
		t.Fatalf("answered %d before the timeout", st)
	default:
	}
	f.clk.Advance(time.Millisecond)
	assert.Equal(t, http.StatusServiceUnavailable, <-done)
	release <- struct{}{}

	calls := f.cloud.APIGateway().Invocations()
	require.Len(t, calls, 2)
	assert.Equal(t, "Integration timeout", calls[1].Error)
	f.cloud.APIGateway().CheckInvoked(t, f.api, "GET /slow", http.StatusServiceUnavailable)
}

// Parameter mapping keys are checked on create: an operation, header.x,
// querystring.x or path (overwrite only), an HTTP token as the name, no
// reserved header; a refused integration leaves nothing.
func TestHTTPAPI_ParameterMappingKeysChecked(t *testing.T) {
	f := newHFixture(t)
	for key, msg := range map[string]string{
		"replace:header.x":                "Invalid mapping expression specified: replace:header.x",
		"append:path":                     "Invalid mapping expression specified: append:path",
		"overwrite:body.x":                "Invalid mapping expression specified: overwrite:body.x",
		"overwrite:header.a b":            "Invalid mapping expression specified: overwrite:header.a b",
		"overwrite:querystring":           "Invalid mapping expression specified: overwrite:querystring",
		"append:header.Host:x":            "Invalid mapping expression specified: append:header.Host:x",
		"overwrite:header.Content-Length": "Invalid mapping expression specified: Content-Length is a reserved header",
		"overwrite:header.X-Amzn-Trace":   "Invalid mapping expression specified: X-Amzn-Trace is a reserved header",
	} {
		_, err := f.v2.CreateIntegration(f.ctx, &sdkv2.CreateIntegrationInput{ApiId: &f.api, IntegrationType: "HTTP_PROXY",
			IntegrationMethod: aws.String("ANY"), IntegrationUri: aws.String("https://backend.example"),
			PayloadFormatVersion: aws.String("1.0"), RequestParameters: map[string]string{key: "v"}})
		checkErr(t, err, "BadRequestException", msg)
	}
	list, err := f.v2.GetIntegrations(f.ctx, &sdkv2.GetIntegrationsInput{ApiId: &f.api})
	require.NoError(t, err)
	assert.Empty(t, list.Items)
}

// The server's path forms reach an HTTP API as they reach a REST API,
// $default named as the stage: {URL}/restapis/{id}/{stage}/_user_request_/...
// and {URL}/_aws/execute-api/{id}/{stage}/...; a disabled execute-api
// endpoint is 403.
func TestHTTPAPI_ServerPathForms(t *testing.T) {
	f := newHFixture(t)
	f.route(t, "GET /items/{id}", f.routeKeyFn(t))
	f.autoStage(t)
	for _, u := range []string{
		f.cloud.APIGateway().EndpointURL(f.api, "$default") + "/items/1",
		f.cloud.URL() + "/_aws/execute-api/" + f.api + "/$default/items/1",
		f.cloud.APIGateway().InvokeURL(f.api, "$default") + "/items/1",
	} {
		resp, body := f.send(t, "GET", u, "")
		assert.Equal(t, 200, resp.StatusCode, u)
		assert.Equal(t, "GET /items/{id}", body, u)
	}
	_, err := f.v2.UpdateApi(f.ctx, &sdkv2.UpdateApiInput{ApiId: &f.api, DisableExecuteApiEndpoint: aws.Bool(true)})
	require.NoError(t, err)
	resp, body := f.send(t, "GET", f.url("$default", "/items/1"), "")
	assert.Equal(t, 403, resp.StatusCode)
	assert.JSONEq(t, `{"message":"Forbidden"}`, body)
}

// Invocations, throttling, the authorizer cache and autoDeploy changes
// run at once without a race (go test -race) and every call is answered.
func TestHTTPAPI_ConcurrentInvokeAndChanges(t *testing.T) {
	f := newHFixture(t)
	integ := f.routeKeyFn(t)
	f.route(t, "GET /a", integ)
	_, err := f.v2.CreateStage(f.ctx, &sdkv2.CreateStageInput{ApiId: &f.api, StageName: aws.String("$default"),
		AutoDeploy: aws.Bool(true), DefaultRouteSettings: &types.RouteSettings{ThrottlingBurstLimit: aws.Int32(1000),
			ThrottlingRateLimit: aws.Float64(1000)}})
	require.NoError(t, err)
	var wg sync.WaitGroup
	statuses := make(chan int, 8*20)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				resp, err := f.http.Get(f.url("$default", "/a"))
				if err == nil {
					resp.Body.Close()
					statuses <- resp.StatusCode
				}
			}
		}()
	}
	for i := range 10 {
		f.route(t, "GET /r"+strconv.Itoa(i), integ)
	}
	wg.Wait()
	close(statuses)
	n := 0
	for st := range statuses {
		assert.Equal(t, 200, st)
		n++
	}
	assert.Equal(t, 160, n)
}
