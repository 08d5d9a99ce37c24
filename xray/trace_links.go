package xray

import "github.com/awsfake/awsfake/internal/xtrace"

// link is a span link of a segment to an entity of another trace: a
// Lambda consumer's AWS::Lambda segment to the producers' SQS calls.
type link struct{ traceID, id string }

// readLinks checks a document's span links to other traces and keeps
// them: each an object with a trace_id in X-Ray's form and a
// 16-hex-digit id; attributes, when given, an object.
func readLinks(d *segDoc, m *members) *segError {
	if m.links == "" {
		return nil
	}
	if !isArray(m.links) {
		return segErr(segInvalidField, "Field links must be an array")
	}
	var err *segError
	rawElements(m.links, func(e string) {
		if err != nil {
			return
		}
		if !isObject(e) {
			err = segErr(segInvalidField, "Field links must hold objects")
			return
		}
		var l link
		attrs := ""
		rawFields(e, func(k, v string) {
			switch k {
			case "trace_id":
				l.traceID, _ = rawString(v)
			case "id":
				l.id, _ = rawString(v)
			case "attributes":
				attrs = v
			}
		})
		switch {
		case !xtrace.ValidTraceID(l.traceID) || !xtrace.ValidSegmentID(l.id):
			err = segErr(segInvalidField, "A link needs a trace_id and a 16-hex-digit id")
		case attrs != "" && !isObject(attrs):
			err = segErr(segInvalidField, "A link's attributes must be an object")
		default:
			d.links = append(d.links, l)
		}
	})
	if err != nil {
		d.links = nil
	}
	return err
}

// addLinks draws the edges of v's linked segments, as X-Ray's trace map
// draws the dashed edge from the SQS node to a Lambda consumer: from the
// service of each linked entity (the node inferred from an AWS call, or
// the service of the segment that holds it) in a trace of p to the
// service of the segment that links to it. A link to a trace X-Ray does
// not hold draws nothing.
func (g *graph) addLinks(p *partition, v *traceView) {
	for _, d := range v.t.sortedSegs() {
		for _, l := range d.links {
			t := p.traces[l.traceID]
			if t == nil {
				continue
			}
			from, ok := t.viewOf().serviceOf(l.id)
			if !ok {
				continue
			}
			g.edge(from, svcKey{d.name, d.origin}, outcomeOf(d))
		}
	}
}

// edge adds one call from one node to another.
func (g *graph) edge(from, to svcKey, o outcome) {
	n := g.node(from)
	g.node(to)
	if _, seen := n.edges[to]; !seen {
		n.edgeOrder = append(n.edgeOrder, to)
	}
	n.edges[to] = append(n.edges[to], o)
}

// serviceOf is the node an entity of the trace belongs to: the inferred
// node of an AWS or remote call, else the service of the segment that
// holds it.
func (v *traceView) serviceOf(id string) (svcKey, bool) {
	var k svcKey
	found := false
	for _, d := range v.t.sortedSegs() {
		v.walk(d, func(e *segDoc) {
			if found || e.id != id {
				return
			}
			found = true
			k = svcKey{d.name, d.origin}
			if e != d && (e.namespace == "aws" || e.namespace == "remote") {
				k = inferredKey(e)
			}
		})
		if found {
			return k, true
		}
	}
	return svcKey{}, false
}
