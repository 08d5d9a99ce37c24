package apigw_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkv2 "github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"
	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// issuer is an OpenID issuer on a loopback httptest.Server: its
// discovery document names its JWKS, which holds one RSA key.
type issuer struct {
	srv     *httptest.Server
	key     *rsa.PrivateKey
	ec      *ecdsa.PrivateKey
	fetches atomic.Int32 // JWKS fetches
}

func newIssuer(t *testing.T) *issuer {
	return newIssuerServer(t, httptest.NewUnstartedServer(nil), false)
}

// newIssuerServer serves the issuer on srv, over TLS when tls.
func newIssuerServer(t *testing.T, srv *httptest.Server, tls bool) *issuer {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	is := &issuer{key: key, ec: ec}
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]string{"issuer": is.srv.URL, "jwks_uri": is.srv.URL + "/jwks"})
	})
	mux.HandleFunc("/jwks", func(w http.ResponseWriter, _ *http.Request) {
		is.fetches.Add(1)
		b64 := base64.RawURLEncoding.EncodeToString
		_ = json.NewEncoder(w).Encode(map[string]any{"keys": []map[string]string{{"kty": "RSA", "kid": "k1", "alg": "RS256",
			"use": "sig", "n": b64(key.N.Bytes()), "e": b64(big.NewInt(int64(key.E)).Bytes())},
			{"kty": "EC", "kid": "k2", "crv": "P-256", "x": b64(ec.X.FillBytes(make([]byte, 32))), "y": b64(ec.Y.FillBytes(make([]byte, 32)))}}})
	})
	srv.Config.Handler = mux
	if tls {
		srv.StartTLS()
	} else {
		srv.Start()
	}
	is.srv = srv
	t.Cleanup(is.srv.Close)
	return is
}

// token signs claims (with iss the issuer's unless claims name one).
func (is *issuer) token(t *testing.T, claims jwt.MapClaims) string {
	t.Helper()
	if _, ok := claims["iss"]; !ok {
		claims["iss"] = is.srv.URL
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
	tok.Header["kid"] = "k1"
	s, err := tok.SignedString(is.key)
	require.NoError(t, err)
	return s
}

// jwtRoute is GET /private behind a JWT authorizer of the issuer for the
// audience "app", needing scope, answering the event's
// requestContext.authorizer.
func (f *hFixture) jwtRoute(t *testing.T, is *issuer, scope string) {
	t.Helper()
	z, err := f.v2.CreateAuthorizer(f.ctx, &sdkv2.CreateAuthorizerInput{ApiId: &f.api, Name: aws.String("jwt"),
		AuthorizerType: types.AuthorizerTypeJwt, IdentitySource: []string{"$request.header.Authorization"},
		JwtConfiguration: &types.JWTConfiguration{Issuer: aws.String(is.srv.URL), Audience: []string{"app"}}})
	require.NoError(t, err)
	fn := f.function(t, "private", func(_ context.Context, ev map[string]any) (any, error) {
		return ev["requestContext"].(map[string]any)["authorizer"], nil
	})
	_, err = f.v2.CreateRoute(f.ctx, &sdkv2.CreateRouteInput{ApiId: &f.api, RouteKey: aws.String("GET /private"),
		Target: aws.String("integrations/" + f.lambdaIntegration(t, fn, "2.0")), AuthorizationType: types.AuthorizationTypeJwt,
		AuthorizerId: z.AuthorizerId, AuthorizationScopes: []string{scope}})
	require.NoError(t, err)
	f.autoStage(t)
}

// A JWT authorizer with its keys from the issuer's JWKS (an http issuer
// on loopback is accepted): a valid token passes and its claims and
// scopes reach the function; the JWKS is fetched once; a missing token,
// another audience, another issuer or a bad signature is 401
// {"message":"Unauthorized"}; a token without the route's scope is 403.
func TestHTTPAPI_JWTAuthorizer(t *testing.T) {
	f := newHFixture(t)
	is := newIssuer(t)
	f.jwtRoute(t, is, "read")
	exp := t0.Add(time.Hour).Unix()
	get := func(token string) (int, string) {
		resp, body := f.send(t, "GET", f.url("$default", "/private"), "", "Authorization", "Bearer "+token)
		return resp.StatusCode, body
	}
	status, body := get(is.token(t, jwt.MapClaims{"sub": "u1", "aud": "app", "exp": exp, "scope": "read write"}))
	require.Equal(t, 200, status, body)
	var got struct {
		JWT struct {
			Claims map[string]string `json:"claims"`
			Scopes []string          `json:"scopes"`
		} `json:"jwt"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &got))
	assert.Equal(t, "u1", got.JWT.Claims["sub"])
	assert.Equal(t, "app", got.JWT.Claims["aud"])
	assert.Equal(t, []string{"read", "write"}, got.JWT.Scopes)
	status, _ = get(is.token(t, jwt.MapClaims{"sub": "u2", "aud": "app", "exp": exp, "scope": "read"}))
	assert.Equal(t, 200, status)
	assert.Equal(t, int32(1), is.fetches.Load(), "the issuer's keys are cached")

	resp, body := f.send(t, "GET", f.url("$default", "/private"), "")
	assert.Equal(t, 401, resp.StatusCode)
	assert.JSONEq(t, `{"message":"Unauthorized"}`, body)
	for name, claims := range map[string]jwt.MapClaims{
		"audience": {"aud": "other", "exp": exp, "scope": "read"},
		"issuer":   {"iss": "https://elsewhere.example", "aud": "app", "exp": exp, "scope": "read"},
		"no exp":   {"aud": "app", "scope": "read"},
		"nbf":      {"aud": "app", "exp": exp, "nbf": t0.Add(time.Minute).Unix(), "scope": "read"},
	} {
		status, _ := get(is.token(t, claims))
		assert.Equal(t, 401, status, name)
	}
	good := is.token(t, jwt.MapClaims{"aud": "app", "exp": exp, "scope": "read"})
	status, _ = get(good[:len(good)-4] + "AAAA")
	assert.Equal(t, 401, status, "bad signature")
	status, body = get(is.token(t, jwt.MapClaims{"aud": "app", "exp": exp, "scope": "write"}))
	assert.Equal(t, 403, status)
	assert.JSONEq(t, `{"message":"Forbidden"}`, body)
}

// A token's exp is read on the cloud's clock: accepted until just before
// exp, refused at and after it.
func TestHTTPAPI_JWTExpiresOnTheClock(t *testing.T) {
	f := newHFixture(t)
	is := newIssuer(t)
	f.jwtRoute(t, is, "read")
	token := is.token(t, jwt.MapClaims{"aud": "app", "exp": t0.Add(time.Minute).Unix(), "scope": "read"})
	get := func() int {
		resp, _ := f.send(t, "GET", f.url("$default", "/private"), "", "Authorization", token)
		return resp.StatusCode
	}
	f.clk.Advance(time.Minute - time.Millisecond)
	assert.Equal(t, 200, get(), "just before exp")
	f.clk.Advance(time.Millisecond)
	assert.Equal(t, 401, get(), "at exp")
	f.clk.Advance(time.Second)
	assert.Equal(t, 401, get(), "after exp")
}

// lambdaAuthRoute is GET /guarded behind a REQUEST authorizer running
// decide, of payload version (simple responses when simple), caching for
// ttl seconds by the Authorization header; the route answers the event's
// requestContext.authorizer. It returns the authorizer's call counter.
func (f *hFixture) lambdaAuthRoute(t *testing.T, version string, simple bool, ttl int32,
	decide func(ev map[string]any) map[string]any) *atomic.Int32 {
	t.Helper()
	var calls atomic.Int32
	authFn := f.function(t, "authfn", func(_ context.Context, ev map[string]any) (map[string]any, error) {
		calls.Add(1)
		return decide(ev), nil
	})
	z, err := f.v2.CreateAuthorizer(f.ctx, &sdkv2.CreateAuthorizerInput{ApiId: &f.api, Name: aws.String("lam"),
		AuthorizerType: types.AuthorizerTypeRequest, IdentitySource: []string{"$request.header.Authorization"},
		AuthorizerUri:                  aws.String("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + authFn + "/invocations"),
		AuthorizerPayloadFormatVersion: &version, EnableSimpleResponses: aws.Bool(simple), AuthorizerResultTtlInSeconds: &ttl})
	require.NoError(t, err)
	fn := f.function(t, "guarded", func(_ context.Context, ev map[string]any) (any, error) {
		b, _ := json.Marshal(ev["requestContext"].(map[string]any)["authorizer"])
		return map[string]any{"statusCode": 200, "body": string(b)}, nil
	})
	_, err = f.v2.CreateRoute(f.ctx, &sdkv2.CreateRouteInput{ApiId: &f.api, RouteKey: aws.String("GET /guarded"),
		Target: aws.String("integrations/" + f.lambdaIntegration(t, fn, version)), AuthorizationType: types.AuthorizationTypeCustom,
		AuthorizerId: z.AuthorizerId})
	require.NoError(t, err)
	f.autoStage(t)
	return &calls
}

func (f *hFixture) guarded(t *testing.T, token string) (int, string) {
	t.Helper()
	var h []string
	if token != "" {
		h = []string{"Authorization", token}
	}
	resp, body := f.send(t, "GET", f.url("$default", "/guarded"), "", h...)
	return resp.StatusCode, body
}

// A simple response: isAuthorized true passes with the context under
// lambda, false is 403, no identity source 401 without a call; the answer
// is cached for the TTL on the clock (served at TTL-1ms, asked again at
// TTL); ResetAuthorizersCache drops it.
func TestHTTPAPI_LambdaAuthorizerSimpleAndCached(t *testing.T) {
	f := newHFixture(t)
	var seen atomic.Value
	calls := f.lambdaAuthRoute(t, "2.0", true, 60, func(ev map[string]any) map[string]any {
		seen.Store(ev)
		return map[string]any{"isAuthorized": ev["headers"].(map[string]any)["authorization"] == "good",
			"context": map[string]any{"user": "u1"}}
	})
	status, body := f.guarded(t, "good")
	require.Equal(t, 200, status)
	assert.JSONEq(t, `{"lambda":{"user":"u1"}}`, body)
	ev := seen.Load().(map[string]any)
	assert.Equal(t, "REQUEST", ev["type"])
	assert.Equal(t, "2.0", ev["version"])
	assert.Equal(t, []any{"good"}, ev["identitySource"])
	assert.Equal(t, "arn:aws:execute-api:us-east-1:000000000000:"+f.api+"/$default/GET/guarded", ev["routeArn"])

	f.clk.Advance(time.Minute - time.Millisecond)
	status, _ = f.guarded(t, "good")
	assert.Equal(t, 200, status)
	assert.Equal(t, int32(1), calls.Load(), "cached until just before the TTL")
	f.clk.Advance(time.Millisecond)
	f.guarded(t, "good")
	assert.Equal(t, int32(2), calls.Load(), "asked again at the TTL")

	status, body = f.guarded(t, "bad")
	assert.Equal(t, 403, status)
	assert.JSONEq(t, `{"message":"Forbidden"}`, body)
	status, body = f.guarded(t, "")
	assert.Equal(t, 401, status)
	assert.JSONEq(t, `{"message":"Unauthorized"}`, body)
	assert.Equal(t, int32(3), calls.Load(), "a missing identity source calls nothing")

	_, err := f.v2.ResetAuthorizersCache(f.ctx, &sdkv2.ResetAuthorizersCacheInput{ApiId: &f.api, StageName: aws.String("$default")})
	require.NoError(t, err)
	f.guarded(t, "good")
	assert.Equal(t, int32(4), calls.Load(), "the reset cache asks again")
	_, err = f.v2.ResetAuthorizersCache(f.ctx, &sdkv2.ResetAuthorizersCacheInput{ApiId: &f.api, StageName: aws.String("nope")})
	checkErr(t, err, "NotFoundException", "Invalid stage identifier specified nope")
}

// An IAM response of payload 1.0: a policy allowing execute-api:Invoke on
// the route's ARN passes with principalId and the context in
// requestContext.authorizer; a Deny, or an Allow of another ARN, is 403;
// an answer that is no policy is 500.
func TestHTTPAPI_LambdaAuthorizerIAMPolicy(t *testing.T) {
	f := newHFixture(t)
	calls := f.lambdaAuthRoute(t, "1.0", false, 0, func(ev map[string]any) map[string]any {
		arn := ev["methodArn"].(string)
		switch ev["headers"].(map[string]any)["authorization"] {
		case "allow":
			return policy("p1", "Allow", arn, map[string]any{"tier": "gold"})
		case "deny":
			return policy("p1", "Deny", arn, nil)
		case "other":
			return policy("p1", "Allow", arn+"/elsewhere", nil)
		}
		return map[string]any{"nonsense": true}
	})
	status, body := f.guarded(t, "allow")
	require.Equal(t, 200, status)
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(body), &got))
	assert.Equal(t, "p1", got["principalId"])
	assert.Equal(t, "gold", got["tier"])
	for token, want := range map[string]int{"deny": 403, "other": 403, "junk": 500} {
		status, _ := f.guarded(t, token)
		assert.Equal(t, want, status, token)
	}
	f.guarded(t, "allow")
	assert.Equal(t, int32(5), calls.Load(), "TTL 0 asks every time")
}

// CORS: a preflight OPTIONS with Origin and Access-Control-Request-Method
// is answered by the API (204, the configuration's headers) without a
// route; an allowed origin's request gets Access-Control-Allow-Origin and
// the exposed headers; another origin's preflight gets none.
func TestHTTPAPI_CORSPreflight(t *testing.T) {
	f := newHFixture(t)
	_, err := f.v2.UpdateApi(f.ctx, &sdkv2.UpdateApiInput{ApiId: &f.api, CorsConfiguration: &types.Cors{
		AllowOrigins: []string{"https://example.com"}, AllowMethods: []string{"GET", "POST"},
		AllowHeaders: []string{"Content-Type", "X-Custom"}, ExposeHeaders: []string{"X-Out"}, MaxAge: aws.Int32(300)}})
	require.NoError(t, err)
	f.route(t, "GET /items", f.routeKeyFn(t))
	f.autoStage(t)
	resp, body := f.send(t, "OPTIONS", f.url("$default", "/items"), "", "Origin", "https://example.com",
		"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type")
	assert.Equal(t, 204, resp.StatusCode)
	assert.Empty(t, body)
	assert.Equal(t, "https://example.com", resp.Header.Get("Access-Control-Allow-Origin"))
	assert.Equal(t, "GET,POST", resp.Header.Get("Access-Control-Allow-Methods"))
	assert.Equal(t, "content-type,x-custom", resp.Header.Get("Access-Control-Allow-Headers"))
	assert.Equal(t, "300", resp.Header.Get("Access-Control-Max-Age"))

	resp, _ = f.send(t, "GET", f.url("$default", "/items"), "", "Origin", "https://example.com")
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "https://example.com", resp.Header.Get("Access-Control-Allow-Origin"))
	assert.Equal(t, "x-out", resp.Header.Get("Access-Control-Expose-Headers"))

	resp, _ = f.send(t, "OPTIONS", f.url("$default", "/items"), "", "Origin", "https://evil.example",
		"Access-Control-Request-Method", "GET")
	assert.Equal(t, 204, resp.StatusCode)
	assert.Empty(t, resp.Header.Get("Access-Control-Allow-Origin"))

	_, err = f.v2.DeleteCorsConfiguration(f.ctx, &sdkv2.DeleteCorsConfigurationInput{ApiId: &f.api})
	require.NoError(t, err)
	resp, _ = f.send(t, "OPTIONS", f.url("$default", "/items"), "", "Origin", "https://example.com",
		"Access-Control-Request-Method", "GET")
	assert.Equal(t, 404, resp.StatusCode, "without CORS, OPTIONS is a request like any other")
}

// An ES256 token of the issuer's EC key passes too; client_id stands for
// aud (access tokens) and scp (a list) for scope.
func TestHTTPAPI_JWTECKeyClientIDAndScp(t *testing.T) {
	f := newHFixture(t)
	is := newIssuer(t)
	f.jwtRoute(t, is, "read")
	tok := jwt.NewWithClaims(jwt.SigningMethodES256, jwt.MapClaims{"iss": is.srv.URL, "client_id": "app",
		"exp": t0.Add(time.Hour).Unix(), "scp": []string{"read"}, "groups": []string{"a", "b"}, "n": 5})
	tok.Header["kid"] = "k2"
	raw, err := tok.SignedString(is.ec)
	require.NoError(t, err)
	resp, body := f.send(t, "GET", f.url("$default", "/private"), "", "Authorization", raw)
	require.Equal(t, 200, resp.StatusCode, body)
	var got struct {
		JWT struct {
			Claims map[string]string `json:"claims"`
			Scopes []string          `json:"scopes"`
		} `json:"jwt"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &got))
	assert.Equal(t, []string{"read"}, got.JWT.Scopes)
	assert.Equal(t, "[a b]", got.JWT.Claims["groups"])
	assert.Equal(t, "5", got.JWT.Claims["n"])
}

// AWS_IAM authorization: an unsigned request is 403; a SigV4-signed one
// passes (the cloud verifies the signature only with
// WithSigV4Verification: enforce_apigw_test.go).
func TestHTTPAPI_IAMAuthorization(t *testing.T) {
	f := newHFixture(t)
	_, err := f.v2.CreateRoute(f.ctx, &sdkv2.CreateRouteInput{ApiId: &f.api, RouteKey: aws.String("GET /iam"),
		Target: aws.String("integrations/" + f.routeKeyFn(t)), AuthorizationType: types.AuthorizationTypeAwsIam})
	require.NoError(t, err)
	f.autoStage(t)
	resp, body := f.send(t, "GET", f.url("$default", "/iam"), "")
	assert.Equal(t, 403, resp.StatusCode)
	assert.JSONEq(t, `{"message":"Forbidden"}`, body)
	resp, _ = f.send(t, "GET", f.url("$default", "/iam"), "", "Authorization",
		"AWS4-HMAC-SHA256 Credential=AKID/20260102/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=abc")
	assert.Equal(t, 200, resp.StatusCode)
}

// An https issuer's keys are fetched through the client set with
// SetHTTPClient; an http issuer off loopback is refused (401) without a
// fetch.
func TestHTTPAPI_JWTIssuerThroughTheSetClient(t *testing.T) {
	f := newHFixture(t)
	is := newIssuerServer(t, httptest.NewUnstartedServer(nil), true)
	require.Contains(t, is.srv.URL, "https://")
	f.cloud.APIGateway().SetHTTPClient(is.srv.Client())
	f.jwtRoute(t, is, "read")
	tok := is.token(t, jwt.MapClaims{"aud": "app", "exp": t0.Add(time.Hour).Unix(), "scope": "read"})
	resp, body := f.send(t, "GET", f.url("$default", "/private"), "", "Authorization", tok)
	assert.Equal(t, 200, resp.StatusCode, body)
	assert.Equal(t, int32(1), is.fetches.Load())

	g := newHFixture(t)
	z, err := g.v2.CreateAuthorizer(g.ctx, &sdkv2.CreateAuthorizerInput{ApiId: &g.api, Name: aws.String("jwt"),
		AuthorizerType: types.AuthorizerTypeJwt, IdentitySource: []string{"$request.header.Authorization"},
		JwtConfiguration: &types.JWTConfiguration{Issuer: aws.String("http://issuer.example"), Audience: []string{"app"}}})
	require.NoError(t, err)
	_, err = g.v2.CreateRoute(g.ctx, &sdkv2.CreateRouteInput{ApiId: &g.api, RouteKey: aws.String("GET /p"),
		Target: aws.String("integrations/" + g.routeKeyFn(t)), AuthorizationType: types.AuthorizationTypeJwt, AuthorizerId: z.AuthorizerId})
	require.NoError(t, err)
	g.autoStage(t)
	tok = is.token(t, jwt.MapClaims{"iss": "http://issuer.example", "aud": "app", "exp": t0.Add(time.Hour).Unix()})
	resp, _ = g.send(t, "GET", g.url("$default", "/p"), "", "Authorization", tok)
	assert.Equal(t, 401, resp.StatusCode)
}
