package apigw_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// authFixture is an API whose GET and POST /pets (MOCK, answering
// {"pets":[]}) and ANY /echo (AWS_PROXY answering the proxy event's
// requestContext.authorizer) are guarded by a Lambda authorizer.
type authFixture struct {
	*fixture
	api, authorizerID, url string
	calls                  atomic.Int32
	events                 chan map[string]any
}

func policy(principal, effect, resource string, ctx map[string]any) map[string]any {
	return map[string]any{"principalId": principal, "context": ctx, "policyDocument": map[string]any{
		"Version": "2012-10-17", "Statement": []any{map[string]any{"Action": "execute-api:Invoke", "Effect": effect,
			"Resource": resource}}}}
}

// newAuthFixture builds the API with an authorizer of typ (TOKEN or
// REQUEST) running decide, with the TTL ttl (nil: the default).
func newAuthFixture(t *testing.T, typ string, ttl *int32, allow bool, decide func(ev map[string]any) (map[string]any, error)) *authFixture {
	t.Helper()
	af := &authFixture{fixture: newFixture(t), events: make(chan map[string]any, 16)}
	f := af.fixture
	authFn := f.cloud.Lambda().FunctionT(t, "authfn", func(_ context.Context, ev map[string]any) (map[string]any, error) {
		af.calls.Add(1)
		select {
		case af.events <- ev:
		default:
		}
		return decide(ev)
	})
	if allow {
		f.cloud.Lambda().AllowT(t, authFn.Name, "apigateway.amazonaws.com", "")
	}
	echo := f.cloud.Lambda().FunctionT(t, "echofn", func(_ context.Context, ev map[string]any) (map[string]any, error) {
		rc, _ := ev["requestContext"].(map[string]any)
		b, _ := json.Marshal(rc["authorizer"])
		return map[string]any{"statusCode": 200, "body": string(b)}, nil
	})
	f.cloud.Lambda().AllowT(t, echo.Name, "apigateway.amazonaws.com", "")
	api, root := f.api(t, "auth")
	af.api = api
	src := "method.request.header.Authorization"
	if typ == "REQUEST" {
		src = "method.request.header.Authorization,method.request.querystring.user"
	}
	z, err := f.client.CreateAuthorizer(f.ctx, &sdk.CreateAuthorizerInput{RestApiId: &api, Name: aws.String("auth"),
		Type: types.AuthorizerType(typ), IdentitySource: &src, AuthorizerResultTtlInSeconds: ttl,
		AuthorizerUri: aws.String("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + authFn.ARN + "/invocations")})
	require.NoError(t, err)
	af.authorizerID = *z.Id
	pets := f.resource(t, api, root, "pets")
	for _, m := range []string{"GET", "POST"} {
		f.mock(t, api, pets, m, "200", `{"pets":[],"principal":"$context.authorizer.principalId","tier":"$context.authorizer.tier"}`)
		af.guard(t, pets, m)
	}
	echoRes := f.resource(t, api, root, "echo")
	f.method(t, api, echoRes, "ANY")
	_, err = f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &echoRes, HttpMethod: aws.String("ANY"),
		Type: types.IntegrationTypeAwsProxy, IntegrationHttpMethod: aws.String("POST"),
		Uri: aws.String("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + echo.ARN + "/invocations")})
	require.NoError(t, err)
	af.guard(t, echoRes, "ANY")
	f.deploy(t, api, "stage")
	af.url = f.cloud.APIGateway().InvokeURL(api, "stage")
	return af
}

// guard puts the authorizer on a method.
func (af *authFixture) guard(t *testing.T, res, method string) {
	t.Helper()
	_, err := af.client.UpdateMethod(af.ctx, &sdk.UpdateMethodInput{RestApiId: &af.api, ResourceId: &res, HttpMethod: &method,
		PatchOperations: []types.PatchOperation{
			{Op: types.OpReplace, Path: aws.String("/authorizationType"), Value: aws.String("CUSTOM")},
			{Op: types.OpReplace, Path: aws.String("/authorizerId"), Value: &af.authorizerID}}})
	require.NoError(t, err)
}

func TestAuthorizer_ControlPlane(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "a")
	uri := "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:fn/invocations"
	z, err := f.client.CreateAuthorizer(f.ctx, &sdk.CreateAuthorizerInput{RestApiId: &api, Name: aws.String("tok"),
		Type: types.AuthorizerTypeToken, AuthorizerUri: &uri, IdentitySource: aws.String("method.request.header.Authorization")})
	require.NoError(t, err)
	assert.Equal(t, int32(300), aws.ToInt32(z.AuthorizerResultTtlInSeconds), "the default TTL")
	got, err := f.client.GetAuthorizer(f.ctx, &sdk.GetAuthorizerInput{RestApiId: &api, AuthorizerId: z.Id})
	require.NoError(t, err)
	assert.Equal(t, "tok", *got.Name)
	assert.Equal(t, types.AuthorizerTypeToken, got.Type)
	up, err := f.client.UpdateAuthorizer(f.ctx, &sdk.UpdateAuthorizerInput{RestApiId: &api, AuthorizerId: z.Id,
		PatchOperations: []types.PatchOperation{{Op: types.OpReplace, Path: aws.String("/authorizerResultTtlInSeconds"), Value: aws.String("0")},
			{Op: types.OpReplace, Path: aws.String("/name"), Value: aws.String("renamed")}}})
	require.NoError(t, err)
	assert.Equal(t, int32(0), aws.ToInt32(up.AuthorizerResultTtlInSeconds))
	assert.Equal(t, "renamed", *up.Name)

	_, err = f.client.UpdateAuthorizer(f.ctx, &sdk.UpdateAuthorizerInput{RestApiId: &api, AuthorizerId: z.Id,
		PatchOperations: []types.PatchOperation{{Op: types.OpReplace, Path: aws.String("/authorizerResultTtlInSeconds"), Value: aws.String("3601")}}})
	requireCode(t, err, "BadRequestException")
	got, err = f.client.GetAuthorizer(f.ctx, &sdk.GetAuthorizerInput{RestApiId: &api, AuthorizerId: z.Id})
	require.NoError(t, err)
	assert.Equal(t, int32(0), aws.ToInt32(got.AuthorizerResultTtlInSeconds), "a refused update changes nothing")

	list, err := f.client.GetAuthorizers(f.ctx, &sdk.GetAuthorizersInput{RestApiId: &api})
	require.NoError(t, err)
	require.Len(t, list.Items, 1)

	// A method names it: it cannot be deleted until the method goes.
	_, err = f.client.PutMethod(f.ctx, &sdk.PutMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"),
		AuthorizationType: aws.String("CUSTOM"), AuthorizerId: aws.String("nope00")})
	requireCode(t, err, "BadRequestException")
	_, err = f.client.PutMethod(f.ctx, &sdk.PutMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"),
		AuthorizationType: aws.String("CUSTOM"), AuthorizerId: z.Id})
	require.NoError(t, err)
	_, err = f.client.DeleteAuthorizer(f.ctx, &sdk.DeleteAuthorizerInput{RestApiId: &api, AuthorizerId: z.Id})
	requireCode(t, err, "ConflictException")
	_, err = f.client.DeleteMethod(f.ctx, &sdk.DeleteMethodInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET")})
	require.NoError(t, err)
	_, err = f.client.DeleteAuthorizer(f.ctx, &sdk.DeleteAuthorizerInput{RestApiId: &api, AuthorizerId: z.Id})
	require.NoError(t, err)
	_, err = f.client.GetAuthorizer(f.ctx, &sdk.GetAuthorizerInput{RestApiId: &api, AuthorizerId: z.Id})
	requireCode(t, err, "NotFoundException")

	_, err = f.client.CreateAuthorizer(f.ctx, &sdk.CreateAuthorizerInput{RestApiId: &api, Name: aws.String("big"),
		Type: types.AuthorizerTypeToken, AuthorizerUri: &uri, IdentitySource: aws.String("method.request.header.Authorization"),
		AuthorizerResultTtlInSeconds: aws.Int32(3601)})
	requireCode(t, err, "BadRequestException")
}

// Recorded: test_apigateway_api.py::TestApiGatewayApiAuthorizer::test_authorizer_crud_no_api
// (create on an unknown API is a 409, listing a 404).
func TestAuthorizer_UnknownAPIAsRecorded(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.CreateAuthorizer(f.ctx, &sdk.CreateAuthorizerInput{RestApiId: aws.String("test-fake-rest-id"), Name: aws.String("a"),
		Type: types.AuthorizerTypeToken, IdentitySource: aws.String("method.request.header.Authorization"),
		AuthorizerUri: aws.String("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:fn/invocations")})
	requireCode(t, err, "ConflictException")
	assert.Contains(t, err.Error(), "Unable to complete operation due to concurrent modification. Please try again later.")
	_, err = f.client.GetAuthorizers(f.ctx, &sdk.GetAuthorizersInput{RestApiId: aws.String("test-fake-rest-id")})
	requireCode(t, err, "NotFoundException")
}

func requireCode(t *testing.T, err error, code string) {
	t.Helper()
	require.Error(t, err)
	var ae interface{ ErrorCode() string }
	require.True(t, errors.As(err, &ae), "%v", err)
	require.Equal(t, code, ae.ErrorCode(), "%v", err)
}

// The result is cached per token for the TTL on the cloud clock: served
// just before it runs out, the function called again at the instant it
// does.
func TestAuthorizer_CalledOncePerTTL(t *testing.T) {
	af := newAuthFixture(t, "TOKEN", aws.Int32(60), true, func(ev map[string]any) (map[string]any, error) {
		return policy("user-1", "Allow", "arn:aws:execute-api:*", map[string]any{"tier": "gold"}), nil
	})
	get := func() int {
		status, _, _ := af.call(t, "GET", af.url+"/pets", "", "Authorization", "tok-1")
		return status
	}
	require.Equal(t, 200, get())
	require.Equal(t, int32(1), af.calls.Load())
	af.clk.Advance(60*time.Second - time.Millisecond)
	require.Equal(t, 200, get())
	assert.Equal(t, int32(1), af.calls.Load(), "cached just before the TTL")
	af.clk.Advance(time.Millisecond)
	require.Equal(t, 200, get())
	assert.Equal(t, int32(2), af.calls.Load(), "called again at the TTL")
	af.clk.Advance(time.Millisecond)
	require.Equal(t, 200, get())
	assert.Equal(t, int32(2), af.calls.Load(), "the new result is cached")
	// Another token is another identity.
	status, _, _ := af.call(t, "GET", af.url+"/pets", "", "Authorization", "tok-2")
	require.Equal(t, 200, status)
	assert.Equal(t, int32(3), af.calls.Load())
}

func TestAuthorizer_TTLZeroCallsEveryTime(t *testing.T) {
	af := newAuthFixture(t, "TOKEN", aws.Int32(0), true, func(ev map[string]any) (map[string]any, error) {
		return policy("u", "Allow", "*", nil), nil
	})
	for range 3 {
		status, _, _ := af.call(t, "GET", af.url+"/pets", "", "Authorization", "tok")
		require.Equal(t, 200, status)
	}
	assert.Equal(t, int32(3), af.calls.Load())
}

// The classic surprise: the policy cached for the first method's ARN
// denies a second method within the TTL.
func TestAuthorizer_CachedPolicyDeniesSecondMethod(t *testing.T) {
	af := newAuthFixture(t, "TOKEN", nil, true, func(ev map[string]any) (map[string]any, error) {
		return policy("u", "Allow", ev["methodArn"].(string), nil), nil
	})
	status, _, body := af.call(t, "GET", af.url+"/pets", "", "Authorization", "tok")
	require.Equal(t, 200, status, body)
	ev := <-af.events
	assert.Equal(t, map[string]any{"type": "TOKEN", "authorizationToken": "tok",
		"methodArn": "arn:aws:execute-api:us-east-1:000000000000:" + af.api + "/stage/GET/pets"}, ev)
	status, hdr, body := af.call(t, "POST", af.url+"/pets", "", "Authorization", "tok")
	assert.Equal(t, http.StatusForbidden, status)
	assert.JSONEq(t, `{"message":"User is not authorized to access this resource"}`, body)
	assert.Equal(t, "AccessDeniedException", hdr.Get("X-Amzn-Errortype"))
	assert.Equal(t, int32(1), af.calls.Load())
}

func TestAuthorizer_DenyUnauthorizedMissingAndBroken(t *testing.T) {
	af := newAuthFixture(t, "TOKEN", aws.Int32(0), true, func(ev map[string]any) (map[string]any, error) {
		switch ev["authorizationToken"] {
		case "deny":
			return policy("u", "Deny", "arn:aws:execute-api:us-east-1:*:*/stage/G?T/*", nil), nil
		case "unauthorized":
			return nil, errors.New("Unauthorized")
		case "broken":
			return map[string]any{"principalId": "u"}, nil
		case "boom":
			return nil, errors.New("boom")
		}
		return policy("u", "Allow", "*", nil), nil
	})
	cases := []struct {
		token  string
		status int
		body   string
	}{
		{"deny", 403, `{"message":"User is not authorized to access this resource with an explicit deny"}`},
		{"unauthorized", 401, `{"message":"Unauthorized"}`},
		{"", 401, `{"message":"Unauthorized"}`},
		{"broken", 500, `{"message":null}`},
		{"boom", 500, `{"message":null}`},
		{"ok", 200, `{"pets":[],"principal":"u","tier":""}`},
	}
	for _, c := range cases {
		var hdr []string
		if c.token != "" {
			hdr = []string{"Authorization", c.token}
		}
		status, _, body := af.call(t, "GET", af.url+"/pets", "", hdr...)
		assert.Equal(t, c.status, status, c.token)
		assert.JSONEq(t, c.body, body, c.token)
	}
	assert.Equal(t, int32(5), af.calls.Load(), "a missing token is refused without calling the function")
}

func TestAuthorizer_NoPermissionIs500(t *testing.T) {
	af := newAuthFixture(t, "TOKEN", nil, false, func(ev map[string]any) (map[string]any, error) {
		return policy("u", "Allow", "*", nil), nil
	})
	status, hdr, body := af.call(t, "GET", af.url+"/pets", "", "Authorization", "tok")
	assert.Equal(t, 500, status)
	assert.JSONEq(t, `{"message":null}`, body)
	assert.Equal(t, "AuthorizerConfigurationException", hdr.Get("X-Amzn-Errortype"))
	assert.Equal(t, int32(0), af.calls.Load())
}

// A REQUEST authorizer's event carries the request's parts; its principal
// and context reach $context.authorizer and the proxy event.
func TestAuthorizer_RequestEventAndContextReachTheBackend(t *testing.T) {
	af := newAuthFixture(t, "REQUEST", nil, true, func(ev map[string]any) (map[string]any, error) {
		return policy("user-7", "Allow", "*", map[string]any{"tier": "gold", "n": 3, "ok": true}), nil
	})
	status, _, body := af.call(t, "GET", af.url+"/echo?user=ann", "", "Authorization", "tok")
	require.Equal(t, 200, status, body)
	assert.JSONEq(t, `{"principalId":"user-7","tier":"gold","n":"3","ok":"true"}`, body)
	ev := <-af.events
	assert.Equal(t, "REQUEST", ev["type"])
	assert.Equal(t, "arn:aws:execute-api:us-east-1:000000000000:"+af.api+"/stage/GET/echo", ev["methodArn"])
	assert.Equal(t, "/echo", ev["resource"])
	assert.Equal(t, map[string]any{"user": "ann"}, ev["queryStringParameters"])
	assert.Equal(t, "tok", ev["headers"].(map[string]any)["Authorization"])
	assert.NotContains(t, ev, "body")

	status, _, body = af.call(t, "GET", af.url+"/pets?user=ann", "", "Authorization", "tok")
	require.Equal(t, 200, status)
	assert.JSONEq(t, `{"pets":[],"principal":"user-7","tier":"gold"}`, body)
	// The query string is part of the identity: without it, 401.
	status, _, _ = af.call(t, "GET", af.url+"/pets", "", "Authorization", "tok")
	assert.Equal(t, 401, status)
}

func TestAuthorizer_FlushStageAuthorizersCache(t *testing.T) {
	af := newAuthFixture(t, "TOKEN", nil, true, func(ev map[string]any) (map[string]any, error) {
		return policy("u", "Allow", "*", nil), nil
	})
	for range 2 {
		status, _, _ := af.call(t, "GET", af.url+"/pets", "", "Authorization", "tok")
		require.Equal(t, 200, status)
	}
	require.Equal(t, int32(1), af.calls.Load())
	_, err := af.client.FlushStageAuthorizersCache(af.ctx, &sdk.FlushStageAuthorizersCacheInput{RestApiId: &af.api, StageName: aws.String("stage")})
	require.NoError(t, err)
	status, _, _ := af.call(t, "GET", af.url+"/pets", "", "Authorization", "tok")
	require.Equal(t, 200, status)
	assert.Equal(t, int32(2), af.calls.Load())
	_, err = af.client.FlushStageAuthorizersCache(af.ctx, &sdk.FlushStageAuthorizersCacheInput{RestApiId: &af.api, StageName: aws.String("nope")})
	requireCode(t, err, "NotFoundException")
}

func TestInvokeAuthorizer(t *testing.T) {
	af := newAuthFixture(t, "TOKEN", nil, true, func(ev map[string]any) (map[string]any, error) {
		switch ev["authorizationToken"] {
		case "deny":
			return nil, errors.New("Unauthorized")
		case "broken":
			return map[string]any{}, nil
		}
		return policy("user-1", "Allow", ev["methodArn"].(string), nil), nil
	})
	out, err := af.client.TestInvokeAuthorizer(af.ctx, &sdk.TestInvokeAuthorizerInput{RestApiId: &af.api, AuthorizerId: &af.authorizerID,
		Headers: map[string]string{"Authorization": "tok"}, PathWithQueryString: aws.String("/pets")})
	require.NoError(t, err)
	assert.Equal(t, int32(200), out.ClientStatus)
	assert.Equal(t, "user-1", aws.ToString(out.PrincipalId))
	assert.JSONEq(t, `{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow",`+
		`"Resource":"arn:aws:execute-api:us-east-1:000000000000:`+af.api+`/test-invoke-stage/GET/pets"}]}`, aws.ToString(out.Policy))
	assert.Contains(t, aws.ToString(out.Log), "Successfully completed authorizer execution")
	for tok, want := range map[string]int32{"deny": 401, "broken": 500, "": 401} {
		in := &sdk.TestInvokeAuthorizerInput{RestApiId: &af.api, AuthorizerId: &af.authorizerID}
		if tok != "" {
			in.Headers = map[string]string{"Authorization": tok}
		}
		out, err := af.client.TestInvokeAuthorizer(af.ctx, in)
		require.NoError(t, err)
		assert.Equal(t, want, out.ClientStatus, tok)
	}
	_, err = af.client.TestInvokeAuthorizer(af.ctx, &sdk.TestInvokeAuthorizerInput{RestApiId: &af.api, AuthorizerId: aws.String("nope00")})
	requireCode(t, err, "NotFoundException")
	// Test invocations neither read nor fill the cache.
	calls := af.calls.Load()
	status, _, _ := af.call(t, "GET", af.url+"/pets", "", "Authorization", "tok")
	require.Equal(t, 200, status)
	assert.Equal(t, calls+1, af.calls.Load())
}
