package sqs

import (
	"fmt"

	"github.com/awsfake/awsfake/internal/awserr"
)

// Error codes SQS answers with. Code is the modelled shape name (the SDK's
// typed error, types.QueueDoesNotExist); the awsQuery code and the HTTP status
// come from the SQS Smithy model (the awsQueryError and httpError traits in
// service/sqs/schemas), so that JSON clients get the typed error and the
// x-amzn-query-error header, and Query clients the legacy code.
const (
	codeQueueDoesNotExist            = "QueueDoesNotExist"
	codeQueueNameExists              = "QueueNameExists"
	codeQueueDeletedRecently         = "QueueDeletedRecently"
	codePurgeQueueInProgress         = "PurgeQueueInProgress"
	codeMessageNotInflight           = "MessageNotInflight"
	codeReceiptHandleIsInvalid       = "ReceiptHandleIsInvalid"
	codeOverLimit                    = "OverLimit"
	codeInvalidAddress               = "InvalidAddress"
	codeInvalidAttributeName         = "InvalidAttributeName"
	codeInvalidAttributeValue        = "InvalidAttributeValue"
	codeInvalidMessageContents       = "InvalidMessageContents"
	codeEmptyBatchRequest            = "EmptyBatchRequest"
	codeTooManyEntriesInBatchRequest = "TooManyEntriesInBatchRequest"
	codeBatchEntryIdsNotDistinct     = "BatchEntryIdsNotDistinct"
	codeBatchRequestTooLong          = "BatchRequestTooLong"
	codeInvalidBatchEntryID          = "InvalidBatchEntryId"
	codeResourceNotFound             = "ResourceNotFoundException"
	codeUnsupportedOperation         = "UnsupportedOperation"
	// Not modelled: AWS's generic validation errors, whose awsQuery codes are
	// InvalidParameterValue and MissingParameter.
	codeInvalidParameterValue = "InvalidParameterValueException"
	codeMissingParameter      = "MissingRequiredParameterException"
)

// errorSpec is what AWS answers for one error code.
type errorSpec struct {
	query  string // awsQuery code, when it differs from the shape name
	status int
	server bool // a Receiver fault
}

// errorSpecs holds every SQS error shape of the model, plus the unmodelled
// codes AWS uses for validation and service failures.
var errorSpecs = map[string]errorSpec{
	codeQueueDoesNotExist:            {"AWS.SimpleQueueService.NonExistentQueue", 400, false},
	codeQueueNameExists:              {"QueueAlreadyExists", 400, false},
	codeQueueDeletedRecently:         {"AWS.SimpleQueueService.QueueDeletedRecently", 400, false},
	codePurgeQueueInProgress:         {"AWS.SimpleQueueService.PurgeQueueInProgress", 403, false},
	codeMessageNotInflight:           {"AWS.SimpleQueueService.MessageNotInflight", 400, false},
	codeUnsupportedOperation:         {"AWS.SimpleQueueService.UnsupportedOperation", 400, false},
	codeBatchEntryIdsNotDistinct:     {"AWS.SimpleQueueService.BatchEntryIdsNotDistinct", 400, false},
	codeBatchRequestTooLong:          {"AWS.SimpleQueueService.BatchRequestTooLong", 400, false},
	codeEmptyBatchRequest:            {"AWS.SimpleQueueService.EmptyBatchRequest", 400, false},
	codeInvalidBatchEntryID:          {"AWS.SimpleQueueService.InvalidBatchEntryId", 400, false},
	codeTooManyEntriesInBatchRequest: {"AWS.SimpleQueueService.TooManyEntriesInBatchRequest", 400, false},
	codeReceiptHandleIsInvalid:       {"", 404, false},
	codeOverLimit:                    {"", 403, false},
	codeInvalidAddress:               {"", 404, false},
	"InvalidSecurity":                {"", 403, false},
	"RequestThrottled":               {"", 403, false},
	codeResourceNotFound:             {"", 404, false},
	codeInvalidAttributeName:         {"", 400, false},
	codeInvalidAttributeValue:        {"", 400, false},
	"InvalidIdFormat":                {"", 400, false},
	codeInvalidMessageContents:       {"", 400, false},
	"KmsAccessDenied":                {"KMS.AccessDeniedException", 400, false},
	"KmsDisabled":                    {"KMS.DisabledException", 400, false},
	"KmsInvalidKeyUsage":             {"KMS.InvalidKeyUsageException", 400, false},
	"KmsInvalidState":                {"KMS.InvalidStateException", 400, false},
	"KmsNotFound":                    {"KMS.NotFoundException", 400, false},
	"KmsOptInRequired":               {"KMS.OptInRequired", 403, false},
	"KmsThrottled":                   {"KMS.ThrottlingException", 400, false},
	codeInvalidParameterValue:        {"InvalidParameterValue", 400, false},
	codeMissingParameter:             {"MissingParameter", 400, false},
	"InvalidAction":                  {"", 400, false},
	"AccessDenied":                   {"", 403, false},
	"ThrottlingException":            {"", 400, false},
	"InternalFailure":                {"", 500, true},
	"ServiceUnavailable":             {"", 503, true},
}

// newError returns the AWS error code with its status and awsQuery code.
// code may be the shape name or the awsQuery code; an unknown code is a 400
// sender fault.
func newError(code, format string, args ...any) *awserr.Error {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	spec, ok := errorSpecs[code]
	if !ok {
		for name, s := range errorSpecs {
			if s.query == code {
				code, spec, ok = name, s, true
				break
			}
		}
	}
	if !ok {
		spec = errorSpec{status: 400}
	}
	return &awserr.Error{Code: code, QueryCode: spec.query, Message: msg, Status: spec.status, Receiver: spec.server}
}

// errNoQueue is AWS's answer for a queue URL, name or ARN that names no queue.
func errNoQueue() *awserr.Error {
	return newError(codeQueueDoesNotExist, "The specified queue does not exist.")
}

// invalidParameter is AWS's InvalidParameterValue for one parameter:
// "Value X for parameter P is invalid. Reason: R".
func invalidParameter(value any, param, reason string) *awserr.Error {
	return newError(codeInvalidParameterValue, "Value %v for parameter %s is invalid. Reason: %s", value, param, reason)
}

// missingParameter is AWS's answer for a required parameter left out.
func missingParameter(param string) *awserr.Error {
	return newError(codeMissingParameter, "The request must contain the parameter %s.", param)
}
