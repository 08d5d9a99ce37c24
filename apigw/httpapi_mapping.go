package apigw

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

// hMapping is one request parameter mapping of an HTTP API's integration
// ("Transform API requests and responses for HTTP APIs"): the key
// append|overwrite|remove:header.{name}, append|overwrite|remove:
// querystring.{name} or overwrite:path, and its value.
type hMapping struct {
	op, kind, name, value string
}

// reservedHeaders are the headers HTTP APIs refuse to map (the guide's
// "Reserved headers"), with the prefixes access-control-, apigw-,
// x-amz- and x-amzn-.
var reservedHeaders = map[string]bool{"authorization": true, "connection": true, "content-encoding": true,
	"content-length": true, "content-location": true, "forwarded": true, "keep-alive": true, "origin": true,
	"proxy-authenticate": true, "proxy-authorization": true, "te": true, "trailers": true, "transfer-encoding": true,
	"upgrade": true, "x-forwarded-for": true, "x-forwarded-host": true, "x-forwarded-proto": true, "via": true}

// parseMapping reads one mapping, refusing a key of another form, a
// header or query string name that is not an HTTP token, and a reserved
// header.
func parseMapping(key, value string) (hMapping, error) {
	bad := badRequest("Invalid mapping expression specified: %s", key)
	op, where, ok := strings.Cut(key, ":")
	if !ok || (op != "append" && op != "overwrite" && op != "remove") {
		return hMapping{}, bad
	}
	if where == "path" {
		if op != "overwrite" {
			return hMapping{}, bad
		}
		return hMapping{op: op, kind: "path", value: value}, nil
	}
	kind, name, ok := strings.Cut(where, ".")
	if !ok || (kind != "header" && kind != "querystring") || !isToken(name) {
		return hMapping{}, bad
	}
	if kind == "header" {
		lower := strings.ToLower(name)
		if reservedHeaders[lower] || strings.HasPrefix(lower, "access-control-") || strings.HasPrefix(lower, "apigw-") ||
			strings.HasPrefix(lower, "x-amz-") || strings.HasPrefix(lower, "x-amzn-") {
			return hMapping{}, badRequest("Invalid mapping expression specified: %s is a reserved header", name)
		}
	}
	return hMapping{op: op, kind: kind, name: name, value: value}, nil
}

// checkMappings validates an integration's request parameters: every
// key a mapping (HTTP_PROXY of an HTTP API; the service subtypes name
// their own members).
func checkMappings(params map[string]string) error {
	for k, v := range params {
		if _, err := parseMapping(k, v); err != nil {
			return err
		}
	}
	return nil
}

// isToken reports whether s is a non-empty HTTP token (RFC 9110).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// validFieldValue reports whether v may be sent as a header value: no
// control characters but tab.
func validFieldValue(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; (c < ' ' && c != '\t') || c == 0x7f {
			return false
		}
	}
	return true
}

// apply applies the mappings to the backend request's header, query and
// URL. A header whose mapped value cannot be sent is left out.
func (x *hExchange) apply(params map[string]string, h http.Header, q url.Values, u *url.URL) {
	for k, v := range params {
		m, err := parseMapping(k, v)
		if err != nil {
			continue
		}
		val := x.mapValue(m.value)
		switch m.kind + " " + m.op {
		case "header overwrite":
			if validFieldValue(val) {
				h.Set(m.name, val)
			}
		case "header append":
			if validFieldValue(val) {
				h.Add(m.name, val)
			}
		case "header remove":
			h.Del(m.name)
		case "querystring overwrite":
			q.Set(m.name, val)
		case "querystring append":
			q.Add(m.name, val)
		case "querystring remove":
			q.Del(m.name)
		case "path overwrite":
			u.Path = "/" + strings.TrimLeft(val, "/")
		}
	}
}

// mapValue evaluates a mapping's value: a whole $request.header.x,
// $request.querystring.x, $request.path.x (or $request.path),
// $request.body (or $request.body.x of a JSON body), $context.x or
// $stageVariables.x; or text in which each ${request...}, ${context...}
// and ${stageVariables...} is replaced; anything else as it is.
func (x *hExchange) mapValue(v string) string {
	if !strings.Contains(v, "${") {
		if out, ok := x.mapExpr(strings.TrimPrefix(v, "$")); ok && strings.HasPrefix(v, "$") {
			return out
		}
		return v
	}
	var b strings.Builder
	for {
		i := strings.Index(v, "${")
		if i < 0 {
			b.WriteString(v)
			return b.String()
		}
		end := strings.IndexByte(v[i:], '}')
		if end < 0 {
			b.WriteString(v)
			return b.String()
		}
		b.WriteString(v[:i])
		if out, ok := x.mapExpr(v[i+2 : i+end]); ok {
			b.WriteString(out)
		} else {
			b.WriteString(v[i : i+end+1])
		}
		v = v[i+end+1:]
	}
}

// mapExpr evaluates one expression without its $: request.header.x and
// the others of mapValue; ok is false for an expression of no kind.
func (x *hExchange) mapExpr(e string) (string, bool) {
	switch {
	case strings.HasPrefix(e, "request.header."):
		return strings.Join(x.r.Header.Values(strings.TrimPrefix(e, "request.header.")), ","), true
	case strings.HasPrefix(e, "request.querystring."):
		return strings.Join(x.r.URL.Query()[strings.TrimPrefix(e, "request.querystring.")], ","), true
	case e == "request.path":
		return x.rawPath, true
	case strings.HasPrefix(e, "request.path."):
		return x.params[strings.TrimPrefix(e, "request.path.")], true
	case e == "request.body":
		return string(x.body), true
	case strings.HasPrefix(e, "request.body."):
		return bodyMember(x.body, strings.TrimPrefix(e, "request.body.")), true
	case strings.HasPrefix(e, "stageVariables."):
		return x.stage.StageVariables[strings.TrimPrefix(e, "stageVariables.")], true
	case strings.HasPrefix(e, "context."):
		return x.contextValue(strings.TrimPrefix(e, "context."))
	}
	return "", false
}

// contextValue is $context.{name} of the mappings.
func (x *hExchange) contextValue(name string) (string, bool) {
	switch name {
	case "requestId":
		return x.requestID, true
	case "routeKey":
		return x.route.RouteKey, true
	case "stage":
		return x.stage.StageName, true
	case "apiId":
		return x.apiID, true
	case "accountId":
		return x.account, true
	case "httpMethod":
		return x.r.Method, true
	case "path":
		return x.rawPath, true
	case "domainName":
		return hostOnly(x.r.Host), true
	case "identity.sourceIp":
		return sourceIP(x.r), true
	case "identity.accountId", "identity.caller", "identity.user", "identity.userArn", "identity.accessKey":
		return x.caller.identityValue(name)
	}
	return "", false
}

// bodyMember is the member at a dotted path of a JSON body: a string as
// it is, anything else as JSON, "" when absent.
func bodyMember(body []byte, path string) string {
	var cur any
	if json.Unmarshal(body, &cur) != nil {
		return ""
	}
	for _, k := range strings.Split(path, ".") {
		m, _ := cur.(map[string]any)
		cur = m[k]
	}
	switch v := cur.(type) {
	case string:
		return v
	case nil:
		return ""
	}
	b, _ := json.Marshal(cur)
	return string(b)
}
