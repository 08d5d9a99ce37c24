package apigw

import (
	"context"
	"encoding/json"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/bus"
)

// authEntry is a cached Lambda authorizer answer.
type authEntry struct {
	allowed bool
	context map[string]any
	until   time.Time
}

// authorize runs the route's authorization: JWT, a Lambda (CUSTOM)
// authorizer, or AWS_IAM (a signed request: an Authorization header of
// AWS4-HMAC-SHA256; the signature itself is the cloud's to check).
func (s *Service) authorize(x *hExchange) (response, bool) {
	switch x.route.AuthorizationType {
	case "JWT", "CUSTOM":
		au, ok := x.snap.authorizers[x.route.AuthorizerID]
		if !ok {
			return hInternal(), false
		}
		if au.AuthorizerType == "JWT" {
			return s.jwtAuthorize(x, au)
		}
		return s.lambdaAuthorize(x, au)
	case "AWS_IAM":
		if !strings.HasPrefix(x.r.Header.Get("Authorization"), "AWS4-HMAC-SHA256") {
			return hError(http.StatusForbidden, "Forbidden"), false
		}
	}
	return response{}, true
}

// identity reads identity sources ($request.header.X,
// $request.querystring.x, $context.x, $stageVariables.x); a missing one is
// "".
func (x *hExchange) identity(sources []string) []string {
	out := make([]string, 0, len(sources))
	for _, src := range sources {
		v := ""
		switch {
		case strings.HasPrefix(src, "$request.header."):
			v = strings.Join(x.r.Header.Values(strings.TrimPrefix(src, "$request.header.")), ",")
		case strings.HasPrefix(src, "$request.querystring."):
			v = strings.Join(x.r.URL.Query()[strings.TrimPrefix(src, "$request.querystring.")], ",")
		case strings.HasPrefix(src, "$stageVariables."):
			v = x.stage.StageVariables[strings.TrimPrefix(src, "$stageVariables.")]
		case src == "$context.routeKey":
			v = x.route.RouteKey
		case src == "$context.stage":
			v = x.stage.StageName
		}
		out = append(out, v)
	}
	return out
}

// routeARN is the ARN a Lambda authorizer is asked about:
// arn:aws:execute-api:{region}:{account}:{api}/{stage}/{METHOD}{path}.
func (x *hExchange) routeARN() string {
	return strings.Replace(x.sourceARN(), "/*/", "/"+x.r.Method+"/", 1)
}

// lambdaAuthorize runs a REQUEST authorizer: every identity source present
// (else 401), the answer cached by identity for the TTL on the clock;
// a simple response's isAuthorized, or an IAM policy allowing
// execute-api:Invoke on the route's ARN; a denial is 403, a failure 500.
func (s *Service) lambdaAuthorize(x *hExchange, au hAuthorizer) (response, bool) {
	ids := x.identity(au.IdentitySource)
	for _, v := range ids {
		if v == "" {
			return hUnauthorized(), false
		}
	}
	key := au.AuthorizerID + "\x00" + strings.Join(ids, "\x00")
	now := s.env.Clock.Now()
	s.mu.Lock()
	a := s.h.apis[x.apiID]
	e, hit := a.authCache[key]
	s.mu.Unlock()
	if !hit || !now.Before(e.until) {
		var ok bool
		e, ok = s.callAuthorizer(x, au, ids)
		if !ok {
			return hInternal(), false
		}
		if ttl := au.AuthorizerResultTTLInSeconds; ttl != nil && *ttl > 0 && len(ids) > 0 {
			e.until = now.Add(time.Duration(*ttl) * time.Second)
			s.mu.Lock()
			a.authCache[key] = e
			s.mu.Unlock()
		}
	}
	if !e.allowed {
		return hForbidden(), false
	}
	x.authorizer = e.context
	return response{}, true
}

// callAuthorizer invokes the authorizer's function with the event of its
// payload format and reads its answer.
func (s *Service) callAuthorizer(x *hExchange, au hAuthorizer, ids []string) (authEntry, bool) {
	fn, ok := lambdaTarget(au.AuthorizerURI)
	if !ok {
		return authEntry{}, false
	}
	var ev map[string]any
	if au.AuthorizerPayloadFormatVersion == "2.0" {
		_ = json.Unmarshal(x.eventV2(), &ev)
		delete(ev, "body")
		delete(ev, "isBase64Encoded")
		ev["type"], ev["routeArn"], ev["identitySource"] = "REQUEST", x.routeARN(), ids
	} else {
		_ = json.Unmarshal(x.eventV1(), &ev)
		delete(ev, "body")
		delete(ev, "isBase64Encoded")
		ev["type"], ev["methodArn"], ev["identitySource"] = "REQUEST", x.routeARN(), strings.Join(ids, ",")
	}
	body, _ := json.Marshal(ev)
	msg := bus.Message{Source: x.sourceARN(), Principal: "apigateway.amazonaws.com", Body: body,
		Meta: map[string]string{bus.MetaSourceAccount: x.account}}
	ctx, cancel := context.WithCancel(x.r.Context())
	defer cancel()
	out, err := s.env.Bus.Invoke(ctx, fn, msg)
	if err != nil {
		return authEntry{}, false
	}
	var ans struct {
		IsAuthorized   *bool          `json:"isAuthorized"`
		PrincipalID    string         `json:"principalId"`
		PolicyDocument *policyDoc     `json:"policyDocument"`
		Context        map[string]any `json:"context"`
	}
	if json.Unmarshal(out, &ans) != nil {
		return authEntry{}, false
	}
	if au.EnableSimpleResponses {
		if ans.IsAuthorized == nil {
			return authEntry{}, false
		}
		return authEntry{allowed: *ans.IsAuthorized, context: map[string]any{"lambda": ans.Context}}, true
	}
	if ans.PolicyDocument == nil {
		return authEntry{}, false
	}
	ctxOut := map[string]any{"lambda": ans.Context}
	if au.AuthorizerPayloadFormatVersion != "2.0" {
		ctxOut = map[string]any{"principalId": ans.PrincipalID, "integrationLatency": 0}
		for k, v := range ans.Context {
			ctxOut[k] = v
		}
	}
	return authEntry{allowed: ans.PolicyDocument.allows(x.routeARN()), context: ctxOut}, true
}

// policyDoc is an IAM policy an authorizer returns.
type policyDoc struct {
	Statement []struct {
		Effect   string    `json:"Effect"`
		Action   stringSet `json:"Action"`
		Resource stringSet `json:"Resource"`
	} `json:"Statement"`
}

// stringSet reads a string or a list of strings.
type stringSet []string

// UnmarshalJSON reads a string or a list of strings.
func (v *stringSet) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*v = []string{one}
		return nil
	}
	var many []string
	err := json.Unmarshal(b, &many)
	*v = many
	return err
}

// allows reports whether the policy allows execute-api:Invoke on arn: an
// Allow matching it and no Deny.
func (p *policyDoc) allows(arn string) bool {
	allowed := false
	for _, st := range p.Statement {
		if !matchesAny(st.Action, "execute-api:Invoke") || !matchesAny(st.Resource, arn) {
			continue
		}
		if strings.EqualFold(st.Effect, "Deny") {
			return false
		}
		if strings.EqualFold(st.Effect, "Allow") {
			allowed = true
		}
	}
	return allowed
}

// matchesAny matches v against patterns with * and ? wildcards.
func matchesAny(patterns []string, v string) bool {
	for _, p := range patterns {
		if p == "*" || p == v {
			return true
		}
		if ok, _ := path.Match(strings.ReplaceAll(p, "/", "\x00"), strings.ReplaceAll(v, "/", "\x00")); ok {
			return true
		}
	}
	return false
}
