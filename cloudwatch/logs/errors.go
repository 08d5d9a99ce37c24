package logs

import (
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
)

// Codes CloudWatch Logs raises (the exception shapes of the logs model,
// service/cloudwatchlogs/types/errors.go).
const (
	codeNotFound          = "ResourceNotFoundException"
	codeAlreadyExists     = "ResourceAlreadyExistsException"
	codeInvalidParameter  = "InvalidParameterException"
	codeLimitExceeded     = "LimitExceededException"
	codeValidation        = "ValidationException"
	codeAccessDenied      = "AccessDeniedException"
	codeInvalidOperation  = "InvalidOperationException"
	codeOperationAborted  = "OperationAbortedException"
	codeServiceUnavail    = "ServiceUnavailableException"
	codeTooManyTags       = "TooManyTagsException"
	codeMalformedQuery    = "MalformedQueryException"
	codeUnrecognized      = "UnrecognizedClientException"
	codeThrottling        = "ThrottlingException"
	codeConflict          = "ConflictException"
	codeQuotaExceeded     = "ServiceQuotaExceededException"
	codeInternalServer    = "InternalServerException"
	codeDataAccepted      = "DataAlreadyAcceptedException"
	codeInvalidSeqToken   = "InvalidSequenceTokenException"
	codeSessionStreaming  = "SessionStreamingException"
	codeSessionTimeout    = "SessionTimeoutException"
	codeInternalStreaming = "InternalStreamingException"
)

// errs holds every error CloudWatch Logs answers with. Logs answers its
// modelled exceptions with 400 (ServiceUnavailableException and
// InternalServerException with 500), as the recordings show
// (test_logs_groups, test_logs_events: ResourceNotFoundException 400).
var errs = faults.NewCatalogue(arnService, faults.Specs{
	codeNotFound:          {Status: 400, Message: "The specified resource does not exist."},
	codeAlreadyExists:     {Status: 400, Message: "The specified resource already exists"},
	codeInvalidParameter:  {Status: 400},
	codeLimitExceeded:     {Status: 400, Message: "Resource limit exceeded."},
	codeValidation:        {Status: 400},
	codeAccessDenied:      {Status: 400},
	codeInvalidOperation:  {Status: 400},
	codeOperationAborted:  {Status: 400, Message: "Multiple concurrent requests to update the same resource were in conflict."},
	codeServiceUnavail:    {Status: 500, Receiver: true, Message: "The service cannot complete the request."},
	codeTooManyTags:       {Status: 400},
	codeMalformedQuery:    {Status: 400},
	codeUnrecognized:      {Status: 400, Message: "The security token included in the request is invalid."},
	codeThrottling:        {Status: 400, Message: "Rate exceeded"},
	codeConflict:          {Status: 400},
	codeQuotaExceeded:     {Status: 400},
	codeInternalServer:    {Status: 500, Receiver: true},
	codeDataAccepted:      {Status: 400},
	codeInvalidSeqToken:   {Status: 400},
	codeSessionStreaming:  {Status: 400},
	codeSessionTimeout:    {Status: 400},
	codeInternalStreaming: {Status: 400},
})

// invalidParam is InvalidParameterException with a message.
func invalidParam(format string, args ...any) *awserr.Error {
	return errs.New(codeInvalidParameter, format, args...)
}

// constraint is AWS's validation wording for one member, as Logs answers
// it with InvalidParameterException (test_logs_events
// test_get_log_events_limit_validation).
func constraint(member, value, rule string) *awserr.Error {
	return errs.New(codeInvalidParameter,
		"1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: %s", value, member, rule)
}

// groupNotFound is AWS's answer for a missing log group.
func groupNotFound() *awserr.Error {
	return errs.New(codeNotFound, "The specified log group does not exist.")
}

// streamNotFound is AWS's answer for a missing log stream.
func streamNotFound() *awserr.Error {
	return errs.New(codeNotFound, "The specified log stream does not exist.")
}

// notFound is ResourceNotFoundException with a message.
func notFound(format string, args ...any) *awserr.Error {
	return errs.New(codeNotFound, format, args...)
}

// badToken is AWS's answer for a nextToken it did not issue.
func badToken() *awserr.Error {
	return errs.New(codeInvalidParameter, "The specified nextToken is invalid.")
}

// limitExceeded is LimitExceededException in AWS's wording.
func limitExceeded() *awserr.Error {
	return errs.New(codeLimitExceeded, "Resource limit exceeded.")
}
