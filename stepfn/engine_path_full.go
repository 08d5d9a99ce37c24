package stepfn

import (
	"encoding/json"
	"strconv"

	"github.com/ohler55/ojg/jp"
)

// A Path beyond the simple subset of engine_path.go (filters
// [?(@.x > 1)], slices [1:3], unions [0,2] and ['a','b'], recursive
// descent .., negative indices) is parsed by github.com/ohler55/ojg's jp
// package and evaluated here over ojg's fragments. ojg's own Get is not
// used because it is wrong for ASL in three ways (Step Functions evaluates
// paths with Jayway JsonPath):
//   - it visits an object's members in Go's random map order; here they
//     come in key order, as everywhere in this package (see doc.go);
//   - its filters read json.Number, the interpreter's numbers, as strings,
//     so @.x > 1 never holds; here the candidate is handed to ojg's
//     filter with its numbers as int64/float64;
//   - it answers a filter's and a descent's matches in reverse order, and
//     applies a filter on an object to its members; Jayway answers
//     document order and applies a filter on an object to the object.
//
// In a filter, $ is the candidate (ojg's Script.Match), not the document.

// fullFrags parses src ("$" then the path's steps after its root) with
// ojg and keeps it only if every fragment is one evaluated here.
func fullFrags(src string) (jp.Expr, error) {
	x, err := jp.ParseString(src)
	if err != nil || len(x) == 0 {
		return nil, errBadPath
	}
	if _, ok := x[0].(jp.Root); !ok {
		return nil, errBadPath
	}
	if _, ok := x[len(x)-1].(jp.Descent); ok {
		return nil, errBadPath
	}
	for _, f := range x[1:] {
		switch f.(type) {
		case jp.Child, jp.Nth, jp.Wildcard, jp.Descent, jp.Slice, jp.Union, jp.Bracket, *jp.Filter:
		default:
			return nil, errBadPath
		}
	}
	return x[1:], nil
}

// definiteFrags reports whether frags name one node at most (only member
// names and single indices): Jayway answers such a path's value, not a
// list.
func definiteFrags(frags jp.Expr) bool {
	for _, f := range frags {
		switch f.(type) {
		case jp.Child, jp.Nth, jp.Bracket:
		default:
			return false
		}
	}
	return true
}

// getFull evaluates frags over doc: the value for a definite path (false
// when it matches nothing), else the list of the matches in document
// order (empty when none).
func (p *path) getFull(doc any) (any, bool) {
	nodes := []any{doc}
	descent := false
	for _, f := range p.frags {
		if _, ok := f.(jp.Bracket); ok {
			continue
		}
		if _, ok := f.(jp.Descent); ok {
			descent = true
			continue
		}
		if descent {
			nodes, descent = descendants(nodes), false
		}
		nodes = applyFrag(f, nodes)
	}
	if p.definite {
		if len(nodes) == 0 {
			return nil, false
		}
		return nodes[0], true
	}
	if nodes == nil {
		nodes = []any{}
	}
	return nodes, true
}

// applyFrag applies one fragment to every node, in order.
func applyFrag(f jp.Frag, nodes []any) []any {
	var out []any
	for _, v := range nodes {
		switch t := f.(type) {
		case jp.Child:
			if m, ok := v.(map[string]any); ok {
				if w, ok := m[string(t)]; ok {
					out = append(out, w)
				}
			}
		case jp.Nth:
			if w, ok := nth(v, int(t)); ok {
				out = append(out, w)
			}
		case jp.Wildcard:
			out = append(out, children(v)...)
		case jp.Slice:
			if a, ok := v.([]any); ok {
				out = appendSlice(out, a, t)
			}
		case jp.Union:
			out = appendUnion(out, v, t)
		case *jp.Filter:
			out = appendFiltered(out, v, t)
		}
	}
	return out
}

// nth is v[i] for an array, counting from the end when i is negative.
func nth(v any, i int) (any, bool) {
	a, ok := v.([]any)
	if !ok {
		return nil, false
	}
	if i < 0 {
		i += len(a)
	}
	if i < 0 || i >= len(a) {
		return nil, false
	}
	return a[i], true
}

// appendSlice appends a[start:end:step] with JSONPath's rules: the end
// excluded, negative bounds counted from the end, a missing bound the
// whole side; a step of 0 selects nothing.
func appendSlice(out, a []any, s jp.Slice) []any {
	n := len(a)
	bound := func(i, def int) int {
		switch {
		case i == jp.SliceNotSet:
			return def
		case i < 0:
			i += n
		}
		return min(max(i, -1), n)
	}
	step := s[2]
	if step == jp.SliceNotSet {
		step = 1
	}
	switch {
	case step > 0:
		for i := max(bound(s[0], 0), 0); i < bound(s[1], n); i += step {
			out = append(out, a[i])
		}
	case step < 0:
		for i := min(bound(s[0], n-1), n-1); i > bound(s[1], -1); i += step {
			out = append(out, a[i])
		}
	}
	return out
}

// appendUnion appends the members (['a','b']) or elements ([0,2]) a
// union names, in the union's order.
func appendUnion(out []any, v any, u jp.Union) []any {
	for _, k := range u {
		switch t := k.(type) {
		case string:
			if m, ok := v.(map[string]any); ok {
				if w, ok := m[t]; ok {
					out = append(out, w)
				}
			}
		case int64:
			if w, ok := nth(v, int(t)); ok {
				out = append(out, w)
			}
		}
	}
	return out
}

// appendFiltered appends the elements of an array that pass the filter,
// or the object itself when it passes (Jayway's rule).
func appendFiltered(out []any, v any, f *jp.Filter) []any {
	switch t := v.(type) {
	case []any:
		for _, x := range t {
			if f.Match(filterable(x)) {
				out = append(out, x)
			}
		}
	case map[string]any:
		if f.Match(filterable(t)) {
			out = append(out, t)
		}
	}
	return out
}

// filterable is a copy of v whose json.Numbers are int64 or float64, the
// numbers ojg's filters compare.
func filterable(v any) any {
	switch t := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(t), 10, 64); err == nil {
			return i
		}
		f, _ := t.Float64()
		return f
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[k] = filterable(x)
		}
		return m
	case []any:
		a := make([]any, len(t))
		for i, x := range t {
			a[i] = filterable(x)
		}
		return a
	}
	return v
}

// descendants is every node with all that lies under it, each node
// before its children (Jayway's scan order), objects' members in key
// order.
func descendants(nodes []any) []any {
	var out []any
	var walk func(v any)
	walk = func(v any) {
		out = append(out, v)
		for _, c := range children(v) {
			walk(c)
		}
	}
	for _, v := range nodes {
		walk(v)
	}
	return out
}
