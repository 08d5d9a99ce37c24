package sns

import (
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/xtrace"
)

// passTrace hands a delivery to an SQS queue or a Lambda function the
// trace header its message was published with (the Publish request's
// X-Amzn-Trace-Id, or the one a bus publish carried), as a topic does with
// TracingConfig PassThrough, its default: "the topic passes through the
// tracing header it receives from an Amazon SNS publisher to its
// subscriptions" (SetTopicAttributes). SQS keeps it as the message's
// AWSTraceHeader; Lambda continues its trace. A header that does not parse
// is not passed on.
func passTrace(bm *bus.Message, m *message) {
	if m.trace == "" {
		return
	}
	if _, ok := xtrace.Parse(m.trace); ok {
		bm.Meta[bus.MetaTraceHeader] = m.trace
	}
}
