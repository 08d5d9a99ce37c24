package apigw

import (
	"encoding/json"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Security scheme names of an export: an API key and AWS_IAM.
const (
	schemeAPIKey = "api_key"
	schemeSigV4  = "sigv4"
)

// exportNames are the names of a deployment's authorizers and validators
// by id.
type exportNames struct{ authorizers, validators map[string]string }

// addNode adds the paths of n and its children: a path for each resource
// with methods (recorded: a root without methods is not exported).
func (x *exported) addNode(n *node, names exportNames, opts exportOptions) {
	if n == nil {
		return
	}
	if len(n.methods) > 0 {
		item := &openapi3.PathItem{Extensions: map[string]any{}}
		for _, name := range sortedKeys(n.methods) {
			op := x.operation(n, n.methods[name], names, opts)
			if name == "ANY" {
				x.anyMethods[n.path] = op
				continue
			}
			item.SetOperation(name, op)
		}
		x.t.Paths.Set(n.path, item)
	}
	for _, k := range sortedKeys(n.literal) {
		x.addNode(n.literal[k], names, opts)
	}
	x.addNode(n.param, names, opts)
	x.addNode(n.greedy, names, opts)
}

// operation is the document's operation of a method.
func (x *exported) operation(n *node, m Method, names exportNames, opts exportOptions) *openapi3.Operation {
	op := &openapi3.Operation{OperationID: m.OperationName, Extensions: map[string]any{},
		Responses: openapi3.NewResponsesWithCapacity(len(m.MethodResponses))}
	for _, k := range sortedKeys(m.RequestParameters) {
		loc, name, ok := splitParam(k, "method.request.")
		if !ok {
			continue
		}
		p := &openapi3.Parameter{Name: name, In: loc, Required: m.RequestParameters[k] || loc == "path",
			Schema: openapi3.NewStringSchema().NewRef()}
		op.Parameters = append(op.Parameters, &openapi3.ParameterRef{Value: p})
	}
	if len(m.RequestModels) > 0 {
		op.RequestBody = &openapi3.RequestBodyRef{Value: &openapi3.RequestBody{Content: modelContent(m.RequestModels), Required: true}}
	}
	for _, code := range sortedKeys(m.MethodResponses) {
		mr := m.MethodResponses[code]
		desc := code + " response"
		r := &openapi3.Response{Description: &desc, Content: modelContent(mr.ResponseModels)}
		for _, h := range sortedKeys(mr.ResponseParameters) {
			if name, ok := strings.CutPrefix(h, "method.response.header."); ok {
				if r.Headers == nil {
					r.Headers = openapi3.Headers{}
				}
				r.Headers[name] = &openapi3.HeaderRef{Value: &openapi3.Header{Parameter: openapi3.Parameter{
					Schema: openapi3.NewStringSchema().NewRef()}}}
			}
		}
		op.Responses.Set(code, &openapi3.ResponseRef{Value: r})
	}
	x.security(op, m, names)
	x.media[n.path+" "+m.HTTPMethod] = mediaTypes(m)
	if i := m.MethodIntegration; i != nil && opts.integrations {
		op.Extensions[extIntegration] = integrationExtension(*i, n.id)
	}
	if v := names.validators[m.RequestValidatorID]; v != "" && opts.apigateway {
		op.Extensions[extValidator] = v
	}
	return op
}

// security writes a method's authorization as security requirements.
func (x *exported) security(op *openapi3.Operation, m Method, names exportNames) {
	var reqs openapi3.SecurityRequirements
	if z := names.authorizers[m.AuthorizerID]; z != "" {
		scopes := m.AuthorizationScopes
		if scopes == nil {
			scopes = []string{}
		}
		reqs = append(reqs, openapi3.SecurityRequirement{z: scopes})
	}
	if m.AuthorizationType == "AWS_IAM" {
		x.sigv4 = true
		reqs = append(reqs, openapi3.SecurityRequirement{schemeSigV4: []string{}})
	}
	if m.APIKeyRequired {
		x.usedAPIKey = true
		reqs = append(reqs, openapi3.SecurityRequirement{schemeAPIKey: []string{}})
	}
	if len(reqs) > 0 {
		op.Security = &reqs
	}
}

// mediaTypes are Swagger's consumes and produces of a method: the media
// types of its request models and request templates, and of its response
// models and response templates (recorded in
// test_export_swagger_openapi[TEST_IMPORT_PETSTORE_SWAGGER]: a MOCK with
// an application/json request template and a text/html response template
// consumes application/json and produces text/html).
func mediaTypes(m Method) [2][]string {
	in, out := map[string]bool{}, map[string]bool{}
	for ct := range m.RequestModels {
		in[ct] = true
	}
	for _, r := range m.MethodResponses {
		for ct := range r.ResponseModels {
			out[ct] = true
		}
	}
	if i := m.MethodIntegration; i != nil {
		for ct := range i.RequestTemplates {
			in[ct] = true
		}
		for _, r := range i.IntegrationResponses {
			for ct := range r.ResponseTemplates {
				out[ct] = true
			}
		}
	}
	return [2][]string{sortedKeys(in), sortedKeys(out)}
}

// splitParam splits method.request.querystring.name into query and name.
func splitParam(k, prefix string) (loc, name string, ok bool) {
	rest, ok := strings.CutPrefix(k, prefix)
	if !ok {
		return "", "", false
	}
	kind, name, ok := strings.Cut(rest, ".")
	switch kind {
	case "path", "header":
		return kind, name, ok
	case "querystring":
		return "query", name, ok
	}
	return "", "", false
}

// modelContent is the content of a set of models by media type: each a
// reference to its schema (empty, as AWS writes it, without models).
func modelContent(models map[string]string) openapi3.Content {
	out := openapi3.Content{}
	for ct, name := range models {
		out[ct] = &openapi3.MediaType{Schema: &openapi3.SchemaRef{Ref: "#/components/schemas/" + name}}
	}
	return out
}

// addComponents writes the models as schemas, the security schemes and,
// as asked, the API's extensions.
func (x *exported) addComponents(a *api, sn *snapshot, opts exportOptions) {
	c := x.t.Components
	for _, name := range sortedKeys(sn.models) {
		var v any
		if json.Unmarshal([]byte(sn.models[name].Schema), &v) != nil {
			continue
		}
		raw, _ := json.Marshal(exportRefs(v, 0))
		var schema openapi3.Schema
		if json.Unmarshal(raw, &schema) == nil {
			if c.Schemas == nil {
				c.Schemas = openapi3.Schemas{}
			}
			c.Schemas[name] = &openapi3.SchemaRef{Value: &schema}
		}
	}
	x.addSchemes(sn, opts)
	if opts.integrations && len(sn.binaryMediaTypes) > 0 {
		x.t.Extensions[extBinaryMediaTypes] = sn.binaryMediaTypes
	}
	if !opts.apigateway {
		return
	}
	if a.APIKeySource != "" && a.APIKeySource != "HEADER" {
		x.t.Extensions[extAPIKeySource] = a.APIKeySource
	}
	if len(sn.validators) > 0 {
		vs := map[string]xValidator{}
		for _, v := range sn.validators {
			vs[v.Name] = xValidator{v.ValidateRequestBody, v.ValidateRequestParameters}
		}
		x.t.Extensions[extValidators] = vs
	}
	if len(sn.gateway) > 0 {
		gs := map[string]xGatewayResponse{}
		for typ, g := range sn.gateway {
			gs[typ] = xGatewayResponse{StatusCode: flexString(g.StatusCode), ResponseParameters: g.ResponseParameters,
				ResponseTemplates: g.ResponseTemplates}
		}
		x.t.Extensions[extGatewayResponses] = gs
	}
}

// addSchemes writes a security scheme per authorizer (its
// x-amazon-apigateway-authorizer with the authorizers extensions), and
// those of API keys and AWS_IAM when a method uses them.
func (x *exported) addSchemes(sn *snapshot, opts exportOptions) {
	c := x.t.Components
	add := func(name string, s *openapi3.SecurityScheme) {
		if c.SecuritySchemes == nil {
			c.SecuritySchemes = openapi3.SecuritySchemes{}
		}
		c.SecuritySchemes[name] = &openapi3.SecuritySchemeRef{Value: s}
	}
	for _, z := range sn.authorizers {
		header := "Unused"
		if h, ok := strings.CutPrefix(z.IdentitySource, "method.request.header."); ok && !strings.Contains(h, ",") {
			header = h
		}
		authType := z.AuthType
		if authType == "" {
			authType = strings.ToLower(z.Type)
			if z.Type != "COGNITO_USER_POOLS" {
				authType = "custom"
			}
		}
		s := openapi3.NewSecurityScheme().WithType("apiKey").WithName(header).WithIn("header")
		s.Extensions = map[string]any{extAuthType: authType}
		if opts.authorizers {
			s.Extensions[extAuthorizer] = xAuthorizer{Type: strings.ToLower(z.Type), AuthorizerURI: z.AuthorizerURI,
				AuthorizerCredentials: z.AuthorizerCredentials, IdentitySource: z.IdentitySource,
				IdentityValidationExpression: z.IdentityValidationExpression,
				AuthorizerResultTTLInSeconds: z.AuthorizerResultTTLInSeconds, ProviderARNs: z.ProviderARNs}
		}
		add(z.Name, s)
	}
	if x.usedAPIKey {
		add(schemeAPIKey, openapi3.NewSecurityScheme().WithType("apiKey").WithName("x-api-key").WithIn("header"))
	}
	if x.sigv4 {
		s := openapi3.NewSecurityScheme().WithType("apiKey").WithName("Authorization").WithIn("header")
		s.Extensions = map[string]any{extAuthType: "awsSigv4"}
		add(schemeSigV4, s)
	}
}

// exportRefs rewrites model URLs in a schema to #/components/schemas
// references and drops $schema, which OpenAPI's schema objects do not
// have.
func exportRefs(v any, depth int) any {
	if depth > maxYAMLDepth {
		return nil
	}
	switch x := v.(type) {
	case map[string]any:
		delete(x, "$schema")
		for k, e := range x {
			if ref, ok := e.(string); ok && k == "$ref" {
				if i := strings.LastIndex(ref, "/models/"); i >= 0 && strings.HasPrefix(ref, "https://apigateway.amazonaws.com/restapis/") {
					x[k] = "#/components/schemas/" + ref[i+len("/models/"):]
				}
				continue
			}
			x[k] = exportRefs(e, depth+1)
		}
	case []any:
		for i, e := range x {
			x[i] = exportRefs(e, depth+1)
		}
	}
	return v
}
