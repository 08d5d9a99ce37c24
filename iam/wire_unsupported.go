package iam

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

// unmodelled binds the operations of the IAM API the fake does not model
// (MFA devices, SSH public keys, server and signing certificates,
// service-specific credentials, delegation requests, Organizations
// features, access reports) to the answer AWS gives an account that has
// none of them: an empty list, NoSuchEntity for one named, and
// InvalidInput naming the operation for one that would create or change
// something. They are not operations of the Go API: they record no call
// and take no injected fault.
var unmodelled = map[string]action{
	"AcceptDelegationRequest":                       refused,
	"AcquireRole":                                   refused,
	"AssociateDelegationRequest":                    refused,
	"ChangePassword":                                refused,
	"CreateDelegationRequest":                       refused,
	"CreateServiceSpecificCredential":               refused,
	"CreateVirtualMFADevice":                        refused,
	"DeactivateMFADevice":                           notFound,
	"DeleteSSHPublicKey":                            notFound,
	"DeleteServerCertificate":                       notFound,
	"DeleteServiceSpecificCredential":               notFound,
	"DeleteSigningCertificate":                      notFound,
	"DeleteVirtualMFADevice":                        notFound,
	"DisableOrganizationsRootCredentialsManagement": notFound,
	"DisableOrganizationsRootSessions":              notFound,
	"DisableOutboundWebIdentityFederation":          notFound,
	"EnableMFADevice":                               refused,
	"EnableOrganizationsRootCredentialsManagement":  refused,
	"EnableOrganizationsRootSessions":               refused,
	"EnableOutboundWebIdentityFederation":           refused,
	"GenerateOrganizationsAccessReport":             refused,
	"GenerateServiceLastAccessedDetails":            refused,
	"GetAccountProperties":                          notFound,
	"GetDelegationRequest":                          notFound,
	"GetHumanReadableSummary":                       notFound,
	"GetMFADevice":                                  notFound,
	"GetOrganizationsAccessReport":                  notFound,
	"GetOutboundWebIdentityFederationInfo":          notFound,
	"GetRoleTemplateVersion":                        notFound,
	"GetSSHPublicKey":                               notFound,
	"GetServerCertificate":                          notFound,
	"GetServiceLastAccessedDetails":                 notFound,
	"GetServiceLastAccessedDetailsWithEntities":     notFound,
	"ListDelegationRequests":                        emptyList,
	"ListMFADeviceTags":                             emptyList,
	"ListMFADevices":                                emptyList,
	"ListOrganizationsFeatures":                     emptyList,
	"ListPoliciesGrantingServiceAccess":             emptyList,
	"ListSSHPublicKeys":                             emptyList,
	"ListServerCertificateTags":                     emptyList,
	"ListServerCertificates":                        emptyList,
	"ListServiceSpecificCredentials":                emptyList,
	"ListSigningCertificates":                       emptyList,
	"ListVirtualMFADevices":                         emptyList,
	"PutAccountProperties":                          refused,
	"RejectDelegationRequest":                       notFound,
	"ResetServiceSpecificCredential":                notFound,
	"ResyncMFADevice":                               notFound,
	"SendDelegationToken":                           refused,
	"SetSecurityTokenServicePreferences":            refused,
	"TagMFADevice":                                  notFound,
	"TagServerCertificate":                          notFound,
	"UntagMFADevice":                                notFound,
	"UntagServerCertificate":                        notFound,
	"UpdateDelegationRequest":                       notFound,
	"UpdateSSHPublicKey":                            notFound,
	"UpdateServerCertificate":                       notFound,
	"UpdateServiceSpecificCredential":               notFound,
	"UpdateSigningCertificate":                      notFound,
	"UploadSSHPublicKey":                            refused,
	"UploadServerCertificate":                       refused,
	"UploadSigningCertificate":                      refused,
}

// emptyList answers a List operation with no items.
func emptyList(*Service, *http.Request, protocol.Form) (any, error) {
	return struct{ IsTruncated bool }{}, nil
}

// notFound answers NoSuchEntity: the account has no such entity.
func notFound(_ *Service, _ *http.Request, f protocol.Form) (any, error) {
	return nil, errs.New(codeNoSuchEntity, "The entity named in %s cannot be found.", f.Get("Action"))
}

// refused answers InvalidInput naming the operation the fake does not model.
func refused(_ *Service, _ *http.Request, f protocol.Form) (any, error) {
	return nil, errs.New(codeInvalidInput, "awsfake does not model %s.", f.Get("Action"))
}
