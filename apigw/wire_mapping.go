package apigw

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"maps"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/vtl"
)

// errNoTemplate says the request's content type has no request template
// and the passthrough behavior refuses it: API Gateway's 415.
var errNoTemplate = errors.New("Unsupported Media Type")

// unsupportedMediaType is UNSUPPORTED_MEDIA_TYPE's default response.
func unsupportedMediaType() response {
	return gatewayError("UNSUPPORTED_MEDIA_TYPE", http.StatusUnsupportedMediaType, "UnsupportedMediaTypeException", "Unsupported Media Type")
}

// requestContentType is the request's media type, lowercased, without its
// parameters; application/json when none is sent, as API Gateway assumes.
func (x *exchange) requestContentType() string {
	ct := x.r.Header.Get("Content-Type")
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	ct = strings.TrimSpace(strings.ToLower(ct))
	if ct == "" {
		ct = "application/json"
	}
	return ct
}

// requestTemplate chooses the integration's request template by the
// request's content type. ok is false when there is none and the body
// passes through as it is; err is errNoTemplate when the passthrough
// behavior refuses the request: WHEN_NO_MATCH (the default) passes any
// unmatched type through, WHEN_NO_TEMPLATES only when no template is
// defined, NEVER never.
func (x *exchange) requestTemplate() (tpl string, ok bool, err error) {
	i := x.method.MethodIntegration
	ct := x.requestContentType()
	for k, v := range i.RequestTemplates {
		if strings.EqualFold(k, ct) {
			return v, true, nil
		}
	}
	switch i.PassthroughBehavior {
	case "NEVER":
		return "", false, errNoTemplate
	case "WHEN_NO_TEMPLATES":
		if len(i.RequestTemplates) > 0 {
			return "", false, errNoTemplate
		}
	}
	return "", false, nil
}

// mapping is the state one invocation's templates share: $context, whose
// requestOverride and responseOverride a request template may set and the
// integration and method responses then apply.
type mapping struct {
	ctx *vtl.Map
}

// newMapping builds $context for x: every variable AWS documents for REST
// APIs (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variable-reference),
// null where the request has no value (no authorizer, no API key, no
// Cognito identity).
func (x *exchange) newMapping() *mapping {
	c := vtl.NewMap()
	put := func(k string, v any) { c.Put(k, v) }
	put("accountId", x.account)
	put("apiId", x.t.apiID)
	put("authorizer", x.authorizerMap())
	put("awsEndpointRequestId", nil)
	put("deploymentId", x.snap.deploymentID)
	put("domainName", x.r.Host)
	put("domainPrefix", x.t.apiID)
	errMap := vtl.NewMap()
	errMap.Put("message", nil)
	errMap.Put("messageString", nil)
	errMap.Put("responseType", nil)
	errMap.Put("validationErrorString", nil)
	put("error", errMap)
	put("extendedRequestId", x.requestID)
	put("httpMethod", x.r.Method)
	id := vtl.NewMap()
	for _, k := range []string{"accountId", "apiKey", "apiKeyId", "caller", "cognitoAuthenticationProvider",
		"cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId", "user",
		"userArn", "vpcId", "vpceId"} {
		id.Put(k, nil)
	}
	for k, v := range x.caller.identityValues() {
		id.Put(k, v)
	}
	id.Put("sourceIp", sourceIP(x.r))
	id.Put("userAgent", x.r.UserAgent())
	id.Put("clientCert", vtl.NewMap())
	put("identity", id)
	put("isCanaryRequest", x.record != nil && x.record.Canary)
	put("path", "/"+x.t.stage+x.t.rest)
	put("protocol", "HTTP/1.1")
	put("requestId", x.requestID)
	put("requestTime", x.start.UTC().Format(requestTimeLayout))
	put("requestTimeEpoch", x.start.UnixMilli())
	put("resourceId", x.node.id)
	put("resourcePath", x.node.path)
	put("stage", x.t.stage)
	put("wafResponseCode", nil)
	put("webaclArn", nil)
	req := vtl.NewMap()
	req.Put("header", vtl.NewMap())
	req.Put("path", vtl.NewMap())
	req.Put("querystring", vtl.NewMap())
	put("requestOverride", req)
	resp := vtl.NewMap()
	resp.Put("header", vtl.NewMap())
	resp.Put("status", nil)
	put("responseOverride", resp)
	integ := vtl.NewMap()
	for _, k := range []string{"error", "integrationStatus", "latency", "requestId", "status"} {
		integ.Put(k, nil)
	}
	put("integration", integ)
	return &mapping{ctx: c}
}

// vars are a template's variables for a body: $input, $util, $context and
// $stageVariables.
func (x *exchange) vars(m *mapping, body string) map[string]any {
	q := map[string]string{}
	for k, vs := range x.urlQuery() {
		q[k] = vs[0]
	}
	h := map[string]string{}
	for k, vs := range x.r.Header {
		h[k] = vs[0]
	}
	sv := vtl.NewMap()
	for _, k := range slices.Sorted(maps.Keys(x.stage.Variables)) {
		sv.Put(k, x.stage.Variables[k])
	}
	return map[string]any{
		"input":          &vtl.Input{Body: body, Path: maps.Clone(x.params), QueryString: q, Header: h},
		"util":           vtl.Util{},
		"context":        m.ctx,
		"stageVariables": sv,
	}
}

// render parses and renders a template: a parse error (or a rendering past
// the engine's limits) is AWS's 500, the error in the execution log.
func (x *exchange) render(m *mapping, tpl, body string) (string, *response) {
	p, ok := x.snap.templates[tpl]
	if !ok {
		p.t, p.err = vtl.Parse(tpl)
	}
	t, err := p.t, p.err
	if err == nil {
		var out string
		out, err = t.Render(x.vars(m, body), vtl.Limits{})
		if err == nil {
			return out, nil
		}
	}
	res := internalError().noted(nil, "Execution failed due to configuration error: Unable to transform request: "+err.Error())
	return "", &res
}

// integrationBody is the body sent to a non-proxy backend: the request
// template's rendering, or the body passed through; res is the answer
// when the request goes no further (415, a template error).
//
// contentHandling converts the payload as AWS's table says: a binary
// payload (by binaryMediaTypes) is base64 text for a template or with
// CONVERT_TO_TEXT, and CONVERT_TO_BINARY decodes the base64 the template
// (or the client) wrote; what does not decode is a 500.
func (x *exchange) integrationBody(m *mapping) ([]byte, *response) {
	tpl, ok, err := x.requestTemplate()
	if err != nil {
		res := unsupportedMediaType().noted(nil, "Request payload content-type not supported: "+x.requestContentType())
		return nil, &res
	}
	handling := x.method.MethodIntegration.ContentHandling
	body := x.body
	if x.binaryRequest() && (ok || handling == "CONVERT_TO_TEXT") && handling != "CONVERT_TO_BINARY" {
		body = []byte(base64.StdEncoding.EncodeToString(body))
	}
	if ok {
		out, res := x.render(m, tpl, templateBody(body))
		if res != nil {
			return nil, res
		}
		body = []byte(out)
	}
	if handling == "CONVERT_TO_BINARY" && (ok || !x.binaryRequest()) {
		dec, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(body)))
		if err != nil {
			res := internalError().noted(nil, "Execution failed due to configuration error: Unable to convert the payload to binary: "+err.Error())
			return nil, &res
		}
		body = dec
	}
	return body, nil
}

// overrides are the requestOverride values a request template set.
func (m *mapping) requestOverrides(part string) map[string]string {
	out := map[string]string{}
	ro, _ := m.ctx.Get("requestOverride")
	if rm, ok := ro.(*vtl.Map); ok {
		if pm, ok := mapAt(rm, part); ok {
			for _, k := range pm.Keys() {
				v, _ := pm.Get(k)
				out[k] = vtl.String(v)
			}
		}
	}
	return out
}

// applyResponseOverride applies $context.responseOverride.status and
// .header.* to res, as a template may set them.
func (m *mapping) applyResponseOverride(res *response) {
	ro, _ := m.ctx.Get("responseOverride")
	rm, ok := ro.(*vtl.Map)
	if !ok {
		return
	}
	if st, ok := rm.Get("status"); ok && st != nil {
		if n, err := strconv.Atoi(vtl.String(st)); err == nil && n >= 100 && n <= 599 {
			res.status = n
		}
	}
	if hm, ok := mapAt(rm, "header"); ok {
		for _, k := range hm.Keys() {
			v, _ := hm.Get(k)
			res.header[http.CanonicalHeaderKey(k)] = []string{vtl.String(v)}
		}
	}
}

func mapAt(m *vtl.Map, key string) (*vtl.Map, bool) {
	v, _ := m.Get(key)
	out, ok := v.(*vtl.Map)
	return out, ok
}

// Templates are mapping templates by content type. An empty template is
// written null, as AWS answers it (recorded: test_apigateway_api.py::
// TestApigatewayIntegration::test_put_integration_response_templates).
type Templates map[string]string

// MarshalJSON writes the templates, an empty one as null.
func (t Templates) MarshalJSON() ([]byte, error) {
	doc := make(map[string]*string, len(t))
	for k, v := range t {
		if v != "" {
			doc[k] = &v
		} else {
			doc[k] = nil
		}
	}
	return json.Marshal(doc)
}

// checkTemplateTypes checks that templates are keyed by media types
// (type/subtype), with AWS's text (recorded: TestApigatewayIntegrationResponse::
// test_integration_response_invalid_responsetemplates).
func checkTemplateTypes(templates map[string]string) error {
	for _, k := range slices.Sorted(maps.Keys(templates)) {
		mt, _, err := mime.ParseMediaType(k)
		if err != nil || !strings.Contains(mt, "/") {
			return badRequest("Validation Result: warnings : [], errors : [Invalid content type specified: %s]", k)
		}
	}
	return nil
}

// parsedTemplate is a deployed template, parsed.
type parsedTemplate struct {
	t   *vtl.Template
	err error
}

// parseTemplates parses the request and response templates of an
// integration into the snapshot, once per distinct text.
func (sn *snapshot) parseTemplates(i *Integration) {
	if i == nil {
		return
	}
	if sn.templates == nil {
		sn.templates = map[string]parsedTemplate{}
	}
	add := func(src string) {
		if _, ok := sn.templates[src]; !ok {
			t, err := vtl.Parse(src)
			sn.templates[src] = parsedTemplate{t, err}
		}
	}
	for _, src := range i.RequestTemplates {
		add(src)
	}
	for _, ir := range i.IntegrationResponses {
		for _, src := range ir.ResponseTemplates {
			add(src)
		}
	}
}

// templateBody is a request body as a request template sees it: an empty
// body is {} (recorded: TestApiGatewayCommon::test_input_body_formatting,
// empty-body; test_apigateway_sqs.py::test_sqs_aws_integration,
// sqs-aws-integration-without-payload arrives as {}).
func templateBody(b []byte) string {
	if len(b) == 0 {
		return "{}"
	}
	return string(b)
}
