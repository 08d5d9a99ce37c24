package apigw

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"time"

	yaml "go.yaml.in/yaml/v3"
)

// hExportInput is ExportApi's input.
type hExportInput struct {
	Specification, OutputType, StageName, ExportVersion string
	IncludeExtensions                                   bool
}

// hExportView is what an export writes: the API's current configuration,
// or what a stage's deployment froze.
type hExportView struct {
	routes       []hRoute
	integrations map[string]hIntegration
	authorizers  map[string]hAuthorizer
	cors         *hCors
}

// checkExportInput validates ExportApi's enumerations
// (developerguide/http-api-export.html; API reference: OAS30 is the only
// specification, JSON and YAML the output types, 1.0 the only export
// version).
func checkExportInput(in hExportInput) error {
	if in.Specification != "OAS30" {
		return badRequest("Invalid specification specified: %s. OAS30 is the only supported value", in.Specification)
	}
	if in.OutputType != "JSON" && in.OutputType != "YAML" {
		return badRequest("Invalid output type specified: %s. Valid values are JSON and YAML", in.OutputType)
	}
	if in.ExportVersion != "" && in.ExportVersion != importExportVersion {
		return badRequest("Invalid export version specified: %s. 1.0 is the only supported value", in.ExportVersion)
	}
	return nil
}

// exportHTTPAPILocked writes a's definition as an OpenAPI 3.0.1 document:
// the stage's deployment when in names one, else the latest configuration.
func exportHTTPAPILocked(a *hAPI, in hExportInput) ([]byte, error) {
	if a.doc.ProtocolType != "HTTP" {
		return nil, badRequest("Export is supported only for HTTP APIs")
	}
	v := hExportView{integrations: a.integrations, authorizers: a.authorizers, cors: a.doc.CorsConfiguration}
	for _, r := range a.routes {
		v.routes = append(v.routes, r)
	}
	basePath := ""
	if in.StageName != "" {
		st, ok := a.stages[in.StageName]
		if !ok {
			return nil, errHTTPStageNotFound(in.StageName)
		}
		sn := a.snaps[st.DeploymentID]
		if sn == nil {
			return nil, badRequest("Stage %s has no deployment to export", in.StageName)
		}
		v = hExportView{routes: sn.routes, integrations: sn.integrations, authorizers: sn.authorizers, cors: sn.cors}
		if in.StageName != "$default" {
			basePath = in.StageName
		}
	}
	raw, err := json.Marshal(v.document(a, basePath, in.IncludeExtensions))
	if err != nil {
		return nil, err
	}
	if in.OutputType == "JSON" {
		var out bytes.Buffer
		err := json.Indent(&out, raw, "", "  ")
		return out.Bytes(), err
	}
	var doc any // plain values, so that YAML writes the members JSON names
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	return yaml.Marshal(doc)
}

// document builds the document as plain values (the order of members is
// encoding's, sorted).
func (v hExportView) document(a *hAPI, basePath string, ext bool) map[string]any {
	version := a.doc.Version
	if version == "" {
		version = a.doc.CreatedDate.UTC().Format(time.RFC3339)
	}
	info := map[string]any{"title": a.doc.Name, "version": version}
	if a.doc.Description != "" {
		info["description"] = a.doc.Description
	}
	doc := map[string]any{"openapi": "3.0.1", "info": info, "servers": []any{map[string]any{
		"url":       strings.TrimSuffix(a.doc.APIEndpoint, "/") + "/{basePath}",
		"variables": map[string]any{"basePath": map[string]any{"default": basePath}}}}}
	if len(a.doc.Tags) > 0 {
		var tags []any
		for _, k := range slices.Sorted(maps.Keys(a.doc.Tags)) {
			t := map[string]any{"name": k}
			if ext {
				t[extTagValue] = a.doc.Tags[k]
			}
			tags = append(tags, t)
		}
		doc["tags"] = tags
	}
	paths, iam := v.paths(ext)
	doc["paths"] = paths
	if schemes := v.securitySchemes(ext, iam); len(schemes) > 0 {
		doc["components"] = map[string]any{"securitySchemes": schemes}
	}
	if ext {
		doc[extImportExport] = importExportVersion
		if v.cors != nil {
			doc[extCors] = v.cors
		}
		if a.doc.DisableExecuteAPIEndpoint {
			doc[extEndpointConfig] = map[string]any{"disableExecuteApiEndpoint": true}
		}
	}
	return doc
}

// paths writes each route as an operation of its path (the $default route
// and ANY routes as x-amazon-apigateway-any-method, also without the other
// extensions: OpenAPI has no ANY method); iam reports whether a route uses
// AWS_IAM.
func (v hExportView) paths(ext bool) (map[string]any, bool) {
	paths := map[string]any{}
	iam := false
	for _, r := range v.routes {
		path, method := defaultRoutePath, "ANY"
		if r.RouteKey != "$default" {
			method, path, _ = strings.Cut(r.RouteKey, " ")
		}
		item, _ := paths[path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			if params := pathParameters(path); len(params) > 0 {
				item["parameters"] = params
			}
			paths[path] = item
		}
		op := map[string]any{"responses": map[string]any{"default": map[string]any{
			"description": "Default response for " + r.RouteKey}}}
		if r.OperationName != "" {
			op["operationId"] = r.OperationName
		}
		if sec := v.routeSecurity(r); sec != nil {
			op["security"] = sec
			iam = iam || r.AuthorizationType == "AWS_IAM"
		}
		if integ, ok := v.integrations[strings.TrimPrefix(r.Target, "integrations/")]; ok && ext {
			op[extIntegration] = integrationOut(integ)
		}
		switch {
		case r.RouteKey == "$default":
			op["isDefaultRoute"] = true
			item[extAnyMethod] = op
		case method == "ANY":
			item[extAnyMethod] = op
		default:
			item[strings.ToLower(method)] = op
		}
	}
	return paths, iam
}

// pathParameters are the path variables of path, as AWS's export writes
// them.
func pathParameters(path string) []any {
	var out []any
	for _, seg := range strings.Split(path, "/") {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			name := seg[1 : len(seg)-1]
			out = append(out, map[string]any{"name": name, "in": "path", "required": true,
				"description": "Generated path parameter for " + name, "schema": map[string]any{"type": "string"}})
		}
	}
	return out
}

// routeSecurity is a route's security requirement, nil for NONE.
func (v hExportView) routeSecurity(r hRoute) []any {
	switch r.AuthorizationType {
	case "AWS_IAM":
		return []any{map[string]any{"sigv4": []string{}}}
	case "JWT", "CUSTOM":
		au, ok := v.authorizers[r.AuthorizerID]
		if !ok {
			return nil
		}
		scopes := r.AuthorizationScopes
		if scopes == nil {
			scopes = []string{}
		}
		return []any{map[string]any{au.Name: scopes}}
	}
	return nil
}

// securitySchemes writes each authorizer as a security scheme (JWT as
// oauth2, Lambda as an apiKey of its first identity source's header) and
// AWS_IAM as sigv4.
func (v hExportView) securitySchemes(ext, iam bool) map[string]any {
	out := map[string]any{}
	for _, au := range v.authorizers {
		scheme := map[string]any{"type": "oauth2", "flows": map[string]any{}}
		if au.AuthorizerType == "REQUEST" {
			scheme = map[string]any{"type": "apiKey", "in": "header", "name": "Unused"}
			if len(au.IdentitySource) > 0 {
				if h, ok := strings.CutPrefix(au.IdentitySource[0], "$request.header."); ok {
					scheme["name"] = h
				}
			}
		}
		if ext {
			scheme[extAuthorizer] = authorizerOut(au)
		}
		out[au.Name] = scheme
	}
	if iam {
		out["sigv4"] = map[string]any{"type": "apiKey", "name": "Authorization", "in": "header", extAuthType: "awsSigv4"}
	}
	return out
}

// integrationOut is an integration as x-amazon-apigateway-integration.
func integrationOut(i hIntegration) xHIntegration {
	return xHIntegration{Type: strings.ToLower(i.IntegrationType), URI: i.IntegrationURI, HTTPMethod: i.IntegrationMethod,
		PayloadFormatVersion: i.PayloadFormatVersion, ConnectionType: i.ConnectionType, Credentials: i.CredentialsArn,
		Description: i.Description, TimeoutInMillis: i.TimeoutInMillis, IntegrationSubtype: i.IntegrationSubtype,
		RequestParameters: i.RequestParameters, ResponseParameters: i.ResponseParameters}
}

// authorizerOut is an authorizer as x-amazon-apigateway-authorizer.
func authorizerOut(au hAuthorizer) xHAuthorizer {
	x := xHAuthorizer{Type: strings.ToLower(au.AuthorizerType), IdentitySource: flexString(strings.Join(au.IdentitySource, ", ")),
		JWTConfiguration: au.JWTConfiguration, AuthorizerURI: au.AuthorizerURI, AuthorizerCredentials: au.AuthorizerCredentialsArn,
		AuthorizerPayloadFormatVersion: au.AuthorizerPayloadFormatVersion, EnableSimpleResponses: au.EnableSimpleResponses}
	if au.AuthorizerType == "REQUEST" {
		x.AuthorizerResultTTLInSeconds = au.AuthorizerResultTTLInSeconds
	}
	return x
}
