package awsfake

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/httplog"
	"github.com/awsfake/awsfake/internal/xtrace"
	"github.com/awsfake/awsfake/lambda"
)

// traceRequest puts the request's X-Amzn-Trace-Id in its ctx, where the
// services that carry traces read it (Lambda's Invoke, SQS's sends, an
// API Gateway stage). A request made in memory with a Lambda handler's ctx
// carries the invocation's trace, as the SDK's recursion detection sends
// _X_AMZN_TRACE_ID from a function's environment; when the invocation is
// traced, the call is recorded as the X-Ray SDK records an instrumented
// client's: a subsegment of the function's segment (namespace aws, named
// for the service, with the operation and the answer's status, flagged as
// X-Ray flags a status) whose id is the Parent of the header the call
// carries on, so that what the callee writes hangs under it. done records
// it once the request is served; a request outside an invocation costs two
// ctx lookups.
func (c *Cloud) traceRequest(w http.ResponseWriter, r *http.Request, svc string) (http.ResponseWriter, *http.Request, func()) {
	h := r.Header.Get(xtrace.HeaderName)
	_, own, inInvocation := lambda.InvocationOf(r.Context())
	if inInvocation && (h == "" || h == own) {
		h = own
		if call, traced := lambda.CallTrace(r.Context()); traced && svc != "xray" {
			h = call.Header()
			r.Header.Set(xtrace.HeaderName, h)
			return c.recordCall(w, r.WithContext(xtrace.With(r.Context(), h)), svc, call)
		}
		r.Header.Set(xtrace.HeaderName, h)
	}
	if h == "" {
		return w, r, func() {} // untraced: no copy of the request
	}
	return w, r.WithContext(xtrace.With(r.Context(), h)), func() {}
}

// recordCall serves r through a writer that keeps its status and writes
// the call's subsegment when done is called.
func (c *Cloud) recordCall(w http.ResponseWriter, r *http.Request, svc string, call xtrace.Call) (http.ResponseWriter, *http.Request, func()) {
	lw := httplog.New(w)
	op := &faults.Trace{}
	if sc, ok := faults.ScopeFrom(r.Context()); ok {
		sc.Trace = op
		r = r.WithContext(faults.WithScope(r.Context(), sc))
	}
	start := xtrace.Seconds(c.env.Clock.Now())
	return lw, r, func() {
		seg := &xtrace.Segment{Type: "subsegment", Name: callName(svc), ID: call.ID, TraceID: call.TraceID,
			ParentID: call.Parent, Namespace: "aws", Start: start, End: xtrace.Seconds(c.env.Clock.Now()),
			HTTP: &xtrace.HTTP{Response: &xtrace.Response{Status: lw.Status()}}}
		if op.Operation != "" {
			seg.AWS = map[string]any{"operation": op.Operation}
		}
		seg.Flag(lw.Status())
		xtrace.Emit(c.env.Traces, c.env.Clock.Now(), call.Partition, call.Region, call.Account, seg)
	}
}

// callNames are the names the X-Ray SDK gives the subsegments of AWS
// calls (the SDK's service id), by signing name; X-Ray infers the called
// service's node, AWS::<name>, from them.
var callNames = map[string]string{
	"sqs": "SQS", "sns": "SNS", "lambda": "Lambda", "s3": "S3", "states": "SFN", "events": "EventBridge",
	"sts": "STS", "iam": "IAM", "logs": "CloudWatch Logs", "monitoring": "CloudWatch", "apigateway": "API Gateway",
	"route53": "Route 53", "dynamodb": "DynamoDB",
}

func callName(svc string) string {
	if n, ok := callNames[svc]; ok {
		return n
	}
	return svc
}
