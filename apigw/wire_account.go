package apigw

import "net/http"

// Paths of the account-level resources.
const (
	pVpcLink = "/vpclinks/{vpcLinkId}"
	pCert    = "/clientcertificates/{clientCertificateId}"
	pDomain  = "/domainnames/{domainName}"
	pMapping = pDomain + "/basepathmappings/{basePath}"
)

func certRef(c *call) ClientCertificateRef {
	return ClientCertificateRef{c.label("clientCertificateId")}
}

func domainRef(c *call) DomainNameRef { return DomainNameRef{c.label("domainName")} }

func mappingRef(c *call) BasePathMappingRef {
	return BasePathMappingRef{c.label("domainName"), c.label("basePath")}
}

func vpcLinkRef(c *call) VpcLinkRef { return VpcLinkRef{c.label("vpcLinkId")} }

// accountRoutes binds the account-level operations: VPC links, client
// certificates, domain names and the account.
var accountRoutes = []route{
	{Method: "POST", Path: "/vpclinks", Name: "CreateVpcLink", Handler: op(http.StatusAccepted, nil, (*Service).CreateVpcLink)},
	{Method: "GET", Path: pVpcLink, Name: "GetVpcLink", Handler: op(http.StatusOK, labelled(vpcLinkRef), (*Service).GetVpcLink)},
	{Method: "GET", Path: "/vpclinks", Name: "GetVpcLinks", Handler: op(http.StatusOK, func(c *call, in *GetVpcLinksInput) (err error) {
		in.PageInput, err = c.pageInput()
		return err
	}, (*Service).GetVpcLinks)},
	{Method: "PATCH", Path: pVpcLink, Name: "UpdateVpcLink", Handler: op(http.StatusOK, func(c *call, in *UpdateVpcLinkInput) error {
		in.VpcLinkID = c.label("vpcLinkId")
		return nil
	}, (*Service).UpdateVpcLink)},
	{Method: "DELETE", Path: pVpcLink, Name: "DeleteVpcLink", Handler: op(http.StatusAccepted, labelled(vpcLinkRef), noOutput((*Service).DeleteVpcLink))},
	{Method: "POST", Path: "/clientcertificates", Name: "GenerateClientCertificate", Handler: op(http.StatusCreated, nil, (*Service).GenerateClientCertificate)},
	{Method: "GET", Path: pCert, Name: "GetClientCertificate", Handler: op(http.StatusOK, labelled(certRef), (*Service).GetClientCertificate)},
	{Method: "GET", Path: "/clientcertificates", Name: "GetClientCertificates", Handler: op(http.StatusOK, func(c *call, in *GetClientCertificatesInput) (err error) {
		in.PageInput, err = c.pageInput()
		return err
	}, (*Service).GetClientCertificates)},
	{Method: "PATCH", Path: pCert, Name: "UpdateClientCertificate", Handler: op(http.StatusOK, func(c *call, in *UpdateClientCertificateInput) error {
		in.ClientCertificateID = c.label("clientCertificateId")
		return nil
	}, (*Service).UpdateClientCertificate)},
	{Method: "DELETE", Path: pCert, Name: "DeleteClientCertificate", Handler: op(http.StatusAccepted, labelled(certRef), noOutput((*Service).DeleteClientCertificate))},
	{Method: "GET", Path: "/account", Name: "GetAccount", Handler: op(http.StatusOK, nil, (*Service).GetAccount)},
	{Method: "PATCH", Path: "/account", Name: "UpdateAccount", Handler: op(http.StatusOK, nil, (*Service).UpdateAccount)},
	{Method: "POST", Path: "/domainnames", Name: "CreateDomainName", Handler: op(http.StatusCreated, nil, (*Service).CreateDomainName)},
	{Method: "GET", Path: pDomain, Name: "GetDomainName", Handler: op(http.StatusOK, labelled(domainRef), (*Service).GetDomainName)},
	{Method: "GET", Path: "/domainnames", Name: "GetDomainNames", Handler: op(http.StatusOK, func(c *call, in *GetDomainNamesInput) (err error) {
		in.PageInput, err = c.pageInput()
		return err
	}, (*Service).GetDomainNames)},
	{Method: "PATCH", Path: pDomain, Name: "UpdateDomainName", Handler: op(http.StatusOK, func(c *call, in *UpdateDomainNameInput) error {
		in.DomainName = c.label("domainName")
		return nil
	}, (*Service).UpdateDomainName)},
	{Method: "DELETE", Path: pDomain, Name: "DeleteDomainName", Handler: op(http.StatusAccepted, labelled(domainRef), noOutput((*Service).DeleteDomainName))},
	{Method: "POST", Path: pDomain + "/basepathmappings", Name: "CreateBasePathMapping", Handler: op(http.StatusCreated, func(c *call, in *CreateBasePathMappingInput) error {
		in.DomainName = c.label("domainName")
		return nil
	}, (*Service).CreateBasePathMapping)},
	{Method: "GET", Path: pMapping, Name: "GetBasePathMapping", Handler: op(http.StatusOK, labelled(mappingRef), (*Service).GetBasePathMapping)},
	{Method: "GET", Path: pDomain + "/basepathmappings", Name: "GetBasePathMappings", Handler: op(http.StatusOK, func(c *call, in *GetBasePathMappingsInput) (err error) {
		in.DomainName = c.label("domainName")
		in.PageInput, err = c.pageInput()
		return err
	}, (*Service).GetBasePathMappings)},
	{Method: "PATCH", Path: pMapping, Name: "UpdateBasePathMapping", Handler: op(http.StatusOK, func(c *call, in *UpdateBasePathMappingInput) error {
		in.DomainName, in.BasePath = c.label("domainName"), c.label("basePath")
		return nil
	}, (*Service).UpdateBasePathMapping)},
	{Method: "DELETE", Path: pMapping, Name: "DeleteBasePathMapping", Handler: op(http.StatusAccepted, labelled(mappingRef), noOutput((*Service).DeleteBasePathMapping))},
	{Method: "GET", Path: "/sdktypes/{id}", Name: "GetSdkType", Handler: op(http.StatusOK, labelled(func(c *call) SdkTypeRef {
		return SdkTypeRef{c.label("id")}
	}), (*Service).GetSdkType)},
	{Method: "GET", Path: "/sdktypes", Name: "GetSdkTypes", Handler: op(http.StatusOK, func(c *call, in *GetSdkTypesInput) (err error) {
		in.PageInput, err = c.pageInput()
		return err
	}, (*Service).GetSdkTypes)},
}
