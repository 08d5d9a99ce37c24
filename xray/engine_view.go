package xray

import (
	"math"
	"slices"
	"sort"
)

// svcKey is a service node: name and type.
type svcKey struct{ name, typ string }

// outcome is how a request ended.
type outcome struct {
	err, fault, throttle bool
	responseTime         float64
}

// serviceView is one service of a trace, with its requests.
type serviceView struct {
	key      svcKey
	inferred bool
	root     bool
	calls    []outcome
	start    float64
	end      float64
	users    []string
}

// edgeView is one call from a service to another.
type edgeView struct {
	from, to svcKey
	calls    []outcome
}

// rootCause is the service and entity path of a fault, error or slow call.
type rootCause struct {
	service  svcKey
	inferred bool
	path     []*segDoc
}

// traceView is what a trace says: the figures of its summary, its
// services and edges, and its root causes. Filter expressions, summaries
// and the service graph read it.
type traceView struct {
	t                      *trace
	start, end             float64
	duration, responseTime float64
	err, fault, throttle   bool
	partial                bool
	root                   *segDoc
	services               []*serviceView
	edges                  []*edgeView
	users                  []string
	annotations            map[string][]annotationOf
	faultRoot, errorRoot   []rootCause
	responseRoot           []rootCause
	resourceARNs           []string
	children               map[string][]*segDoc // independent subsegments by parent id
}

// annotationOf is one annotation value and the service that set it.
type annotationOf struct {
	value   any
	service svcKey
}

// view returns what the trace says, computed once per revision.
func (t *trace) viewOf() *traceView {
	if t.view == nil {
		t.view = buildView(t)
	}
	return t.view
}

// sortedSegs returns the trace's segments in arrival order.
func (t *trace) sortedSegs() []*segDoc {
	out := make([]*segDoc, 0, len(t.segs))
	for _, id := range t.order {
		if d, ok := t.segs[id]; ok {
			out = append(out, d)
		}
	}
	return out
}

func buildView(t *trace) *traceView {
	v := &traceView{t: t, start: math.Inf(1), end: math.Inf(-1), annotations: map[string][]annotationOf{},
		children: map[string][]*segDoc{}}
	for _, id := range t.order {
		if d, ok := t.subs[id]; ok {
			v.children[d.parentID] = append(v.children[d.parentID], d)
		}
	}
	segs := t.sortedSegs()
	owner := map[string]svcKey{} // entity id -> the service of its segment
	svcs := map[svcKey]*serviceView{}
	ids := map[string]bool{}
	for _, d := range segs {
		k := svcKey{d.name, d.origin}
		v.walk(d, func(e *segDoc) { owner[e.id] = k; ids[e.id] = true })
	}
	for _, d := range segs {
		k := svcKey{d.name, d.origin}
		sv := svcs[k]
		if sv == nil {
			sv = &serviceView{key: k, start: d.start, end: d.end}
			svcs[k] = sv
			v.services = append(v.services, sv)
		}
		sv.calls = append(sv.calls, outcomeOf(d))
		sv.start, sv.end = min(sv.start, d.start), max(sv.end, d.end)
		if d.user != "" {
			sv.users = append(sv.users, d.user)
			v.users = append(v.users, d.user)
		}
		if d.resourceARN != "" {
			v.resourceARNs = append(v.resourceARNs, d.resourceARN)
		}
		if d.parentID == "" || !ids[d.parentID] {
			sv.root = true
			if v.root == nil || d.start < v.root.start {
				v.root = d
			}
		} else {
			v.addEdge(owner[d.parentID], k, outcomeOf(d))
		}
		v.walk(d, func(e *segDoc) { v.visit(e, k, svcs, segs) })
	}
	if v.root != nil {
		v.responseTime = v.root.end - v.root.start
		if v.root.inProgress {
			v.responseTime = 0
		}
	}
	if v.start > v.end {
		v.start, v.end = 0, 0
	}
	v.duration = max(v.end-v.start, 0)
	v.faultRoot = v.rootCauses(segs, owner, func(e *segDoc) bool { return e.fault })
	v.errorRoot = v.rootCauses(segs, owner, func(e *segDoc) bool { return e.err })
	v.responseRoot = v.slowest(segs)
	return v
}

// visit folds one entity into the view.
func (v *traceView) visit(e *segDoc, k svcKey, svcs map[svcKey]*serviceView, segs []*segDoc) {
	v.start = min(v.start, e.start)
	if !e.inProgress {
		v.end = max(v.end, e.end)
	} else {
		v.partial = true
	}
	v.err, v.fault, v.throttle = v.err || e.err, v.fault || e.fault, v.throttle || e.throttle
	for key, val := range e.annotations {
		v.annotations[key] = append(v.annotations[key], annotationOf{val, k})
	}
	if e.namespace != "aws" && e.namespace != "remote" {
		return
	}
	for _, s := range segs {
		if s.parentID == e.id {
			return // the called service sent its own segment
		}
	}
	ik := inferredKey(e)
	sv := svcs[ik]
	if sv == nil {
		sv = &serviceView{key: ik, inferred: true, start: e.start, end: e.end}
		svcs[ik] = sv
		v.services = append(v.services, sv)
	}
	sv.calls = append(sv.calls, outcomeOf(e))
	v.addEdge(k, ik, outcomeOf(e))
}

// inferredKey is the node X-Ray infers for a call to a service that sent
// no segment: an AWS service by its name (AWS::DynamoDB), a remote one as
// the subsegment names it.
func inferredKey(e *segDoc) svcKey {
	if e.namespace == "aws" {
		return svcKey{e.name, "AWS::" + e.name}
	}
	return svcKey{e.name, "remote"}
}

func (v *traceView) addEdge(from, to svcKey, o outcome) {
	for _, e := range v.edges {
		if e.from == from && e.to == to {
			e.calls = append(e.calls, o)
			return
		}
	}
	v.edges = append(v.edges, &edgeView{from: from, to: to, calls: []outcome{o}})
}

func outcomeOf(d *segDoc) outcome {
	rt := d.end - d.start
	if d.inProgress {
		rt = 0
	}
	return outcome{err: d.err && !d.fault, fault: d.fault, throttle: d.throttle, responseTime: rt}
}

// walk visits e and its subsegments, nested or sent apart, depth first.
func (v *traceView) walk(e *segDoc, fn func(*segDoc)) {
	fn(e)
	for _, s := range e.subs {
		v.walk(s, fn)
	}
	for _, s := range v.children[e.id] {
		v.walk(s, fn)
	}
}

// rootCauses finds the entities of each segment that carry the flag while
// none under them does (a call whose called service sent its own segment
// with the flag is not one: that segment holds the cause), with the path of entities from
// the segment down to each.
func (v *traceView) rootCauses(segs []*segDoc, owner map[string]svcKey, flagged func(*segDoc) bool) []rootCause {
	downstream := map[string]bool{}
	for _, d := range segs {
		if d.parentID != "" && flagged(d) {
			downstream[d.parentID] = true
		}
	}
	var out []rootCause
	for _, d := range segs {
		var path []*segDoc
		var dfs func(e *segDoc) bool // reports whether e's subtree is flagged
		dfs = func(e *segDoc) bool {
			path = append(path, e)
			defer func() { path = path[:len(path)-1] }()
			found := false
			for _, s := range slices.Concat(e.subs, v.children[e.id]) {
				found = dfs(s) || found
			}
			if found || !flagged(e) {
				return found || (flagged(e) && downstream[e.id])
			}
			if downstream[e.id] {
				return true
			}
			rc := rootCause{service: owner[d.id], path: slices.Clone(path)}
			if e != d && (e.namespace == "aws" || e.namespace == "remote") {
				rc.service, rc.inferred = inferredKey(e), true
			}
			out = append(out, rc)
			return true
		}
		dfs(d)
	}
	return out
}

// slowest is the response time root cause: from the root segment, the
// slowest subsegment at each level.
func (v *traceView) slowest(segs []*segDoc) []rootCause {
	if v.root == nil {
		return nil
	}
	path := []*segDoc{v.root}
	for cur := v.root; ; {
		kids := slices.Concat(cur.subs, v.children[cur.id])
		if len(kids) == 0 {
			break
		}
		sort.SliceStable(kids, func(i, j int) bool { return kids[i].end-kids[i].start > kids[j].end-kids[j].start })
		path = append(path, kids[0])
		cur = kids[0]
	}
	return []rootCause{{service: svcKey{v.root.name, v.root.origin}, path: path}}
}
