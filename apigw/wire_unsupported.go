package apigw

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/faults"
)

// unmodelled binds the operations of the apigateway API the fake does not
// model yet (gateway responses,
// documentation, client certificates, domain names and base path mappings,
// VPC links, SDKs, caches, test invocations, the
// account) to the answer AWS gives when there is nothing to find: empty
// lists, NotFoundException with AWS's text for the identifier. Those that
// would create or change something fail with BadRequestException naming the
// operation. They are not operations of the Go API: they record no call and
// take no injected fault.
var unmodelled = []route{
	{Method: "POST", Path: "/restapis/{restApiId}/documentation/parts", Name: "CreateDocumentationPart", Handler: refused("CreateDocumentationPart")},
	{Method: "POST", Path: "/restapis/{restApiId}/documentation/versions", Name: "CreateDocumentationVersion", Handler: refused("CreateDocumentationVersion")},
	{Method: "POST", Path: "/domainnameaccessassociations", Name: "CreateDomainNameAccessAssociation", Handler: refused("CreateDomainNameAccessAssociation")},
	{Method: "DELETE", Path: "/restapis/{restApiId}/documentation/parts/{documentationPartId}", Name: "DeleteDocumentationPart", Handler: nothingFound},
	{Method: "DELETE", Path: "/restapis/{restApiId}/documentation/versions/{documentationVersion}", Name: "DeleteDocumentationVersion", Handler: nothingFound},
	{Method: "DELETE", Path: "/domainnameaccessassociations/{domainNameAccessAssociationArn}", Name: "DeleteDomainNameAccessAssociation", Handler: nothingFound},
	{Method: "GET", Path: "/restapis/{restApiId}/documentation/parts/{documentationPartId}", Name: "GetDocumentationPart", Handler: nothingFound},
	{Method: "GET", Path: "/restapis/{restApiId}/documentation/parts", Name: "GetDocumentationParts", Handler: emptyList},
	{Method: "GET", Path: "/restapis/{restApiId}/documentation/versions/{documentationVersion}", Name: "GetDocumentationVersion", Handler: nothingFound},
	{Method: "GET", Path: "/restapis/{restApiId}/documentation/versions", Name: "GetDocumentationVersions", Handler: emptyList},
	{Method: "GET", Path: "/domainnameaccessassociations", Name: "GetDomainNameAccessAssociations", Handler: emptyList},
	{Method: "GET", Path: "/restapis/{restApiId}/stages/{stageName}/sdks/{sdkType}", Name: "GetSdk", Handler: refused("GetSdk")},
	{Method: "PUT", Path: "/restapis/{restApiId}/documentation/parts", Name: "ImportDocumentationParts", Handler: refused("ImportDocumentationParts")},
	{Method: "POST", Path: "/rejectdomainnameaccessassociations", Name: "RejectDomainNameAccessAssociation", Handler: refused("RejectDomainNameAccessAssociation")},
	{Method: "PATCH", Path: "/restapis/{restApiId}/documentation/parts/{documentationPartId}", Name: "UpdateDocumentationPart", Handler: nothingFound},
	{Method: "PATCH", Path: "/restapis/{restApiId}/documentation/versions/{documentationVersion}", Name: "UpdateDocumentationVersion", Handler: nothingFound},
}

// notFoundTexts are AWS's texts for an unknown identifier, by the path
// label that names it.
var notFoundTexts = map[string]string{
	"authorizerId":                   "Invalid Authorizer identifier specified",
	"basePath":                       "Invalid base path mapping identifier specified",
	"clientCertificateId":            "Invalid Client Certificate identifier specified",
	"documentationPartId":            "Invalid Documentation part identifier specified",
	"documentationVersion":           "Invalid Documentation version identifier specified",
	"domainName":                     "Invalid domain name identifier specified",
	"domainNameAccessAssociationArn": "Invalid domain name access association identifier specified",
	"vpcLinkId":                      "Invalid Vpc Link identifier specified",
	"id":                             "Invalid SDK type identifier specified",
}

// unmodelledAPI answers NotFoundException for an unknown REST API named
// by the path, as the modelled operations do; nil when there is none or it
// exists.
func (s *Service) unmodelledAPI(c *call) error {
	id, ok := c.labels["restApiId"]
	if !ok {
		return nil
	}
	sc, found := faults.ScopeFrom(c.r.Context())
	if !found {
		sc = s.env.Scope()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.apiLocked(sc, id)
	return err
}

// nothingFound answers an unknown identifier: nothing of the kind exists.
// The most specific label of the path names the kind.
func nothingFound(s *Service, c *call) error {
	if err := s.unmodelledAPI(c); err != nil {
		return err
	}
	for _, name := range labelOrder {
		if _, ok := c.labels[name]; ok {
			return errs.New(codeNotFound, "%s", notFoundTexts[name])
		}
	}
	return errs.New(codeNotFound, "Invalid identifier specified")
}

// labelOrder is the order in which labels name what was not found: a
// base path mapping before its domain name.
var labelOrder = []string{"basePath", "authorizerId", "documentationPartId",
	"documentationVersion", "domainName", "clientCertificateId", "vpcLinkId",
	"id", "domainNameAccessAssociationArn"}

// emptyList answers a listing of things none of which exist.
func emptyList(s *Service, c *call) error {
	if err := s.unmodelledAPI(c); err != nil {
		return err
	}
	rest.Write(c.w, http.StatusOK, map[string]any{"item": []any{}})
	return nil
}

// getAccount answers the account's settings as a new account has them:
// the default throttle (10,000 rps, burst 5,000) and no CloudWatch role.
func getAccount(_ *Service, c *call) error {
	rest.Write(c.w, http.StatusOK, map[string]any{
		"throttleSettings": map[string]any{"burstLimit": 5000, "rateLimit": 10000.0},
		"features":         []string{}, "apiKeyVersion": "4"})
	return nil
}

// refused answers an operation that would create or change something the
// fake does not model.
func refused(op string) handlerFunc {
	return func(s *Service, c *call) error {
		if err := s.unmodelledAPI(c); err != nil {
			return err
		}
		return badRequest("awsfake does not model %s yet: API Gateway's %s is not available in this fake", op, op)
	}
}
