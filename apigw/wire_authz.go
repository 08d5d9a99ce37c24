package apigw

import (
	"cmp"
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/protocol"
)

// API Gateway's control plane is authorised by HTTP method, as the Service
// Authorization Reference lists it ("Actions, resources, and condition
// keys for Amazon API Gateway Management" and "... Management V2"): an
// operation is apigateway:GET, POST, PUT, PATCH or DELETE on the resource
// its path names, arn:aws:apigateway:<region>::<path> (a v2 path without
// its /v2 prefix: arn:aws:apigateway:<region>::/apis/<id>). The tables are
// derived from the wire table by that rule, one row per operation; a row's
// resource type is named after the path's last literal segment
// (/restapis/{id} is RestApi, /restapis RestApis, .../integration/responses/{code}
// IntegrationResponse). Invocations (execute-api:Invoke) are not
// authorised here.
var (
	restActions = actionTable(restRoutes)
	httpActions = actionTable(httpAPIs)
)

var tagKeys = []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}

// Actions returns API Gateway's (REST APIs, the apigateway client) IAM
// action table, by operation. Plumbing for the root package.
func Actions() authz.Table { return restActions }

// HTTPActions returns API Gateway V2's (the apigatewayv2 client) IAM
// action table, by operation. Plumbing for the root package.
func HTTPActions() authz.Table { return httpActions }

// actionTable derives the action table of routes.
func actionTable(routes []route) authz.Table {
	t := make(authz.Table, len(routes))
	for _, rt := range routes {
		row := authz.Row{Action: "apigateway:" + rt.Method, Resource: resourceType(rt.Path)}
		switch {
		case rt.Name == "UntagResource":
			row.Keys = []string{"aws:TagKeys"}
		case rt.Method == http.MethodPost || rt.Name == "TagResource":
			row.Keys = tagKeys
		}
		t[rt.Name] = row
	}
	return t
}

// resourceNames are the resource types of the paths' literal segments,
// singular (followed by an id) and plural; a segment not listed names its
// own type.
var resourceNames = map[string][2]string{
	"restapis": {"RestApi", "RestApis"}, "resources": {"Resource", "Resources"}, "methods": {"Method", "Method"},
	"integration": {"Integration", "Integration"}, "deployments": {"Deployment", "Deployments"},
	"stages": {"Stage", "Stages"}, "requestvalidators": {"RequestValidator", "RequestValidators"},
	"models": {"Model", "Models"}, "default_template": {"Template", "Template"},
	"gatewayresponses": {"GatewayResponse", "GatewayResponses"}, "tags": {"Tags", "Tags"},
	"authorizers": {"Authorizer", "Authorizers"}, "apikeys": {"ApiKey", "ApiKeys"},
	"basepathmappings": {"BasePathMapping", "BasePathMappings"}, "parts": {"DocumentationPart", "DocumentationParts"},
	"versions": {"DocumentationVersion", "DocumentationVersions"}, "domainnames": {"DomainName", "DomainNames"},
	"domainnameaccessassociations": {"DomainNameAccessAssociation", "DomainNameAccessAssociations"},
	"usageplans":                   {"UsagePlan", "UsagePlans"}, "keys": {"UsagePlanKey", "UsagePlanKeys"},
	"vpclinks": {"VpcLink", "VpcLinks"}, "clientcertificates": {"ClientCertificate", "ClientCertificates"},
	"account": {"Account", "Account"}, "sdktypes": {"SdkType", "SdkTypes"}, "sdks": {"Sdk", "Sdk"},
	"apis": {"Api", "Apis"}, "apimappings": {"ApiMapping", "ApiMappings"},
	"integrations": {"Integration", "Integrations"}, "integrationresponses": {"IntegrationResponse", "IntegrationResponses"},
	"routes": {"Route", "Routes"}, "routeresponses": {"RouteResponse", "RouteResponses"},
	"requestparameters": {"RouteRequestParameter", "RouteRequestParameter"}, "cors": {"Cors", "Cors"},
	"exports": {"ExportedAPI", "ExportedAPI"}, "template": {"ModelTemplate", "ModelTemplate"},
}

// resourceType names the resource type of the path pattern p.
func resourceType(p string) string {
	segs := strings.Split(strings.Trim(strings.TrimPrefix(p, "/v2"), "/"), "/")
	i := len(segs) - 1
	for i > 0 && strings.HasPrefix(segs[i], "{") {
		i--
	}
	lit, named := segs[i], i < len(segs)-1
	switch {
	case lit == "responses" && i > 0 && segs[i-1] == "integration":
		return "IntegrationResponse"
	case lit == "responses":
		return "MethodResponse"
	case i > 0 && segs[i-1] == "cache":
		return "AuthorizersCache"
	}
	names, ok := resourceNames[lit]
	switch {
	case !ok:
		return lit
	case named:
		return names[0]
	}
	return names[1]
}

// asked is the part of a request body that authorisation reads: tags and
// the roles an integration or authorizer is given.
type asked struct {
	Tags                                                                         map[string]string
	Credentials, CredentialsArn, AuthorizerCredentials, AuthorizerCredentialsArn string
}

// Authorization returns what the control-plane request r, in scope sc,
// asks: apigateway:<method> on arn:aws:apigateway:<region>::<path>, with
// the tags it sets; for PutIntegration (credentials) and CreateAuthorizer
// (authorizerCredentials), and their v2 forms, iam:PassRole of the role
// for apigateway.amazonaws.com too (not for arn:aws:iam::*:user/*, the
// caller's own credentials). An invocation asks nothing here. Plumbing for
// the root package.
func (s *Service) Authorization(r *http.Request, sc faults.Scope) ([]authz.Ask, error) {
	if _, ok := invokeTarget(r); ok {
		return nil, nil
	}
	query := r.URL.Query()
	rt, _, _ := routes.Match(r.Method, protocol.Segments(r), query, r.Header)
	if rt == nil {
		return nil, nil
	}
	table, path := restActions, r.URL.EscapedPath()
	if strings.HasPrefix(rt.Path, "/v2/") {
		table, path = httpActions, strings.TrimPrefix(path, "/v2")
	}
	row := table[rt.Name]
	var in asked
	if r.Method != http.MethodGet && r.Method != http.MethodDelete && !authz.JSON(r, &in) {
		return nil, nil
	}
	ask := row.New(arn.Build(sc.Partition, arnService, sc.Region, "", path))
	if rt.Name == "UntagResource" {
		ask.TagKeys(query["tagKeys"])
	} else {
		ask.Tagged(in.Tags)
	}
	asks := []authz.Ask{ask}
	var role string
	switch rt.Name {
	case "PutIntegration", "CreateIntegration":
		role = cmp.Or(in.Credentials, in.CredentialsArn)
	case "CreateAuthorizer":
		role = cmp.Or(in.AuthorizerCredentials, in.AuthorizerCredentialsArn)
	}
	if strings.Contains(role, ":role/") {
		asks = append(asks, authz.Ask{Action: "iam:PassRole", Resource: role,
			Context: map[string][]string{"iam:passedtoservice": {"apigateway.amazonaws.com"}}})
	}
	return asks, nil
}

// AccessDenied is API Gateway's refusal of an unauthorised request:
// AccessDeniedException, 403, with message. Plumbing for the root package.
func (s *Service) AccessDenied(message string) error {
	return errs.New("AccessDeniedException", "%s", message)
}

// WriteError writes err as the control plane writes its errors (restJson1,
// whatever the request's Content-Type: a GET has none). Plumbing for the
// root package.
func (s *Service) WriteError(w http.ResponseWriter, r *http.Request, err error) {
	rest.WriteError(w, r, err)
}
