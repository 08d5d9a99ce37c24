package apigw

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/vtl"
)

// authResult is what an authorizer decided for one identity: the whole
// policy, kept in the cache and evaluated against each request's method
// ARN, the principal, the context and the API key it names.
type authResult struct {
	principalID string
	statements  []statement
	context     map[string]any
	apiKey      string
	claims      map[string]any // COGNITO_USER_POOLS: the token's claims
	// policy and raw are the policy document and the whole answer as the
	// function gave them, for TestInvokeAuthorizer.
	policy, raw json.RawMessage
}

// statement is one statement of an authorizer's policy.
type statement struct {
	deny               bool
	actions, resources []string
}

// The answers of a method request the authorizer refuses (the gateway
// responses UNAUTHORIZED, ACCESS_DENIED, AUTHORIZER_CONFIGURATION_ERROR).
func unauthorized() *response {
	res := gatewayError("UNAUTHORIZED", http.StatusUnauthorized, "UnauthorizedException", "Unauthorized")
	return &res
}

func explicitDeny() *response {
	res := gatewayError("ACCESS_DENIED", http.StatusForbidden, "AccessDeniedException",
		"User is not authorized to access this resource with an explicit deny")
	return &res
}

func notAllowed() *response {
	res := gatewayError("ACCESS_DENIED", http.StatusForbidden, "AccessDeniedException",
		"User is not authorized to access this resource")
	return &res
}

// authorizerError is AUTHORIZER_CONFIGURATION_ERROR's default: 500 and
// {"message": null}, what AWS answers for an authorizer that fails, answers
// no valid policy or may not be invoked; note says why, for the record.
func authorizerError(note string) *response {
	res := response{status: http.StatusInternalServerError, body: []byte(`{"message":null}`),
		gwType: "AUTHORIZER_CONFIGURATION_ERROR", header: http.Header{"Content-Type": {"application/json"},
			"X-Amzn-Errortype": {"AuthorizerConfigurationException"}}, note: note}
	return &res
}

// authorize runs the method's authorizer: nil when the request may go on
// (x then carries the principal, context and claims), else the answer.
func (s *Service) authorize(x *exchange) *response {
	switch x.method.AuthorizationType {
	case "CUSTOM", "COGNITO_USER_POOLS":
	case "AWS_IAM":
		return s.restIAM(x)
	default:
		return nil
	}
	z, ok := x.snap.authorizers[x.method.AuthorizerID]
	if !ok {
		return authorizerError("Execution failed due to configuration error: authorizer not found")
	}
	identity, ok := x.identity(z)
	if !ok {
		return unauthorized()
	}
	ttl := time.Duration(ttlOf(z)) * time.Second
	if z.Type == "COGNITO_USER_POOLS" {
		// Each token is checked on every request, so that its exp holds
		// on the cloud's clock (doc.go).
		ttl = 0
	}
	key := cacheKey{x.t.apiID, x.t.stage, z.ID, identity}
	res, hit := s.cached(key, ttl)
	if !hit {
		var fail *response
		if z.Type == "COGNITO_USER_POOLS" {
			res, fail = s.cognitoAuthorize(x, z, identity)
		} else {
			res, fail = s.lambdaAuthorize(x, z)
		}
		if fail != nil {
			return fail
		}
		s.remember(key, ttl, res)
	}
	x.principalID, x.authContext, x.authClaims, x.authorizerAPIKey = res.principalID, res.context, res.claims, res.apiKey
	if z.Type == "COGNITO_USER_POOLS" {
		return x.checkScopes(res)
	}
	switch evaluate(res.statements, "execute-api:Invoke", x.methodARN()) {
	case decideDeny:
		return explicitDeny()
	case decideNone:
		return notAllowed()
	}
	return nil
}

// methodARN is the ARN the authorizer's policy is evaluated against:
// arn:aws:execute-api:{region}:{account}:{api}/{stage}/{METHOD}/{path},
// the path as requested.
func (x *exchange) methodARN() string {
	return arn.Build(arn.Partition(x.region), "execute-api", x.region, x.account,
		x.t.apiID+"/"+x.t.stage+"/"+x.r.Method+x.eventPath())
}

// identitySourceKind reads one identity source of a REQUEST authorizer:
// method.request.header.X, method.request.querystring.X,
// stageVariables.X or context.X.
func identitySourceKind(src string) (string, bool) {
	for _, p := range []string{"method.request.header.", "method.request.querystring.", "stageVariables.", "context."} {
		if name, ok := strings.CutPrefix(src, p); ok && name != "" {
			return p, true
		}
	}
	return "", false
}

// identity reads the request's identity sources: their values joined, the
// cache key. ok is false when one is missing or the token fails the
// identityValidationExpression (AWS answers 401 without calling the
// authorizer). A REQUEST authorizer with caching off needs no source.
func (x *exchange) identity(z Authorizer) (string, bool) {
	var vals []string
	for _, src := range strings.Split(z.IdentitySource, ",") {
		src = strings.TrimSpace(src)
		if src == "" {
			continue
		}
		kind, _ := identitySourceKind(src)
		name := strings.TrimPrefix(src, kind)
		var v string
		switch kind {
		case "method.request.header.":
			v = x.r.Header.Get(name)
		case "method.request.querystring.":
			v = x.urlQuery().Get(name)
		case "stageVariables.":
			v = x.stage.Variables[name]
		case "context.":
			v, _ = x.contextValue(name)
		}
		if v == "" {
			return "", false
		}
		vals = append(vals, v)
	}
	if len(vals) == 0 && (z.Type != "REQUEST" || ttlOf(z) > 0) {
		return "", false
	}
	if z.Type == "TOKEN" && z.IdentityValidationExpression != "" {
		re, err := regexp.Compile("^(?:" + z.IdentityValidationExpression + ")$")
		if err != nil || !re.MatchString(vals[0]) {
			return "", false
		}
	}
	return strings.Join(vals, "\x00"), true
}

func ttlOf(z Authorizer) int32 {
	if z.AuthorizerResultTTLInSeconds == nil {
		return defaultAuthorizerTTL
	}
	return *z.AuthorizerResultTTLInSeconds
}

// authorizerEvent is the event of a Lambda authorizer: for TOKEN, type,
// methodArn and authorizationToken; for REQUEST, type, methodArn and the
// request's parts as the proxy event has them, without the body
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html).
func (x *exchange) authorizerEvent(z Authorizer) []byte {
	if z.Type == "TOKEN" {
		b, _ := json.Marshal(map[string]string{"type": "TOKEN", "methodArn": x.methodARN(),
			"authorizationToken": x.r.Header.Get(strings.TrimPrefix(z.IdentitySource, "method.request.header."))})
		return b
	}
	ev := x.event()
	b, _ := json.Marshal(map[string]any{"type": "REQUEST", "methodArn": x.methodARN(), "resource": ev.Resource,
		"path": ev.Path, "httpMethod": ev.HTTPMethod, "headers": ev.Headers, "multiValueHeaders": ev.MultiValueHeaders,
		"queryStringParameters": ev.QueryStringParameters, "multiValueQueryStringParameters": ev.MultiValueQueryStringParameters,
		"pathParameters": ev.PathParameters, "stageVariables": ev.StageVariables, "requestContext": ev.RequestContext})
	return b
}

// lambdaAuthorize invokes a TOKEN or REQUEST authorizer's function, which
// apigateway.amazonaws.com must be allowed to invoke with the source
// arn:aws:execute-api:{region}:{account}:{api}/authorizers/{id}.
func (s *Service) lambdaAuthorize(x *exchange, z Authorizer) (authResult, *response) {
	fn, _ := lambdaTarget(x.withStageVariables(z.AuthorizerURI))
	source := arn.Build(arn.Partition(x.region), "execute-api", x.region, x.account, x.t.apiID+"/authorizers/"+z.ID)
	msg := bus.Message{Source: source, Principal: "apigateway.amazonaws.com", Body: x.authorizerEvent(z),
		Meta: map[string]string{bus.MetaSourceAccount: x.account}}
	out, err := s.env.Bus.Invoke(x.r.Context(), fn, msg)
	var fe *bus.FunctionError
	switch {
	case errors.As(err, &fe):
		var doc struct {
			ErrorMessage string `json:"errorMessage"`
		}
		if json.Unmarshal(fe.Payload, &doc) == nil && doc.ErrorMessage == "Unauthorized" {
			return authResult{}, unauthorized()
		}
		return authResult{}, authorizerError("Execution failed due to configuration error: Authorizer error")
	case err != nil:
		return authResult{}, authorizerError("Execution failed due to configuration error: Invalid permissions on Lambda function: " + err.Error())
	}
	res, ok := readAuthorizerOutput(out)
	if !ok {
		return authResult{}, authorizerError("Execution failed due to configuration error: Invalid JSON in response: " + string(out))
	}
	return res, nil
}

// readAuthorizerOutput reads a Lambda authorizer's answer: principalId (a
// string), policyDocument (Version and Statement of Effect, Action and
// Resource, each a string or a list), context (string, number and boolean
// values only) and usageIdentifierKey. ok is false for anything else.
func readAuthorizerOutput(out []byte) (authResult, bool) {
	var doc struct {
		PrincipalID        *string         `json:"principalId"`
		PolicyDocument     json.RawMessage `json:"policyDocument"`
		Context            map[string]any  `json:"context"`
		UsageIdentifierKey string          `json:"usageIdentifierKey"`
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.UseNumber()
	var pol struct {
		Statement json.RawMessage `json:"Statement"`
	}
	if dec.Decode(&doc) != nil || doc.PrincipalID == nil || json.Unmarshal(doc.PolicyDocument, &pol) != nil {
		return authResult{}, false
	}
	for _, v := range doc.Context {
		switch v.(type) {
		case string, bool, json.Number:
		default:
			return authResult{}, false
		}
	}
	sts, ok := readStatements(pol.Statement)
	if !ok {
		return authResult{}, false
	}
	return authResult{principalID: *doc.PrincipalID, statements: sts, context: doc.Context,
		apiKey: doc.UsageIdentifierKey, policy: doc.PolicyDocument, raw: out}, true
}

// readStatements reads a policy's Statement: one object or a list.
func readStatements(raw json.RawMessage) ([]statement, bool) {
	type stmt struct {
		Effect   string          `json:"Effect"`
		Action   json.RawMessage `json:"Action"`
		Resource json.RawMessage `json:"Resource"`
	}
	var list []stmt
	if err := json.Unmarshal(raw, &list); err != nil {
		var one stmt
		if json.Unmarshal(raw, &one) != nil {
			return nil, false
		}
		list = []stmt{one}
	}
	out := make([]statement, 0, len(list))
	for _, st := range list {
		actions, ok1 := stringOrList(st.Action)
		resources, ok2 := stringOrList(st.Resource)
		if !ok1 || !ok2 || (st.Effect != "Allow" && st.Effect != "Deny") {
			return nil, false
		}
		out = append(out, statement{deny: st.Effect == "Deny", actions: actions, resources: resources})
	}
	return out, true
}

func stringOrList(raw json.RawMessage) ([]string, bool) {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}, true
	}
	var list []string
	if json.Unmarshal(raw, &list) == nil {
		return list, true
	}
	return nil, false
}

// decision is a policy's answer for one request.
type decision int

const (
	decideNone decision = iota
	decideAllow
	decideDeny
)

// evaluate decides action on resource: an explicit Deny wins, then an
// Allow; otherwise nothing allows it.
func evaluate(sts []statement, action, resource string) decision {
	d := decideNone
	for _, st := range sts {
		if !anyGlob(st.actions, action, true) || !anyGlob(st.resources, resource, false) {
			continue
		}
		if st.deny {
			return decideDeny
		}
		d = decideAllow
	}
	return d
}

func anyGlob(patterns []string, s string, fold bool) bool {
	for _, p := range patterns {
		if glob(p, s, fold) {
			return true
		}
	}
	return false
}

// glob matches s against pattern, * any run of characters and ? exactly
// one; fold compares ASCII case-insensitively (action names).
func glob(pattern, s string, fold bool) bool {
	if fold {
		pattern, s = strings.ToLower(pattern), strings.ToLower(s)
	}
	p, i, starP, starS := 0, 0, -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			starP, starS = p, i
			p++
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == s[i]):
			p, i = p+1, i+1
		case starP >= 0:
			starS++
			p, i = starP+1, starS
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// authorizerValues are $context.authorizer and the proxy event's
// requestContext.authorizer: principalId and the context's values, which
// REST APIs hand on as strings, or the Cognito token's claims under
// claims; nil when the method has no authorizer.
func (x *exchange) authorizerValues() map[string]any {
	if x.principalID == "" && x.authContext == nil && x.authClaims == nil {
		return nil
	}
	out := map[string]any{}
	if x.authClaims != nil {
		claims := map[string]any{}
		for k, v := range x.authClaims {
			claims[k] = stringify(v)
		}
		out["claims"] = claims
		return out
	}
	out["principalId"] = x.principalID
	for k, v := range x.authContext {
		out[k] = stringify(v)
	}
	return out
}

// stringify is a claim or context value as a string.
func stringify(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case nil:
		return ""
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// authorizerMap is $context.authorizer for templates.
func (x *exchange) authorizerMap() *vtl.Map {
	m := vtl.NewMap()
	for k, v := range x.authorizerValues() {
		if sub, ok := v.(map[string]any); ok {
			c := vtl.NewMap()
			for ck, cv := range sub {
				c.Put(ck, cv)
			}
			m.Put(k, c)
			continue
		}
		m.Put(k, v)
	}
	return m
}
