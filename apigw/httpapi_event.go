package apigw

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// routeSeg is one segment of a route key's path: a literal, a {variable}
// or a {greedy+} variable.
type routeSeg struct {
	text string // the literal, or the variable's name
	kind int    // segLiteral, segVar, segGreedy
}

const (
	segGreedy = iota
	segVar
	segLiteral
)

// parseRouteKey splits "METHOD /a/{b}/{c+}".
func parseRouteKey(key string) (string, []routeSeg) {
	method, path, _ := strings.Cut(key, " ")
	var segs []routeSeg
	for _, p := range strings.Split(strings.Trim(path, "/"), "/") {
		switch {
		case p == "":
		case strings.HasPrefix(p, "{") && strings.HasSuffix(p, "+}"):
			segs = append(segs, routeSeg{text: p[1 : len(p)-2], kind: segGreedy})
		case strings.HasPrefix(p, "{") && strings.HasSuffix(p, "}"):
			segs = append(segs, routeSeg{text: p[1 : len(p)-1], kind: segVar})
		default:
			segs = append(segs, routeSeg{text: p, kind: segLiteral})
		}
	}
	return method, segs
}

// matchSegs matches a request's path segments against a route's, filling
// params.
func matchSegs(route []routeSeg, req []string, params map[string]string) bool {
	for i, rs := range route {
		if rs.kind == segGreedy {
			if i >= len(req) {
				return false
			}
			params[rs.text] = strings.Join(req[i:], "/")
			return true
		}
		if i >= len(req) {
			return false
		}
		switch rs.kind {
		case segVar:
			params[rs.text] = req[i]
		case segLiteral:
			if rs.text != req[i] {
				return false
			}
		}
	}
	return len(route) == len(req)
}

// moreSpecific reports whether route a beats route b for a request both
// match, by AWS's priority ("Working with routes for HTTP APIs"): a full
// match beats a greedy one; then, segment by segment from the left, a
// literal beats a variable, which beats a greedy variable; then a route
// of the request's method beats ANY.
func moreSpecific(am string, a []routeSeg, bm string, b []routeSeg) bool {
	ag, bg := greedy(a), greedy(b)
	if ag != bg {
		return !ag
	}
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i].kind != b[i].kind {
			return a[i].kind > b[i].kind
		}
	}
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return am != "ANY" && bm == "ANY"
}

func greedy(segs []routeSeg) bool { return len(segs) > 0 && segs[len(segs)-1].kind == segGreedy }

// matchRoute selects the route of a request: the most specific of the
// routes matching its method (or ANY) and path, else $default.
func matchRoute(routes []hRoute, method, path string) (hRoute, map[string]string, bool) {
	req := pathSegments(path)
	var best hRoute
	var bestM string
	var bestSegs []routeSeg
	var bestParams map[string]string
	found, fallback := false, -1
	for i, r := range routes {
		if r.RouteKey == "$default" {
			fallback = i
			continue
		}
		m, segs := parseRouteKey(r.RouteKey)
		if m != method && m != "ANY" {
			continue
		}
		params := map[string]string{}
		if !matchSegs(segs, req, params) {
			continue
		}
		if !found || moreSpecific(m, segs, bestM, bestSegs) {
			best, bestM, bestSegs, bestParams, found = r, m, segs, params, true
		}
	}
	if found {
		return best, bestParams, true
	}
	if fallback >= 0 {
		return routes[fallback], nil, true
	}
	return hRoute{}, nil, false
}

// hEventV2 is the version 2.0 event, as AWS documents it ("Working with
// AWS Lambda proxy integrations for HTTP APIs").
type hEventV2 struct {
	Version               string            `json:"version"`
	RouteKey              string            `json:"routeKey"`
	RawPath               string            `json:"rawPath"`
	RawQueryString        string            `json:"rawQueryString"`
	Cookies               []string          `json:"cookies,omitempty"`
	Headers               map[string]string `json:"headers"`
	QueryStringParameters map[string]string `json:"queryStringParameters,omitempty"`
	RequestContext        hContextV2        `json:"requestContext"`
	Body                  *string           `json:"body,omitempty"`
	PathParameters        map[string]string `json:"pathParameters,omitempty"`
	IsBase64Encoded       bool              `json:"isBase64Encoded"`
	StageVariables        map[string]string `json:"stageVariables,omitempty"`
}

type hContextV2 struct {
	AccountID    string         `json:"accountId"`
	APIID        string         `json:"apiId"`
	Authorizer   map[string]any `json:"authorizer,omitempty"`
	DomainName   string         `json:"domainName"`
	DomainPrefix string         `json:"domainPrefix"`
	HTTP         hHTTPContext   `json:"http"`
	RequestID    string         `json:"requestId"`
	RouteKey     string         `json:"routeKey"`
	Stage        string         `json:"stage"`
	Time         string         `json:"time"`
	TimeEpoch    int64          `json:"timeEpoch"`
}

type hHTTPContext struct {
	Method    string `json:"method"`
	Path      string `json:"path"`
	Protocol  string `json:"protocol"`
	SourceIP  string `json:"sourceIp"`
	UserAgent string `json:"userAgent"`
}

// eventHeaders are the request's headers as the event shows them: names
// in lower case, repeated values joined with commas, cookies apart, with
// the headers API Gateway adds.
func (x *hExchange) eventHeaders() (map[string]string, []string) {
	out := map[string]string{}
	var cookies []string
	for k, vs := range x.r.Header {
		lk := strings.ToLower(k)
		if lk == "cookie" {
			for _, v := range vs {
				for _, c := range strings.Split(v, ";") {
					if c = strings.TrimSpace(c); c != "" {
						cookies = append(cookies, c)
					}
				}
			}
			continue
		}
		out[lk] = strings.Join(vs, ",")
	}
	out["host"] = x.r.Host
	if len(x.body) > 0 {
		out["content-length"] = strconv.Itoa(len(x.body))
	}
	if _, ok := out["x-amzn-trace-id"]; !ok {
		out["x-amzn-trace-id"] = "Root=1-" + strconv.FormatInt(x.start.Unix(), 16) + "-" + strings.ReplaceAll(x.requestID, "-", "")[:24]
	}
	out["x-forwarded-for"] = sourceIP(x.r)
	out["x-forwarded-port"] = "443"
	out["x-forwarded-proto"] = "https"
	return out, cookies
}

// eventBody is the body as the event carries it: text as it is, anything
// else base64-encoded.
func (x *hExchange) eventBody() (*string, bool) {
	if len(x.body) == 0 {
		return nil, false
	}
	if textual(x.r.Header.Get("Content-Type")) {
		b := string(x.body)
		return &b, false
	}
	b := base64.StdEncoding.EncodeToString(x.body)
	return &b, true
}

// textual reports whether a content type is text, which an HTTP API
// passes to Lambda as it is: text/*, JSON, XML, JavaScript, form data, or
// none.
func textual(ct string) bool {
	ct, _, _ = strings.Cut(strings.ToLower(ct), ";")
	ct = strings.TrimSpace(ct)
	return ct == "" || strings.HasPrefix(ct, "text/") || strings.HasSuffix(ct, "json") || strings.HasSuffix(ct, "xml") ||
		strings.HasSuffix(ct, "javascript") || ct == "application/x-www-form-urlencoded" || ct == "application/graphql"
}

// joinedQuery is the query with repeated keys joined by commas.
func joinedQuery(raw string) map[string]string {
	q, _ := url.ParseQuery(raw)
	if len(q) == 0 {
		return nil
	}
	out := make(map[string]string, len(q))
	for k, vs := range q {
		out[k] = strings.Join(vs, ",")
	}
	return out
}

// domainPrefix is the first label of the host.
func domainPrefix(host string) string {
	host, _, _ = strings.Cut(host, ":")
	p, _, _ := strings.Cut(host, ".")
	return p
}

// eventV2 builds the version 2.0 event of x.
func (x *hExchange) eventV2() []byte {
	headers, cookies := x.eventHeaders()
	body, b64 := x.eventBody()
	ev := hEventV2{Version: "2.0", RouteKey: x.route.RouteKey, RawPath: x.rawPath, RawQueryString: x.r.URL.RawQuery,
		Cookies: cookies, Headers: headers, QueryStringParameters: joinedQuery(x.r.URL.RawQuery),
		Body: body, IsBase64Encoded: b64, StageVariables: x.stage.StageVariables}
	if len(x.params) > 0 {
		ev.PathParameters = x.params
	}
	ev.RequestContext = hContextV2{AccountID: x.account, APIID: x.apiID, Authorizer: x.authorizer,
		DomainName: hostOnly(x.r.Host), DomainPrefix: domainPrefix(x.r.Host),
		HTTP: hHTTPContext{Method: x.r.Method, Path: x.rawPath, Protocol: "HTTP/1.1", SourceIP: sourceIP(x.r),
			UserAgent: x.r.UserAgent()},
		RequestID: x.requestID, RouteKey: x.route.RouteKey, Stage: x.stage.StageName,
		Time: x.start.UTC().Format(requestTimeLayout), TimeEpoch: x.start.UnixMilli()}
	b, _ := json.Marshal(ev)
	return b
}

func hostOnly(host string) string {
	h, _, _ := strings.Cut(host, ":")
	return h
}

// eventV1 builds the version 1.0 event of x: REST's proxy event with
// version, and the route as the resource.
func (x *hExchange) eventV1() []byte {
	headers, cookies := x.eventHeaders()
	if len(cookies) > 0 {
		headers["cookie"] = strings.Join(cookies, "; ")
	}
	multi := map[string][]string{}
	for k, v := range headers {
		multi[k] = strings.Split(v, ",")
	}
	body, b64 := x.eventBody()
	_, routePath, _ := strings.Cut(x.route.RouteKey, " ")
	if x.route.RouteKey == "$default" {
		routePath = "$default"
	}
	ev := map[string]any{"version": "1.0", "resource": routePath, "path": x.rawPath, "httpMethod": x.r.Method,
		"headers": headers, "multiValueHeaders": multi, "queryStringParameters": nil,
		"multiValueQueryStringParameters": nil, "pathParameters": nil, "stageVariables": nil,
		"body": body, "isBase64Encoded": b64}
	if q, _ := url.ParseQuery(x.r.URL.RawQuery); len(q) > 0 {
		single := map[string]string{}
		for k, vs := range q {
			single[k] = vs[len(vs)-1]
		}
		ev["queryStringParameters"], ev["multiValueQueryStringParameters"] = single, q
	}
	if len(x.params) > 0 {
		ev["pathParameters"] = x.params
	}
	if len(x.stage.StageVariables) > 0 {
		ev["stageVariables"] = x.stage.StageVariables
	}
	ev["requestContext"] = map[string]any{"accountId": x.account, "apiId": x.apiID, "authorizer": x.authorizer,
		"domainName": hostOnly(x.r.Host), "domainPrefix": domainPrefix(x.r.Host), "extendedRequestId": x.requestID,
		"httpMethod": x.r.Method, "identity": map[string]any{"accessKey": nil, "accountId": nil, "caller": nil,
			"cognitoAuthenticationProvider": nil, "cognitoAuthenticationType": nil, "cognitoIdentityId": nil,
			"cognitoIdentityPoolId": nil, "principalOrgId": nil, "sourceIp": sourceIP(x.r), "user": nil,
			"userAgent": x.r.UserAgent(), "userArn": nil},
		"path": x.rawPath, "protocol": "HTTP/1.1", "requestId": x.requestID,
		"requestTime": x.start.UTC().Format(requestTimeLayout), "requestTimeEpoch": x.start.UnixMilli(),
		"resourceId": x.route.RouteKey, "resourcePath": routePath, "stage": x.stage.StageName}
	x.caller.fillIdentityMap(ev["requestContext"].(map[string]any)["identity"].(map[string]any))
	b, _ := json.Marshal(ev)
	return b
}

// lambdaAnswer reads a function's answer. An object with statusCode is
// the structured response (statusCode, headers, multiValueHeaders,
// cookies, body, isBase64Encoded). With payload 2.0 anything else valid
// JSON is inferred: 200, application/json, the value as the body (a
// string's text without its quotes).
func lambdaAnswer(out []byte, v2 bool) (response, bool) {
	var doc map[string]json.RawMessage
	isObject := json.Unmarshal(out, &doc) == nil && doc != nil
	if _, ok := doc["statusCode"]; !isObject || !ok {
		if !v2 || !json.Valid(out) {
			return response{}, false
		}
		body := bytes.TrimSpace(out)
		var sv string
		if json.Unmarshal(body, &sv) == nil {
			body = []byte(sv)
		}
		return response{status: http.StatusOK, header: http.Header{"Content-Type": {"application/json"}}, body: body}, true
	}
	res := response{header: http.Header{}}
	st, ok := proxyStatus(doc["statusCode"])
	if !ok {
		return response{}, false
	}
	res.status = st
	if !proxyHeaders(doc, res.header) {
		return response{}, false
	}
	if raw, ok := doc["cookies"]; ok && string(raw) != "null" {
		var cs []string
		if json.Unmarshal(raw, &cs) != nil {
			return response{}, false
		}
		res.header["Set-Cookie"] = cs
	}
	var b64 bool
	if raw, ok := doc["isBase64Encoded"]; ok && string(raw) != "null" && json.Unmarshal(raw, &b64) != nil {
		return response{}, false
	}
	if raw, ok := doc["body"]; ok && string(raw) != "null" {
		var body string
		if json.Unmarshal(raw, &body) != nil {
			return response{}, false
		}
		res.body = []byte(body)
		if b64 {
			dec, err := base64.StdEncoding.DecodeString(body)
			if err != nil {
				return response{}, false
			}
			res.body = dec
		}
	}
	return res, true
}
