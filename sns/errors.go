package sns

import "github.com/awsfake/awsfake/internal/awserr"

// SNS speaks awsQuery, whose error codes are short names (NotFound,
// InvalidParameter, ...): they are what the SDK's typed errors report from
// ErrorCode() (types/errors.go of aws-sdk-go-v2/service/sns), so the fake uses
// them as the error's Code on the Go API and on the wire alike.

// invalidParameter is SNS's InvalidParameter (400). AWS words these messages
// "Invalid parameter: <name>[ Reason: <why>]".
func invalidParameter(format string, args ...any) *awserr.Error {
	return awserr.New("InvalidParameter", 400, format, args...)
}

// invalidParameterValue is SNS's InvalidParameterValue, whose query code is
// ParameterValueInvalid (message attribute errors).
func invalidParameterValue(format string, args ...any) *awserr.Error {
	return awserr.New("ParameterValueInvalid", 400, format, args...)
}

// notFound is SNS's NotFound (404).
func notFound(what string) *awserr.Error {
	return awserr.New("NotFound", 404, "%s does not exist", what)
}

// validationError is the ValidationError AWS's front end raises for a
// missing or malformed member before SNS sees the request.
func validationError(value, member, constraint string) *awserr.Error {
	return awserr.New("ValidationError", 400,
		"1 validation error detected: Value %s at '%s' failed to satisfy constraint: %s", value, member, constraint)
}

// missing is AWS's error for a required parameter that is absent:
// "Invalid parameter: TopicArn Reason: no value for required parameter".
func missing(name string) *awserr.Error {
	return invalidParameter("Invalid parameter: %s Reason: no value for required parameter", name)
}

// filterPolicyLimit is FilterPolicyLimitExceeded: "Indicates that the number
// of filter polices in your Amazon Web Services account exceeds the limit."
func filterPolicyLimit() *awserr.Error {
	return awserr.New("FilterPolicyLimitExceeded", 403, "Filter policy limit exceeded")
}

// batchError is one of PublishBatch's whole-request errors
// (EmptyBatchRequest, TooManyEntriesInBatchRequest, ...), all 400s.
func batchError(code, message string) *awserr.Error {
	return awserr.New(code, 400, "%s", message)
}

// batchTooLong is BatchRequestTooLong.
func batchTooLong() *awserr.Error {
	return batchError("BatchRequestTooLong", "The length of all the messages put together is more than the limit.")
}

// endpointDisabled is EndpointDisabled: "Exception error indicating endpoint
// disabled."
func endpointDisabled() *awserr.Error {
	return awserr.New("EndpointDisabled", 400, "Endpoint is disabled")
}
