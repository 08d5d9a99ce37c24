package lambda

import (
	"fmt"

	"github.com/awsfake/awsfake/internal/awserr"
)

// Lambda's errors carry "Type": "User" next to the message, as the real
// service's do (reference/errors.md: 404, X-Amzn-ErrorType:
// ResourceNotFoundException, {"Type":"User","Message":…}).
func userError(code string, status int, format string, args ...any) *awserr.Error {
	e := awserr.New(code, status, format, args...)
	e.Fields = map[string]string{"Type": "User"}
	return e
}

// errNotFound is ResourceNotFoundException (404).
func errNotFound(format string, args ...any) *awserr.Error {
	return userError("ResourceNotFoundException", 404, format, args...)
}

// errFunctionNotFound is AWS's answer for a function or version that does not
// exist: "Function not found: <arn>".
func errFunctionNotFound(arn string) *awserr.Error {
	return errNotFound("Function not found: %s", arn)
}

// errInvalid is InvalidParameterValueException (400).
func errInvalid(format string, args ...any) *awserr.Error {
	return userError("InvalidParameterValueException", 400, format, args...)
}

// errConflict is ResourceConflictException (409).
func errConflict(format string, args ...any) *awserr.Error {
	return userError("ResourceConflictException", 409, format, args...)
}

// errValidation is the ValidationException AWS's request validation gives for
// one member: "1 validation error detected: Value '<v>' at '<member>' failed
// to satisfy constraint: <constraint>".
func errValidation(member string, value any, constraint string) *awserr.Error {
	return awserr.BadRequest("ValidationException",
		"1 validation error detected: Value '%v' at '%s' failed to satisfy constraint: %s", value, member, constraint)
}

// errRange is errValidation for a number outside [lo, hi].
func errRange(member string, v, lo, hi int64) *awserr.Error {
	if v < lo {
		return errValidation(member, v, fmt.Sprintf("Member must have value greater than or equal to %d", lo))
	}
	return errValidation(member, v, fmt.Sprintf("Member must have value less than or equal to %d", hi))
}

// errRevision is PreconditionFailedException (412), the answer to a RevisionId
// that is not the current one.
func errRevision(what string) *awserr.Error {
	return userError("PreconditionFailedException", 412,
		"The Revision Id provided does not match the latest Revision Id. Call the %s API to retrieve the latest Revision Id", what)
}

// Throttle reasons of TooManyRequestsException (types.ThrottleReason).
const (
	reasonAccount  = "ConcurrentInvocationLimitExceeded"
	reasonReserved = "ReservedFunctionConcurrentInvocationLimitExceeded"
)

// errThrottled is TooManyRequestsException (429) with its Reason: AWS answers
// "Rate Exceeded." when an invocation would exceed the account's or the
// function's concurrency.
func errThrottled(reason string) *awserr.Error {
	e := userError("TooManyRequestsException", 429, "Rate Exceeded.")
	e.Fields["Reason"] = reason
	return e
}

// errRequestContent is InvalidRequestContentException (400): a payload or
// client context that is not what AWS accepts.
func errRequestContent(format string, args ...any) *awserr.Error {
	return userError("InvalidRequestContentException", 400, format, args...)
}
