package apigw

import (
	"net/http"
	"strings"
)

// httpAPIs binds the operations of the apigatewayv2 client (HTTP and
// WebSocket APIs), which share the apigateway signing name and so this
// handler, under /v2/. APIs, routes, integrations, integration and route
// responses, authorizers, models, stages, deployments and tags are served
// (httpapi_*.go). Domain names, API mappings, routing rules, VPC links
// and portals are not modelled (nor are REST APIs' domain names): their
// listings are empty, a lookup by id is NotFoundException, and an
// operation that would create or change something is BadRequestException
// naming it. ImportApi, ReimportApi and ExportApi read and write OpenAPI
// documents (openapi_v2*.go). They are not operations of the Go API.
var httpAPIs = []route{
	{Method: "POST", Path: "/v2/apis", Name: "CreateApi", Handler: createAPI},
	{Method: "POST", Path: "/v2/domainnames/{DomainName}/apimappings", Name: "CreateApiMapping", Handler: v2Refused("CreateApiMapping")},
	{Method: "POST", Path: "/v2/apis/{ApiId}/authorizers", Name: "CreateAuthorizer", Handler: authorizerKind.create},
	{Method: "POST", Path: "/v2/apis/{ApiId}/deployments", Name: "CreateDeployment", Handler: createDeployment},
	{Method: "POST", Path: "/v2/domainnames", Name: "CreateDomainName", Handler: v2Refused("CreateDomainName")},
	{Method: "POST", Path: "/v2/apis/{ApiId}/integrations", Name: "CreateIntegration", Handler: integrationKind.create},
	{Method: "POST", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}/integrationresponses", Name: "CreateIntegrationResponse", Handler: integrationResponseKind.create},
	{Method: "POST", Path: "/v2/apis/{ApiId}/models", Name: "CreateModel", Handler: modelKind.create},
	{Method: "POST", Path: "/v2/portals", Name: "CreatePortal", Handler: v2Refused("CreatePortal")},
	{Method: "POST", Path: "/v2/portalproducts", Name: "CreatePortalProduct", Handler: v2Refused("CreatePortalProduct")},
	{Method: "POST", Path: "/v2/portalproducts/{PortalProductId}/productpages", Name: "CreateProductPage", Handler: v2Refused("CreateProductPage")},
	{Method: "POST", Path: "/v2/portalproducts/{PortalProductId}/productrestendpointpages", Name: "CreateProductRestEndpointPage", Handler: v2Refused("CreateProductRestEndpointPage")},
	{Method: "POST", Path: "/v2/apis/{ApiId}/routes", Name: "CreateRoute", Handler: routeKind.create},
	{Method: "POST", Path: "/v2/apis/{ApiId}/routes/{RouteId}/routeresponses", Name: "CreateRouteResponse", Handler: routeResponseKind.create},
	{Method: "POST", Path: "/v2/domainnames/{DomainName}/routingrules", Name: "CreateRoutingRule", Handler: v2Refused("CreateRoutingRule")},
	{Method: "POST", Path: "/v2/apis/{ApiId}/stages", Name: "CreateStage", Handler: createStage},
	{Method: "POST", Path: "/v2/vpclinks", Name: "CreateVpcLink", Handler: v2Refused("CreateVpcLink")},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/stages/{StageName}/accesslogsettings", Name: "DeleteAccessLogSettings", Handler: deleteAccessLogSettings},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}", Name: "DeleteApi", Handler: deleteAPI},
	{Method: "DELETE", Path: "/v2/domainnames/{DomainName}/apimappings/{ApiMappingId}", Name: "DeleteApiMapping", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/authorizers/{AuthorizerId}", Name: "DeleteAuthorizer", Handler: authorizerKind.remove},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/cors", Name: "DeleteCorsConfiguration", Handler: deleteCors},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/deployments/{DeploymentId}", Name: "DeleteDeployment", Handler: deleteDeployment},
	{Method: "DELETE", Path: "/v2/domainnames/{DomainName}", Name: "DeleteDomainName", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}", Name: "DeleteIntegration", Handler: integrationKind.remove},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}/integrationresponses/{IntegrationResponseId}", Name: "DeleteIntegrationResponse", Handler: integrationResponseKind.remove},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/models/{ModelId}", Name: "DeleteModel", Handler: modelKind.remove},
	{Method: "DELETE", Path: "/v2/portals/{PortalId}", Name: "DeletePortal", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/portalproducts/{PortalProductId}", Name: "DeletePortalProduct", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/portalproducts/{PortalProductId}/sharingpolicy", Name: "DeletePortalProductSharingPolicy", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/portalproducts/{PortalProductId}/productpages/{ProductPageId}", Name: "DeleteProductPage", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/portalproducts/{PortalProductId}/productrestendpointpages/{ProductRestEndpointPageId}", Name: "DeleteProductRestEndpointPage", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/routes/{RouteId}", Name: "DeleteRoute", Handler: routeKind.remove},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/routes/{RouteId}/requestparameters/{RequestParameterKey}", Name: "DeleteRouteRequestParameter", Handler: deleteRouteRequestParameter},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/routes/{RouteId}/routeresponses/{RouteResponseId}", Name: "DeleteRouteResponse", Handler: routeResponseKind.remove},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/stages/{StageName}/routesettings/{RouteKey}", Name: "DeleteRouteSettings", Handler: deleteRouteSettings},
	{Method: "DELETE", Path: "/v2/domainnames/{DomainName}/routingrules/{RoutingRuleId}", Name: "DeleteRoutingRule", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/stages/{StageName}", Name: "DeleteStage", Handler: deleteStage},
	{Method: "DELETE", Path: "/v2/vpclinks/{VpcLinkId}", Name: "DeleteVpcLink", Handler: v2NothingFound},
	{Method: "DELETE", Path: "/v2/portals/{PortalId}/publish", Name: "DisablePortal", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/apis/{ApiId}/exports/{Specification}", Name: "ExportApi", Handler: exportAPI},
	{Method: "GET", Path: "/v2/apis/{ApiId}", Name: "GetApi", Handler: getAPI},
	{Method: "GET", Path: "/v2/domainnames/{DomainName}/apimappings/{ApiMappingId}", Name: "GetApiMapping", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/domainnames/{DomainName}/apimappings", Name: "GetApiMappings", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/apis", Name: "GetApis", Handler: getAPIs},
	{Method: "GET", Path: "/v2/apis/{ApiId}/authorizers/{AuthorizerId}", Name: "GetAuthorizer", Handler: authorizerKind.get},
	{Method: "GET", Path: "/v2/apis/{ApiId}/authorizers", Name: "GetAuthorizers", Handler: authorizerKind.list},
	{Method: "GET", Path: "/v2/apis/{ApiId}/deployments/{DeploymentId}", Name: "GetDeployment", Handler: getDeployment},
	{Method: "GET", Path: "/v2/apis/{ApiId}/deployments", Name: "GetDeployments", Handler: getDeployments},
	{Method: "GET", Path: "/v2/domainnames/{DomainName}", Name: "GetDomainName", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/domainnames", Name: "GetDomainNames", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}", Name: "GetIntegration", Handler: integrationKind.get},
	{Method: "GET", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}/integrationresponses/{IntegrationResponseId}", Name: "GetIntegrationResponse", Handler: integrationResponseKind.get},
	{Method: "GET", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}/integrationresponses", Name: "GetIntegrationResponses", Handler: integrationResponseKind.list},
	{Method: "GET", Path: "/v2/apis/{ApiId}/integrations", Name: "GetIntegrations", Handler: integrationKind.list},
	{Method: "GET", Path: "/v2/apis/{ApiId}/models/{ModelId}", Name: "GetModel", Handler: modelKind.get},
	{Method: "GET", Path: "/v2/apis/{ApiId}/models", Name: "GetModels", Handler: modelKind.list},
	{Method: "GET", Path: "/v2/apis/{ApiId}/models/{ModelId}/template", Name: "GetModelTemplate", Handler: getModelTemplate},
	{Method: "GET", Path: "/v2/portals/{PortalId}", Name: "GetPortal", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/portalproducts/{PortalProductId}", Name: "GetPortalProduct", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/portalproducts/{PortalProductId}/sharingpolicy", Name: "GetPortalProductSharingPolicy", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/portalproducts/{PortalProductId}/productpages/{ProductPageId}", Name: "GetProductPage", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/portalproducts/{PortalProductId}/productrestendpointpages/{ProductRestEndpointPageId}", Name: "GetProductRestEndpointPage", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/apis/{ApiId}/routes/{RouteId}", Name: "GetRoute", Handler: routeKind.get},
	{Method: "GET", Path: "/v2/apis/{ApiId}/routes/{RouteId}/routeresponses/{RouteResponseId}", Name: "GetRouteResponse", Handler: routeResponseKind.get},
	{Method: "GET", Path: "/v2/apis/{ApiId}/routes/{RouteId}/routeresponses", Name: "GetRouteResponses", Handler: routeResponseKind.list},
	{Method: "GET", Path: "/v2/apis/{ApiId}/routes", Name: "GetRoutes", Handler: routeKind.list},
	{Method: "GET", Path: "/v2/domainnames/{DomainName}/routingrules/{RoutingRuleId}", Name: "GetRoutingRule", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/apis/{ApiId}/stages/{StageName}", Name: "GetStage", Handler: getStage},
	{Method: "GET", Path: "/v2/apis/{ApiId}/stages", Name: "GetStages", Handler: getStages},
	{Method: "GET", Path: "/v2/tags/{ResourceArn}", Name: "GetTags", Handler: hGetTags},
	{Method: "GET", Path: "/v2/vpclinks/{VpcLinkId}", Name: "GetVpcLink", Handler: v2NothingFound},
	{Method: "GET", Path: "/v2/vpclinks", Name: "GetVpcLinks", Handler: v2EmptyList},
	{Method: "PUT", Path: "/v2/apis", Name: "ImportApi", Handler: importAPI},
	{Method: "GET", Path: "/v2/portalproducts", Name: "ListPortalProducts", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/portals", Name: "ListPortals", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/portalproducts/{PortalProductId}/productpages", Name: "ListProductPages", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/portalproducts/{PortalProductId}/productrestendpointpages", Name: "ListProductRestEndpointPages", Handler: v2EmptyList},
	{Method: "GET", Path: "/v2/domainnames/{DomainName}/routingrules", Name: "ListRoutingRules", Handler: v2EmptyList},
	{Method: "POST", Path: "/v2/portals/{PortalId}/preview", Name: "PreviewPortal", Handler: v2Refused("PreviewPortal")},
	{Method: "POST", Path: "/v2/portals/{PortalId}/publish", Name: "PublishPortal", Handler: v2Refused("PublishPortal")},
	{Method: "PUT", Path: "/v2/portalproducts/{PortalProductId}/sharingpolicy", Name: "PutPortalProductSharingPolicy", Handler: v2Refused("PutPortalProductSharingPolicy")},
	{Method: "PUT", Path: "/v2/domainnames/{DomainName}/routingrules/{RoutingRuleId}", Name: "PutRoutingRule", Handler: v2Refused("PutRoutingRule")},
	{Method: "PUT", Path: "/v2/apis/{ApiId}", Name: "ReimportApi", Handler: reimportAPI},
	{Method: "DELETE", Path: "/v2/apis/{ApiId}/stages/{StageName}/cache/authorizers", Name: "ResetAuthorizersCache", Handler: resetAuthorizersCache},
	{Method: "POST", Path: "/v2/tags/{ResourceArn}", Name: "TagResource", Handler: hTagResource},
	{Method: "DELETE", Path: "/v2/tags/{ResourceArn}", Name: "UntagResource", Handler: hUntagResource},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}", Name: "UpdateApi", Handler: updateAPI},
	{Method: "PATCH", Path: "/v2/domainnames/{DomainName}/apimappings/{ApiMappingId}", Name: "UpdateApiMapping", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/authorizers/{AuthorizerId}", Name: "UpdateAuthorizer", Handler: authorizerKind.update},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/deployments/{DeploymentId}", Name: "UpdateDeployment", Handler: updateDeployment},
	{Method: "PATCH", Path: "/v2/domainnames/{DomainName}", Name: "UpdateDomainName", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}", Name: "UpdateIntegration", Handler: integrationKind.update},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/integrations/{IntegrationId}/integrationresponses/{IntegrationResponseId}", Name: "UpdateIntegrationResponse", Handler: integrationResponseKind.update},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/models/{ModelId}", Name: "UpdateModel", Handler: modelKind.update},
	{Method: "PATCH", Path: "/v2/portals/{PortalId}", Name: "UpdatePortal", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/portalproducts/{PortalProductId}", Name: "UpdatePortalProduct", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/portalproducts/{PortalProductId}/productpages/{ProductPageId}", Name: "UpdateProductPage", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/portalproducts/{PortalProductId}/productrestendpointpages/{ProductRestEndpointPageId}", Name: "UpdateProductRestEndpointPage", Handler: v2NothingFound},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/routes/{RouteId}", Name: "UpdateRoute", Handler: routeKind.update},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/routes/{RouteId}/routeresponses/{RouteResponseId}", Name: "UpdateRouteResponse", Handler: routeResponseKind.update},
	{Method: "PATCH", Path: "/v2/apis/{ApiId}/stages/{StageName}", Name: "UpdateStage", Handler: updateStage},
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
		return badRequest("awsfake does not model %s yet: API Gateway v2's %s is not available in this fake", op, op)
	}
}
