// Package pattern is EventBridge's event pattern language ("Amazon
// EventBridge event patterns" and "Content filtering in Amazon EventBridge
// event patterns"): a JSON object whose keys name fields of the event
// (nesting as the event nests), each holding an array of matchers any of
// which may match (OR) while every key must match (AND), with "$or" holding
// alternative sub-patterns.
//
// A matcher is a literal (string, number, true, false, null: exact match)
// or an operator object: prefix, suffix (each optionally
// {"equals-ignore-case": s}), equals-ignore-case, wildcard, anything-but
// (values, a value, or prefix, suffix, wildcard, equals-ignore-case forms),
// numeric (one or two comparisons), exists, cidr. An event value that is an
// array matches when any of its elements does, arrays of objects included.
//
//	p, err := pattern.Compile([]byte(`{"source": [{"prefix": "aws."}]}`))
//	ok := p.MatchJSON(event)
//
// Compile's errors are the reasons AWS gives ("Empty arrays are not
// allowed"): callers wrap them in their service's InvalidEventPattern error.
package pattern

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Pattern is a compiled event pattern, safe for concurrent use.
type Pattern struct{ root *node }

// node is one object level of a pattern: every field must match, and every
// $or group must have one alternative that matches.
type node struct {
	fields []field
	ors    [][]*node
}

// field is one key of a node: a nested object (sub) or a list of matchers
// (leaf), any of which may match.
type field struct {
	name string
	sub  *node
	leaf []matcher
}

// MaxSize is the largest pattern AWS accepts, in bytes (EventPattern is at
// most 4,096 characters in PutRule's model).
const MaxSize = 4096

// Compile parses and validates an event pattern.
func Compile(src []byte) (*Pattern, error) {
	d := json.NewDecoder(bytes.NewReader(src))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, reasonf("%s", jsonReason(err))
	}
	if d.More() {
		return nil, reason("Unexpected trailing content")
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, reason("Filter is not an object")
	}
	n, err := compileNode(obj, 0)
	if err != nil {
		return nil, err
	}
	return &Pattern{root: n}, nil
}

func jsonReason(err error) string {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Sprintf("Unrecognized token: %s at offset %d", syn.Error(), syn.Offset)
	}
	return err.Error()
}

// maxDepth bounds the nesting of a pattern, so that a hostile one cannot
// exhaust the stack.
const maxDepth = 64

func compileNode(obj map[string]any, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, reason("Pattern nested too deeply")
	}
	n := &node{}
	for _, name := range sortedKeys(obj) {
		v := obj[name]
		if name == "$or" {
			alts, err := compileOr(v, depth)
			if err != nil {
				return nil, err
			}
			n.ors = append(n.ors, alts)
			continue
		}
		switch t := v.(type) {
		case map[string]any:
			sub, err := compileNode(t, depth+1)
			if err != nil {
				return nil, err
			}
			n.fields = append(n.fields, field{name: name, sub: sub})
		case []any:
			if len(t) == 0 {
				return nil, reason("Empty arrays are not allowed")
			}
			ms := make([]matcher, 0, len(t))
			for _, e := range t {
				m, err := compileMatcher(e)
				if err != nil {
					return nil, err
				}
				ms = append(ms, m)
			}
			n.fields = append(n.fields, field{name: name, leaf: ms})
		default:
			return nil, reasonf("%q must be an object or an array", name)
		}
	}
	return n, nil
}

func compileOr(v any, depth int) ([]*node, error) {
	list, ok := v.([]any)
	if !ok || len(list) < 2 {
		return nil, reason("Or-Array must have at least 2 elements")
	}
	alts := make([]*node, 0, len(list))
	for _, e := range list {
		obj, ok := e.(map[string]any)
		if !ok {
			return nil, reason("Or-Array elements must be objects")
		}
		a, err := compileNode(obj, depth+1)
		if err != nil {
			return nil, err
		}
		alts = append(alts, a)
	}
	return alts, nil
}

func sortedKeys(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// Match reports whether the event, decoded as encoding/json decodes into
// any (with UseNumber or not), matches the pattern.
func (p *Pattern) Match(event any) bool { return p.root.match(event) }

// MatchJSON reports whether the JSON event matches; an event that is not
// valid JSON matches nothing.
func (p *Pattern) MatchJSON(event []byte) bool {
	v, err := Decode(event)
	return err == nil && p.Match(v)
}

// Decode decodes a JSON event as Match reads it, numbers as json.Number.
func Decode(event []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(event))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// ExactValues returns the literal strings that the top-level field name
// must equal for the pattern to match, and true, when the pattern holds
// that field with only string literals and no $or: what an index by that
// field (EventBridge's source) may key the pattern under.
func (p *Pattern) ExactValues(name string) ([]string, bool) {
	if len(p.root.ors) > 0 {
		return nil, false
	}
	for _, f := range p.root.fields {
		if f.name != name || f.leaf == nil {
			continue
		}
		out := make([]string, 0, len(f.leaf))
		for _, m := range f.leaf {
			e, ok := m.(exact)
			s, isString := e.v.(string)
			if !ok || !isString {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return nil, false
}

func (n *node) match(v any) bool {
	obj, _ := v.(map[string]any)
	for _, f := range n.fields {
		ev, present := lookup(obj, f.name, f.sub != nil)
		if !f.matchValue(ev, present) {
			return false
		}
	}
	for _, alts := range n.ors {
		if !slices.ContainsFunc(alts, func(a *node) bool { return a.match(v) }) {
			return false
		}
	}
	return true
}

func (f field) matchValue(v any, present bool) bool {
	if f.sub != nil {
		if list, ok := v.([]any); ok {
			return slices.ContainsFunc(list, func(e any) bool { return f.matchValue(e, true) })
		}
		if _, isObj := v.(map[string]any); !isObj {
			v = nil // a scalar where the pattern nests: its fields are all missing
		}
		return f.sub.match(v)
	}
	leaves := flatten(v, present, nil)
	if len(leaves) == 0 {
		return slices.ContainsFunc(f.leaf, func(m matcher) bool { return m.missing() })
	}
	for _, m := range f.leaf {
		if slices.ContainsFunc(leaves, m.match) {
			return true
		}
	}
	return false
}

// lookup finds the event's field name in obj. AWS matches on flattened
// paths, so a dotted name ("state.status") also finds the nested field
// (state: {status}), and a nested pattern (state: {status: [...]}) also
// finds the event's dotted keys ("state.status").
func lookup(obj map[string]any, name string, nested bool) (any, bool) {
	if v, ok := obj[name]; ok || obj == nil {
		return v, ok
	}
	if head, rest, dotted := strings.Cut(name, "."); dotted {
		if inner, ok := obj[head].(map[string]any); ok {
			return lookup(inner, rest, nested)
		}
	}
	if !nested {
		return nil, false
	}
	var virtual map[string]any
	for k, v := range obj {
		if rest, ok := strings.CutPrefix(k, name+"."); ok && rest != "" {
			if virtual == nil {
				virtual = map[string]any{}
			}
			virtual[rest] = v
		}
	}
	return virtual, virtual != nil
}

// flatten returns the leaf values of an event value: itself, or the
// elements of an array (recursively); none when it is missing.
func flatten(v any, present bool, out []any) []any {
	if !present {
		return out
	}
	if list, ok := v.([]any); ok {
		for _, e := range list {
			out = flatten(e, true, out)
		}
		return out
	}
	return append(out, v)
}

// lower folds s for equals-ignore-case comparisons.
func lower(s string) string { return strings.ToLower(s) }

// reasonError is a reason Compile refuses a pattern with, worded as AWS
// words it (capitalised, some with a final period).
type reasonError string

func (r reasonError) Error() string { return string(r) }

func reason(s string) error { return reasonError(s) }

func reasonf(format string, args ...any) error { return reasonError(fmt.Sprintf(format, args...)) }
