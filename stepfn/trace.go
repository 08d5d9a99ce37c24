package stepfn

import (
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/xtrace"
)

// passTrace hands a task's call (a Lambda function, an SQS queue, an SNS
// topic) the trace header the execution was started with (StartExecution's
// traceHeader, or the one a bus start carried), so that the callee
// continues the caller's trace: Lambda writes its segments in it when it
// is sampled, SQS keeps it as AWSTraceHeader. A header that does not parse
// is not passed on. The execution writes no segment of its own.
func (ex *execution) passTrace(m *bus.Message) {
	if _, ok := xtrace.Parse(ex.traceHeader); ok {
		m.Meta[bus.MetaTraceHeader] = ex.traceHeader
	}
}
