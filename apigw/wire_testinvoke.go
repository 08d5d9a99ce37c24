package apigw

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"

	"github.com/awsfake/awsfake/internal/faults"
)

// TestInvokeAuthorizerInput is TestInvokeAuthorizer's input: the request
// the authorizer is asked about.
type TestInvokeAuthorizerInput struct {
	RestAPIID           string              `json:"-"`
	AuthorizerID        string              `json:"-"`
	Headers             map[string]string   `json:"headers,omitempty"`
	MultiValueHeaders   map[string][]string `json:"multiValueHeaders,omitempty"`
	PathWithQueryString string              `json:"pathWithQueryString,omitempty"`
	Body                string              `json:"body,omitempty"`
	StageVariables      map[string]string   `json:"stageVariables,omitempty"`
	AdditionalContext   map[string]string   `json:"additionalContext,omitempty"`
}

// TestInvokeAuthorizerOutput is what the authorizer decided: the status a
// client would get from it (200, 401, 403, 500), the principal, the policy
// as the function answered it, the Cognito claims, and the execution log.
type TestInvokeAuthorizerOutput struct {
	ClientStatus  int32               `json:"clientStatus"`
	Log           string              `json:"log"`
	Latency       int64               `json:"latency"`
	PrincipalID   string              `json:"principalId,omitempty"`
	Policy        string              `json:"policy,omitempty"`
	Authorization map[string][]string `json:"authorization,omitempty"`
	Claims        map[string]string   `json:"claims,omitempty"`
}

// testInvokeStage is the stage name of test invocations, as AWS names it.
const testInvokeStage = "test-invoke-stage"

// TestInvokeAuthorizer runs an authorizer on a request built from in (GET
// pathWithQueryString on the stage test-invoke-stage), without the cache,
// and reports its decision.
func (s *Service) TestInvokeAuthorizer(ctx context.Context, in TestInvokeAuthorizerInput) (TestInvokeAuthorizerOutput, error) {
	a, z0, err := s.authorizerLocked(ctx, "TestInvokeAuthorizer", AuthorizerRef{in.RestAPIID, in.AuthorizerID})
	if err != nil {
		return TestInvokeAuthorizerOutput{}, err
	}
	z, sc := cloneAuthorizer(*z0), a.scope
	s.mu.Unlock()
	x := s.testExchange(ctx, sc, in.RestAPIID, http.MethodGet, testRequest{in.PathWithQueryString, in.Body, in.Headers,
		in.MultiValueHeaders, in.StageVariables})
	start := s.env.Clock.Now()
	log := newTestLog(s, x.requestID)
	logf := log.line
	logf("Starting authorizer: %s for request: %s", z.ID, x.requestID)
	out := TestInvokeAuthorizerOutput{}
	identity, ok := x.identity(z)
	var res authResult
	var fail *response
	switch {
	case !ok:
		logf("Unauthorized request: %s", x.requestID)
		fail = unauthorized()
	case z.Type == "COGNITO_USER_POOLS":
		res, fail = s.cognitoAuthorize(x, z, identity)
	default:
		logf("Incoming identity: %s", strings.Repeat("*", min(len(identity), 10)))
		res, fail = s.lambdaAuthorize(x, z)
	}
	out.Latency = s.env.Clock.Now().Sub(start).Milliseconds()
	if fail != nil {
		if fail.note != "" {
			logf("%s", fail.note)
		}
		logf("Authorizer execution failed with status %d", fail.status)
		out.ClientStatus, out.Log = int32(fail.status), log.String()
		return out, nil
	}
	out.ClientStatus, out.PrincipalID = http.StatusOK, res.principalID
	if res.policy != nil {
		out.Policy = string(res.policy)
		logf("Authorizer result body before parsing: %s", res.raw)
		logf("Using valid authorizer policy for principal: %s", res.principalID)
	}
	if res.claims != nil {
		out.Claims = map[string]string{}
		for k, v := range res.claims {
			out.Claims[k] = stringify(v)
		}
	}
	logf("Successfully completed authorizer execution")
	out.Log = log.String()
	return out, nil
}

// testRequest is the request a test invocation asks about.
type testRequest struct {
	pathWithQueryString, body string
	headers                   map[string]string
	multiValueHeaders         map[string][]string
	stageVariables            map[string]string
}

// testExchange is the exchange of a test invocation of method on the API
// apiID, on the stage test-invoke-stage.
func (s *Service) testExchange(ctx context.Context, sc faults.Scope, apiID, method string, in testRequest) *exchange {
	p := in.pathWithQueryString
	if p == "" || p[0] != '/' {
		p = "/" + p
	}
	r := httptest.NewRequestWithContext(ctx, method, "http://localhost"+p, strings.NewReader(in.body))
	for k, vs := range in.multiValueHeaders {
		r.Header[http.CanonicalHeaderKey(k)] = vs
	}
	for k, v := range in.headers {
		r.Header.Set(k, v)
	}
	rest := r.URL.EscapedPath()
	path, _ := url.PathUnescape(rest)
	x := &exchange{r: r, t: target{apiID: apiID, stage: testInvokeStage, rest: rest}, account: sc.Account,
		region: sc.Region, requestID: s.env.IDs.UUID(), start: s.env.Clock.Now(), body: []byte(in.body),
		snap: &snapshot{apiID: apiID, deploymentID: "test-invoke-deployment-id"},
		node: &node{id: "test-invoke-resource-id", path: path}, stage: Stage{StageName: testInvokeStage, Variables: in.stageVariables}}
	x.record = &Invocation{At: x.start, RequestID: x.requestID, APIID: apiID, Stage: testInvokeStage, Method: method, Path: rest}
	return x
}

// testInvokeRoutes binds TestInvokeMethod (TestInvokeAuthorizer is among
// the authorizers' routes).
var testInvokeRoutes = []route{
	{Method: "POST", Path: pAPI + "/resources/{resourceId}/methods/{httpMethod}", Name: "TestInvokeMethod",
		Handler: op(http.StatusOK, func(c *call, in *TestInvokeMethodInput) error {
			in.RestAPIID, in.ResourceID, in.HTTPMethod = c.label("restApiId"), c.label("resourceId"), c.label("httpMethod")
			return nil
		}, (*Service).TestInvokeMethod)},
}
