package stepfn

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
)

// httpSpec is an HTTP task's request as its Parameters (or Arguments)
// describe it (AWS's "HTTP Task fields").
type httpSpec struct {
	endpoint    *url.URL
	method      string
	connection  string
	headers     map[string]string // as the task sets them, the refused ones dropped
	body        []byte
	contentType string
}

// httpMethods are the methods the HTTP task allows.
var httpMethods = []string{"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"}

// httpArrayFormats are RequestEncodingOptions' ArrayFormat values; INDICES
// is the default.
var httpArrayFormats = []string{"INDICES", "REPEAT", "COMMAS", "BRACKETS"}

// connectionARNPattern is the resource of an EventBridge connection's ARN:
// connection/<name>/<uuid>, the name as CreateConnection allows it.
var connectionARNPattern = regexp.MustCompile(`^connection/[\.\-_A-Za-z0-9]{1,64}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// httpDroppedHeaders are the headers Step Functions does not send from a
// task's Headers (AWS's list in "HTTP Task fields", Headers), with the
// prefixes x-forwarded-, x-amz- and x-amzn-.
var httpDroppedHeaders = map[string]bool{
	"a-im": true, "accept-charset": true, "accept-datetime": true, "accept-encoding": true, "cache-control": true,
	"connection": true, "content-encoding": true, "content-length": true, "content-md5": true, "date": true,
	"expect": true, "forwarded": true, "from": true, "host": true, "http2-settings": true, "if-match": true,
	"if-modified-since": true, "if-none-match": true, "if-range": true, "if-unmodified-since": true,
	"max-forwards": true, "origin": true, "pragma": true, "proxy-authorization": true, "range": true,
	"referer": true, "server": true, "te": true, "trailer": true, "transfer-encoding": true, "upgrade": true,
	"user-agent": true, "via": true, "warning": true,
}

func droppedHeader(name string) bool {
	n := strings.ToLower(name)
	return httpDroppedHeaders[n] || strings.HasPrefix(n, "x-forwarded-") || strings.HasPrefix(n, "x-amz-") || strings.HasPrefix(n, "x-amzn-")
}

// readHTTPSpec reads an HTTP task's parameters. A field missing or of
// the wrong kind fails the task with States.Runtime, as a missing field
// of the other optimised integrations does.
func readHTTPSpec(eff any) (httpSpec, *failure) {
	var sp httpSpec
	params, isObj := eff.(map[string]any)
	if !isObj {
		return sp, fail(errRuntime, "The Parameters of an HTTP task must be a JSON object")
	}
	endpoint, f := requiredString(params, "ApiEndpoint")
	if f != nil {
		return sp, f
	}
	u, err := url.Parse(endpoint)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return sp, fail(errRuntime, "The value for the field 'ApiEndpoint' must be an HTTPS URL: %s", endpoint)
	}
	if sp.method, f = requiredString(params, "Method"); f != nil {
		return sp, f
	}
	if !slices.Contains(httpMethods, sp.method) {
		return sp, fail(errRuntime, "The value for the field 'Method' must be one of %v", httpMethods)
	}
	if sp.connection, f = connectionOf(params); f != nil {
		return sp, f
	}
	if f = addQuery(u, params["QueryParameters"]); f != nil {
		return sp, f
	}
	sp.endpoint = u
	if sp.headers, f = headersOf(params["Headers"]); f != nil {
		return sp, f
	}
	if body, ok := params["RequestBody"]; ok {
		if sp.body, sp.contentType, f = bodyOf(body, params["Transform"]); f != nil {
			return sp, f
		}
	}
	return sp, nil
}

func requiredString(params map[string]any, field string) (string, *failure) {
	v, ok := params[field]
	if !ok {
		return "", fail(errRuntime, "The field '%s' is required but was missing", field)
	}
	s, isStr := v.(string)
	if !isStr || s == "" {
		return "", fail(errRuntime, "The value for the field '%s' must be a non-empty STRING", field)
	}
	return s, nil
}

// connectionOf reads Authentication.ConnectionArn, which AWS requires, and
// checks its shape.
func connectionOf(params map[string]any) (string, *failure) {
	auth, ok := params["Authentication"]
	if !ok {
		return "", fail(errRuntime, "The field 'Authentication' is required but was missing")
	}
	m, isObj := auth.(map[string]any)
	if !isObj {
		return "", fail(errRuntime, "The value for the field 'Authentication' must be an OBJECT")
	}
	c, f := requiredString(m, "ConnectionArn")
	if f != nil {
		return "", f
	}
	a, err := arn.Parse(c)
	if err != nil || a.Service != "events" || a.Region == "" || a.Account == "" || !connectionARNPattern.MatchString(a.Resource) {
		return "", fail(errRuntime, "The value for the field 'ConnectionArn' must be an EventBridge connection ARN: %s", c)
	}
	return c, nil
}

// headersOf reads Headers: an object of scalar values. The headers AWS
// does not send are dropped.
func headersOf(v any) (map[string]string, *failure) {
	if v == nil {
		return nil, nil
	}
	m, isObj := v.(map[string]any)
	if !isObj {
		return nil, fail(errRuntime, "The value for the field 'Headers' must be an OBJECT")
	}
	out := make(map[string]string, len(m))
	for k, x := range m {
		text, ok := scalarText(x)
		if !ok || k == "" || strings.ContainsAny(k, " :\r\n") || strings.ContainsAny(text, "\r\n") {
			return nil, fail(errRuntime, "The header '%s' must have a text value", k)
		}
		if !droppedHeader(k) {
			out[k] = text
		}
	}
	return out, nil
}

// addQuery adds QueryParameters to u's query: scalars, or arrays of
// scalars (one key=value each).
func addQuery(u *url.URL, v any) *failure {
	if v == nil {
		return nil
	}
	m, isObj := v.(map[string]any)
	if !isObj {
		return fail(errRuntime, "The value for the field 'QueryParameters' must be an OBJECT")
	}
	q := u.Query()
	for _, k := range sortedKeys(m) {
		vals, isArr := m[k].([]any)
		if !isArr {
			vals = []any{m[k]}
		}
		for _, x := range vals {
			text, ok := scalarText(x)
			if !ok {
				return fail(errRuntime, "The query parameter '%s' must have text values", k)
			}
			q.Add(k, text)
		}
	}
	u.RawQuery = q.Encode()
	return nil
}

// scalarText is a JSON scalar as it is sent in a header, a query or a
// URL-encoded body: a string as it is, a number or boolean as JSON writes
// it, null as nothing.
func scalarText(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case nil:
		return "", true
	case bool:
		if x {
			return "true", true
		}
		return "false", true
	case map[string]any, []any:
		return "", false
	}
	return encodeJSON(v), true
}
