package lambda

import "github.com/awsfake/awsfake/internal/awserr"

// Size quotas of Lambda's requests ("Lambda quotas", and the SDK's
// documentation of each operation), and the answers real Lambda gives to a
// request over them: RequestEntityTooLargeException, 413, with the
// messages below. The Lambda model names RequestTooLargeException for
// Invoke, but the service answers with RequestEntityTooLargeException for
// every operation, as its error reports show ("Request must be smaller than
// 6291456 bytes for the InvokeFunction operation", "... 69905067 bytes for
// the CreateFunction operation", "264496 byte payload is too large for the
// Event invocation type (limit 262144 bytes)"); the fake does what the
// service does. For UpdateFunctionCode, PublishLayerVersion, InvokeAsync and
// the small operations no report was found: the fake answers them in the
// same words.
const (
	// maxSyncPayload is the request quota of a synchronous Invoke: 6 MB
	// ("For synchronous invocations, the maximum payload size is 6 MB").
	// The front end reads no more of any Invoke or InvokeAsync body.
	maxSyncPayload = 6291456
	// maxEventPayload is the payload quota of an asynchronous Invoke: 1 MB
	// ("For asynchronous invocations, the maximum payload size is 1 MB").
	maxEventPayload = 1048576
	// maxInvokeAsyncPayload is the payload quota of the deprecated
	// InvokeAsync: "The payload limit is 256KB. For larger payloads, for up
	// to 1MB, use Invoke."
	maxInvokeAsyncPayload = 262144
	// maxCodeRequest is the request quota of the operations that upload a
	// .zip: 50 MB zipped ("50 MB (zipped, when uploaded through the Lambda
	// API or SDKs)") travels as base64 in a JSON body, and AWS limits that
	// body to 50 MiB * 4/3, rounded up: 69905067 bytes.
	maxCodeRequest = 69905067
	// maxRequest caps the body of every other operation: their inputs are
	// small (a function's environment variables, its largest setting, are
	// 4 KB).
	maxRequest = 1 << 20
	// maxClientContext is the limit on ClientContext: "Up to 3,583 bytes of
	// base64-encoded data".
	maxClientContext = 3583
)

// requestLimit is the largest request body AWS accepts for an operation
// (named as AWS names it).
func requestLimit(operation string) int {
	switch operation {
	case "CreateFunction", "UpdateFunctionCode", "PublishLayerVersion":
		return maxCodeRequest
	case "Invoke", "InvokeAsync":
		return maxSyncPayload
	}
	return maxRequest
}

// errRequestTooLarge is AWS's answer to a request body over the limit of its
// operation. Invoke goes by its former name there, InvokeFunction.
func errRequestTooLarge(operation string) *awserr.Error {
	name := operation
	if operation == "Invoke" {
		name = "InvokeFunction"
	}
	return userError("RequestEntityTooLargeException",
		"Request must be smaller than %d bytes for the %s operation", requestLimit(operation), name)
}

// errEventTooLarge is AWS's answer to an asynchronous invocation whose
// payload of size bytes is over limit.
func errEventTooLarge(size, limit int) *awserr.Error {
	return userError("RequestEntityTooLargeException",
		"%d byte payload is too large for the Event invocation type (limit %d bytes)", size, limit)
}
