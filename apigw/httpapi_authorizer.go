package apigw

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/bus"
)

// hAuthorize runs the route's authorization: JWT, a Lambda (CUSTOM)
// authorizer, or AWS_IAM (wire_iam.go: the cloud checks the signature and
// the policies).
func (s *Service) hAuthorize(x *hExchange) (response, bool) {
	switch x.route.AuthorizationType {
	case "JWT", "CUSTOM":
		au, ok := x.snap.authorizers[x.route.AuthorizerID]
		if !ok {
			return hInternal(), false
		}
		if au.AuthorizerType == "JWT" {
			return s.jwtAuthorize(x, au)
		}
		return s.hLambdaAuthorize(x, au)
	case "AWS_IAM":
		return s.httpIAM(x)
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

// hLambdaAuthorize runs a REQUEST authorizer: every identity source
// present (else 401), the answer cached by stage, authorizer and identity
// for the TTL on the clock (authorize_cache.go, shared with REST APIs); a
// simple response's isAuthorized, or an IAM policy allowing
// execute-api:Invoke on the route's ARN; a denial is 403, a failure 500.
func (s *Service) hLambdaAuthorize(x *hExchange, au hAuthorizer) (response, bool) {
	ids := x.identity(au.IdentitySource)
	for _, v := range ids {
		if v == "" {
			return hUnauthorized(), false
		}
	}
	var ttl time.Duration
	if t := au.AuthorizerResultTTLInSeconds; t != nil && len(ids) > 0 {
		ttl = time.Duration(*t) * time.Second
	}
	key := cacheKey{x.apiID, x.stage.StageName, au.AuthorizerID, strings.Join(ids, "\x00")}
	res, hit := s.cached(key, ttl)
	if !hit {
		var ok bool
		if res, ok = s.callHAuthorizer(x, au, ids); !ok {
			return hInternal(), false
		}
		s.remember(key, ttl, res)
	}
	if evaluate(res.statements, "execute-api:Invoke", x.routeARN()) != decideAllow {
		return hForbidden(), false
	}
	x.authorizer = res.context
	return response{}, true
}

// allowAll is the policy a simple response of isAuthorized true stands
// for; false stands for no statement at all.
var allowAll = []statement{{actions: []string{"*"}, resources: []string{"*"}}}

// callHAuthorizer invokes the authorizer's function with the event of its
// payload format and reads its answer: a simple response (isAuthorized,
// context) or an IAM one read as REST APIs read it (readAuthorizerOutput).
// The result's context is requestContext.authorizer as the event shows
// it: {"lambda": context} with payload 2.0, principalId and the context's
// members with 1.0.
func (s *Service) callHAuthorizer(x *hExchange, au hAuthorizer, ids []string) (authResult, bool) {
	fn, ok := lambdaTarget(au.AuthorizerURI)
	if !ok {
		return authResult{}, false
	}
	msg := bus.Message{Source: x.sourceARN(), Principal: "apigateway.amazonaws.com", Body: x.authorizerEventV2(au, ids),
		Meta: map[string]string{bus.MetaSourceAccount: x.account}}
	out, err := s.env.Bus.Invoke(x.r.Context(), fn, msg)
	if err != nil {
		return authResult{}, false
	}
	if au.EnableSimpleResponses {
		var ans struct {
			IsAuthorized *bool          `json:"isAuthorized"`
			Context      map[string]any `json:"context"`
		}
		if json.Unmarshal(out, &ans) != nil || ans.IsAuthorized == nil {
			return authResult{}, false
		}
		res := authResult{context: map[string]any{"lambda": ans.Context}}
		if *ans.IsAuthorized {
			res.statements = allowAll
		}
		return res, true
	}
	res, ok := readAuthorizerOutput(out)
	if !ok {
		return authResult{}, false
	}
	if au.AuthorizerPayloadFormatVersion == "2.0" {
		res.context = map[string]any{"lambda": res.context}
		return res, true
	}
	ctx := map[string]any{"principalId": res.principalID, "integrationLatency": 0}
	for k, v := range res.context {
		ctx[k] = v
	}
	res.context = ctx
	return res, true
}

// authorizerEventV2 is the event of an HTTP API's Lambda authorizer: the
// request's event of the authorizer's payload format without its body,
// with type REQUEST, the route's ARN (routeArn, methodArn for 1.0) and
// the identity sources' values.
func (x *hExchange) authorizerEventV2(au hAuthorizer, ids []string) []byte {
	var ev map[string]any
	if au.AuthorizerPayloadFormatVersion == "2.0" {
		_ = json.Unmarshal(x.eventV2(), &ev)
		ev["routeArn"], ev["identitySource"] = x.routeARN(), ids
	} else {
		_ = json.Unmarshal(x.eventV1(), &ev)
		ev["methodArn"], ev["identitySource"] = x.routeARN(), strings.Join(ids, ",")
	}
	delete(ev, "body")
	delete(ev, "isBase64Encoded")
	ev["type"] = "REQUEST"
	b, _ := json.Marshal(ev)
	return b
}
