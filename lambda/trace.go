package lambda

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/ids"
	"github.com/awsfake/awsfake/internal/xtrace"
)

// invocationTrace is what a traced invocation writes to X-Ray: the ids of
// its AWS::Lambda and AWS::Lambda::Function segments and of their
// subsegments, drawn when it starts from the invocation's generator.
// Untraced invocations have none and cost nothing here.
type invocationTrace struct {
	root         string // the trace id
	callerParent string // the caller's entity, the AWS::Lambda segment's parent
	service      string // the AWS::Lambda segment
	function     string // the AWS::Lambda::Function segment: the handler's Parent
	gen          *ids.Generator
	links        []xtrace.Link
	at           place
}

// traceLocked decides the invocation's trace as AWS does from the
// caller's header (req.trace) and the function's TracingConfig: a caller's
// Sampled=1 is traced whatever the mode, Sampled=0 never; with no decision
// an Active function asks X-Ray's sampling rules (xtrace.Sample), a
// PassThrough one does not trace. An invocation with neither a caller's
// header nor Active tracing is left to the lazy header of traceSource, at
// no cost. The ids are drawn from the invocation's generator in the order
// traceSource draws them.
func (s *Service) traceLocked(inv *invocation) {
	active := inv.cfg.TracingConfig != nil && inv.cfg.TracingConfig.Mode == "Active"
	if !active && inv.req.trace == "" {
		return
	}
	g := inv.f.ids.Derive("trace " + inv.key)
	in, ok := xtrace.Parse(inv.req.trace)
	h := xtrace.Header{Root: xtrace.NewTraceID(inv.start, g.Hex(12)), Parent: g.Hex(8), Sampled: "0"}
	switch {
	case ok && in.Decided():
		h.Root, h.Sampled = in.Root, in.Sampled
	case ok:
		h.Root = in.Root
		fallthrough
	case active:
		at := inv.f.p.at
		if active && xtrace.Sample(s.env.Bus, at.partition, at.region, at.account, xtrace.SampleRequest{
			ServiceName: inv.f.name, ServiceType: "AWS::Lambda", ResourceARN: inv.arn}) {
			h.Sampled = "1"
		}
	}
	inv.traceHeader = h.String()
	if h.IsSampled() {
		inv.trace = &invocationTrace{root: h.Root, callerParent: in.Parent, function: h.Parent, service: g.Hex(8),
			gen: g, links: inv.req.links, at: inv.f.p.at}
	}
}

// emit writes the invocation's segments, once it has ended at end with
// outcome o: AWS::Lambda (the service: the request, its status, the
// producers' traces it links to) and AWS::Lambda::Function (the function,
// a fault when the handler failed or timed out) with its Initialization
// (a cold start), Invocation and Overhead subsegments, times on the
// cloud's clock. It runs with no lock held.
func (t *invocationTrace) emit(inv *invocation, o outcome, end time.Time) {
	start, stop := xtrace.Seconds(inv.start), xtrace.Seconds(end)
	failed := o.functionError != "" || o.timedOut
	svc := &xtrace.Segment{Name: inv.f.name, ID: t.service, TraceID: t.root, ParentID: t.callerParent,
		Origin: "AWS::Lambda", Start: start, End: stop, Links: t.links,
		HTTP: &xtrace.HTTP{Response: &xtrace.Response{Status: 200}}, AWS: map[string]any{"request_id": inv.id}}
	fn := &xtrace.Segment{Name: inv.f.name, ID: t.function, TraceID: t.root, ParentID: t.service,
		Origin: "AWS::Lambda::Function", Start: start, End: stop, Fault: failed,
		AWS: map[string]any{"function_arn": inv.arn, "request_id": inv.id}}
	if inv.cold {
		fn.Subsegments = append(fn.Subsegments, xtrace.Segment{Name: "Initialization", ID: t.gen.Hex(8), Start: start, End: start})
	}
	fn.Subsegments = append(fn.Subsegments,
		xtrace.Segment{Name: "Invocation", ID: t.gen.Hex(8), Start: start, End: stop, Fault: failed},
		xtrace.Segment{Name: "Overhead", ID: t.gen.Hex(8), Start: stop, End: stop})
	xtrace.Emit(inv.s.env.Traces, end, t.at.partition, t.at.region, t.at.account, svc, fn)
}

// callerTrace is the trace header a delivery came with: the Meta of a
// posted message, else the one its ctx carries (an API Gateway
// integration, an SDK call the cloud served).
func callerTrace(ctx context.Context, m bus.Message) string {
	if h := m.Meta[bus.MetaTraceHeader]; h != "" {
		return h
	}
	return xtrace.From(ctx)
}

// linksOf is what the AWS::Lambda segment of a batch from an SQS queue
// links to: the producers' entities (the Parent of each message's
// AWSTraceHeader), one per trace, at most xtrace.MaxLinks.
func linksOf(batch []QueueMessage) []xtrace.Link {
	var links []xtrace.Link
	seen := map[string]bool{}
	for _, m := range batch {
		h, ok := xtrace.Parse(m.Attributes["AWSTraceHeader"])
		if !ok || h.Parent == "" || seen[h.Root] {
			continue
		}
		seen[h.Root] = true
		links = append(links, xtrace.Link{TraceID: h.Root, ID: h.Parent})
		if len(links) == xtrace.MaxLinks {
			break
		}
	}
	return links
}

// CallTrace is what the root package needs to record an AWS call a traced
// handler makes with its ctx, as the X-Ray SDK records an instrumented
// client's call: the trace, the function segment the call's subsegment
// belongs to, a fresh subsegment id and the account and region the
// segments go to. ok is false outside an invocation or when it is not
// traced.
func CallTrace(ctx context.Context) (c xtrace.Call, ok bool) {
	info, ok := FromContext(ctx)
	if !ok || info.trace == nil || info.trace.t == nil {
		return xtrace.Call{}, false
	}
	t := info.trace.t
	return xtrace.Call{TraceID: t.root, Parent: t.function, ID: t.gen.Hex(8),
		Partition: t.at.partition, Region: t.at.region, Account: t.at.account}, true
}
