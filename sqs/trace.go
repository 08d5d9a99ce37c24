package sqs

import "github.com/awsfake/awsfake/internal/xtrace"

// traceHeader is the AWSTraceHeader a message keeps: the system attribute
// it was sent with, else the X-Amzn-Trace-Id of its request, as X-Ray
// documents it for SQS ("The default trace header is carried by
// X-Amzn-Trace-Id and corresponds to all messages included in a
// SendMessage or SendMessageBatch request"; the AWSTraceHeader system
// attribute takes precedence). sent is the system attribute alone, whose
// MD5 the answer carries; a header that is not a trace header is not
// kept.
func (p *outgoing) traceHeader() (trace, sent string) {
	if a, ok := p.system["AWSTraceHeader"]; ok {
		return a.StringValue, a.StringValue
	}
	if _, ok := xtrace.Parse(p.header); ok {
		return p.header, ""
	}
	return "", ""
}
