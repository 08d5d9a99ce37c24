package apigw

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// importer builds a REST API from a document through the Go API.
type importer struct {
	s        *Service
	ctx      context.Context
	doc      *oaDoc
	basePath string // what is prepended to every path (basepath=prepend or split)
	endpoint string // endpointConfigurationTypes
	warnings []string

	id, refID   string            // the API being built; the id its model references name
	resources   map[string]string // resource id by path
	validators  map[string]string // validator id by name
	authorizers map[string]Authorizer
	models      map[string]bool
}

// newImport reads the import parameters.
func newImport(s *Service, ctx context.Context, doc *oaDoc, params map[string]string) (*importer, error) {
	b := &importer{s: s, ctx: ctx, doc: doc, endpoint: params["endpointConfigurationTypes"],
		resources: map[string]string{}, validators: map[string]string{}, authorizers: map[string]Authorizer{},
		models: map[string]bool{}}
	base, err := importBasePath(doc, params["basepath"])
	if err != nil {
		return nil, err
	}
	b.basePath = base
	return b, nil
}

// importBasePath is what an import prepends to every path of doc for the
// basepath mode: nothing for ignore (the default), the document's base
// path for prepend, and for split that base path less its first part,
// which is taken as the stage.
func importBasePath(doc *oaDoc, mode string) (string, error) {
	base := strings.TrimSuffix(doc.BasePath, "/")
	switch mode {
	case "", "ignore":
		return "", nil
	case "prepend":
		return base, nil
	case "split":
		if rest := strings.TrimPrefix(base, "/"); strings.Contains(rest, "/") {
			return rest[strings.IndexByte(rest, '/'):], nil
		}
		return "", nil
	}
	return "", badRequest("Invalid basepath parameter value: %s. Valid values are: [ignore, prepend, split]", mode)
}

// build creates the API and everything in the document; refID is the id
// model references name (the API's own when empty). It returns the new
// API's id, also on failure (then to be dropped), "" when none was made.
func (b *importer) build(refID string) (string, error) {
	in, err := b.restAPIInput()
	if err != nil {
		return "", err
	}
	a, err := b.s.CreateRestApi(b.ctx, in)
	if err != nil {
		return "", err
	}
	b.id, b.refID, b.resources["/"] = a.ID, refID, a.RootResourceID
	if b.refID == "" {
		b.refID = a.ID
	}
	for _, step := range []func() error{b.buildModels, b.buildValidators, b.buildAuthorizers, b.buildGatewayResponses} {
		if err := step(); err != nil {
			return b.id, err
		}
	}
	for _, o := range b.doc.operations() {
		if err := b.buildOperation(o); err != nil {
			return b.id, err
		}
	}
	return b.id, nil
}

// restAPIInput is the CreateRestApi input of the document: info's title,
// description and version and the API-level extensions.
func (b *importer) restAPIInput() (CreateRestApiInput, error) {
	t := b.doc.T
	in := CreateRestApiInput{Name: t.Info.Title, Version: t.Info.Version}
	if t.Info.Description != "" {
		in.Description = &t.Info.Description
	}
	exts := t.Extensions
	if _, err := extension(exts, extBinaryMediaTypes, &in.BinaryMediaTypes); err != nil {
		return in, err
	}
	if _, err := extension(exts, extAPIKeySource, &in.APIKeySource); err != nil {
		return in, err
	}
	if _, err := extension(exts, extMinCompression, &in.MinimumCompressionSize); err != nil {
		return in, err
	}
	var policy any
	if ok, err := extension(exts, extPolicy, &policy); err != nil {
		return in, err
	} else if ok {
		p, _ := json.Marshal(policy)
		in.Policy = string(p)
	}
	var ec xEndpointConfig
	if ok, err := extension(exts, extEndpointConfig, &ec); err != nil {
		return in, err
	} else if ok {
		in.EndpointConfiguration = &EndpointConfiguration{Types: ec.Types, VpcEndpointIDs: ec.VpcEndpointIDs}
	}
	if b.endpoint != "" {
		in.EndpointConfiguration = &EndpointConfiguration{Types: []string{b.endpoint}}
	}
	return in, nil
}

// buildModels replaces the default models with the document's schemas,
// their references rewritten to the model URLs API Gateway uses
// (https://apigateway.amazonaws.com/restapis/{id}/models/{name}, recorded
// in test_import_swagger_api).
func (b *importer) buildModels() error {
	b.s.mu.Lock()
	if a := b.s.byID[b.id]; a != nil {
		clear(a.models)
	}
	b.s.mu.Unlock()
	if b.doc.T.Components == nil {
		return nil
	}
	schemas := b.doc.T.Components.Schemas
	for name := range schemas {
		b.models[name] = true
	}
	for _, name := range sortedKeys(schemas) {
		raw, err := json.Marshal(schemas[name])
		if err != nil {
			return errInvalidOpenAPI()
		}
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			return errInvalidOpenAPI()
		}
		schema, _ := json.Marshal(b.modelRefs(v, 0))
		if _, err := b.s.CreateModel(b.ctx, CreateModelInput{RestAPIID: b.id, Name: name, Schema: string(schema),
			ContentType: "application/json"}); err != nil {
			return err
		}
	}
	return nil
}

// modelRefs rewrites the $refs of a schema to model URLs.
func (b *importer) modelRefs(v any, depth int) any {
	if depth > maxYAMLDepth {
		return nil
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if ref, ok := e.(string); ok && k == "$ref" {
				if name := schemaRefName(ref); name != "" {
					x[k] = modelURL(b.refID, name)
				}
				continue
			}
			x[k] = b.modelRefs(e, depth+1)
		}
	case []any:
		for i, e := range x {
			x[i] = b.modelRefs(e, depth+1)
		}
	}
	return v
}

// modelURL is the URL by which a model references another.
func modelURL(apiID, name string) string {
	return modelBase + apiID + "/models/" + name
}

// buildValidators creates x-amazon-apigateway-request-validators.
func (b *importer) buildValidators() error {
	var vs map[string]xValidator
	if _, err := extension(b.doc.T.Extensions, extValidators, &vs); err != nil {
		return err
	}
	for _, name := range sortedKeys(vs) {
		v, err := b.s.CreateRequestValidator(b.ctx, CreateRequestValidatorInput{RestAPIID: b.id, Name: name,
			ValidateRequestBody: vs[name].ValidateRequestBody, ValidateRequestParameters: vs[name].ValidateRequestParameters})
		if err != nil {
			return err
		}
		b.validators[name] = v.ID
	}
	return nil
}

// buildAuthorizers creates an authorizer for each security scheme with
// x-amazon-apigateway-authorizer, named as the scheme. A TOKEN authorizer
// without an identitySource reads the scheme's header (recorded in
// test_import_swagger_api: method.request.header.Authorization).
func (b *importer) buildAuthorizers() error {
	if b.doc.T.Components == nil {
		return nil
	}
	schemes := b.doc.T.Components.SecuritySchemes
	for _, name := range sortedKeys(schemes) {
		ref := schemes[name]
		if ref == nil || ref.Value == nil {
			continue
		}
		var x xAuthorizer
		if ok, err := extension(ref.Value.Extensions, extAuthorizer, &x); err != nil {
			return err
		} else if !ok {
			continue
		}
		var authType string
		if _, err := extension(ref.Value.Extensions, extAuthType, &authType); err != nil {
			return err
		}
		z := Authorizer{Name: name, Type: strings.ToUpper(x.Type), AuthType: authType, AuthorizerURI: x.AuthorizerURI,
			AuthorizerCredentials: x.AuthorizerCredentials, IdentitySource: x.IdentitySource,
			IdentityValidationExpression: x.IdentityValidationExpression,
			AuthorizerResultTTLInSeconds: x.AuthorizerResultTTLInSeconds, ProviderARNs: x.ProviderARNs}
		if z.IdentitySource == "" && z.Type != "REQUEST" && ref.Value.In == "header" && ref.Value.Name != "" {
			z.IdentitySource = "method.request.header." + ref.Value.Name
		}
		out, err := b.s.CreateAuthorizer(b.ctx, CreateAuthorizerInput{RestAPIID: b.id, Authorizer: z})
		if err != nil {
			return err
		}
		if z.AuthorizerResultTTLInSeconds == nil {
			b.noTTL(out.ID)
		}
		b.authorizers[name] = out
	}
	return nil
}

// noTTL leaves an imported authorizer without a TTL when the document
// gives none, as recorded (test_import_swagger_api:
// test-authorizer-not-used has no authorizerResultTtlInSeconds); it
// caches for the default 300 seconds all the same.
func (b *importer) noTTL(id string) {
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	if a := b.s.byID[b.id]; a != nil && a.authorizers[id] != nil {
		a.authorizers[id].AuthorizerResultTTLInSeconds = nil
	}
}

// buildGatewayResponses puts x-amazon-apigateway-gateway-responses.
func (b *importer) buildGatewayResponses() error {
	var gs map[string]xGatewayResponse
	if _, err := extension(b.doc.T.Extensions, extGatewayResponses, &gs); err != nil {
		return err
	}
	for _, typ := range sortedKeys(gs) {
		g := gs[typ]
		if _, err := b.s.PutGatewayResponse(b.ctx, PutGatewayResponseInput{RestAPIID: b.id, ResponseType: typ,
			StatusCode: string(g.StatusCode), ResponseParameters: g.ResponseParameters,
			ResponseTemplates: g.ResponseTemplates}); err != nil {
			return err
		}
	}
	return nil
}

// resource returns the id of the resource at path, creating it and its
// ancestors.
func (b *importer) resource(path string) (string, error) {
	if id, ok := b.resources[path]; ok {
		return id, nil
	}
	cut := strings.LastIndexByte(path, '/')
	parentPath := path[:cut]
	if parentPath == "" {
		parentPath = "/"
	}
	parent, err := b.resource(parentPath)
	if err != nil {
		return "", err
	}
	r, err := b.s.CreateResource(b.ctx, CreateResourceInput{RestAPIID: b.id, ParentID: parent, PathPart: path[cut+1:]})
	if err != nil {
		return "", err
	}
	b.resources[path] = r.ID
	return r.ID, nil
}

// warn records a warning.
func (b *importer) warn(format string, args ...any) {
	b.warnings = append(b.warnings, fmt.Sprintf(format, args...))
}

// sortedKeys returns the keys of m in order, so that an import creates
// (and draws ids) in the same order every time.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// docPath is the resource path of a document path under the base path: no
// trailing slash, "/" for the root.
func (b *importer) docPath(p string) (string, error) { return joinBasePath(b.basePath, p) }

// joinBasePath is document path p under base: no trailing slash, "/" for
// the root; a path with an empty part is not a valid document.
func joinBasePath(base, p string) (string, error) {
	full := base + "/" + strings.Trim(p, "/")
	full = strings.TrimSuffix(full, "/")
	if full == "" {
		return "/", nil
	}
	if strings.Contains(full, "//") {
		return "", errInvalidOpenAPI()
	}
	return full, nil
}

// mediaModel is the model a media type's schema names: its $ref's
// component, "" for an inline schema or a reference to no model (a
// warning).
func (b *importer) mediaModel(mt *openapi3.MediaType, where string) string {
	if mt == nil || mt.Schema == nil || mt.Schema.Ref == "" {
		return ""
	}
	name := schemaRefName(mt.Schema.Ref)
	if !b.models[name] {
		b.warn("Unable to find model for reference %s in %s", mt.Schema.Ref, where)
		return ""
	}
	return name
}
