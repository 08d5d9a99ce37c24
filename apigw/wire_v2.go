package apigw

import (
	"net/http"
	"strings"
)

// httpAPIs binds the operations of the apigatewayv2 client (HTTP and
// WebSocket APIs, issue 23's), which share the apigateway signing name and
// so this handler, under /v2/: none is modelled yet. Listings are empty,
// a lookup by id is NotFoundException, and an operation that would create
// or change something is BadRequestException naming it. They are not
// operations of the Go API.
var httpAPIs = []route{
	{Method: "POST", Path: "/v2/apis", Name: "CreateApi", Handler: v2Refused("CreateApi")},
	{Method: "POST", Path: "/v2/domainnames/{DomainName}/apimappings", Name: "CreateApiMapping", Handler: v2Refused("CreateApiMapping")},
	{Method: "POST", Path: "/v2/apis/{ApiId}/authorizers", Name: "CreateAuthorizer", Handler: v2Refused("CreateAuthorizer")},
	{Method: "POST", Path: "/v2/apis/{ApiId}/deployments", Name: "CreateDeployment", Handler: v2Refused("CreateDeployment")},
	{Method: "POST", Path: "/v2/domainnames", Name: "CreateDomainName", Handler: v2Refused("CreateDomainName")},
	{Method: "POST", Path: "/v2/apis/{ApiId}/integrations", Name: "CreateIntegration", Handler: v2Refused("CreateIntegration")},
	{Method: "POST", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}/integrationresponses", Name: "CreateIntegrationResponse", Handler: v2Refused("CreateIntegrationResponse")},
	{Method: "POST", Path: "/v2/apis/{ApiId}/models", Name: "CreateModel", Handler: v2Refused("CreateModel")},
	{Method: "POST", Path: "/v2/portals", Name: "CreatePortal", Handler: v2Refused("CreatePortal")},
	{Method: "POST", Path: "/v2/portalproducts", Name: "CreatePortalProduct", Handler: v2Refused("CreatePortalProduct")},
	{Method: "POST", Path: "/v2/portalproducts/{PortalProductId}/productpages", Name: "CreateProductPage", Handler: v2Refused("CreateProductPage")},
	{Method: "POST", Path: "/v2/portalproducts/{PortalProductId}/productrestendpointpages", Name: "CreateProductRestEndpointPage", Handler: v2Refused("CreateProductRestEndpointPage")},
	{Method: "POST", Path: "/v2/apis/{ApiId}/routes", Name: "CreateRoute", Handler: v2Refused("CreateRoute")},
	{Method: "POST", Path: "/v2/apis/{ApiId}/routes/{RouteId}/routeresponses", Name: "CreateRouteResponse", Handler: v2Refused("CreateRouteResponse")},
	{Method: "POST", Path: "/v2/domainnames/{DomainName}/routingrules", Name: "CreateRoutingRule", Handler: v2Refused("CreateRoutingRule")},
	{Method: "POST", Path: "/v2/apis/{ApiId}/stages", Name: "CreateStage", Handler: v2Refused("CreateStage")},
	{Method: "POST", Path: "/v2/vpclinks", Name: "CreateVpcLink", Handler: v2Refused("CreateVpcLink")},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/stages/{StageName}/accesslogsettings", Name: "DeleteAccessLogSettings", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}", Name: "DeleteApi", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/domainnames/{DomainName}/apimappings/{ApiMappingId}", Name: "DeleteApiMapping", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/authorizers/{AuthorizerId}", Name: "DeleteAuthorizer", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/cors", Name: "DeleteCorsConfiguration", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/deployments/{DeploymentId}", Name: "DeleteDeployment", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/domainnames/{DomainName}", Name: "DeleteDomainName", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}", Name: "DeleteIntegration", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}/integrationresponses/{IntegrationResponseId}", Name: "DeleteIntegrationResponse", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/models/{ModelId}", Name: "DeleteModel", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/portals/{PortalId}", Name: "DeletePortal", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/portalproducts/{PortalProductId}", Name: "DeletePortalProduct", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/portalproducts/{PortalProductId}/sharingpolicy", Name: "DeletePortalProductSharingPolicy", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/portalproducts/{PortalProductId}/productpages/{ProductPageId}", Name: "DeleteProductPage", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/portalproducts/{PortalProductId}/productrestendpointpages/{ProductRestEndpointPageId}", Name: "DeleteProductRestEndpointPage", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/routes/{RouteId}", Name: "DeleteRoute", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/routes/{RouteId}/requestparameters/{RequestParameterKey}", Name: "DeleteRouteRequestParameter", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/routes/{RouteId}/routeresponses/{RouteResponseId}", Name: "DeleteRouteResponse", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/stages/{StageName}/routesettings/{RouteKey}", Name: "DeleteRouteSettings", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/domainnames/{DomainName}/routingrules/{RoutingRuleId}", Name: "DeleteRoutingRule", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/stages/{StageName}", Name: "DeleteStage", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/vpclinks/{VpcLinkId}", Name: "DeleteVpcLink", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/portals/{PortalId}/publish", Name: "DisablePortal", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/apis/{ApiId}/exports/{Specification}", Name: "ExportApi", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/apis/{ApiId}", Name: "GetApi", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/domainnames/{DomainName}/apimappings/{ApiMappingId}", Name: "GetApiMapping", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/domainnames/{DomainName}/apimappings", Name: "GetApiMappings", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/apis", Name: "GetApis", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/apis/{ApiId}/authorizers/{AuthorizerId}", Name: "GetAuthorizer", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/apis/{ApiId}/authorizers", Name: "GetAuthorizers", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/apis/{ApiId}/deployments/{DeploymentId}", Name: "GetDeployment", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/apis/{ApiId}/deployments", Name: "GetDeployments", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/domainnames/{DomainName}", Name: "GetDomainName", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/domainnames", Name: "GetDomainNames", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}", Name: "GetIntegration", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}/integrationresponses/{IntegrationResponseId}", Name: "GetIntegrationResponse", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}/integrationresponses", Name: "GetIntegrationResponses", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/apis/{ApiId}/integrations", Name: "GetIntegrations", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/apis/{ApiId}/models/{ModelId}", Name: "GetModel", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/apis/{ApiId}/models", Name: "GetModels", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/apis/{ApiId}/models/{ModelId}/template", Name: "GetModelTemplate", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/portals/{PortalId}", Name: "GetPortal", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/portalproducts/{PortalProductId}", Name: "GetPortalProduct", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/portalproducts/{PortalProductId}/sharingpolicy", Name: "GetPortalProductSharingPolicy", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/portalproducts/{PortalProductId}/productpages/{ProductPageId}", Name: "GetProductPage", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/portalproducts/{PortalProductId}/productrestendpointpages/{ProductRestEndpointPageId}", Name: "GetProductRestEndpointPage", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/apis/{ApiId}/routes/{RouteId}", Name: "GetRoute", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/apis/{ApiId}/routes/{RouteId}/routeresponses/{RouteResponseId}", Name: "GetRouteResponse", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/apis/{ApiId}/routes/{RouteId}/routeresponses", Name: "GetRouteResponses", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/apis/{ApiId}/routes", Name: "GetRoutes", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/domainnames/{DomainName}/routingrules/{RoutingRuleId}", Name: "GetRoutingRule", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/apis/{ApiId}/stages/{StageName}", Name: "GetStage", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/apis/{ApiId}/stages", Name: "GetStages", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/tags/{ResourceArn}", Name: "GetTags", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/vpclinks/{VpcLinkId}", Name: "GetVpcLink", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/vpclinks", Name: "GetVpcLinks", Handler: v2EmptyList},
	{Method: "PUT", Path: "/v2/apis", Name: "ImportApi", Handler: v2Refused("ImportApi")},
	{Method: "GET", Path: "/v2/portalproducts", Name: "ListPortalProducts", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/portals", Name: "ListPortals", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/portalproducts/{PortalProductId}/productpages", Name: "ListProductPages", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/portalproducts/{PortalProductId}/productrestendpointpages", Name: "ListProductRestEndpointPages", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/domainnames/{DomainName}/routingrules", Name: "ListRoutingRules", Handler: v2EmptyList},
	{Method: "POST", Path: "/v2/portals/{PortalId}/preview", Name: "PreviewPortal", Handler: v2Refused("PreviewPortal")},
	{Method: "POST", Path: "/v2/portals/{PortalId}/publish", Name: "PublishPortal", Handler: v2Refused("PublishPortal")},
	{Method: "PUT", Path: "/v2/portalproducts/{PortalProductId}/sharingpolicy", Name: "PutPortalProductSharingPolicy", Handler: v2Refused("PutPortalProductSharingPolicy")},
	{Method: "PUT", Path: "/v2/domainnames/{DomainName}/routingrules/{RoutingRuleId}", Name: "PutRoutingRule", Handler: v2Refused("PutRoutingRule")},
	{Method: "PUT", Path: "/v2/apis/{ApiId}", Name: "ReimportApi", Handler: v2Refused("ReimportApi")},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/stages/{StageName}/cache/authorizers", Name: "ResetAuthorizersCache", Handler: v2NothingFound},
	{Method: "POST", Path: "/v2/tags/{ResourceArn}", Name: "TagResource", Handler: v2Refused("TagResource")},
	{Method: "DELETE", Path: "/v2/tags/{ResourceArn}", Name: "UntagResource", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}", Name: "UpdateApi", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/domainnames/{DomainName}/apimappings/{ApiMappingId}", Name: "UpdateApiMapping", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/authorizers/{AuthorizerId}", Name: "UpdateAuthorizer", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/deployments/{DeploymentId}", Name: "UpdateDeployment", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/domainnames/{DomainName}", Name: "UpdateDomainName", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}", Name: "UpdateIntegration", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}/integrationresponses/{IntegrationResponseId}", Name: "UpdateIntegrationResponse", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/models/{ModelId}", Name: "UpdateModel", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/portals/{PortalId}", Name: "UpdatePortal", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/portalproducts/{PortalProductId}", Name: "UpdatePortalProduct", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/portalproducts/{PortalProductId}/productpages/{ProductPageId}", Name: "UpdateProductPage", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/portalproducts/{PortalProductId}/productrestendpointpages/{ProductRestEndpointPageId}", Name: "UpdateProductRestEndpointPage", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/routes/{RouteId}", Name: "UpdateRoute", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/routes/{RouteId}/routeresponses/{RouteResponseId}", Name: "UpdateRouteResponse", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/stages/{StageName}", Name: "UpdateStage", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/vpclinks/{VpcLinkId}", Name: "UpdateVpcLink", Handler: v2NothingFound},
}

// v2EmptyList answers a v2 listing: no items.
func v2EmptyList(_ *Service, c *call) error {
	rest.Write(c.w, http.StatusOK, map[string]any{"items": []any{}})
	return nil
}

// v2NothingFound answers a v2 lookup: the most specific label of the path
// names what was not found.
func v2NothingFound(_ *Service, c *call) error {
	segs := strings.Split(strings.Trim(c.r.URL.Path, "/"), "/")
	kind := "resource"
	if len(segs) >= 3 {
		kind = strings.TrimSuffix(segs[len(segs)-2], "s")
	}
	return notFound("Invalid %s identifier specified", kind)
}

// v2Refused answers a v2 operation that would create or change something.
func v2Refused(op string) handlerFunc {
	return func(*Service, *call) error {
		return badRequest("awsfake does not model %s yet: HTTP and WebSocket APIs (API Gateway v2) are not available in this fake", op)
	}
}
