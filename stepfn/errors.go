package stepfn

import (
	"fmt"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
)

// Error codes Step Functions answers with: the error shapes of the sfn
// model (aws-sdk-go-v2 service/sfn types/errors.go), every one a 400 sender
// fault there, so that the SDK returns its typed error.
const (
	codeActivityAlreadyExists          = "ActivityAlreadyExists"
	codeActivityDoesNotExist           = "ActivityDoesNotExist"
	codeConflict                       = "ConflictException"
	codeExecutionAlreadyExists         = "ExecutionAlreadyExists"
	codeExecutionDoesNotExist          = "ExecutionDoesNotExist"
	codeExecutionLimitExceeded         = "ExecutionLimitExceeded"
	codeExecutionNotRedrivable         = "ExecutionNotRedrivable"
	codeInvalidArn                     = "InvalidArn"
	codeInvalidDefinition              = "InvalidDefinition"
	codeInvalidExecutionInput          = "InvalidExecutionInput"
	codeInvalidLoggingConfiguration    = "InvalidLoggingConfiguration"
	codeInvalidName                    = "InvalidName"
	codeInvalidToken                   = "InvalidToken"
	codeInvalidTracingConfiguration    = "InvalidTracingConfiguration"
	codeMissingRequiredParameter       = "MissingRequiredParameter"
	codeResourceNotFound               = "ResourceNotFound"
	codeServiceQuotaExceeded           = "ServiceQuotaExceededException"
	codeStateMachineAlreadyExists      = "StateMachineAlreadyExists"
	codeStateMachineDoesNotExist       = "StateMachineDoesNotExist"
	codeStateMachineTypeNotSupported   = "StateMachineTypeNotSupported"
	codeTaskDoesNotExist               = "TaskDoesNotExist"
	codeTooManyTags                    = "TooManyTags"
	codeValidation                     = "ValidationException"
	codeInvalidEncryptionConfiguration = "InvalidEncryptionConfiguration"
)

// errs is the Step Functions catalogue: every error shape of the model
// (all 400 sender faults; the model carries no httpError trait other than
// the default), over faults.Common.
var errs = faults.NewCatalogue(arnService, faults.Specs{
	codeActivityAlreadyExists:          {Status: 400},
	codeActivityDoesNotExist:           {Status: 400},
	"ActivityLimitExceeded":            {Status: 400},
	"ActivityWorkerLimitExceeded":      {Status: 400},
	codeConflict:                       {Status: 400},
	codeExecutionAlreadyExists:         {Status: 400},
	codeExecutionDoesNotExist:          {Status: 400},
	codeExecutionLimitExceeded:         {Status: 400},
	codeExecutionNotRedrivable:         {Status: 400},
	codeInvalidArn:                     {Status: 400},
	codeInvalidDefinition:              {Status: 400},
	codeInvalidEncryptionConfiguration: {Status: 400},
	codeInvalidExecutionInput:          {Status: 400},
	codeInvalidLoggingConfiguration:    {Status: 400},
	codeInvalidName:                    {Status: 400},
	"InvalidOutput":                    {Status: 400},
	codeInvalidToken:                   {Status: 400},
	codeInvalidTracingConfiguration:    {Status: 400},
	"KmsAccessDeniedException":         {Status: 400},
	"KmsInvalidStateException":         {Status: 400},
	"KmsThrottlingException":           {Status: 400},
	codeMissingRequiredParameter:       {Status: 400},
	codeResourceNotFound:               {Status: 400},
	codeServiceQuotaExceeded:           {Status: 400},
	codeStateMachineAlreadyExists:      {Status: 400},
	"StateMachineDeleting":             {Status: 400},
	codeStateMachineDoesNotExist:       {Status: 400},
	"StateMachineLimitExceeded":        {Status: 400},
	codeStateMachineTypeNotSupported:   {Status: 400},
	codeTaskDoesNotExist:               {Status: 400},
	"TaskTimedOut":                     {Status: 400},
	codeTooManyTags:                    {Status: 400},
	codeValidation:                     {Status: 400},
})

// newError returns the error code with a message, through the catalogue.
func newError(code, format string, args ...any) *awserr.Error {
	return errs.New(code, format, args...)
}

// invalidArn is AWS's answer for an ARN that is not one: "Invalid Arn: '...'".
func invalidArn(what string) *awserr.Error {
	return newError(codeInvalidArn, "Invalid Arn: '%s'", what)
}

// invalidDefinition wraps a diagnostic as AWS words it.
func invalidDefinition(msg string) *awserr.Error {
	return newError(codeInvalidDefinition, "Invalid State Machine Definition: '%s'", msg)
}

// machineNotFound is StateMachineDoesNotExist for the ARN asked.
func machineNotFound(a string) *awserr.Error {
	return newError(codeStateMachineDoesNotExist, "State Machine Does Not Exist: '%s'", a)
}

// executionNotFound is ExecutionDoesNotExist for the ARN asked.
func executionNotFound(a string) *awserr.Error {
	return newError(codeExecutionDoesNotExist, "Execution Does Not Exist: '%s'", a)
}

// validation is AWS's "1 validation error detected" answer for member at
// value.
func validation(value any, member, constraint string) *awserr.Error {
	return newError(codeValidation, "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: %s",
		fmt.Sprint(value), member, constraint)
}

// missing is AWS's answer for a required member not given.
func missing(member string) *awserr.Error {
	return validation("null", member, "Member must not be null")
}
