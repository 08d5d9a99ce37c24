package apigw_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	sdkv2 "github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// send sends a request with repeated headers (name, value pairs).
func (f *hFixture) send(t *testing.T, method, url, body string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	require.NoError(t, err)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Add(header[i], header[i+1])
	}
	resp, err := f.http.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, string(b)
}

// The payload 2.0 event, field by field against AWS's documented example
// ("Working with AWS Lambda proxy integrations for HTTP APIs", payload
// format version 2.0): the request of the example (POST /my/path with
// parameter1 twice, header2 twice, two cookies and a text body) on the
// $default stage and route.
func TestHTTPAPI_EventV2IsTheDocumentedExample(t *testing.T) {
	f := newHFixture(t)
	events2 := f.echo(t, "$default", "2.0")
	_, err := f.v2.UpdateStage(f.ctx, &sdkv2.UpdateStageInput{ApiId: &f.api, StageName: aws.String("$default"),
		StageVariables: map[string]string{"stageVariable1": "value1", "stageVariable2": "value2"}})
	require.NoError(t, err)
	resp, body := f.send(t, "POST", f.url("$default", "/my/path?parameter1=value1&parameter1=value2&parameter2=value"),
		"Hello from Lambda", "Header1", "value1", "Header2", "value1", "Header2", "value2", "Cookie", "cookie1; cookie2",
		"User-Agent", "agent", "Content-Type", "text/plain")
	require.Equal(t, 200, resp.StatusCode)
	require.Equal(t, "ok", body)
	ev := <-events2
	var typed events.APIGatewayV2HTTPRequest
	b, _ := json.Marshal(ev)
	require.NoError(t, json.Unmarshal(b, &typed))

	assert.Equal(t, "2.0", typed.Version)
	assert.Equal(t, "$default", typed.RouteKey)
	assert.Equal(t, "/my/path", typed.RawPath)
	assert.Equal(t, "parameter1=value1&parameter1=value2&parameter2=value", typed.RawQueryString)
	assert.Equal(t, []string{"cookie1", "cookie2"}, typed.Cookies)
	assert.Equal(t, "value1", typed.Headers["header1"])
	assert.Equal(t, "value1,value2", typed.Headers["header2"])
	assert.NotContains(t, typed.Headers, "cookie", "cookies are apart from the headers")
	assert.Equal(t, map[string]string{"parameter1": "value1,value2", "parameter2": "value"}, typed.QueryStringParameters)
	assert.Equal(t, "Hello from Lambda", typed.Body)
	assert.False(t, typed.IsBase64Encoded)
	assert.Nil(t, ev["pathParameters"], "no path parameters on $default")
	assert.Equal(t, map[string]string{"stageVariable1": "value1", "stageVariable2": "value2"}, typed.StageVariables)

	rc := typed.RequestContext
	assert.Equal(t, "000000000000", rc.AccountID)
	assert.Equal(t, f.api, rc.APIID)
	assert.Equal(t, f.api+".execute-api.us-east-1.amazonaws.com", rc.DomainName)
	assert.Equal(t, f.api, rc.DomainPrefix)
	assert.Equal(t, "POST", rc.HTTP.Method)
	assert.Equal(t, "/my/path", rc.HTTP.Path)
	assert.Equal(t, "HTTP/1.1", rc.HTTP.Protocol)
	assert.NotEmpty(t, rc.HTTP.SourceIP)
	assert.Equal(t, "agent", rc.HTTP.UserAgent)
	assert.NotEmpty(t, rc.RequestID)
	assert.Equal(t, "$default", rc.RouteKey)
	assert.Equal(t, "$default", rc.Stage)
	assert.Equal(t, "02/Jan/2026:03:04:05 +0000", rc.Time, "the documented layout, on the cloud's clock")
	assert.Equal(t, t0.UnixMilli(), rc.TimeEpoch)

	// The members the example has, and no others.
	want := []string{"version", "routeKey", "rawPath", "rawQueryString", "cookies", "headers", "queryStringParameters",
		"requestContext", "body", "isBase64Encoded", "stageVariables"}
	assert.ElementsMatch(t, want, keysOf(ev))
	assert.ElementsMatch(t, []string{"accountId", "apiId", "domainName", "domainPrefix", "http", "requestId", "routeKey",
		"stage", "time", "timeEpoch"}, keysOf(ev["requestContext"].(map[string]any)))
}

func keysOf(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// A named stage is the first path segment: rawPath keeps it, the route
// matches what follows; path parameters are filled; a binary body is
// base64.
func TestHTTPAPI_EventV2NamedStagePathParametersAndBinaryBody(t *testing.T) {
	f := newHFixture(t)
	events2 := make(chan map[string]any, 1)
	fn := f.function(t, "fn", func(_ context.Context, ev map[string]any) (string, error) {
		events2 <- ev
		return "ok", nil
	})
	f.route(t, "PUT /items/{id}", f.lambdaIntegration(t, fn, "2.0"))
	_, err := f.v2.CreateStage(f.ctx, &sdkv2.CreateStageInput{ApiId: &f.api, StageName: aws.String("prod"), AutoDeploy: aws.Bool(true)})
	require.NoError(t, err)
	resp, _ := f.send(t, "PUT", f.url("prod", "/items/42"), "\x00\x01", "Content-Type", "application/octet-stream")
	require.Equal(t, 200, resp.StatusCode)
	ev := <-events2
	assert.Equal(t, "/prod/items/42", ev["rawPath"])
	assert.Equal(t, "PUT /items/{id}", ev["routeKey"])
	assert.Equal(t, map[string]any{"id": "42"}, ev["pathParameters"])
	assert.Equal(t, "AAE=", ev["body"])
	assert.Equal(t, true, ev["isBase64Encoded"])
	assert.Equal(t, "prod", ev["requestContext"].(map[string]any)["stage"])
	assert.Equal(t, "", ev["rawQueryString"])
	assert.Nil(t, ev["cookies"])
}

// Payload 1.0 on an HTTP API is REST's proxy event with version 1.0: the
// route's path as resource, the last of repeated query values in
// queryStringParameters and all of them in multiValueQueryStringParameters.
func TestHTTPAPI_EventV1(t *testing.T) {
	f := newHFixture(t)
	events1 := f.echo(t, "GET /items/{id}", "1.0")
	resp, body := f.send(t, "GET", f.url("$default", "/items/7?a=1&a=2"), "", "Cookie", "c=1")
	require.Equal(t, 200, resp.StatusCode)
	require.Equal(t, "ok", body)
	ev := <-events1
	var typed events.APIGatewayProxyRequest
	b, _ := json.Marshal(ev)
	require.NoError(t, json.Unmarshal(b, &typed))
	assert.Equal(t, "1.0", ev["version"])
	assert.Equal(t, "/items/{id}", typed.Resource)
	assert.Equal(t, "/items/7", typed.Path)
	assert.Equal(t, "GET", typed.HTTPMethod)
	assert.Equal(t, map[string]string{"a": "2"}, typed.QueryStringParameters)
	assert.Equal(t, map[string][]string{"a": {"1", "2"}}, typed.MultiValueQueryStringParameters)
	assert.Equal(t, map[string]string{"id": "7"}, typed.PathParameters)
	assert.Equal(t, "c=1", typed.Headers["cookie"])
	assert.Equal(t, "$default", typed.RequestContext.Stage)
	assert.Equal(t, "GET /items/{id}", typed.RequestContext.ResourceID)
	assert.Nil(t, ev["body"])
}
