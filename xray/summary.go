package xray

import (
	"math"
	"slices"
	"strings"
)

func (k svcKey) id() ServiceID { return ServiceID{Name: k.name, Names: []string{k.name}, Type: k.typ} }

// summary is the trace's TraceSummary.
func (v *traceView) summary() TraceSummary {
	sum := TraceSummary{
		Id: v.t.id, Duration: round3(v.duration), ResponseTime: round3(v.responseTime),
		HasError: v.err, HasFault: v.fault, HasThrottle: v.throttle, IsPartial: v.partial,
		Revision: v.t.revision, StartTime: At(epoch(v.start)), MatchedEventTime: At(epoch(v.t.updated)),
		Annotations: map[string][]ValueWithServiceIDs{}, ServiceIds: []ServiceID{}, Users: []TraceUser{},
		FaultRootCauses: roots(v.faultRoot), ErrorRootCauses: roots(v.errorRoot),
		ResponseTimeRootCauses: roots(v.responseRoot), ResourceARNs: []ResourceARNDetail{},
	}
	if v.root != nil {
		ep := svcKey{v.root.name, v.root.origin}.id()
		sum.EntryPoint = &ep
		h := v.root.http
		if h != (httpInfo{}) {
			sum.Http = &HTTP{ClientIp: h.clientIP, HttpMethod: h.method, HttpURL: h.url, UserAgent: h.userAgent}
			if h.hasStatus {
				sum.Http.HttpStatus = ptr(int32(h.status))
			}
		}
	}
	for _, s := range v.services {
		sum.ServiceIds = append(sum.ServiceIds, s.key.id())
		for _, u := range s.users {
			sum.Users = append(sum.Users, TraceUser{UserName: u, ServiceIds: []ServiceID{s.key.id()}})
		}
	}
	for key, vals := range v.annotations {
		for _, a := range vals {
			sum.Annotations[key] = append(sum.Annotations[key],
				ValueWithServiceIDs{AnnotationValue: annotationValue(a.value), ServiceIds: []ServiceID{a.service.id()}})
		}
	}
	for _, arn := range v.resourceARNs {
		sum.ResourceARNs = append(sum.ResourceARNs, ResourceARNDetail{ARN: arn})
	}
	return sum
}

func annotationValue(v any) AnnotationValue {
	switch v := v.(type) {
	case string:
		return AnnotationValue{StringValue: &v}
	case float64:
		return AnnotationValue{NumberValue: &v}
	case bool:
		return AnnotationValue{BooleanValue: &v}
	}
	return AnnotationValue{}
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

// roots renders root causes.
func roots(rcs []rootCause) []RootCause {
	out := []RootCause{}
	for _, rc := range rcs {
		svc := RootCauseService{Name: rc.service.name, Names: []string{rc.service.name}, Type: rc.service.typ,
			Inferred: rc.inferred, EntityPath: []RootCauseEntity{}}
		for _, e := range rc.path {
			ent := RootCauseEntity{Name: e.name, Remote: e.remote}
			for _, x := range e.exceptions {
				ent.Exceptions = append(ent.Exceptions, RootCauseException{Name: x.name, Message: x.message})
			}
			svc.EntityPath = append(svc.EntityPath, ent)
		}
		out = append(out, RootCause{ClientImpacting: true, Services: []RootCauseService{svc}})
	}
	return out
}

// graph accumulates the service graph of a set of traces.
type graph struct {
	nodes map[svcKey]*graphNode
	order []svcKey
}

type graphNode struct {
	key        svcKey
	root       bool
	start, end float64
	calls      []outcome
	edges      map[svcKey][]outcome
	edgeOrder  []svcKey
}

func newGraph() *graph { return &graph{nodes: map[svcKey]*graphNode{}} }

func (g *graph) node(k svcKey) *graphNode {
	n := g.nodes[k]
	if n == nil {
		n = &graphNode{key: k, start: math.Inf(1), end: math.Inf(-1), edges: map[svcKey][]outcome{}}
		g.nodes[k] = n
		g.order = append(g.order, k)
	}
	return n
}

// add folds a trace into the graph.
func (g *graph) add(v *traceView) {
	for _, s := range v.services {
		n := g.node(s.key)
		n.root = n.root || s.root
		n.calls = append(n.calls, s.calls...)
		n.start, n.end = min(n.start, s.start), max(n.end, s.end, s.start)
	}
	for _, e := range v.edges {
		n := g.node(e.from)
		g.node(e.to)
		if _, seen := n.edges[e.to]; !seen {
			n.edgeOrder = append(n.edgeOrder, e.to)
		}
		n.edges[e.to] = append(n.edges[e.to], e.calls...)
	}
}

// services renders the graph: nodes by name then type, reference ids in
// that order.
func (g *graph) services() []ServiceNode {
	keys := slices.Clone(g.order)
	slices.SortFunc(keys, func(a, b svcKey) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		return strings.Compare(a.typ, b.typ)
	})
	ref := map[svcKey]int32{}
	for i, k := range keys {
		ref[k] = int32(i)
	}
	out := []ServiceNode{}
	for _, k := range keys {
		n := g.nodes[k]
		sn := ServiceNode{ReferenceId: ref[k], Name: k.name, Names: []string{k.name}, Type: k.typ, Root: n.root,
			State: "active", StartTime: At(epoch(n.start)), EndTime: At(epoch(n.end)), Edges: []Edge{},
			SummaryStatistics: stats(n.calls), ResponseTimeHistogram: histogram(n.calls), DurationHistogram: histogram(n.calls)}
		for _, to := range n.edgeOrder {
			calls := n.edges[to]
			sn.Edges = append(sn.Edges, Edge{ReferenceId: ref[to], StartTime: sn.StartTime, EndTime: sn.EndTime,
				SummaryStatistics: stats(calls), ResponseTimeHistogram: histogram(calls), Aliases: []ServiceID{}})
		}
		out = append(out, sn)
	}
	return out
}

// stats counts requests: a fault is a fault, a throttle an error of its own
// kind, another error an error, the rest ok.
func stats(calls []outcome) Statistics {
	var st Statistics
	for _, c := range calls {
		st.TotalCount++
		st.TotalResponseTime += c.responseTime
		switch {
		case c.fault:
			st.FaultStatistics.TotalCount++
			st.FaultStatistics.OtherCount++
		case c.throttle:
			st.ErrorStatistics.TotalCount++
			st.ErrorStatistics.ThrottleCount++
		case c.err:
			st.ErrorStatistics.TotalCount++
			st.ErrorStatistics.OtherCount++
		default:
			st.OkCount++
		}
	}
	st.TotalResponseTime = round3(st.TotalResponseTime)
	return st
}

// histogram buckets response times to the millisecond.
func histogram(calls []outcome) []HistogramEntry {
	counts := map[float64]int32{}
	for _, c := range calls {
		counts[round3(c.responseTime)]++
	}
	out := make([]HistogramEntry, 0, len(counts))
	for v, n := range counts {
		out = append(out, HistogramEntry{Value: v, Count: n})
	}
	slices.SortFunc(out, func(a, b HistogramEntry) int {
		switch {
		case a.Value < b.Value:
			return -1
		case a.Value > b.Value:
			return 1
		}
		return 0
	})
	return out
}
