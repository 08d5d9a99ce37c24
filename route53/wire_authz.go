package route53

import (
	"encoding/xml"
	"net/http"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/protocol"
)

// Resource types of Route 53's action table, as its ARNs name them
// (arn:aws:route53:::hostedzone/<id>: no region, no account).
const (
	onZone          = "hostedzone"
	onChange        = "change"
	onHealthCheck   = "healthcheck"
	onQueryLogging  = "queryloggingconfig"
	onDelegationSet = "delegationset"
	onPolicy        = "trafficpolicy"
	onInstance      = "trafficpolicyinstance"
	onCidr          = "cidrcollection"
)

// actions is Route 53's IAM action table, one row per operation of the
// wire table, from the Service Authorization Reference ("Actions,
// resources, and condition keys for Amazon Route 53"): every operation is
// the route53: action of its name, on the hosted zone, change, health
// check, query logging configuration, reusable delegation set, traffic
// policy (instance) or CIDR collection its path, query or body names; the
// creations of account-wide resources, the counts, the lists of the
// account's resources and the geolocation and checker-IP lookups support
// no resource type.
var actions = authz.Table{
	"ActivateKeySigningKey":                  {Action: "route53:ActivateKeySigningKey", Resource: onZone},
	"AssociateVPCWithHostedZone":             {Action: "route53:AssociateVPCWithHostedZone", Resource: onZone},
	"ChangeCidrCollection":                   {Action: "route53:ChangeCidrCollection", Resource: onCidr},
	"ChangeResourceRecordSets":               {Action: "route53:ChangeResourceRecordSets", Resource: onZone},
	"ChangeTagsForResource":                  {Action: "route53:ChangeTagsForResource", Resource: onZone},
	"CreateCidrCollection":                   {Action: "route53:CreateCidrCollection"},
	"CreateHealthCheck":                      {Action: "route53:CreateHealthCheck"},
	"CreateHostedZone":                       {Action: "route53:CreateHostedZone"},
	"CreateKeySigningKey":                    {Action: "route53:CreateKeySigningKey", Resource: onZone},
	"CreateQueryLoggingConfig":               {Action: "route53:CreateQueryLoggingConfig", Resource: onZone},
	"CreateResourceRecordSetProtections":     {Action: "route53:CreateResourceRecordSetProtections", Resource: onZone},
	"CreateReusableDelegationSet":            {Action: "route53:CreateReusableDelegationSet"},
	"CreateTrafficPolicy":                    {Action: "route53:CreateTrafficPolicy"},
	"CreateTrafficPolicyInstance":            {Action: "route53:CreateTrafficPolicyInstance", Resource: onZone},
	"CreateTrafficPolicyVersion":             {Action: "route53:CreateTrafficPolicyVersion", Resource: onPolicy},
	"CreateVPCAssociationAuthorization":      {Action: "route53:CreateVPCAssociationAuthorization", Resource: onZone},
	"DeactivateKeySigningKey":                {Action: "route53:DeactivateKeySigningKey", Resource: onZone},
	"DeleteCidrCollection":                   {Action: "route53:DeleteCidrCollection", Resource: onCidr},
	"DeleteHealthCheck":                      {Action: "route53:DeleteHealthCheck", Resource: onHealthCheck},
	"DeleteHostedZone":                       {Action: "route53:DeleteHostedZone", Resource: onZone},
	"DeleteKeySigningKey":                    {Action: "route53:DeleteKeySigningKey", Resource: onZone},
	"DeleteQueryLoggingConfig":               {Action: "route53:DeleteQueryLoggingConfig", Resource: onQueryLogging},
	"DeleteResourceRecordSetProtections":     {Action: "route53:DeleteResourceRecordSetProtections", Resource: onZone},
	"DeleteReusableDelegationSet":            {Action: "route53:DeleteReusableDelegationSet", Resource: onDelegationSet},
	"DeleteTrafficPolicy":                    {Action: "route53:DeleteTrafficPolicy", Resource: onPolicy},
	"DeleteTrafficPolicyInstance":            {Action: "route53:DeleteTrafficPolicyInstance", Resource: onInstance},
	"DeleteVPCAssociationAuthorization":      {Action: "route53:DeleteVPCAssociationAuthorization", Resource: onZone},
	"DisableHostedZoneDNSSEC":                {Action: "route53:DisableHostedZoneDNSSEC", Resource: onZone},
	"DisassociateVPCFromHostedZone":          {Action: "route53:DisassociateVPCFromHostedZone", Resource: onZone},
	"EnableHostedZoneDNSSEC":                 {Action: "route53:EnableHostedZoneDNSSEC", Resource: onZone},
	"GetAccountLimit":                        {Action: "route53:GetAccountLimit"},
	"GetChange":                              {Action: "route53:GetChange", Resource: onChange},
	"GetCheckerIpRanges":                     {Action: "route53:GetCheckerIpRanges"},
	"GetDNSSEC":                              {Action: "route53:GetDNSSEC", Resource: onZone},
	"GetGeoLocation":                         {Action: "route53:GetGeoLocation"},
	"GetHealthCheck":                         {Action: "route53:GetHealthCheck", Resource: onHealthCheck},
	"GetHealthCheckCount":                    {Action: "route53:GetHealthCheckCount"},
	"GetHealthCheckLastFailureReason":        {Action: "route53:GetHealthCheckLastFailureReason", Resource: onHealthCheck},
	"GetHealthCheckStatus":                   {Action: "route53:GetHealthCheckStatus", Resource: onHealthCheck},
	"GetHostedZone":                          {Action: "route53:GetHostedZone", Resource: onZone},
	"GetHostedZoneCount":                     {Action: "route53:GetHostedZoneCount"},
	"GetHostedZoneLimit":                     {Action: "route53:GetHostedZoneLimit", Resource: onZone},
	"GetQueryLoggingConfig":                  {Action: "route53:GetQueryLoggingConfig", Resource: onQueryLogging},
	"GetReusableDelegationSet":               {Action: "route53:GetReusableDelegationSet", Resource: onDelegationSet},
	"GetReusableDelegationSetLimit":          {Action: "route53:GetReusableDelegationSetLimit", Resource: onDelegationSet},
	"GetTrafficPolicy":                       {Action: "route53:GetTrafficPolicy", Resource: onPolicy},
	"GetTrafficPolicyInstance":               {Action: "route53:GetTrafficPolicyInstance", Resource: onInstance},
	"GetTrafficPolicyInstanceCount":          {Action: "route53:GetTrafficPolicyInstanceCount"},
	"ListCidrBlocks":                         {Action: "route53:ListCidrBlocks", Resource: onCidr},
	"ListCidrCollections":                    {Action: "route53:ListCidrCollections"},
	"ListCidrLocations":                      {Action: "route53:ListCidrLocations", Resource: onCidr},
	"ListGeoLocations":                       {Action: "route53:ListGeoLocations"},
	"ListHealthChecks":                       {Action: "route53:ListHealthChecks"},
	"ListHostedZones":                        {Action: "route53:ListHostedZones"},
	"ListHostedZonesByName":                  {Action: "route53:ListHostedZonesByName"},
	"ListHostedZonesByVPC":                   {Action: "route53:ListHostedZonesByVPC"},
	"ListQueryLoggingConfigs":                {Action: "route53:ListQueryLoggingConfigs"},
	"ListResourceRecordSetProtections":       {Action: "route53:ListResourceRecordSetProtections", Resource: onZone},
	"ListResourceRecordSets":                 {Action: "route53:ListResourceRecordSets", Resource: onZone},
	"ListReusableDelegationSets":             {Action: "route53:ListReusableDelegationSets"},
	"ListTagsForResource":                    {Action: "route53:ListTagsForResource", Resource: onZone},
	"ListTagsForResources":                   {Action: "route53:ListTagsForResources"},
	"ListTrafficPolicies":                    {Action: "route53:ListTrafficPolicies"},
	"ListTrafficPolicyInstances":             {Action: "route53:ListTrafficPolicyInstances"},
	"ListTrafficPolicyInstancesByHostedZone": {Action: "route53:ListTrafficPolicyInstancesByHostedZone", Resource: onZone},
	"ListTrafficPolicyInstancesByPolicy":     {Action: "route53:ListTrafficPolicyInstancesByPolicy", Resource: onPolicy},
	"ListTrafficPolicyVersions":              {Action: "route53:ListTrafficPolicyVersions", Resource: onPolicy},
	"ListVPCAssociationAuthorizations":       {Action: "route53:ListVPCAssociationAuthorizations", Resource: onZone},
	"TestDNSAnswer":                          {Action: "route53:TestDNSAnswer"},
	"UpdateHealthCheck":                      {Action: "route53:UpdateHealthCheck", Resource: onHealthCheck},
	"UpdateHostedZoneComment":                {Action: "route53:UpdateHostedZoneComment", Resource: onZone},
	"UpdateHostedZoneFeatures":               {Action: "route53:UpdateHostedZoneFeatures", Resource: onZone},
	"UpdateTrafficPolicyComment":             {Action: "route53:UpdateTrafficPolicyComment", Resource: onPolicy},
	"UpdateTrafficPolicyInstance":            {Action: "route53:UpdateTrafficPolicyInstance", Resource: onInstance},
}

// domainActions is Route 53 Domains' IAM action table, one row per
// operation, from the Service Authorization Reference ("Actions,
// resources, and condition keys for Amazon Route 53 Domains"): every
// operation is the route53domains: action of its name; none supports a
// resource type.
var domainActions = authz.Table{
	"AcceptDomainTransferFromAnotherAwsAccount": {Action: "route53domains:AcceptDomainTransferFromAnotherAwsAccount"},
	"AssociateDelegationSignerToDomain":         {Action: "route53domains:AssociateDelegationSignerToDomain"},
	"CancelDomainTransferToAnotherAwsAccount":   {Action: "route53domains:CancelDomainTransferToAnotherAwsAccount"},
	"CheckDomainAvailability":                   {Action: "route53domains:CheckDomainAvailability"},
	"CheckDomainTransferability":                {Action: "route53domains:CheckDomainTransferability"},
	"DeleteDomain":                              {Action: "route53domains:DeleteDomain"},
	"DeleteTagsForDomain":                       {Action: "route53domains:DeleteTagsForDomain"},
	"DisableDomainAutoRenew":                    {Action: "route53domains:DisableDomainAutoRenew"},
	"DisableDomainTransferLock":                 {Action: "route53domains:DisableDomainTransferLock"},
	"DisassociateDelegationSignerFromDomain":    {Action: "route53domains:DisassociateDelegationSignerFromDomain"},
	"EnableDomainAutoRenew":                     {Action: "route53domains:EnableDomainAutoRenew"},
	"EnableDomainTransferLock":                  {Action: "route53domains:EnableDomainTransferLock"},
	"GetContactReachabilityStatus":              {Action: "route53domains:GetContactReachabilityStatus"},
	"GetDomainDetail":                           {Action: "route53domains:GetDomainDetail"},
	"GetDomainSuggestions":                      {Action: "route53domains:GetDomainSuggestions"},
	"GetOperationDetail":                        {Action: "route53domains:GetOperationDetail"},
	"ListDomains":                               {Action: "route53domains:ListDomains"},
	"ListOperations":                            {Action: "route53domains:ListOperations"},
	"ListPrices":                                {Action: "route53domains:ListPrices"},
	"ListTagsForDomain":                         {Action: "route53domains:ListTagsForDomain"},
	"PushDomain":                                {Action: "route53domains:PushDomain"},
	"RegisterDomain":                            {Action: "route53domains:RegisterDomain"},
	"RejectDomainTransferFromAnotherAwsAccount": {Action: "route53domains:RejectDomainTransferFromAnotherAwsAccount"},
	"RenewDomain":                               {Action: "route53domains:RenewDomain"},
	"ResendContactReachabilityEmail":            {Action: "route53domains:ResendContactReachabilityEmail"},
	"ResendOperationAuthorization":              {Action: "route53domains:ResendOperationAuthorization"},
	"RetrieveDomainAuthCode":                    {Action: "route53domains:RetrieveDomainAuthCode"},
	"TransferDomain":                            {Action: "route53domains:TransferDomain"},
	"TransferDomainToAnotherAwsAccount":         {Action: "route53domains:TransferDomainToAnotherAwsAccount"},
	"UpdateDomainContact":                       {Action: "route53domains:UpdateDomainContact"},
	"UpdateDomainContactPrivacy":                {Action: "route53domains:UpdateDomainContactPrivacy"},
	"UpdateDomainNameservers":                   {Action: "route53domains:UpdateDomainNameservers"},
	"UpdateTagsForDomain":                       {Action: "route53domains:UpdateTagsForDomain"},
	"ViewBilling":                               {Action: "route53domains:ViewBilling"},
}

// Actions returns Route 53's IAM action table, by operation; Route 53
// Domains' is DomainActions. Plumbing for the root package.
func Actions() authz.Table { return actions }

// DomainActions returns Route 53 Domains' IAM action table, by operation.
// Plumbing for the root package.
func DomainActions() authz.Table { return domainActions }

// askedBody is the member of a creation's XML body that names the hosted
// zone it acts on (CreateKeySigningKey, CreateQueryLoggingConfig,
// CreateTrafficPolicyInstance).
type askedBody struct {
	HostedZoneId string
}

// Authorization returns what the request r, in scope sc, asks: a Route 53
// Domains request its route53domains: action on "*", a Route 53 one its
// route53: action on the resource it names. Plumbing for the root package.
func (s *Service) Authorization(r *http.Request, sc faults.Scope) ([]authz.Ask, error) {
	if isDomains(r) {
		row, found := domainActions[domainTargets.Operation(r)]
		if !found {
			return nil, nil
		}
		return []authz.Ask{row.New("")}, nil
	}
	query := r.URL.Query()
	rt, labels, _ := routes.Match(r.Method, protocol.Segments(r), query, r.Header)
	if rt == nil {
		return nil, nil
	}
	row := actions[rt.Name]
	id := ""
	switch {
	case row.Resource == "":
	case labels["ResourceType"] != "":
		if labels["ResourceId"] == "" {
			break
		}
		return []authz.Ask{row.New(arn.Build(sc.Partition, arnService, "", "", labels["ResourceType"]+"/"+labels["ResourceId"]))}, nil
	case labels["Id"] != "":
		id = labels["Id"]
	case labels["HostedZoneId"] != "":
		id = labels["HostedZoneId"]
	case labels["HealthCheckId"] != "":
		id = labels["HealthCheckId"]
	case labels["CidrCollectionId"] != "":
		id = labels["CidrCollectionId"]
	case query.Get("id") != "":
		id = query.Get("id")
	case r.Method == http.MethodPost:
		var in askedBody
		body, err := protocol.PeekBody(r, bodyLimit)
		if err != nil || xml.Unmarshal(body, &in) != nil {
			return nil, nil // the operation answers what it cannot read
		}
		id = in.HostedZoneId
	}
	if id == "" {
		return []authz.Ask{row.New("")}, nil
	}
	return []authz.Ask{row.New(arn.Build(sc.Partition, arnService, "", "", row.Resource+"/"+id))}, nil
}

// AccessDenied is Route 53's refusal of an unauthorised request:
// AccessDenied, 403, with message (Route 53 Domains' is written as its
// AccessDeniedException by WriteError). Plumbing for the root package.
func (s *Service) AccessDenied(message string) error {
	return errs.New("AccessDenied", "%s", message)
}

// WriteError writes err as the client of r reads it: Route 53's
// <ErrorResponse>, or Route 53 Domains' AWS JSON 1.1, where a refusal is
// AccessDeniedException, 400 (faults.Common). Plumbing for the root
// package.
func (s *Service) WriteError(w http.ResponseWriter, r *http.Request, err error) {
	if !isDomains(r) {
		writeError(w, r, err)
		return
	}
	e := *awserr.As(err)
	if e.Code == "AccessDenied" {
		e.Code, e.Status = "AccessDeniedException", http.StatusBadRequest
	}
	domainsProto.WriteError(w, r, &e)
}
