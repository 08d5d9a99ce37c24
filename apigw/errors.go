package apigw

import (
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
)

// errs is API Gateway's error catalogue: the errors of the apigateway model
// (aws-sdk-go-v2/service/apigateway/types/errors.go) with the statuses of
// its httpError traits, over faults.Common.
var errs = faults.NewCatalogue(arnService, faults.Specs{
	codeBadRequest:          {Status: 400},
	codeConflict:            {Status: 409},
	codeLimitExceeded:       {Status: 429},
	codeNotFound:            {Status: 404},
	codeServiceUnavailable:  {Status: 503, Receiver: true},
	codeTooManyRequests:     {Status: 429, Message: "Too Many Requests"},
	codeUnauthorized:        {Status: 401},
	codeValidation:          {Status: 400},
	codeUnknownOperation:    {Status: 404},
	"InternalFailure":       {Status: 500, Receiver: true},
	"AccessDeniedException": {Status: 403},
})

// The codes API Gateway raises.
const (
	codeBadRequest         = "BadRequestException"
	codeConflict           = "ConflictException"
	codeLimitExceeded      = "LimitExceededException"
	codeNotFound           = "NotFoundException"
	codeServiceUnavailable = "ServiceUnavailableException"
	codeTooManyRequests    = "TooManyRequestsException"
	codeUnauthorized       = "UnauthorizedException"
	codeValidation         = "ValidationException"
	codeUnknownOperation   = "UnknownOperationException"
)

func badRequest(format string, args ...any) *awserr.Error {
	return errs.New(codeBadRequest, format, args...)
}

func notFound(format string, args ...any) *awserr.Error {
	return errs.New(codeNotFound, format, args...)
}

func conflict(format string, args ...any) *awserr.Error {
	return errs.New(codeConflict, format, args...)
}

// errAPINotFound is AWS's answer for an unknown REST API id, recorded as
// "Invalid API identifier specified 111111111111:api_id"
// (test_apigateway_api.py::test_update_rest_api_invalid_api_id).
func errAPINotFound(account, id string) *awserr.Error {
	return notFound("Invalid API identifier specified %s:%s", account, id)
}

func errResourceNotFound() *awserr.Error { return notFound("Invalid Resource identifier specified") }

func errMethodNotFound() *awserr.Error { return notFound("Invalid Method identifier specified") }

func errIntegrationNotFound() *awserr.Error {
	return notFound("Invalid Integration identifier specified")
}

func errResponseNotFound() *awserr.Error { return notFound("Invalid Response status code specified") }

func errStageNotFound() *awserr.Error { return notFound("Invalid Stage identifier specified") }

func errDeploymentNotFound() *awserr.Error {
	return notFound("Invalid Deployment identifier specified")
}

func errValidatorNotFound() *awserr.Error {
	return notFound("Invalid Request Validator identifier specified")
}

func errModelNotFound(name string) *awserr.Error {
	return notFound("Invalid model name specified: %s", name)
}

// errValidation is the Coral validation error API Gateway answers for a
// member outside its enum or pattern, as recorded
// (test_apigateway_api.py::test_put_integration_wrong_type): "1 validation
// error detected: Value 'HTTPS_PROXY' at 'putIntegrationInput.type' failed
// to satisfy constraint: Member must satisfy enum value set: [...]".
func errValidation(problems ...string) *awserr.Error {
	word := "error"
	if len(problems) > 1 {
		word = "errors"
	}
	return errs.New(codeValidation, "%d validation %s detected: %s", len(problems), word, strings.Join(problems, "; "))
}

func errUnknownOperation(method, path string) *awserr.Error {
	return errs.New(codeUnknownOperation, "awsfake: API Gateway has no operation %s %s", method, path)
}
