package xray

import (
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
)

// errs is X-Ray's error catalogue: every error of the X-Ray model
// (aws-sdk-go-v2/service/xray/types/errors.go) with its status, over
// faults.Common. ThrottledException is the service's 429; the rest are the
// caller's 400s but ResourceNotFoundException, which is 404.
var errs = faults.NewCatalogue(arnService, faults.Specs{
	"AccessDeniedException":             {Status: 403}, // IAM enforcement's refusal (wire_authz.go)
	codeInvalidRequest:                  {Status: 400},
	codeThrottled:                       {Status: 429, Message: "Rate exceeded"},
	codeNotFound:                        {Status: 404},
	codeRuleLimitExceeded:               {Status: 400},
	codeTooManyTags:                     {Status: 400},
	"InvalidPolicyRevisionIdException":  {Status: 400},
	"LockoutPreventionException":        {Status: 400},
	"MalformedPolicyDocumentException":  {Status: 400},
	"PolicyCountLimitExceededException": {Status: 400},
	"PolicySizeLimitExceededException":  {Status: 400},
	"UnknownOperationException":         {Status: 404},
	"SerializationException":            {Status: 400},
	"RequestEntityTooLargeException":    {Status: 413},
})

// The codes the engine raises.
const (
	codeInvalidRequest    = "InvalidRequestException"
	codeThrottled         = "ThrottledException"
	codeNotFound          = "ResourceNotFoundException"
	codeRuleLimitExceeded = "RuleLimitExceededException"
	codeTooManyTags       = "TooManyTagsException"
)

// errInvalid is InvalidRequestException (400), X-Ray's answer to any bad
// input.
func errInvalid(format string, args ...any) *awserr.Error {
	return errs.New(codeInvalidRequest, format, args...)
}

// errNotFound is ResourceNotFoundException (404).
func errNotFound(format string, args ...any) *awserr.Error {
	return errs.New(codeNotFound, format, args...)
}

// errUnknownOperation answers a method and path no operation has.
func errUnknownOperation(method, path string) *awserr.Error {
	return errs.New("UnknownOperationException", "Unknown operation %s %s", method, path)
}
