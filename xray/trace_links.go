package xray

// link is a span link of a segment to an entity of another trace: a
// Lambda consumer's AWS::Lambda segment to the producers' SQS calls.
type link struct{ traceID, id string }

// readLinks checks a document's links (checkLinks) and keeps them.
func readLinks(d *segDoc, m map[string]any) *segError {
	if err := checkLinks(m); err != nil {
		return err
	}
	list, _ := m["links"].([]any)
	for _, e := range list {
		l := e.(map[string]any)
		tr, _ := l["trace_id"].(string)
		id, _ := l["id"].(string)
		d.links = append(d.links, link{tr, id})
	}
	return nil
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
