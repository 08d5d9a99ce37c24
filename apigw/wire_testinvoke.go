package apigw

import (
	"context"
	"fmt"
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
	x := s.testExchange(ctx, sc, in)
	start := s.env.Clock.Now()
	var log strings.Builder
	logf := func(format string, args ...any) {
		log.WriteString(s.env.Clock.Now().UTC().Format("Mon Jan 02 15:04:05 UTC 2006") + " : ")
		log.WriteString(strings.TrimSpace(fmt.Sprintf(format, args...)) + "\n")
	}
	log.WriteString("Execution log for request " + x.requestID + "\n")
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

// testExchange is the request a test invocation asks about.
func (s *Service) testExchange(ctx context.Context, sc faults.Scope, in TestInvokeAuthorizerInput) *exchange {
	p := in.PathWithQueryString
	if p == "" || p[0] != '/' {
		p = "/" + p
	}
	r := httptest.NewRequestWithContext(ctx, http.MethodGet, "http://localhost"+p, strings.NewReader(in.Body))
	for k, vs := range in.MultiValueHeaders {
		r.Header[http.CanonicalHeaderKey(k)] = vs
	}
	for k, v := range in.Headers {
		r.Header.Set(k, v)
	}
	rest := r.URL.EscapedPath()
	path, _ := url.PathUnescape(rest)
	x := &exchange{r: r, t: target{apiID: in.RestAPIID, stage: testInvokeStage, rest: rest}, account: sc.Account,
		region: sc.Region, requestID: s.env.IDs.UUID(), start: s.env.Clock.Now(), body: []byte(in.Body),
		snap: &snapshot{apiID: in.RestAPIID, deploymentID: "test-invoke-deployment-id"},
		node: &node{id: "test-invoke-resource-id", path: path}, stage: Stage{StageName: testInvokeStage, Variables: in.StageVariables}}
	x.record = &Invocation{At: x.start, RequestID: x.requestID, APIID: in.RestAPIID, Stage: testInvokeStage, Method: http.MethodGet, Path: rest}
	return x
}
