package awsfake_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	apitypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	v2types "github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// signing is a transport that signs each request with SigV4 for service,
// as a client of an AWS_IAM API does (the SDK's v4.Signer over the
// request, at the cloud's time of sending, the timeline the verifier's
// skew window is on).
type signing struct {
	base    http.RoundTripper
	creds   aws.Credentials
	service string
	now     func() time.Time
}

func (s signing) RoundTrip(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		body = b
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	sum := sha256.Sum256(body)
	if err := v4.NewSigner().SignHTTP(r.Context(), s.creds, r, hex.EncodeToString(sum[:]), s.service, "us-east-1",
		s.now()); err != nil {
		return nil, err
	}
	return s.base.RoundTrip(r)
}

// signedClient is the cloud's HTTP client signing with cfg's credentials
// for service.
func signedClient(t *testing.T, cloud *awsfake.Cloud, cfg aws.Config, service string) *http.Client {
	t.Helper()
	creds, err := cfg.Credentials.Retrieve(context.Background())
	require.NoError(t, err)
	c := cloud.HTTPClient()
	return &http.Client{Transport: signing{base: c.Transport, creds: creds, service: service, now: cloud.Clock().Now}}
}

// iamAPI is a REST API whose GET and POST /items are AWS_IAM methods
// proxied to a Lambda function that hands its events to the channel,
// deployed to prod, created with the resource policy pol ("" for none).
// It returns the API's id, the invoke URL of /items and the events.
func iamAPI(t testing.TB, cloud *awsfake.Cloud, pol string) (string, string, chan map[string]any) {
	t.Helper()
	ctx := context.Background()
	events := make(chan map[string]any, 8)
	fn := cloud.Lambda().FunctionT(t, "items", func(_ context.Context, ev map[string]any) (map[string]any, error) {
		select {
		case events <- ev:
		default: // a fuzz run's events are not read
		}
		return map[string]any{"statusCode": 200, "body": "ok"}, nil
	})
	cloud.Lambda().AllowT(t, fn.Name, "apigateway.amazonaws.com", "")
	gw := apigateway.NewFromConfig(cloud.AWSConfig())
	in := &apigateway.CreateRestApiInput{Name: aws.String("iam")}
	if pol != "" {
		in.Policy = &pol
	}
	api, err := gw.CreateRestApi(ctx, in)
	require.NoError(t, err)
	res, err := gw.CreateResource(ctx, &apigateway.CreateResourceInput{RestApiId: api.Id, ParentId: api.RootResourceId,
		PathPart: aws.String("items")})
	require.NoError(t, err)
	uri := "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + fn.ARN + "/invocations"
	for _, m := range []string{"GET", "POST"} {
		_, err = gw.PutMethod(ctx, &apigateway.PutMethodInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: aws.String(m),
			AuthorizationType: aws.String("AWS_IAM")})
		require.NoError(t, err)
		_, err = gw.PutIntegration(ctx, &apigateway.PutIntegrationInput{RestApiId: api.Id, ResourceId: res.Id,
			HttpMethod: aws.String(m), Type: apitypes.IntegrationTypeAwsProxy, IntegrationHttpMethod: aws.String("POST"), Uri: &uri})
		require.NoError(t, err)
	}
	_, err = gw.CreateDeployment(ctx, &apigateway.CreateDeploymentInput{RestApiId: api.Id, StageName: aws.String("prod")})
	require.NoError(t, err)
	return *api.Id, cloud.APIGateway().InvokeURL(*api.Id, "prod") + "/items", events
}

// send sends method to url with c and returns the status, the error type
// header and the body.
func send(t *testing.T, c *http.Client, method, url string) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(""))
	require.NoError(t, err)
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header.Get("X-Amzn-Errortype"), string(b)
}

// userID is the unique id of the IAM user name.
func userID(t *testing.T, cloud *awsfake.Cloud, name string) string {
	t.Helper()
	out, err := iam.NewFromConfig(cloud.AWSConfig()).GetUser(context.Background(), &iam.GetUserInput{UserName: &name})
	require.NoError(t, err)
	return *out.User.UserId
}

// allowInvoke gives the user name an inline policy allowing
// execute-api:Invoke on resource.
func allowInvoke(t *testing.T, cloud *awsfake.Cloud, name, resource string) {
	t.Helper()
	doc := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"` + resource + `"}]}`
	_, err := iam.NewFromConfig(cloud.AWSConfig()).PutUserPolicy(context.Background(), &iam.PutUserPolicyInput{
		UserName: &name, PolicyName: aws.String("invoke"), PolicyDocument: &doc})
	require.NoError(t, err)
}

// A signed GET of an AWS_IAM method reaches the Lambda proxy, whose event
// shows the signing user in requestContext.identity (issue 22).
func TestAPIGatewayIAM_SignedCallShowsTheCallersIdentity(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithSigV4Verification())
	cfg := enforcedUser(t, cloud, "dev")
	_, url, events := iamAPI(t, cloud, "")
	status, _, body := send(t, signedClient(t, cloud, cfg, "execute-api"), "GET", url)
	require.Equal(t, 200, status, body)
	ev := <-events
	id := ev["requestContext"].(map[string]any)["identity"].(map[string]any)
	creds, _ := cfg.Credentials.Retrieve(context.Background())
	uid := userID(t, cloud, "dev")
	assert.Equal(t, "000000000000", id["accountId"])
	assert.Equal(t, "arn:aws:iam::000000000000:user/dev", id["userArn"])
	assert.Equal(t, uid, id["caller"])
	assert.Equal(t, uid, id["user"])
	assert.Equal(t, creds.AccessKeyID, id["accessKey"])
}

// Without verification or enforcement the test keys still name the
// caller: the account's root user.
func TestAPIGatewayIAM_TestKeysAreTheRootUser(t *testing.T) {
	cloud := awsfake.NewT(t)
	_, url, events := iamAPI(t, cloud, "")
	status, _, body := send(t, signedClient(t, cloud, cloud.AWSConfig(), "execute-api"), "GET", url)
	require.Equal(t, 200, status, body)
	id := (<-events)["requestContext"].(map[string]any)["identity"].(map[string]any)
	assert.Equal(t, "arn:aws:iam::000000000000:root", id["userArn"])
	assert.Equal(t, "000000000000", id["caller"])
	assert.Equal(t, awsfake.TestAccessKeyID, id["accessKey"])
}

// An unsigned request to an AWS_IAM method is 403 Missing Authentication
// Token, with verification off as on, and the function is not called.
func TestAPIGatewayIAM_UnsignedIsMissingAuthenticationToken(t *testing.T) {
	for _, opts := range [][]awsfake.Option{nil, {awsfake.WithSigV4Verification(), awsfake.WithIAMEnforcement()}} {
		cloud := awsfake.NewT(t, opts...)
		_, url, events := iamAPI(t, cloud, "")
		status, errType, body := send(t, cloud.HTTPClient(), "GET", url)
		assert.Equal(t, 403, status)
		assert.Equal(t, "MissingAuthenticationTokenException", errType)
		assert.JSONEq(t, `{"message":"Missing Authentication Token"}`, body)
		assert.Empty(t, events)
		assert.Empty(t, cloud.Lambda().Invocations("items"))
	}
}

// With verification on, a wrong secret and an unknown key are refused as
// AWS's JSON services refuse them (the knowledge-center article on 403s
// from API Gateway gives the unknown key's AccessDeniedException).
func TestAPIGatewayIAM_BadSignaturesAreRefused(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithSigV4Verification())
	_, url, events := iamAPI(t, cloud, "")
	bad := cloud.AWSConfig()
	bad.Credentials = credentials.NewStaticCredentialsProvider(awsfake.TestAccessKeyID, "wrong", "")
	status, errType, body := send(t, signedClient(t, cloud, bad, "execute-api"), "GET", url)
	assert.Equal(t, 403, status)
	assert.Equal(t, "InvalidSignatureException", errType)
	assert.JSONEq(t, `{"message":"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."}`, body)

	unknown := cloud.AWSConfig()
	unknown.Credentials = credentials.NewStaticCredentialsProvider("AKIANOTAKEYATALL000", "x", "")
	status, errType, body = send(t, signedClient(t, cloud, unknown, "execute-api"), "GET", url)
	assert.Equal(t, 403, status)
	assert.Equal(t, "AccessDeniedException", errType)
	assert.JSONEq(t, `{"message":"The security token included in the request is invalid."}`, body)
	assert.Empty(t, events)
}

// With enforcement on, a user without execute-api:Invoke is refused with
// IAM's message; a policy allowing GET on the stage by wildcard lets GET
// through but not POST; an explicit Deny wins.
func TestAPIGatewayIAM_EnforcementEvaluatesTheMethodARN(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithSigV4Verification(), awsfake.WithIAMEnforcement())
	cfg := enforcedUser(t, cloud, "dev")
	api, url, events := iamAPI(t, cloud, "")
	c := signedClient(t, cloud, cfg, "execute-api")
	methodARN := "arn:aws:execute-api:us-east-1:000000000000:" + api + "/prod/GET/items"
	status, errType, body := send(t, c, "GET", url)
	assert.Equal(t, 403, status)
	assert.Equal(t, "AccessDeniedException", errType)
	assert.JSONEq(t, `{"Message":"User: arn:aws:iam::000000000000:user/dev is not authorized to perform: execute-api:Invoke on resource: `+
		methodARN+` because no identity-based policy allows the execute-api:Invoke action"}`, body)
	assert.Empty(t, events)

	allowInvoke(t, cloud, "dev", "arn:aws:execute-api:us-east-1:*:"+api+"/prod/GET/*")
	status, _, body = send(t, c, "GET", url)
	assert.Equal(t, 200, status, body)
	<-events
	status, _, body = send(t, c, "POST", url)
	assert.Equal(t, 403, status)
	assert.Contains(t, body, "execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:000000000000:"+api+"/prod/POST/items")

	doc := `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"execute-api:*","Resource":"` + methodARN + `"}]}`
	_, err := iam.NewFromConfig(cloud.AWSConfig()).PutUserPolicy(context.Background(), &iam.PutUserPolicyInput{
		UserName: aws.String("dev"), PolicyName: aws.String("deny"), PolicyDocument: &doc})
	require.NoError(t, err)
	status, _, body = send(t, c, "GET", url)
	assert.Equal(t, 403, status)
	assert.Contains(t, body, "with an explicit deny")
	assert.Empty(t, events)
}

// The API's resource policy, with AWS's execute-api:/ shorthand, allows a
// user of the account that has no identity-based policy.
func TestAPIGatewayIAM_ResourcePolicyAllows(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	cfg := enforcedUser(t, cloud, "dev")
	pol, _ := json.Marshal(map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{"Effect": "Allow",
		"Principal": map[string]any{"AWS": "arn:aws:iam::000000000000:user/dev"}, "Action": "execute-api:Invoke",
		"Resource": "execute-api:/prod/GET/*"}}})
	_, url, events := iamAPI(t, cloud, string(pol))
	c := signedClient(t, cloud, cfg, "execute-api")
	status, _, body := send(t, c, "GET", url)
	require.Equal(t, 200, status, body)
	<-events
	status, _, _ = send(t, c, "POST", url)
	assert.Equal(t, 403, status)
}

// iamRoute is an HTTP API whose GET /items route is AWS_IAM, proxied with
// payload 2.0 to a function handing its events to the channel, on the
// $default stage. It returns the API's id, the URL of /items and the events.
func iamRoute(t *testing.T, cloud *awsfake.Cloud) (string, string, chan map[string]any) {
	t.Helper()
	ctx := context.Background()
	events := make(chan map[string]any, 8)
	fn := cloud.Lambda().FunctionT(t, "route", func(_ context.Context, ev map[string]any) (map[string]any, error) {
		events <- ev
		return map[string]any{"statusCode": 200, "body": "ok"}, nil
	})
	cloud.Lambda().AllowT(t, fn.Name, "apigateway.amazonaws.com", "")
	v2 := apigatewayv2.NewFromConfig(cloud.AWSConfig())
	api, err := v2.CreateApi(ctx, &apigatewayv2.CreateApiInput{Name: aws.String("h"), ProtocolType: "HTTP"})
	require.NoError(t, err)
	integ, err := v2.CreateIntegration(ctx, &apigatewayv2.CreateIntegrationInput{ApiId: api.ApiId, IntegrationType: "AWS_PROXY",
		IntegrationUri: &fn.ARN, PayloadFormatVersion: aws.String("2.0")})
	require.NoError(t, err)
	_, err = v2.CreateRoute(ctx, &apigatewayv2.CreateRouteInput{ApiId: api.ApiId, RouteKey: aws.String("GET /items"),
		Target: aws.String("integrations/" + *integ.IntegrationId), AuthorizationType: v2types.AuthorizationTypeAwsIam})
	require.NoError(t, err)
	_, err = v2.CreateStage(ctx, &apigatewayv2.CreateStageInput{ApiId: api.ApiId, StageName: aws.String("$default"),
		AutoDeploy: aws.Bool(true)})
	require.NoError(t, err)
	return *api.ApiId, "https://" + *api.ApiId + ".execute-api.us-east-1.amazonaws.com/items", events
}

// An HTTP API's AWS_IAM route: unsigned and not allowed are 403
// Forbidden, a bad signature 403 with its message; once a policy allows
// the route's ARN the call goes through with the caller in
// requestContext.authorizer.iam.
func TestAPIGatewayIAM_HTTPAPIRoute(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithSigV4Verification(), awsfake.WithIAMEnforcement())
	cfg := enforcedUser(t, cloud, "dev")
	api, url, events := iamRoute(t, cloud)
	c := signedClient(t, cloud, cfg, "execute-api")
	status, _, body := send(t, cloud.HTTPClient(), "GET", url)
	assert.Equal(t, 403, status)
	assert.JSONEq(t, `{"message":"Forbidden"}`, body)
	status, _, body = send(t, c, "GET", url)
	assert.Equal(t, 403, status)
	assert.JSONEq(t, `{"message":"Forbidden"}`, body)
	bad := cloud.AWSConfig()
	bad.Credentials = credentials.NewStaticCredentialsProvider(awsfake.TestAccessKeyID, "wrong", "")
	status, _, body = send(t, signedClient(t, cloud, bad, "execute-api"), "GET", url)
	assert.Equal(t, 403, status)
	assert.Contains(t, body, "The request signature we calculated does not match")
	assert.Empty(t, events)

	allowInvoke(t, cloud, "dev", "arn:aws:execute-api:us-east-1:000000000000:"+api+"/$default/GET/item?")
	status, _, body = send(t, c, "GET", url)
	require.Equal(t, 200, status, body)
	iamCtx := (<-events)["requestContext"].(map[string]any)["authorizer"].(map[string]any)["iam"].(map[string]any)
	creds, _ := cfg.Credentials.Retrieve(context.Background())
	assert.Equal(t, "arn:aws:iam::000000000000:user/dev", iamCtx["userArn"])
	assert.Equal(t, userID(t, cloud, "dev"), iamCtx["userId"])
	assert.Equal(t, creds.AccessKeyID, iamCtx["accessKey"])
	assert.Equal(t, "000000000000", iamCtx["accountId"])
}

// A role session's credentials invoke until they expire on the cloud's
// clock: allowed just before the expiry, refused ExpiredToken at it and
// after (STS's sessions end at their Expiration), on a REST method and an
// HTTP API route alike.
func TestAPIGatewayIAM_SessionExpiresOnTheClock(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	cloud := awsfake.NewT(t, awsfake.WithClock(clk), awsfake.WithIAMEnforcement())
	ctx := context.Background()
	role := createRole(t, cloud, "caller", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",`+
		`"Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"sts:AssumeRole"}]}`)
	doc := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"}]}`
	_, err := iam.NewFromConfig(cloud.AWSConfig()).PutRolePolicy(ctx, &iam.PutRolePolicyInput{RoleName: aws.String("caller"),
		PolicyName: aws.String("invoke"), PolicyDocument: &doc})
	require.NoError(t, err)
	out, err := sts.NewFromConfig(cloud.AWSConfig()).AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: &role,
		RoleSessionName: aws.String("sess"), DurationSeconds: aws.Int32(900)})
	require.NoError(t, err)
	cfg := cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(*out.Credentials.AccessKeyId,
		*out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)
	_, url, events := iamAPI(t, cloud, "")
	_, routeURL, routeEvents := iamRoute(t, cloud)
	c := signedClient(t, cloud, cfg, "execute-api")

	clk.Set(out.Credentials.Expiration.Add(-time.Millisecond))
	status, _, body := send(t, c, "GET", routeURL)
	require.Equal(t, 200, status, body)
	<-routeEvents
	status, _, body = send(t, c, "GET", url)
	require.Equal(t, 200, status, body)
	id := (<-events)["requestContext"].(map[string]any)["identity"].(map[string]any)
	assert.Equal(t, "arn:aws:sts::000000000000:assumed-role/caller/sess", id["userArn"])
	for _, at := range []time.Time{*out.Credentials.Expiration, out.Credentials.Expiration.Add(time.Millisecond)} {
		clk.Set(at)
		status, errType, body := send(t, c, "GET", url)
		assert.Equal(t, 403, status)
		assert.Equal(t, "ExpiredTokenException", errType)
		assert.JSONEq(t, `{"message":"The security token included in the request is expired"}`, body)
		status, _, body = send(t, c, "GET", routeURL)
		assert.Equal(t, 403, status)
		assert.JSONEq(t, `{"message":"The security token included in the request is expired"}`, body)
	}
	assert.Empty(t, events)
	assert.Empty(t, routeEvents)
}

// FuzzAPIGatewayIAM sends an AWS_IAM method arbitrary Authorization, X-Amz-Date
// and X-Amz-Security-Token headers with verification and enforcement on and
// off. No answer may be a 5xx.
func FuzzAPIGatewayIAM(f *testing.F) {
	f.Add(true, signedBy(awsfake.TestAccessKeyID, "execute-api"), "20300101T000000Z", "")
	f.Add(false, signedBy("AKIDNOTKNOWN", "execute-api"), "", "tok")
	f.Add(true, "AWS4-HMAC-SHA256 Credential=//////aws4_request, SignedHeaders=, Signature=", "x", "")
	f.Add(false, "Bearer abc", "", "")
	clk := clock.NewFake(t0)
	plain := awsfake.New(awsfake.WithClock(clk))
	strict := awsfake.New(awsfake.WithClock(clk), awsfake.WithSigV4Verification(), awsfake.WithIAMEnforcement())
	f.Cleanup(func() { _ = plain.Close(); _ = strict.Close() })
	_, plainURL, _ := iamAPI(f, plain, "")
	_, strictURL, _ := iamAPI(f, strict, "")
	f.Fuzz(func(t *testing.T, enforce bool, authorization, amzDate, token string) {
		cloud, url := plain, plainURL
		if enforce {
			cloud, url = strict, strictURL
		}
		req := httptest.NewRequest("GET", url, nil)
		for k, v := range map[string]string{"Authorization": authorization, "X-Amz-Date": amzDate, "X-Amz-Security-Token": token} {
			if v != "" {
				req.Header[k] = []string{v}
			}
		}
		rec := httptest.NewRecorder()
		cloud.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%d for Authorization %q, X-Amz-Date %q: %s", rec.Code, authorization, amzDate, rec.Body)
		}
	})
}

// A user of another account needs both its identity policy and the API's
// resource policy (IAM's cross-account rule); its identity reaches the
// event with its own account.
func TestAPIGatewayIAM_CrossAccountNeedsBothPolicies(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithIAMEnforcement())
	ctx := context.Background()
	other := cloud.AWSConfigFor("us-east-1", "111111111111")
	admin := iam.NewFromConfig(other)
	_, err := admin.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String("partner")})
	require.NoError(t, err)
	key, err := admin.CreateAccessKey(ctx, &iam.CreateAccessKeyInput{UserName: aws.String("partner")})
	require.NoError(t, err)
	other.Credentials = credentials.NewStaticCredentialsProvider(*key.AccessKey.AccessKeyId, *key.AccessKey.SecretAccessKey, "")
	pol := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},` +
		`"Action":"execute-api:Invoke","Resource":"execute-api:/*"}]}`
	_, url, events := iamAPI(t, cloud, pol)
	c := signedClient(t, cloud, other, "execute-api")
	status, _, body := send(t, c, "GET", url)
	assert.Equal(t, 403, status)
	assert.Contains(t, body, "User: arn:aws:iam::111111111111:user/partner is not authorized to perform: execute-api:Invoke")

	_, err = admin.PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String("partner"), PolicyName: aws.String("invoke"),
		PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"}]}`)})
	require.NoError(t, err)
	status, _, body = send(t, c, "GET", url)
	require.Equal(t, 200, status, body)
	id := (<-events)["requestContext"].(map[string]any)["identity"].(map[string]any)
	assert.Equal(t, "111111111111", id["accountId"])
	assert.Equal(t, "arn:aws:iam::111111111111:user/partner", id["userArn"])
}

// A presigned URL (SigV4 in the query) is a signed request too: verified,
// and its signer is the caller.
func TestAPIGatewayIAM_PresignedURL(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithSigV4Verification(), awsfake.WithIAMEnforcement())
	cfg := enforcedUser(t, cloud, "dev")
	api, url, events := iamAPI(t, cloud, "")
	allowInvoke(t, cloud, "dev", "arn:aws:execute-api:*:*:"+api+"/*")
	creds, err := cfg.Credentials.Retrieve(context.Background())
	require.NoError(t, err)
	req, err := http.NewRequest("GET", url, nil)
	require.NoError(t, err)
	empty := sha256.Sum256(nil) // the payload hash of a service other than S3: the body's
	signed, _, err := v4.NewSigner().PresignHTTP(context.Background(), creds, req, hex.EncodeToString(empty[:]), "execute-api",
		"us-east-1", cloud.Clock().Now())
	require.NoError(t, err)
	status, _, body := send(t, cloud.HTTPClient(), "GET", signed)
	require.Equal(t, 200, status, body)
	id := (<-events)["requestContext"].(map[string]any)["identity"].(map[string]any)
	assert.Equal(t, "arn:aws:iam::000000000000:user/dev", id["userArn"])

	status, errType, _ := send(t, cloud.HTTPClient(), "GET", strings.Replace(signed, "X-Amz-Signature=", "X-Amz-Signature=0", 1))
	assert.Equal(t, 403, status)
	assert.Equal(t, "InvalidSignatureException", errType)
}
