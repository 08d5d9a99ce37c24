package route53

import (
	"context"
	"net/http"
	"slices"

	"github.com/awsfake/awsfake/internal/protocol"
)

// domainsProto is Route 53 Domains' dialect: awsJson1_1, bare error codes.
var domainsProto = protocol.JSON{ContentType: "application/x-amz-json-1.1"}

// domainTargets is Route 53 Domains' wire table.
var domainTargets = protocol.Targets[*Service]{Proto: domainsProto, Prefix: "Route53Domains_v20140515.", Ops: map[string]protocol.TargetOp[*Service]{
	"CheckDomainAvailability":      protocol.Call((*Service).CheckDomainAvailability),
	"CheckDomainTransferability":   protocol.Call((*Service).CheckDomainTransferability),
	"RegisterDomain":               protocol.Call((*Service).RegisterDomain),
	"TransferDomain":               protocol.Call((*Service).TransferDomain),
	"GetDomainDetail":              protocol.Call((*Service).GetDomainDetail),
	"ListDomains":                  protocol.Call((*Service).ListDomains),
	"GetOperationDetail":           protocol.Call((*Service).GetOperationDetail),
	"ListOperations":               protocol.Call((*Service).ListOperations),
	"UpdateDomainNameservers":      protocol.Call((*Service).UpdateDomainNameservers),
	"UpdateDomainContact":          protocol.Call((*Service).UpdateDomainContact),
	"UpdateDomainContactPrivacy":   protocol.Call((*Service).UpdateDomainContactPrivacy),
	"EnableDomainAutoRenew":        protocol.Do((*Service).EnableDomainAutoRenew),
	"DisableDomainAutoRenew":       protocol.Do((*Service).DisableDomainAutoRenew),
	"EnableDomainTransferLock":     protocol.Call((*Service).EnableDomainTransferLock),
	"DisableDomainTransferLock":    protocol.Call((*Service).DisableDomainTransferLock),
	"RenewDomain":                  protocol.Call((*Service).RenewDomain),
	"DeleteDomain":                 protocol.Call((*Service).DeleteDomain),
	"RetrieveDomainAuthCode":       protocol.Call((*Service).RetrieveDomainAuthCode),
	"GetContactReachabilityStatus": protocol.Call((*Service).GetContactReachabilityStatus),
	"ListTagsForDomain":            protocol.Call((*Service).ListTagsForDomain),
	"UpdateTagsForDomain":          protocol.Do((*Service).UpdateTagsForDomain),
	"DeleteTagsForDomain":          protocol.Do((*Service).DeleteTagsForDomain),
	"ListPrices":                   protocol.Call((*Service).ListPrices),
	"GetDomainSuggestions":         protocol.Call((*Service).GetDomainSuggestions),

	// Not modelled: answered as for an account with nothing of the kind
	// (no billing records; no transfer between accounts pending; no DS
	// record associated; nothing to resend), recording no call.
	"ViewBilling": emptyDomains(`{"BillingRecords":[]}`),
	"AcceptDomainTransferFromAnotherAwsAccount": refuseDomains("The domain has no transfer pending from another AWS account."),
	"RejectDomainTransferFromAnotherAwsAccount": refuseDomains("The domain has no transfer pending from another AWS account."),
	"CancelDomainTransferToAnotherAwsAccount":   refuseDomains("The domain has no transfer pending to another AWS account."),
	"TransferDomainToAnotherAwsAccount":         refuseDomains("Transfers between AWS accounts are not supported by this fake."),
	"AssociateDelegationSignerToDomain":         refuseDomains("DNSSEC for registered domains is not supported by this fake."),
	"DisassociateDelegationSignerFromDomain":    refuseDomains("The domain has no delegation signer record with this id."),
	"PushDomain":                                refuseDomains("Only .uk domains can be pushed; this fake does not model it."),
	"ResendContactReachabilityEmail":            refuseDomains("The contact's email address is already confirmed."),
	"ResendOperationAuthorization":              refuseDomains("The operation needs no authorization."),
}}

func emptyDomains(body string) protocol.TargetOp[*Service] {
	return func(*Service, context.Context, []byte) (any, error) { return rawJSON(body), nil }
}

func refuseDomains(msg string) protocol.TargetOp[*Service] {
	return func(*Service, context.Context, []byte) (any, error) { return nil, invalidInput("%s", msg) }
}

// rawJSON is a document written as it is.
type rawJSON string

// MarshalJSON returns the document.
func (r rawJSON) MarshalJSON() ([]byte, error) { return []byte(r), nil }

// isDomains reports whether r is a Route 53 Domains request: Route 53's
// restXml requests name no target.
func isDomains(r *http.Request) bool { return protocol.HasTarget(r) }

// allOperations is every operation of both wire tables.
func allOperations() []string {
	return slices.Concat(routes.Operations(), domainTargets.Operations())
}
