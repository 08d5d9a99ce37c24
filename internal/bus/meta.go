package bus

// What services hand each other, by target service:
//
//   - to an SQS queue ARN: Body is the message body, Attributes its message
//     attributes, GroupID and DeduplicationID its FIFO fields, and
//     Meta[MetaTraceHeader] an X-Ray trace header. Invoke returns the new
//     message id.
//   - to an SNS topic ARN: Body is the message, Meta[MetaSubject] the subject,
//     Attributes, GroupID and DeduplicationID as for Publish. Invoke returns
//     the message id.
//   - to a Lambda function ARN (qualified or not): Body is the event payload.
//     An Async message (every Post) is an Event invocation, answered once it
//     is queued; any other Invoke runs the function and returns its result
//     payload, or a *FunctionError.
//
// Every sender sets Source to its own ARN and Principal to its service
// principal (sns.amazonaws.com, s3.amazonaws.com, lambda.amazonaws.com), which
// the target checks against its resource policy where AWS does.
const (
	// MetaSubject carries an SNS Subject.
	MetaSubject = "Subject"
	// MetaTraceHeader carries an AWSTraceHeader system attribute.
	MetaTraceHeader = "AWSTraceHeader"
	// MetaSourceAccount is the account of the sender, for aws:SourceAccount
	// conditions.
	MetaSourceAccount = "SourceAccount"
)

// FunctionError is what Invoke returns when the target ran and failed, as a
// Lambda function error: Payload is the error document
// ({errorMessage, errorType, stackTrace}) and Type the X-Amz-Function-Error
// value (Unhandled or Handled).
type FunctionError struct {
	Type    string
	Payload []byte
}

// Error reports the function error's type and its error document, so that a
// wrapped FunctionError still says what the function answered.
func (e *FunctionError) Error() string {
	return "function error (" + e.Type + "): " + string(e.Payload)
}
