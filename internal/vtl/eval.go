package vtl

import (
	"errors"
	"strings"
)

// Limits bound what one rendering may do, so that no template can hang or
// exhaust memory: API Gateway stops a runaway template too.
type Limits struct {
	// Output is the most bytes a rendering may write (default 10 MiB, API
	// Gateway's payload limit).
	Output int
	// Steps is the most nodes, loop iterations and calls a rendering may
	// run (default 1,000,000).
	Steps int
}

// ErrLimit is the error of a rendering that went past its Limits.
var ErrLimit = errors.New("vtl: template exceeded its rendering limits")

// errStop and errBreak unwind #stop and #break.
var (
	errStop  = errors.New("stop")
	errBreak = errors.New("break")
)

type renderer struct {
	vars   map[string]any
	macros map[string]macroDef
	out    strings.Builder
	limits Limits
	steps  int
	depth  int
}

func (r *renderer) step() error {
	r.steps++
	if r.steps > r.limits.Steps || r.out.Len() > r.limits.Output {
		return ErrLimit
	}
	return nil
}

func (r *renderer) nodes(ns []node) error {
	for _, n := range ns {
		if err := r.step(); err != nil {
			return err
		}
		if err := r.node(n); err != nil {
			return err
		}
	}
	return nil
}

func (r *renderer) node(n node) error {
	switch n := n.(type) {
	case textNode:
		r.out.WriteString(string(n))
	case *refNode:
		return r.renderRef(n)
	case *setNode:
		return r.set(n)
	case *ifNode:
		return r.ifBlock(n)
	case *foreachNode:
		return r.foreach(n)
	case breakNode:
		return errBreak
	case stopNode:
		return errStop
	case *defineNode:
		r.vars[n.name] = &defined{r: r, body: n.body}
	case *macroCall:
		return r.callMacro(n)
	}
	return nil
}

// defined is a #define block: it renders where it is referenced.
type defined struct {
	r    *renderer
	body []node
}

func (d *defined) String() string {
	sub := &renderer{vars: d.r.vars, macros: d.r.macros, limits: d.r.limits, steps: d.r.steps, depth: d.r.depth + 1}
	if sub.depth > maxDepth {
		return ""
	}
	_ = sub.nodes(d.body)
	d.r.steps = sub.steps
	return sub.out.String()
}

func (r *renderer) renderRef(n *refNode) error {
	v, err := r.walk(n)
	switch {
	case err == errUnknown:
		if !n.quiet {
			// An unknown variable or method renders as written.
			r.out.WriteString(n.src)
		}
	case err != nil:
		return err
	case v != nil:
		writeValue(&r.out, v, 0)
	}
	// A null reached through a variable that exists renders as nothing, as
	// API Gateway renders $input.path of what the body lacks (recorded:
	// TestApiGatewayCommon::test_input_path_template_formatting,
	// "empty-body" and "nested-empty-list").
	return nil
}

func (r *renderer) set(n *setNode) error {
	v, err := r.eval(n.value)
	if err != nil {
		return err
	}
	if v == nil {
		// directive.set.null.allowed is false in Velocity 1.7: a null
		// value leaves the reference as it was.
		return nil
	}
	if len(n.target.chain) == 0 {
		r.vars[n.target.name] = v
		return nil
	}
	parent := &refNode{name: n.target.name, chain: n.target.chain[:len(n.target.chain)-1]}
	obj, err := r.resolve(parent)
	if err != nil || obj == nil {
		return err
	}
	last := n.target.chain[len(n.target.chain)-1]
	switch x := obj.(type) {
	case *Map:
		key := last.name
		if last.kind == stepIndex {
			k, err := r.eval(last.index)
			if err != nil {
				return err
			}
			key = String(k)
		}
		x.Put(key, v)
	case *List:
		if last.kind == stepIndex {
			k, err := r.eval(last.index)
			if err != nil {
				return err
			}
			if i, ok := k.(int64); ok && i >= 0 && i < int64(len(x.Items)) {
				x.Items[i] = v
			}
		}
	}
	return nil
}

func (r *renderer) ifBlock(n *ifNode) error {
	for i, c := range n.conds {
		v, err := r.eval(c)
		if err != nil {
			return err
		}
		if truthy(v) {
			return r.nodes(n.bodies[i])
		}
	}
	return r.nodes(n.els)
}

// loopState is $foreach: index, count, hasNext, first, last.
type loopState struct {
	index, n int
	parent   any
}

func (l *loopState) Property(name string) (any, bool) {
	switch name {
	case "index":
		return int64(l.index), true
	case "count":
		return int64(l.index + 1), true
	case "hasNext":
		return l.index+1 < l.n, true
	case "first":
		return l.index == 0, true
	case "last":
		return l.index+1 == l.n, true
	case "parent":
		return l.parent, l.parent != nil
	}
	return nil, false
}

func (l *loopState) Method(name string, args []any) (any, bool) {
	if len(args) == 0 && (strings.HasPrefix(name, "get") || strings.HasPrefix(name, "is")) {
		return l.Property(lowerFirst(strings.TrimPrefix(strings.TrimPrefix(name, "get"), "is")))
	}
	return nil, false
}

func (r *renderer) foreach(n *foreachNode) error {
	v, err := r.eval(n.iter)
	if err != nil {
		return err
	}
	items := iterate(v)
	saved, hadVar := r.vars[n.variable]
	savedLoop, hadLoop := r.vars["foreach"]
	savedCount, hadCount := r.vars["velocityCount"]
	defer func() {
		restore(r.vars, n.variable, saved, hadVar)
		restore(r.vars, "foreach", savedLoop, hadLoop)
		restore(r.vars, "velocityCount", savedCount, hadCount)
	}()
	loop := &loopState{n: len(items), parent: savedLoop}
	for i, it := range items {
		if err := r.step(); err != nil {
			return err
		}
		loop.index = i
		r.vars[n.variable], r.vars["foreach"], r.vars["velocityCount"] = it, loop, int64(i+1)
		if err := r.nodes(n.body); err != nil {
			if errors.Is(err, errBreak) {
				return nil
			}
			return err
		}
	}
	return nil
}

func restore(vars map[string]any, name string, v any, had bool) {
	if had {
		vars[name] = v
	} else {
		delete(vars, name)
	}
}

// iterate returns what #foreach walks: a list's items, a map's values (as
// Velocity iterates a Map), nothing for anything else.
func iterate(v any) []any {
	switch x := v.(type) {
	case *List:
		return x.Items
	case *Map:
		out := make([]any, len(x.keys))
		for i, k := range x.keys {
			out[i] = x.vals[k]
		}
		return out
	}
	return nil
}

func (r *renderer) callMacro(n *macroCall) error {
	m, ok := r.macros[n.name]
	if !ok || len(n.args) != len(m.params) {
		// Velocity renders a call it cannot make as written.
		r.out.WriteString(n.src)
		return nil
	}
	r.depth++
	defer func() { r.depth-- }()
	if r.depth > maxDepth {
		return ErrLimit
	}
	saved := make([]any, len(m.params))
	had := make([]bool, len(m.params))
	for i, name := range m.params {
		v, err := r.eval(n.args[i])
		if err != nil {
			return err
		}
		saved[i], had[i] = r.vars[name]
		r.vars[name] = v
	}
	defer func() {
		for i, name := range m.params {
			restore(r.vars, name, saved[i], had[i])
		}
	}()
	return r.nodes(m.body)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
