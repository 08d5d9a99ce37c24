package sqs

import (
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
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
	codeMessageNotInflight           = "MessageNotInflight" // modelled; AWS answers OK instead (see changeVisibility): only InjectFault raises it
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
	// The Query binding's answer for an Action it does not know.
	codeInvalidAction = "InvalidAction"
)

// errs is SQS's error catalogue: every SQS error shape of the model, plus
// the unmodelled codes AWS uses for validation, authorisation and service
// failures, over faults.Common. The statuses and awsQuery codes are the
// model's (the httpError and awsQueryError traits of the SQS Smithy model,
// aws-sdk-go-v2 service/sqs); the unmodelled ones are what AWS answers
// (InvalidParameterValue and MissingParameter 400, AccessDenied 403,
// InternalFailure 500, ServiceUnavailable 503, from the SQS API reference's
// "Common Errors"). The engine's errors and InjectFault both read it.
var errs = faults.NewCatalogue(arnService, faults.Specs{
	codeQueueDoesNotExist:            {Status: 400, QueryCode: "AWS.SimpleQueueService.NonExistentQueue"},
	codeQueueNameExists:              {Status: 400, QueryCode: "QueueAlreadyExists"},
	codeQueueDeletedRecently:         {Status: 400, QueryCode: "AWS.SimpleQueueService.QueueDeletedRecently"},
	codePurgeQueueInProgress:         {Status: 403, QueryCode: "AWS.SimpleQueueService.PurgeQueueInProgress"},
	codeMessageNotInflight:           {Status: 400, QueryCode: "AWS.SimpleQueueService.MessageNotInflight"},
	codeUnsupportedOperation:         {Status: 400, QueryCode: "AWS.SimpleQueueService.UnsupportedOperation"},
	codeBatchEntryIdsNotDistinct:     {Status: 400, QueryCode: "AWS.SimpleQueueService.BatchEntryIdsNotDistinct"},
	codeBatchRequestTooLong:          {Status: 400, QueryCode: "AWS.SimpleQueueService.BatchRequestTooLong"},
	codeEmptyBatchRequest:            {Status: 400, QueryCode: "AWS.SimpleQueueService.EmptyBatchRequest"},
	codeInvalidBatchEntryID:          {Status: 400, QueryCode: "AWS.SimpleQueueService.InvalidBatchEntryId"},
	codeTooManyEntriesInBatchRequest: {Status: 400, QueryCode: "AWS.SimpleQueueService.TooManyEntriesInBatchRequest"},
	codeReceiptHandleIsInvalid:       {Status: 404},
	codeOverLimit:                    {Status: 403},
	codeInvalidAddress:               {Status: 404},
	"InvalidSecurity":                {Status: 403},
	"RequestThrottled":               {Status: 403},
	codeResourceNotFound:             {Status: 404},
	codeInvalidAttributeName:         {Status: 400},
	codeInvalidAttributeValue:        {Status: 400},
	"InvalidIdFormat":                {Status: 400},
	codeInvalidMessageContents:       {Status: 400},
	"KmsAccessDenied":                {Status: 400, QueryCode: "KMS.AccessDeniedException"},
	"KmsDisabled":                    {Status: 400, QueryCode: "KMS.DisabledException"},
	"KmsInvalidKeyUsage":             {Status: 400, QueryCode: "KMS.InvalidKeyUsageException"},
	"KmsInvalidState":                {Status: 400, QueryCode: "KMS.InvalidStateException"},
	"KmsNotFound":                    {Status: 400, QueryCode: "KMS.NotFoundException"},
	"KmsOptInRequired":               {Status: 403, QueryCode: "KMS.OptInRequired"},
	"KmsThrottled":                   {Status: 400, QueryCode: "KMS.ThrottlingException"},
	codeInvalidParameterValue:        {Status: 400, QueryCode: "InvalidParameterValue"},
	codeMissingParameter:             {Status: 400, QueryCode: "MissingParameter"},
	codeInvalidAction:                {Status: 400},
	"AccessDenied":                   {Status: 403},
	"ThrottlingException":            {Status: 400},
	"InternalFailure":                {Status: 500, Receiver: true},
	"ServiceUnavailable":             {Status: 503, Receiver: true},
})

// newError returns the AWS error code with its status and awsQuery code
// from the catalogue. code may be the shape name or the awsQuery code.
func newError(code, format string, args ...any) *awserr.Error {
	return errs.New(code, format, args...)
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

// invalidContents is SQS's answer for characters outside its allowed set.
func invalidContents() error {
	return newError(codeInvalidMessageContents, "Invalid characters found. Valid unicode characters are "+
		"#x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF")
}
