package route53

import (
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
)

// errs is Route 53's error catalogue: every error of the Route 53 model
// (botocore data/route53/2013-04-01 service-2.json, the error shapes and
// their httpStatusCode; a shape without one is a 400), over faults.Common.
// The engine's errors and InjectFault both read it.
var errs = faults.NewCatalogue(arnService, faults.Specs{
	"AccessDenied": {Status: 403}, // IAM enforcement's refusal (wire_authz.go)
	// Route 53's throttling answer: 400 Throttling "Rate exceeded"
	// (DNSLimitations: "Route 53 returns an HTTP 400 (Bad request) error").
	"Throttling":                                   {Status: 400, Message: "Rate exceeded"},
	"CidrBlockInUseException":                      {Status: 400},
	"CidrCollectionAlreadyExistsException":         {Status: 400},
	"CidrCollectionInUseException":                 {Status: 400},
	"CidrCollectionVersionMismatchException":       {Status: 409},
	"ConcurrentModification":                       {Status: 400},
	"ConflictingDomainExists":                      {Status: 400},
	"ConflictingTypes":                             {Status: 400},
	"DNSSECNotFound":                               {Status: 400},
	"DelegationSetAlreadyCreated":                  {Status: 400},
	"DelegationSetAlreadyReusable":                 {Status: 400},
	"DelegationSetInUse":                           {Status: 400},
	"DelegationSetNotAvailable":                    {Status: 400},
	"DelegationSetNotReusable":                     {Status: 400},
	"HealthCheckAlreadyExists":                     {Status: 409},
	"UnsupportedTLD":                               {Status: 400},
	"DuplicateRequest":                             {Status: 400},
	"DomainLimitExceeded":                          {Status: 400},
	"TLDRulesViolation":                            {Status: 400},
	"OperationLimitExceeded":                       {Status: 400},
	"HealthCheckInUse":                             {Status: 400},
	"HealthCheckVersionMismatch":                   {Status: 409},
	"HostedZoneAlreadyExists":                      {Status: 409},
	"HostedZoneNotEmpty":                           {Status: 400},
	"HostedZoneNotFound":                           {Status: 400},
	"HostedZoneNotPrivate":                         {Status: 400},
	"HostedZonePartiallyDelegated":                 {Status: 400},
	"IncompatibleVersion":                          {Status: 400},
	"InsufficientCloudWatchLogsResourcePolicy":     {Status: 400},
	"InvalidArgument":                              {Status: 400},
	"InvalidChangeBatch":                           {Status: 400},
	"InvalidDomainName":                            {Status: 400},
	"InvalidInput":                                 {Status: 400},
	"InvalidKMSArn":                                {Status: 400},
	"InvalidKeySigningKeyName":                     {Status: 400},
	"InvalidKeySigningKeyStatus":                   {Status: 400},
	"InvalidPaginationToken":                       {Status: 400},
	"InvalidResourceRecordSetProtectionBatch":      {Status: 400},
	"InvalidSigningStatus":                         {Status: 400},
	"InvalidTrafficPolicyDocument":                 {Status: 400},
	"InvalidVPCId":                                 {Status: 400},
	"KeySigningKeyAlreadyExists":                   {Status: 409},
	"KeySigningKeyInParentDSRecord":                {Status: 400},
	"KeySigningKeyInUse":                           {Status: 400},
	"KeySigningKeyWithActiveStatusNotFound":        {Status: 400},
	"LastVPCAssociation":                           {Status: 400},
	"LimitsExceeded":                               {Status: 400},
	"NoSuchChange":                                 {Status: 404},
	"NoSuchCidrCollectionException":                {Status: 404},
	"NoSuchCidrLocationException":                  {Status: 404},
	"NoSuchCloudWatchLogsLogGroup":                 {Status: 404},
	"NoSuchDelegationSet":                          {Status: 400},
	"NoSuchGeoLocation":                            {Status: 404},
	"NoSuchHealthCheck":                            {Status: 404},
	"NoSuchHostedZone":                             {Status: 404},
	"NoSuchKeySigningKey":                          {Status: 404},
	"NoSuchQueryLoggingConfig":                     {Status: 404},
	"NoSuchTrafficPolicy":                          {Status: 404},
	"NoSuchTrafficPolicyInstance":                  {Status: 404},
	"NotAuthorizedException":                       {Status: 401},
	"PriorRequestNotComplete":                      {Status: 400},
	"ProtectionAlreadyExists":                      {Status: 400},
	"PublicZoneVPCAssociation":                     {Status: 400},
	"QueryLoggingConfigAlreadyExists":              {Status: 409},
	"ThrottlingException":                          {Status: 400},
	"TooManyHealthChecks":                          {Status: 400},
	"TooManyHostedZones":                           {Status: 400},
	"TooManyKeySigningKeys":                        {Status: 400},
	"TooManyTrafficPolicies":                       {Status: 400},
	"TooManyTrafficPolicyInstances":                {Status: 400},
	"TooManyTrafficPolicyVersionsForCurrentPolicy": {Status: 400},
	"TooManyVPCAssociationAuthorizations":          {Status: 400},
	"TrafficPolicyAlreadyExists":                   {Status: 409},
	"TrafficPolicyInUse":                           {Status: 400},
	"TrafficPolicyInstanceAlreadyExists":           {Status: 409},
	"VPCAssociationAuthorizationNotFound":          {Status: 404},
	"VPCAssociationNotFound":                       {Status: 404},
})

// The codes the package raises.
const (
	codeConflictingDomainExists  = "ConflictingDomainExists"
	codeDelegationSetInUse       = "DelegationSetInUse"
	codeDelegationSetNotReusable = "DelegationSetNotReusable"
	codeDelegationSetExists      = "DelegationSetAlreadyCreated"
	codeHostedZoneExists         = "HostedZoneAlreadyExists"
	codeHostedZoneNotEmpty       = "HostedZoneNotEmpty"
	codeInvalidArgument          = "InvalidArgument"
	codeInvalidChangeBatch       = "InvalidChangeBatch"
	codeInvalidDomainName        = "InvalidDomainName"
	codeInvalidInput             = "InvalidInput"
	codeInvalidPaginationToken   = "InvalidPaginationToken"
	codeInvalidVPCID             = "InvalidVPCId"
	codeLastVPCAssociation       = "LastVPCAssociation"
	codeNoSuchChange             = "NoSuchChange"
	codeNoSuchDelegationSet      = "NoSuchDelegationSet"
	codeNoSuchGeoLocation        = "NoSuchGeoLocation"
	codeNoSuchHealthCheck        = "NoSuchHealthCheck"
	codeHealthCheckAlreadyExists = "HealthCheckAlreadyExists"
	codeUnsupportedTLD           = "UnsupportedTLD"
	codeDuplicateRequest         = "DuplicateRequest"
	codeDomainLimitExceeded      = "DomainLimitExceeded"
	codeTLDRulesViolation        = "TLDRulesViolation"
	codeOperationLimitExceeded   = "OperationLimitExceeded"
	codeHealthCheckInUse         = "HealthCheckInUse"
	codeHealthCheckVersion       = "HealthCheckVersionMismatch"
	codeNoSuchHostedZone         = "NoSuchHostedZone"
	codeNoSuchTrafficPolicy      = "NoSuchTrafficPolicy"
	codeNoSuchTrafficInstance    = "NoSuchTrafficPolicyInstance"
	codeNoSuchCidrCollection     = "NoSuchCidrCollectionException"
	codeNoSuchQueryLogging       = "NoSuchQueryLoggingConfig"
	codeNoSuchKeySigningKey      = "NoSuchKeySigningKey"
	codeDNSSECNotFound           = "DNSSECNotFound"
	codePublicZoneVPC            = "PublicZoneVPCAssociation"
	codeTooManyHealthChecks      = "TooManyHealthChecks"
	codeTooManyHostedZones       = "TooManyHostedZones"
	codeTooManyTrafficPolicies   = "TooManyTrafficPolicies"
	codeTooManyTrafficInstances  = "TooManyTrafficPolicyInstances"
	codeTooManyKeySigningKeys    = "TooManyKeySigningKeys"
	codeLimitsExceeded           = "LimitsExceeded"
	codeTooManyVPCAuthorizations = "TooManyVPCAssociationAuthorizations"
	codeVPCAssociationNotFound   = "VPCAssociationNotFound"
	codeVPCAuthNotFound          = "VPCAssociationAuthorizationNotFound"
	codeNoSuchCloudWatchLogs     = "NoSuchCloudWatchLogsLogGroup"
	codeUnknownOperation         = "UnknownOperationException"
)

func newError(code, format string, args ...any) *awserr.Error {
	return errs.New(code, format, args...)
}

// invalidInput is Route 53's InvalidInput with its message.
func invalidInput(format string, args ...any) *awserr.Error {
	return errs.New(codeInvalidInput, format, args...)
}

// noSuchZone is AWS's answer for a zone id it does not hold (recorded:
// test_route53.py::TestRoute53::test_delete_hosted_zone,
// "No hosted zone found with ID: <id>", 404).
func noSuchZone(id string) *awserr.Error {
	return errs.New(codeNoSuchHostedZone, "No hosted zone found with ID: %s", id)
}

// invalidChangeBatch is the error of a refused change batch. AWS answers
// one problem as an ErrorResponse whose message is the problem in square
// brackets ("[Tried to create resource record set [name='a.example.com.',
// type='A'] but it already exists]"), and several as the InvalidChangeBatch
// document listing each in Messages (the SDK's types.InvalidChangeBatch);
// Fields["Messages"] carries the list, one per line, for the wire.
func invalidChangeBatch(msgs []string) *awserr.Error {
	if len(msgs) == 1 {
		return errs.New(codeInvalidChangeBatch, "[%s]", msgs[0])
	}
	e := errs.New(codeInvalidChangeBatch, "ChangeBatch errors occurred")
	e.Fields = map[string]string{"Messages": strings.Join(msgs, "\n")}
	return e
}
