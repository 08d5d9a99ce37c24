package sns

import (
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
)

// SNS speaks awsQuery, whose error codes are short names (NotFound,
// InvalidParameter, ...): they are what the SDK's typed errors report from
// ErrorCode() (types/errors.go of aws-sdk-go-v2/service/sns), so the fake uses
// them as the error's Code on the Go API and on the wire alike.

// errs holds every error of the SNS model (botocore's
// sns/2010-03-31/service-2.json: the awsQueryError code and httpStatusCode
// of each exception shape), by the code AWS answers with, which is what the
// SDK's typed errors report from ErrorCode(). The engine's errors and
// InjectFault read it alike.
var errs = faults.NewCatalogue(arnService, faults.Specs{
	"AuthorizationError":           {Status: 403},
	"BatchEntryIdsNotDistinct":     {Status: 400, Message: "Two or more batch entries in the request have the same Id."},
	"BatchRequestTooLong":          {Status: 400, Message: "The length of all the messages put together is more than the limit."},
	"ConcurrentAccess":             {Status: 400},
	"EmptyBatchRequest":            {Status: 400, Message: "The batch request doesn't contain any entries."},
	"EndpointDisabled":             {Status: 400, Message: "Endpoint is disabled"},
	"FilterPolicyLimitExceeded":    {Status: 403, Message: "Filter policy limit exceeded"},
	"InternalError":                {Status: 500, Receiver: true},
	"InvalidBatchEntryId":          {Status: 400},
	"InvalidParameter":             {Status: 400},
	"ParameterValueInvalid":        {Status: 400},
	"InvalidSecurity":              {Status: 403},
	"InvalidState":                 {Status: 400},
	"KMSAccessDenied":              {Status: 400},
	"KMSDisabled":                  {Status: 400},
	"KMSInvalidState":              {Status: 400},
	"KMSNotFound":                  {Status: 400},
	"KMSOptInRequired":             {Status: 403},
	"KMSThrottling":                {Status: 400},
	"NotFound":                     {Status: 404},
	"OptedOut":                     {Status: 400},
	"PlatformApplicationDisabled":  {Status: 400},
	"ReplayLimitExceeded":          {Status: 403},
	"ResourceNotFound":             {Status: 404, Message: "Resource does not exist"},
	"StaleTag":                     {Status: 400},
	"SubscriptionLimitExceeded":    {Status: 403},
	"TagLimitExceeded":             {Status: 400, Message: "Could not complete request: tag quota of per resource exceeded"},
	"TagPolicy":                    {Status: 400},
	"Throttled":                    {Status: 429},
	"TooManyEntriesInBatchRequest": {Status: 400, Message: "The batch request contains more entries than permissible."},
	"TopicLimitExceeded":           {Status: 403},
	"UserError":                    {Status: 400},
	"ValidationException":          {Status: 400},
	"VerificationException":        {Status: 400, Message: "Invalid one-time password"},
	// Not modelled for SNS, answered by AWS's front end (faults.Common
	// holds it too, with the same status).
	"ValidationError": {Status: 400},
})

// The codes the engine raises by name.
const (
	codeInvalidParameter      = "InvalidParameter"
	codeParameterValueInvalid = "ParameterValueInvalid"
	codeNotFound              = "NotFound"
	codeResourceNotFound      = "ResourceNotFound"
	codeValidationError       = "ValidationError"
	codeInvalidAction         = "InvalidAction"
	codeInvalidBatchEntryID   = "InvalidBatchEntryId"
)

// invalidParameter is SNS's InvalidParameter (400). AWS words these messages
// "Invalid parameter: <name>[ Reason: <why>]".
func invalidParameter(format string, args ...any) *awserr.Error {
	return errs.New(codeInvalidParameter, format, args...)
}

// invalidParameterValue is SNS's InvalidParameterValue, whose query code is
// ParameterValueInvalid (message attribute errors).
func invalidParameterValue(format string, args ...any) *awserr.Error {
	return errs.New(codeParameterValueInvalid, format, args...)
}

// notFound is SNS's NotFound (404).
func notFound(what string) *awserr.Error {
	return errs.New(codeNotFound, "%s does not exist", what)
}

// resourceNotFound is ResourceNotFound (404), with AWS's message for a
// missing tagged resource or sandbox number.
func resourceNotFound(message string) *awserr.Error {
	return errs.New(codeResourceNotFound, "%s", message)
}

// validationError is the ValidationError AWS's front end raises for a
// missing or malformed member before SNS sees the request.
func validationError(value, member, constraint string) *awserr.Error {
	return errs.New(codeValidationError,
		"1 validation error detected: Value %s at '%s' failed to satisfy constraint: %s", value, member, constraint)
}

// missing is AWS's error for a required parameter that is absent:
// "Invalid parameter: TopicArn Reason: no value for required parameter".
func missing(name string) *awserr.Error {
	return invalidParameter("Invalid parameter: %s Reason: no value for required parameter", name)
}

// invalidAction is the error for an Action SNS does not have.
func invalidAction(action string) *awserr.Error {
	return errs.New(codeInvalidAction, "Could not find operation %s for version 2010-03-31", action)
}

// invalidBatchEntryID is InvalidBatchEntryId with the reason the Id is
// refused.
func invalidBatchEntryID(format string, args ...any) *awserr.Error {
	return errs.New(codeInvalidBatchEntryID, format, args...)
}

// The errors raised with AWS's usual message (the catalogue's): the whole-
// request errors of PublishBatch, the limits, a disabled endpoint and a
// wrong one-time password.
func batchError(code string) *awserr.Error { return errs.Default(code) }

func batchTooLong() *awserr.Error      { return errs.Default("BatchRequestTooLong") }
func filterPolicyLimit() *awserr.Error { return errs.Default("FilterPolicyLimitExceeded") }
func endpointDisabled() *awserr.Error  { return errs.Default("EndpointDisabled") }
func tagLimit() *awserr.Error          { return errs.Default("TagLimitExceeded") }
func wrongPassword() *awserr.Error     { return errs.Default("VerificationException") }
