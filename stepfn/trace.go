package stepfn

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/xtrace"
)

// execTrace is what a sampled execution of a machine with tracing on
// writes to X-Ray ("AWS X-Ray and Step Functions"): one segment (origin
// AWS::StepFunctions::StateMachine, named for the machine) holding a
// subsegment per state entered and, under a Task's, one per call it makes.
// Untraced executions have none and cost a nil check at each hook.
type execTrace struct {
	root, callerParent, segment string
	top                         []*span           // the top-level states' subsegments
	open                        map[*thread]*span // the state each thread is in
	calls                       map[*thread]*span // the call a thread's task waits on
}

// span is a subsegment being written: its document and its children.
type span struct {
	seg  xtrace.Segment
	kids []*span
	done bool
}

// startTrace decides the execution's trace from its header (the
// request's, requestTrace, or a bus start's or a parent task's) as
// Step Functions does for a machine with tracing on: the caller's trace
// and its sampling decision when it holds one, else the account's sampling
// rules (xtrace.Sample, service type AWS::StepFunctions::StateMachine)
// decide, on a new trace when the caller sent none. A machine with
// tracing off writes nothing and passes the caller's header on untouched.
func (ex *execution) startTrace(tracing *TracingConfiguration) {
	ex.passHeader = ex.traceHeader
	if tracing == nil || !tracing.Enabled {
		return
	}
	g := ex.svc.env.IDs
	region, account := ex.region(), ex.account()
	h := xtrace.Decide(ex.traceHeader,
		func() string { return xtrace.NewTraceID(ex.start, g.Hex(12)) },
		func() bool {
			return xtrace.Sample(ex.svc.env.Bus, arn.Partition(region), region, account, xtrace.SampleRequest{
				ServiceName: ex.machine.name, ServiceType: "AWS::StepFunctions::StateMachine", ResourceARN: ex.machineARN})
		})
	ex.passHeader = h.String()
	if !h.IsSampled() {
		return
	}
	in, _ := xtrace.Parse(ex.traceHeader)
	ex.xt = &execTrace{root: h.Root, callerParent: in.Parent, segment: g.Hex(8),
		open: map[*thread]*span{}, calls: map[*thread]*span{}}
}

// traceEnter opens the subsegment of the state th enters, closing the one
// it leaves, under the state of the Parallel or Map that runs th.
func (th *thread) traceEnter() {
	t := th.ex.xt
	if t == nil {
		return
	}
	th.traceLeave(false)
	sp := &span{seg: xtrace.Segment{Name: th.st.name, ID: th.ex.svc.env.IDs.Hex(8), Start: xtrace.Seconds(th.enteredAt)}}
	if parent := th.forkSpan(); parent != nil {
		parent.kids = append(parent.kids, sp)
	} else {
		t.top = append(t.top, sp)
	}
	t.open[th] = sp
}

// forkSpan is the subsegment of the Parallel or Map state th is a child
// of, nil for the machine's own thread.
func (th *thread) forkSpan() *span {
	if th.fork == nil {
		return nil
	}
	return th.ex.xt.open[th.fork.parent]
}

// traceLeave closes the subsegment of th's state now, a fault when the
// state failed its thread.
func (th *thread) traceLeave(failed bool) {
	t := th.ex.xt
	if t == nil {
		return
	}
	th.traceAnswered(failed)
	if sp := t.open[th]; sp != nil {
		closeSpan(sp, th.ex.svc.env.Clock.Now(), failed)
		delete(t.open, th)
	}
}

// traceCall opens, under th's Task state, the subsegment of the call ig
// makes (namespace aws, named for the service, with its operation) and
// returns the header the call carries: its Parent is that subsegment, so
// that what the callee writes nests under it.
func (th *thread) traceCall(ig integration) string {
	t := th.ex.xt
	st := t.open[th]
	if st == nil {
		return th.ex.passHeader
	}
	th.traceAnswered(false)
	op := "Invoke"
	if !ig.lambdaARN {
		op, _, _ = strings.Cut(ig.resource, ".")
		if op != "" {
			op = strings.ToUpper(op[:1]) + op[1:] // sendMessage: SendMessage
		}
	}
	sp := &span{seg: xtrace.Segment{Name: ig.service, ID: th.ex.svc.env.IDs.Hex(8), Namespace: "aws",
		Start: xtrace.Seconds(th.ex.svc.env.Clock.Now()), AWS: map[string]any{"operation": op}}}
	st.kids = append(st.kids, sp)
	t.calls[th] = sp
	return xtrace.Header{Root: t.root, Parent: sp.seg.ID, Sampled: "1"}.String()
}

// traceAnswered closes the subsegment of the call th's task waits on, now,
// a fault when the task failed.
func (th *thread) traceAnswered(failed bool) {
	t := th.ex.xt
	if t == nil {
		return
	}
	if sp := t.calls[th]; sp != nil {
		closeSpan(sp, th.ex.svc.env.Clock.Now(), failed)
		delete(t.calls, th)
	}
}

func closeSpan(sp *span, at time.Time, failed bool) {
	if sp.done {
		return
	}
	sp.seg.End, sp.seg.Fault, sp.done = xtrace.Seconds(at), failed, true
}

// passTrace hands a task's call (a Lambda function, an SQS queue, an SNS
// topic) the trace it continues: a traced execution's call subsegment
// (traceCall), else the header the execution was started with (decided by
// the sampling rules when the machine traces), so that the callee
// continues the caller's trace: Lambda writes its segments in it when it
// is sampled, SQS keeps it as AWSTraceHeader. A header that does not parse
// is not passed on.
func (th *thread) passTrace(m *bus.Message, ig integration) {
	if h := th.taskTrace(ig); h != "" {
		m.Meta[bus.MetaTraceHeader] = h
	}
}

// taskTrace is the header a task's call carries (passTrace), "" for none:
// a nested execution's start continues it as its traceHeader.
func (th *thread) taskTrace(ig integration) string {
	h := th.ex.passHeader
	if th.ex.xt != nil {
		h = th.traceCall(ig)
	}
	if _, ok := xtrace.Parse(h); !ok {
		return ""
	}
	return h
}

// traceFinish writes the execution's segment once it has closed with
// status: start and end on the cloud's clock, the states still open closed
// at its end. A FAILED or TIMED_OUT execution is a fault, as a function
// whose handler failed or timed out is (the workflow did not complete), an
// ABORTED one an error (StopExecution, a caller's request, ended it). A
// redriven execution is not traced again.
func (ex *execution) traceFinish() {
	t := ex.xt
	if t == nil {
		return
	}
	ex.xt = nil
	seg := &xtrace.Segment{Name: ex.machine.name, ID: t.segment, TraceID: t.root, ParentID: t.callerParent,
		Origin: "AWS::StepFunctions::StateMachine", Start: xtrace.Seconds(ex.start), End: xtrace.Seconds(ex.stop),
		Fault: ex.status == statusFailed || ex.status == statusTimedOut, Error: ex.status == statusAborted,
		AWS: map[string]any{"execution_arn": ex.arn, "state_machine_arn": ex.machineARN}}
	seg.Subsegments = subsegments(t.top, ex.stop)
	region := ex.region()
	xtrace.Emit(ex.svc.env.Traces, ex.stop, arn.Partition(region), region, ex.account(), seg)
}

// subsegments writes spans, closing at end those still open.
func subsegments(spans []*span, end time.Time) []xtrace.Segment {
	if len(spans) == 0 {
		return nil
	}
	out := make([]xtrace.Segment, len(spans))
	for i, sp := range spans {
		closeSpan(sp, end, false)
		out[i] = sp.seg
		out[i].Subsegments = subsegments(sp.kids, end)
	}
	return out
}

// requestTrace is the trace a start continues: the request's
// X-Amzn-Trace-Id, else its traceHeader ("If both sources are provided,
// Step Functions will use the header value (preferred) over the value in
// the request body", StartExecution). A traceHeader over 256 characters or
// not ASCII is AWS's ValidationException (the model's constraints).
func requestTrace(ctx context.Context, traceHeader string) (string, error) {
	if len(traceHeader) > maxTraceHeader {
		return "", validation(traceHeader, "traceHeader", "Member must have length less than or equal to 256")
	}
	for i := 0; i < len(traceHeader); i++ {
		if traceHeader[i] >= utf8.RuneSelf {
			return "", validation(traceHeader, "traceHeader", `Member must satisfy regular expression pattern: \p{ASCII}*`)
		}
	}
	if h := xtrace.From(ctx); h != "" {
		return h, nil
	}
	return traceHeader, nil
}

// maxTraceHeader is traceHeader's longest (StartExecution: 0-256).
const maxTraceHeader = 256
