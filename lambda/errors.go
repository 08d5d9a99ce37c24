package lambda

import (
	"fmt"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
)

// errs is Lambda's error catalogue: every error of the Lambda model (the
// Smithy error and httpError traits in aws-sdk-go-v2/service/lambda/schemas),
// with its status and whether the fault is the service's ("Type": "Service")
// or the caller's ("Type": "User"), over faults.Common. The engine's errors
// and InjectFault both read it.
var errs = faults.NewCatalogue(arnService, faults.Specs{
	// Lambda answers AccessDeniedException with 403, not the 400 of the
	// generic common errors: a recorded AWS response says so (LocalStack's
	// tests/aws/services/lambda_/test_lambda_api.py::TestLambdaFunction::
	// test_function_arns, function_arn_other_account_exc), and so do the
	// bus deliveries a resource-based policy refuses (busendpoint.go).
	"AccessDeniedException": {Status: 403},
	// An unknown method and path: Lambda's front end answers 404 (the
	// generic UnknownOperationException of the JSON routers is 400).
	"UnknownOperationException":                                 {Status: 404},
	"AliasLimitExceededException":                               {Status: 400},
	"CallbackTimeoutException":                                  {Status: 400},
	"CapacityProviderLimitExceededException":                    {Status: 400},
	"CodeArtifactUserDeletedException":                          {Status: 409},
	"CodeArtifactUserFailedException":                           {Status: 409},
	"CodeArtifactUserPendingException":                          {Status: 409},
	"CodeSigningConfigNotFoundException":                        {Status: 404},
	"CodeStorageExceededException":                              {Status: 400},
	"CodeVerificationFailedException":                           {Status: 400},
	"DurableExecutionAlreadyStartedException":                   {Status: 409},
	"EC2AccessDeniedException":                                  {Status: 502, Receiver: true},
	"EC2ThrottledException":                                     {Status: 502, Receiver: true},
	"EC2UnexpectedException":                                    {Status: 502, Receiver: true},
	"EFSIOException":                                            {Status: 410},
	"EFSMountConnectivityException":                             {Status: 408},
	"EFSMountFailureException":                                  {Status: 403},
	"EFSMountTimeoutException":                                  {Status: 408},
	"ENILimitReachedException":                                  {Status: 502, Receiver: true},
	"ENINotReadyException":                                      {Status: 502, Receiver: true},
	"FunctionVersionsPerCapacityProviderLimitExceededException": {Status: 400},
	"InvalidCodeSignatureException":                             {Status: 400},
	"InvalidParameterValueException":                            {Status: 400},
	"InvalidRequestContentException":                            {Status: 400},
	"InvalidRuntimeException":                                   {Status: 502, Receiver: true},
	"InvalidSecurityGroupIDException":                           {Status: 502, Receiver: true},
	"InvalidSubnetIDException":                                  {Status: 502, Receiver: true},
	"InvalidZipFileException":                                   {Status: 502, Receiver: true},
	"KMSAccessDeniedException":                                  {Status: 502, Receiver: true},
	"KMSDisabledException":                                      {Status: 502, Receiver: true},
	"KMSInvalidStateException":                                  {Status: 502, Receiver: true},
	"KMSNotFoundException":                                      {Status: 502, Receiver: true},
	"ModeNotSupportedException":                                 {Status: 400},
	"NoPublishedVersionException":                               {Status: 400},
	"PolicyLengthExceededException":                             {Status: 400},
	"PreconditionFailedException":                               {Status: 412},
	"ProvisionedConcurrencyConfigNotFoundException":             {Status: 404},
	"PublicPolicyException":                                     {Status: 400},
	"RecursiveInvocationException":                              {Status: 400},
	"RequestTooLargeException":                                  {Status: 413},
	"ResourceConflictException":                                 {Status: 409},
	"ResourceInUseException":                                    {Status: 400},
	"ResourceNotFoundException":                                 {Status: 404},
	"ResourceNotReadyException":                                 {Status: 502, Receiver: true},
	"S3FilesMountConnectivityException":                         {Status: 408},
	"S3FilesMountFailureException":                              {Status: 403},
	"S3FilesMountTimeoutException":                              {Status: 408},
	"SerializedRequestEntityTooLargeException":                  {Status: 413},
	"ServiceException":                                          {Status: 500, Receiver: true},
	"ServiceQuotaExceededException":                             {Status: 402},
	"SnapStartException":                                        {Status: 400},
	"SnapStartNotReadyException":                                {Status: 409},
	"SnapStartRegenerationFailureException":                     {Status: 409},
	"SnapStartTimeoutException":                                 {Status: 408},
	"SubnetIPAddressLimitReachedException":                      {Status: 502, Receiver: true},
	"TooManyRequestsException":                                  {Status: 429, Message: "Rate Exceeded."},
	"UnsupportedMediaTypeException":                             {Status: 415},
	// Not modelled: the front end's validation error, and the service's
	// answer to a request over its size quota (limits.go).
	"ValidationException":            {Status: 400},
	"RequestEntityTooLargeException": {Status: 413},
})

// Lambda's errors carry "Type": "User" next to the message, as the real
// service's do (reference/errors.md: 404, X-Amzn-ErrorType:
// ResourceNotFoundException, {"Type":"User","Message":…}).
// The status is the catalogue's.
func userError(code, format string, args ...any) *awserr.Error {
	e := errs.New(code, format, args...)
	e.Fields = map[string]string{"Type": "User"}
	return e
}

// errNotFound is ResourceNotFoundException (404).
func errNotFound(format string, args ...any) *awserr.Error {
	return userError("ResourceNotFoundException", format, args...)
}

// errFunctionNotFound is AWS's answer for a function or version that does not
// exist: "Function not found: <arn>".
func errFunctionNotFound(arn string) *awserr.Error {
	return errNotFound("Function not found: %s", arn)
}

// errInvalid is InvalidParameterValueException (400).
func errInvalid(format string, args ...any) *awserr.Error {
	return userError("InvalidParameterValueException", format, args...)
}

// errConflict is ResourceConflictException (409).
func errConflict(format string, args ...any) *awserr.Error {
	return userError("ResourceConflictException", format, args...)
}

// errValidation is the ValidationException AWS's request validation gives for
// one member: "1 validation error detected: Value '<v>' at '<member>' failed
// to satisfy constraint: <constraint>".
func errValidation(member string, value any, constraint string) *awserr.Error {
	return errs.New("ValidationException",
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
	return userError("PreconditionFailedException",
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
	e := userError("TooManyRequestsException", "Rate Exceeded.")
	e.Fields["Reason"] = reason
	return e
}

// errRequestContent is InvalidRequestContentException (400): a payload or
// client context that is not what AWS accepts.
func errRequestContent(format string, args ...any) *awserr.Error {
	return userError("InvalidRequestContentException", format, args...)
}

// errAccessDenied is AccessDeniedException (403): a delivery that the
// function's resource-based policy does not allow.
func errAccessDenied(format string, args ...any) *awserr.Error {
	return errs.New("AccessDeniedException", format, args...)
}

// errUnknownOperation is Lambda's answer to a method and path it does not
// serve.
func errUnknownOperation(method, path string) *awserr.Error {
	return errs.New("UnknownOperationException", "Unknown operation %s %s", method, path)
}

// errClosed is what invocations get once the cloud is closed.
func errClosed() *awserr.Error {
	e := errs.New("ServiceException", "awsfake: the cloud was closed")
	e.Fields = map[string]string{"Type": "Service"}
	return e
}
