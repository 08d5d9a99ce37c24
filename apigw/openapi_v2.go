package apigw

import (
	"fmt"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// HTTP APIs' OpenAPI import (ImportApi, ReimportApi), following
// developerguide/http-api-open-api.html: an OpenAPI 3.0 document (JSON or
// YAML; Swagger 2.0 is read too, converted by parseOpenAPI) becomes an
// HTTP API: each path and method a route, x-amazon-apigateway-any-method
// an ANY route and, with isDefaultRoute (or on the path /$default), the
// $default route; each operation's x-amazon-apigateway-integration its
// integration (or, by $ref, one of the components'
// x-amazon-apigateway-integrations, shared); the security schemes with
// x-amazon-apigateway-authorizer its JWT and Lambda (request)
// authorizers, and the operations' security
// the routes' authorization and scopes; x-amazon-apigateway-cors its CORS
// configuration; x-amazon-apigateway-endpoint-configuration's
// disableExecuteApiEndpoint its own; the root tags with
// x-amazon-apigateway-tag-value its tags. Everything is validated by the rules CreateApi, CreateIntegration,
// CreateAuthorizer and CreateRoute apply (httpapi_*.go), on an API built
// aside: the first failure is the answer and nothing is kept.

// Extensions only HTTP APIs read.
const (
	extCors             = "x-amazon-apigateway-cors"
	extImportExport     = "x-amazon-apigateway-importexport-version"
	extTagValue         = "x-amazon-apigateway-tag-value"
	extIntegrations     = "x-amazon-apigateway-integrations"
	importExportVersion = "1.0"
	defaultRoutePath    = "/$default"
)

// xHIntegration is x-amazon-apigateway-integration as an HTTP API reads
// and writes it.
type xHIntegration struct {
	Type                 string                       `json:"type"`
	URI                  string                       `json:"uri,omitempty"`
	HTTPMethod           string                       `json:"httpMethod,omitempty"`
	PayloadFormatVersion string                       `json:"payloadFormatVersion,omitempty"`
	ConnectionType       string                       `json:"connectionType,omitempty"`
	Credentials          string                       `json:"credentials,omitempty"`
	Description          string                       `json:"description,omitempty"`
	TimeoutInMillis      int32                        `json:"timeoutInMillis,omitempty"`
	IntegrationSubtype   string                       `json:"integrationSubtype,omitempty"`
	RequestParameters    map[string]string            `json:"requestParameters,omitempty"`
	ResponseParameters   map[string]map[string]string `json:"responseParameters,omitempty"`
}

// xHAuthorizer is x-amazon-apigateway-authorizer as an HTTP API reads and
// writes it: type jwt or request; identitySource is comma-separated.
type xHAuthorizer struct {
	Type                           string     `json:"type"`
	IdentitySource                 flexString `json:"identitySource,omitempty"`
	JWTConfiguration               *hJWT      `json:"jwtConfiguration,omitempty"`
	AuthorizerURI                  string     `json:"authorizerUri,omitempty"`
	AuthorizerCredentials          string     `json:"authorizerCredentials,omitempty"`
	AuthorizerPayloadFormatVersion string     `json:"authorizerPayloadFormatVersion,omitempty"`
	AuthorizerResultTTLInSeconds   *int32     `json:"authorizerResultTtlInSeconds,omitempty"`
	EnableSimpleResponses          bool       `json:"enableSimpleResponses,omitempty"`
}

// hImported is ImportApi's and ReimportApi's answer: the API, with the
// warnings the document gave.
type hImported struct {
	hAPIDoc
	Warnings []string `json:"warnings,omitempty"`
}

// hImport is one import: the document, the base path its paths go under,
// the API being built and what it found.
type hImport struct {
	s        *Service
	doc      *oaDoc
	base     string
	a        *hAPI
	schemes  map[string]hAuthorizer // by security scheme name
	sigv4    map[string]bool        // security schemes of AWS_IAM
	shared   map[string]string      // integration ids by components' x-amazon-apigateway-integrations name
	warnings []string
}

// newHAPI is an empty v2 API of sc.
func newHAPI(sc faults.Scope, doc hAPIDoc) *hAPI {
	return &hAPI{scope: sc, doc: doc, routes: map[string]hRoute{}, integrations: map[string]hIntegration{},
		authorizers: map[string]hAuthorizer{}, stages: map[string]hStage{}, deployments: map[string]hDeployment{},
		models: map[string]hModel{}, snaps: map[string]*hSnap{}, buckets: map[string]*bucket{}}
}

// parseHTTPAPIDoc reads an import's document and its basepath mode.
func parseHTTPAPIDoc(body []byte, basepath string) (*hImport, error) {
	doc, err := parseOpenAPI(body)
	if err != nil {
		return nil, err
	}
	base, err := importBasePath(doc, basepath)
	if err != nil {
		return nil, err
	}
	return &hImport{doc: doc, base: base, schemes: map[string]hAuthorizer{}, sigv4: map[string]bool{},
		shared: map[string]string{}}, nil
}

// apiDoc is the API the document describes: its info, CORS and tags.
func (b *hImport) apiDoc() (hAPIDoc, error) {
	t := b.doc.T
	d := hAPIDoc{Name: t.Info.Title, Description: t.Info.Description, Version: t.Info.Version, ProtocolType: "HTTP"}
	var cors hCors
	if ok, err := extension(t.Extensions, extCors, &cors); err != nil {
		return d, err
	} else if ok {
		d.CorsConfiguration = &cors
	}
	var endpoint struct {
		Disable bool `json:"disableExecuteApiEndpoint"`
	}
	if _, err := extension(t.Extensions, extEndpointConfig, &endpoint); err != nil {
		return d, err
	}
	d.DisableExecuteAPIEndpoint = endpoint.Disable
	var version flexString
	if ok, err := extension(t.Extensions, extImportExport, &version); err != nil {
		return d, err
	} else if ok && version != importExportVersion {
		b.warn("Unsupported %s %s: %s is used", extImportExport, version, importExportVersion)
	}
	for _, tag := range t.Tags {
		if tag == nil || tag.Name == "" {
			continue
		}
		var v flexString
		if _, err := extension(tag.Extensions, extTagValue, &v); err != nil {
			return d, err
		}
		if d.Tags == nil {
			d.Tags = map[string]string{}
		}
		d.Tags[tag.Name] = string(v)
	}
	for _, ext := range []string{extValidators, extGatewayResponses, extBinaryMediaTypes, extAPIKeySource, extPolicy} {
		if _, ok := t.Extensions[ext]; ok {
			b.warn("%s is not supported for HTTP APIs and was ignored", ext)
		}
	}
	return d, checkAPIDoc(&d, true)
}

func (b *hImport) warn(format string, args ...any) {
	b.warnings = append(b.warnings, fmt.Sprintf(format, args...))
}

// buildLocked fills b.a (an API not yet in the state) from the document.
func (b *hImport) buildLocked() error {
	if err := b.authorizersLocked(); err != nil {
		return err
	}
	for _, op := range b.doc.operations() {
		if err := b.routeLocked(op); err != nil {
			return err
		}
	}
	return nil
}

// authorizersLocked makes an authorizer of each security scheme with
// x-amazon-apigateway-authorizer, named for the scheme, and notes the
// schemes of AWS_IAM (x-amazon-apigateway-authtype awsSigv4).
func (b *hImport) authorizersLocked() error {
	if b.doc.T.Components == nil {
		return nil
	}
	schemes := b.doc.T.Components.SecuritySchemes
	for _, name := range sortedKeys(schemes) {
		ref := schemes[name]
		if ref == nil || ref.Value == nil {
			continue
		}
		var authType string
		if _, err := extension(ref.Value.Extensions, extAuthType, &authType); err != nil {
			return err
		}
		if strings.EqualFold(authType, "awsSigv4") {
			b.sigv4[name] = true
			continue
		}
		var x xHAuthorizer
		ok, err := extension(ref.Value.Extensions, extAuthorizer, &x)
		if err != nil {
			return err
		}
		if !ok {
			b.warn("Security scheme %s has no %s and was ignored", name, extAuthorizer)
			continue
		}
		au := x.authorizer(name)
		if err := checkHAuthorizer(b.a, &au); err != nil {
			return err
		}
		au.AuthorizerID = b.s.newSharedIDLocked(b.a)
		b.a.authorizers[au.AuthorizerID] = au
		b.schemes[name] = au
	}
	return nil
}

// authorizer is the authorizer x describes.
func (x xHAuthorizer) authorizer(name string) hAuthorizer {
	au := hAuthorizer{Name: name, AuthorizerType: strings.ToUpper(x.Type), AuthorizerURI: x.AuthorizerURI,
		AuthorizerCredentialsArn: x.AuthorizerCredentials, AuthorizerPayloadFormatVersion: x.AuthorizerPayloadFormatVersion,
		AuthorizerResultTTLInSeconds: x.AuthorizerResultTTLInSeconds, EnableSimpleResponses: x.EnableSimpleResponses,
		JWTConfiguration: x.JWTConfiguration}
	for _, src := range strings.Split(string(x.IdentitySource), ",") {
		if src = strings.TrimSpace(src); src != "" {
			au.IdentitySource = append(au.IdentitySource, src)
		}
	}
	return au
}

// routeLocked makes the route of one operation and its integration.
func (b *hImport) routeLocked(op docOperation) error {
	key, err := b.routeKey(op)
	if err != nil {
		return err
	}
	r := hRoute{RouteKey: key, OperationName: op.Op.OperationID}
	if raw, ok := op.Op.Extensions[extIntegration]; ok {
		id, err := b.integrationLocked(raw)
		if err != nil {
			return err
		}
		r.Target = "integrations/" + id
	} else {
		b.warn("Route %s has no %s: it has no target", key, extIntegration)
	}
	b.security(op, &r)
	if err := checkRoute(b.a, &r, ""); err != nil {
		return err
	}
	r.RouteID = b.s.newSharedIDLocked(b.a)
	b.a.routes[r.RouteID] = r
	return nil
}

// integrationLocked makes the integration of an operation's extension and
// returns its id. A {"$ref": "#/components/x-amazon-apigateway-integrations/name"}
// names one of the document's reusable integrations, made once and shared
// by the routes naming it (api-gateway-extensions-integrations.html); a
// reference to none is not a valid document.
func (b *hImport) integrationLocked(raw any) (string, error) {
	var ref struct {
		Ref string `json:"$ref"`
	}
	if remarshal(raw, &ref) == nil && ref.Ref != "" {
		name, ok := strings.CutPrefix(ref.Ref, "#/components/"+extIntegrations+"/")
		if !ok {
			return "", errInvalidOpenAPI()
		}
		if id, done := b.shared[name]; done {
			return id, nil
		}
		var shared map[string]any
		if c := b.doc.T.Components; c != nil {
			shared, _ = c.Extensions[extIntegrations].(map[string]any)
		}
		if raw, ok = shared[name]; !ok {
			return "", errInvalidOpenAPI()
		}
		id, err := b.newIntegrationLocked(raw)
		b.shared[name] = id
		return id, err
	}
	return b.newIntegrationLocked(raw)
}

// newIntegrationLocked makes the integration raw describes.
func (b *hImport) newIntegrationLocked(raw any) (string, error) {
	var x xHIntegration
	if err := remarshal(raw, &x); err != nil {
		return "", errInvalidOpenAPI()
	}
	integ := x.integration()
	if err := checkHIntegration(b.a, &integ, true); err != nil {
		return "", err
	}
	integ.IntegrationID = b.s.newSharedIDLocked(b.a)
	b.a.integrations[integ.IntegrationID] = integ
	return integ.IntegrationID, nil
}

// routeKey is an operation's route key: $default for the any-method of
// /$default or one marked isDefaultRoute, else "METHOD path" with the
// path under the base path.
func (b *hImport) routeKey(op docOperation) (string, error) {
	if op.Method == "ANY" {
		raw, _ := op.Item.Extensions[extAnyMethod].(map[string]any)
		if def, _ := raw["isDefaultRoute"].(bool); def || op.Path == defaultRoutePath {
			return "$default", nil
		}
	}
	p, err := joinBasePath(b.base, op.Path)
	if err != nil {
		return "", err
	}
	return op.Method + " " + p, nil
}

// security sets r's authorization from the operation's security (the
// document's when the operation names none): the first scheme of the
// first requirement that is an authorizer or AWS_IAM; scopes for JWT.
func (b *hImport) security(op docOperation, r *hRoute) {
	reqs := b.doc.T.Security
	if op.Op.Security != nil {
		reqs = *op.Op.Security
	}
	for _, req := range reqs {
		for _, name := range sortedKeys(map[string][]string(req)) {
			if b.sigv4[name] {
				r.AuthorizationType = "AWS_IAM"
				return
			}
			au, ok := b.schemes[name]
			if !ok {
				b.warn("Security scheme %s of route %s is not an authorizer", name, r.RouteKey)
				continue
			}
			r.AuthorizerID, r.AuthorizationType = au.AuthorizerID, "CUSTOM"
			if au.AuthorizerType == "JWT" {
				r.AuthorizationType, r.AuthorizationScopes = "JWT", req[name]
			}
			return
		}
	}
}

// integration is the integration x describes, its enumerations upper-cased
// as AWS reads them (type: aws_proxy).
func (x xHIntegration) integration() hIntegration {
	return hIntegration{IntegrationType: strings.ToUpper(x.Type), IntegrationURI: x.URI,
		IntegrationMethod: strings.ToUpper(x.HTTPMethod), PayloadFormatVersion: x.PayloadFormatVersion,
		ConnectionType: strings.ToUpper(x.ConnectionType), CredentialsArn: x.Credentials, Description: x.Description,
		TimeoutInMillis: x.TimeoutInMillis, IntegrationSubtype: x.IntegrationSubtype,
		RequestParameters: x.RequestParameters, ResponseParameters: x.ResponseParameters}
}

// importHTTPAPILocked creates the HTTP API of b's document in sc.
// With fail, a warning is the answer too.
func (s *Service) importHTTPAPILocked(sc faults.Scope, b *hImport, fail bool) (*hAPI, error) {
	b.s = s
	d, err := b.apiDoc()
	if err != nil {
		return nil, err
	}
	id := s.newSharedIDLocked(nil)
	d.APIID = id
	d.CreatedDate = s.env.Clock.Now().UTC().Truncate(time.Second)
	d.APIEndpoint = "https://" + id + ".execute-api." + sc.Region + ".amazonaws.com"
	b.a = newHAPI(sc, d)
	if err := b.buildLocked(); err != nil {
		return nil, err
	}
	if fail {
		if err := warningsError(b.warnings); err != nil {
			return nil, err
		}
	}
	s.httpLocked().apis[id] = b.a
	return b.a, nil
}

// reimportHTTPAPILocked replaces a's definition (its name, description,
// version, CORS configuration, routes, integrations and authorizers) with
// b's document; its id, stages, deployments and tags stay, the document's
// tags are added, and autoDeploy stages redeploy. With fail, a warning is
// the answer and a stays as it was.
func (s *Service) reimportHTTPAPILocked(a *hAPI, b *hImport, fail bool) error {
	if a.doc.ProtocolType != "HTTP" {
		return badRequest("ReimportApi is supported only for HTTP APIs")
	}
	b.s = s
	d, err := b.apiDoc()
	if err != nil {
		return err
	}
	b.a = newHAPI(a.scope, d)
	b.a.deployments, b.a.models = a.deployments, a.models // their ids stay taken
	if err := b.buildLocked(); err != nil {
		return err
	}
	if fail {
		if err := warningsError(b.warnings); err != nil {
			return err
		}
	}
	tags := a.doc.Tags
	for k, v := range d.Tags {
		if tags == nil {
			tags = map[string]string{}
		}
		tags[k] = v
	}
	d.APIID, d.CreatedDate, d.APIEndpoint, d.Tags = a.doc.APIID, a.doc.CreatedDate, a.doc.APIEndpoint, tags
	d.IPAddressType = a.doc.IPAddressType
	a.doc, a.routes, a.integrations, a.authorizers = d, b.a.routes, b.a.integrations, b.a.authorizers
	a.intResponses, a.routeResponses = nil, nil
	s.changedLocked(a)
	return nil
}
