package eventbridge

import (
	"context"

	"github.com/awsfake/awsfake/internal/xtrace"
)

// traceOf is the trace header an event carries to its rules' targets: the
// entry's TraceHeader, else the X-Amzn-Trace-Id of the PutEvents request,
// as EventBridge passes a trace on to its targets (Lambda continues it,
// SQS keeps it as the message's AWSTraceHeader, SNS passes it on). A
// header that does not parse is not passed on; EventBridge writes no
// segment of its own.
func traceOf(ctx context.Context, e PutEventsRequestEntry) string {
	for _, h := range []string{e.TraceHeader, xtrace.From(ctx)} {
		if _, ok := xtrace.Parse(h); ok {
			return h
		}
	}
	return ""
}
