package cloudwatch

import (
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
)

// Codes CloudWatch raises: the error shapes of the model (types/errors.go of
// aws-sdk-go-v2 cloudwatch v1.76.0), with the legacy awsQuery code each
// answers with (reference/errors.md), and ValidationError.
const (
	codeInvalidParameterValue       = "InvalidParameterValueException"
	codeMissingParameter            = "MissingRequiredParameterException"
	codeInvalidParameterCombination = "InvalidParameterCombinationException"
	codeLimitExceeded               = "LimitExceededFault"
	codeResourceNotFound            = "ResourceNotFound"
	codeResourceNotFoundException   = "ResourceNotFoundException"
	codeInvalidNextToken            = "InvalidNextToken"
	codeValidation                  = "ValidationException"
	codeInvalidAction               = "InvalidAction"
	codeUnknownOperation            = "UnknownOperationException"
)

// errs holds every error CloudWatch answers with.
var errs = faults.NewCatalogue(arnService, faults.Specs{
	"AccessDenied":                    {Status: 403}, // IAM enforcement's refusal (wire_authz.go)
	"ConcurrentModificationException": {Status: 429},
	"ConflictException":               {Status: 400},
	"DashboardInvalidInputError":      {Status: 400, QueryCode: "InvalidParameterInput"},
	"DashboardNotFoundError":          {Status: 404, QueryCode: "ResourceNotFound"},
	"InternalServiceFault":            {Status: 500, Receiver: true, QueryCode: "InternalServiceError"},
	"InvalidFormatFault":              {Status: 400, QueryCode: "InvalidFormat"},
	codeInvalidNextToken:              {Status: 400, Message: "The service couldn't process the token."},
	codeInvalidParameterCombination:   {Status: 400, QueryCode: "InvalidParameterCombination"},
	codeInvalidParameterValue:         {Status: 400, QueryCode: "InvalidParameterValue"},
	"LimitExceededException":          {Status: 400},
	codeLimitExceeded:                 {Status: 400, QueryCode: "LimitExceeded"},
	codeMissingParameter:              {Status: 400, QueryCode: "MissingParameter"},
	"ResourceConflict":                {Status: 400},
	codeResourceNotFound:              {Status: 404},
	codeResourceNotFoundException:     {Status: 404},
	codeValidation:                    {Status: 400, QueryCode: "ValidationError"},
	codeInvalidAction:                 {Status: 400},
	codeUnknownOperation:              {Status: 400},
	"KmsAccessDeniedException":        {Status: 400},
	"KmsKeyDisabledException":         {Status: 400},
	"KmsKeyNotFoundException":         {Status: 400},
	"Throttling":                      {Status: 400, Message: "Rate exceeded"},
})

// invalidValue is InvalidParameterValue with AWS's message.
func invalidValue(format string, args ...any) *awserr.Error {
	return errs.New(codeInvalidParameterValue, format, args...)
}

// combination is InvalidParameterCombination with AWS's message.
func combination(format string, args ...any) *awserr.Error {
	return errs.New(codeInvalidParameterCombination, format, args...)
}

// missing is MissingParameter naming the member as AWS does.
func missing(member string) *awserr.Error {
	return errs.New(codeMissingParameter, "The parameter %s is required.", member)
}

// validation is AWS's ValidationError for one member.
func validation(member, value, constraint string) *awserr.Error {
	return errs.New(codeValidation,
		"1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: %s", value, member, constraint)
}

// notFound is ResourceNotFound (an alarm), with AWS's empty message.
func notFound(format string, args ...any) *awserr.Error {
	return errs.New(codeResourceNotFound, format, args...)
}
