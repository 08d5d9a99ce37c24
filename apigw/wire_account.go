package apigw

import "net/http"

// Paths of the account-level resources.
const (
	pVpcLink = "/vpclinks/{vpcLinkId}"
	pCert    = "/clientcertificates/{clientCertificateId}"
)

func certRef(c *call) ClientCertificateRef {
	return ClientCertificateRef{c.label("clientCertificateId")}
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
}
