package apigw

import (
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/vtl"
)

// mock answers a MOCK integration: the status is the statusCode of the
// request template's rendering (200 without a template or a statusCode),
// then the integration response of that status, or the default one.
func (x *exchange) mock() response {
	m := x.newMapping()
	status := "200"
	tpl, ok, err := x.requestTemplate()
	if err != nil {
		res := unsupportedMediaType()
		x.record.Error = "Request payload content-type not supported: " + x.requestContentType()
		return res
	}
	if ok {
		out, res := x.render(m, tpl, templateBody(x.body))
		if res != nil {
			x.record.Error = res.note
			return *res
		}
		if sm := mockStatusRE.FindStringSubmatch(out); sm != nil {
			status = sm[1]
		}
	}
	return x.integrationResponse(m, backendAnswer{selector: status, status: atoiStatus(status),
		header: http.Header{}})
}

// mockStatusRE finds the statusCode of a MOCK's rendered request template,
// which API Gateway reads leniently: {"statusCode": 200} and the recorded
// {statusCode: 200} (test_integration_mock_with_path_param) both work.
var mockStatusRE = regexp.MustCompile(`"?statusCode"?\s*:\s*"?(\d{3})\b`)

// integrationResponse maps a backend answer through the integration
// response whose selection pattern matches its selector (Java's
// matches(): the whole selector), else the default one (no pattern): its
// status, its header mappings and its template for the client's Accept
// type, rendered with $input on the backend's body; then the
// responseOverride a template set.
func (x *exchange) integrationResponse(m *mapping, ans backendAnswer) response {
	chosen := x.selectResponse(ans.selector)
	if chosen == nil {
		return internalError().noted(ans.body, "Execution failed due to configuration error: No match for output mapping and no default output mapping specified for Endpoint Response")
	}
	if _, ok := x.method.MethodResponses[chosen.StatusCode]; !ok {
		return internalError().noted(ans.body, "Execution failed due to configuration error: Output mapping refers to an invalid method response: "+chosen.StatusCode)
	}
	res := response{status: atoiStatus(chosen.StatusCode), header: http.Header{"Content-Type": {"application/json"}}}
	if ct := ans.header.Get("Content-Type"); ct != "" {
		res.header.Set("Content-Type", ct)
	}
	res.body = ans.body
	// The backend's Content-Type says whether its payload is binary, the
	// client's first Accept type whether the client wants binary; an
	// encoding happens before the template, a decoding after it.
	conv := payloadConversion(mediaMatches(x.snap.binaryMediaTypes, ans.header.Get("Content-Type")), x.binaryAccept(), chosen.ContentHandling)
	if conv == encodeBase64 {
		res.body = convertResponse(conv, res.body)
	}
	if ct, tpl, ok := x.responseTemplate(chosen); ok && tpl != "" {
		out, failed := x.render(m, tpl, string(res.body))
		if failed != nil {
			return failed.noted(ans.body, "Execution failed due to configuration error: Unable to transform response")
		}
		res.body = []byte(out)
		res.header.Set("Content-Type", ct)
	}
	if conv == decodeBase64 {
		res.body = convertResponse(conv, res.body)
	}
	for _, k := range slices.Sorted(maps.Keys(chosen.ResponseParameters)) {
		name, ok := strings.CutPrefix(k, "method.response.header.")
		if !ok {
			continue
		}
		if val, ok := x.responseValue(chosen.ResponseParameters[k], ans); ok {
			name = http.CanonicalHeaderKey(name)
			if remappedHeaders[name] {
				name = "X-Amzn-Remapped-" + name
			}
			res.header[name] = []string{val}
		}
	}
	m.applyResponseOverride(&res)
	return res
}

// selectResponse is the integration response for a selector: the one
// whose pattern matches (by status code order, as AWS evaluates them
// deterministically), else the default one.
func (x *exchange) selectResponse(sel string) *IntegrationResponse {
	irs := x.method.MethodIntegration.IntegrationResponses
	var def *IntegrationResponse
	for _, code := range slices.Sorted(maps.Keys(irs)) {
		ir := irs[code]
		if ir.SelectionPattern == "" {
			if def == nil {
				def = &ir
			}
			continue
		}
		if re, err := compileSelection(ir.SelectionPattern); err == nil && re.MatchString(sel) {
			return &ir
		}
	}
	return def
}

// responseTemplate is the chosen response's template for the request's
// Accept type, else its application/json one, else its first; with its
// content type. An empty (null) template passes the body through.
func (x *exchange) responseTemplate(ir *IntegrationResponse) (string, string, bool) {
	if len(ir.ResponseTemplates) == 0 {
		return "", "", false
	}
	for _, acc := range strings.Split(x.r.Header.Get("Accept"), ",") {
		acc, _, _ = strings.Cut(acc, ";")
		acc = strings.ToLower(strings.TrimSpace(acc))
		if tpl, ok := ir.ResponseTemplates[acc]; ok {
			return acc, tpl, true
		}
	}
	if tpl, ok := ir.ResponseTemplates["application/json"]; ok {
		return "application/json", tpl, true
	}
	first := slices.Sorted(maps.Keys(ir.ResponseTemplates))[0]
	return first, ir.ResponseTemplates[first], true
}

// responseValue evaluates a response parameter mapping: those of the
// request side, integration.response.header.x, integration.response.body
// and integration.response.body.{JSONPath}.
func (x *exchange) responseValue(expr string, ans backendAnswer) (string, bool) {
	if expr == "integration.response.body" {
		return string(ans.body), true
	}
	if p, ok := strings.CutPrefix(expr, "integration.response.body."); ok {
		in := &vtl.Input{Body: string(ans.body)}
		v, _ := in.Method("path", []any{"$." + p})
		if v == nil {
			return "", false
		}
		return vtl.String(v), true
	}
	return x.mappedValue(expr, ans.header)
}

// mappedValue evaluates a mapping expression: 'static',
// method.request.{querystring|header|path}.x, integration.response.header.x,
// stageVariables.x, context.x.
func (x *exchange) mappedValue(expr string, backend http.Header) (string, bool) {
	if len(expr) >= 2 && expr[0] == '\'' && expr[len(expr)-1] == '\'' {
		return expr[1 : len(expr)-1], true
	}
	if name, ok := strings.CutPrefix(expr, "method.request.querystring."); ok {
		q := x.r.URL.Query()
		return q.Get(name), q.Has(name)
	}
	if name, ok := strings.CutPrefix(expr, "method.request.header."); ok {
		v := x.r.Header.Get(name)
		return v, v != ""
	}
	if name, ok := strings.CutPrefix(expr, "method.request.path."); ok {
		v, ok := x.params[name]
		return v, ok
	}
	if name, ok := strings.CutPrefix(expr, "integration.response.header."); ok && backend != nil {
		v := backend.Get(name)
		return v, v != ""
	}
	if name, ok := strings.CutPrefix(expr, "stageVariables."); ok {
		v, ok := x.stage.Variables[name]
		return v, ok
	}
	if name, ok := strings.CutPrefix(expr, "context."); ok {
		return x.contextValue(name)
	}
	return "", false
}

// remappedHeaders are the headers API Gateway does not let a method
// response set: a mapping to one is sent as x-amzn-Remapped-{name}
// (recorded: TestApiGatewayHeaderRemapping::
// test_apigateway_header_remapping_aws[AWS], full-integration).
var remappedHeaders = map[string]bool{"Authorization": true, "Connection": true, "Content-Length": true,
	"Content-Md5": true, "Date": true, "Expect": true, "Host": true, "Max-Forwards": true,
	"Proxy-Authenticate": true, "Server": true, "Trailer": true, "Upgrade": true, "User-Agent": true,
	"Www-Authenticate": true}
