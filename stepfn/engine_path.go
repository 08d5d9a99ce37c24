package stepfn

import (
	"errors"
	"strconv"
	"strings"

	"github.com/ohler55/ojg/jp"
)

// path is a parsed JSONPath, the one interface the interpreter reads and
// writes documents through: get (a Path's value), set (a Reference Path
// written into a document, ResultPath's rule) and reference. After the
// root ($, or $$ for the context object, or $name for a variable) come
// either steps of the simple subset evaluated here (.name, ['name'],
// .['name'], [n], [*], .*), or, for anything beyond it (filters, slices,
// unions, .., negative indices), frags parsed by ojg and evaluated in
// engine_path_full.go. The simple subset stays ours: it is faster than
// ojg on the paths definitions use most (BENCHMARKS.md "JSONPath on
// ojg") and accepts member names such as $.foo-bar that Jayway (AWS's
// evaluator) accepts and ojg refuses.
type path struct {
	src      string
	root     string // "$", "$$", or a variable's name
	steps    []step
	frags    jp.Expr // a full JSONPath after the root; nil for the simple subset
	definite bool    // frags name one node at most
}

// step is one step of a path: a member name, an index, or a wildcard.
type step struct {
	name  string
	index int
	kind  byte // 'n' name, 'i' index, '*' wildcard
}

var errBadPath = errors.New("invalid JSONPath")

// parsePath parses a Path: the simple subset, else full JSONPath.
func parsePath(s string) (*path, error) {
	if !strings.HasPrefix(s, "$") {
		return nil, errBadPath
	}
	p := &path{src: s, root: "$"}
	rest := s[1:]
	switch {
	case strings.HasPrefix(rest, "$"):
		p.root, rest = "$$", rest[1:]
	case rest != "" && rest[0] != '.' && rest[0] != '[':
		i := strings.IndexAny(rest, ".[")
		if i < 0 {
			i = len(rest)
		}
		p.root, rest = rest[:i], rest[i:]
		if !validVariable(p.root) {
			return nil, errBadPath
		}
	}
	steps, err := simpleSteps(rest)
	if err == nil {
		p.steps = steps
		return p, nil
	}
	if p.frags, err = fullFrags("$" + rest); err != nil {
		return nil, err
	}
	p.definite = definiteFrags(p.frags)
	return p, nil
}

// simpleSteps parses the steps after a root, all of the simple subset.
func simpleSteps(rest string) ([]step, error) {
	var steps []step
	for rest != "" {
		var st step
		var err error
		st, rest, err = nextStep(rest)
		if err != nil {
			return nil, err
		}
		steps = append(steps, st)
	}
	return steps, nil
}

func nextStep(rest string) (step, string, error) {
	switch rest[0] {
	case '.':
		rest = rest[1:]
		if strings.HasPrefix(rest, "['") || strings.HasPrefix(rest, `["`) {
			return nextStep(rest) // $.abc.['def ghi'], AWS's own example
		}
		if strings.HasPrefix(rest, "*") {
			return step{kind: '*'}, rest[1:], nil
		}
		i := strings.IndexAny(rest, ".[")
		if i < 0 {
			i = len(rest)
		}
		if i == 0 {
			return step{}, "", errBadPath
		}
		return step{kind: 'n', name: rest[:i]}, rest[i:], nil
	case '[':
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return step{}, "", errBadPath
		}
		in := rest[1:end]
		if len(in) >= 2 && (in[0] == '\'' || in[0] == '"') && in[len(in)-1] == in[0] {
			return step{kind: 'n', name: in[1 : len(in)-1]}, rest[end+1:], nil
		}
		if in == "*" {
			return step{kind: '*'}, rest[end+1:], nil
		}
		n, err := strconv.Atoi(in)
		if err != nil || n < 0 {
			return step{}, "", errBadPath
		}
		return step{kind: 'i', index: n}, rest[end+1:], nil
	}
	return step{}, "", errBadPath
}

// validVariable reports whether s is a workflow variable's name: a letter
// or underscore, then letters, digits and underscores.
func validVariable(s string) bool {
	if s == "" || len(s) > 80 {
		return false
	}
	for i, r := range s {
		ok := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return true
}

// reference reports whether the path is a Reference Path (member names
// and non-negative indices only, AWS's "Reference Paths"): what
// ResultPath and the Path comparators take.
func (p *path) reference() bool {
	if p.frags != nil {
		return false
	}
	for _, s := range p.steps {
		if s.kind == '*' {
			return false
		}
	}
	return true
}

// get evaluates the path over doc. A path with a wildcard answers the
// array of what matched; a reference path that matches nothing reports
// false.
func (p *path) get(doc any) (any, bool) {
	if p.frags != nil {
		return p.getFull(doc)
	}
	if p.reference() {
		v := doc
		for _, s := range p.steps {
			var ok bool
			if v, ok = s.apply(v); !ok {
				return nil, false
			}
		}
		return v, true
	}
	vals := []any{doc}
	for _, s := range p.steps {
		var next []any
		for _, v := range vals {
			if s.kind == '*' {
				next = append(next, children(v)...)
			} else if w, ok := s.apply(v); ok {
				next = append(next, w)
			}
		}
		vals = next
	}
	if vals == nil {
		vals = []any{}
	}
	return vals, true
}

func (s step) apply(v any) (any, bool) {
	switch s.kind {
	case 'n':
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		w, ok := m[s.name]
		return w, ok
	case 'i':
		a, ok := v.([]any)
		if !ok || s.index >= len(a) {
			return nil, false
		}
		return a[s.index], true
	}
	return nil, false
}

func children(v any) []any {
	switch t := v.(type) {
	case []any:
		return t
	case map[string]any:
		out := make([]any, 0, len(t))
		for _, k := range sortedKeys(t) {
			out = append(out, t[k])
		}
		return out
	}
	return nil
}

// set writes val at the reference path p into doc, copying what it
// changes on the way, and returns the new document: ResultPath's rule
// (members missing on the way are created; a step through a value that is
// not an object fails).
func (p *path) set(doc, val any) (any, bool) {
	if len(p.steps) == 0 {
		return val, true
	}
	return setAt(doc, p.steps, val)
}

func setAt(doc any, steps []step, val any) (any, bool) {
	s := steps[0]
	switch s.kind {
	case 'n':
		var m map[string]any
		switch t := doc.(type) {
		case map[string]any:
			m = make(map[string]any, len(t)+1)
			for k, v := range t {
				m[k] = v
			}
		case nil:
			m = map[string]any{}
		default:
			return nil, false
		}
		if len(steps) == 1 {
			m[s.name] = val
			return m, true
		}
		child, ok := setAt(m[s.name], steps[1:], val)
		if !ok {
			return nil, false
		}
		m[s.name] = child
		return m, true
	case 'i':
		a, ok := doc.([]any)
		if !ok || s.index >= len(a) {
			return nil, false
		}
		b := append([]any(nil), a...)
		if len(steps) == 1 {
			b[s.index] = val
			return b, true
		}
		child, ok := setAt(b[s.index], steps[1:], val)
		if !ok {
			return nil, false
		}
		b[s.index] = child
		return b, true
	}
	return nil, false
}

// missing is AWS's (Jayway's) account of a definite path that matched
// nothing in doc, after "Invalid path '<src>' : ": a member missing on the
// way is "Missing property in path $['a']" (the path up to it), anything
// else "No results for path: $['a']['b']" (the whole path, normalized);
// recorded in test_base_scenarios (test_invalid_jsonpath,
// test_catch_states_runtime).
func (p *path) missing(doc any) string {
	v := doc
	for i, s := range p.steps {
		w, ok := s.apply(v)
		if !ok {
			if m, isObj := v.(map[string]any); isObj && s.kind == 'n' && i < len(p.steps)-1 {
				if _, has := m[s.name]; !has {
					return "Missing property in path " + normalized(p.steps[:i+1])
				}
			}
			break
		}
		v = w
	}
	if p.frags != nil {
		return "No results for path: " + p.src
	}
	return "No results for path: " + normalized(p.steps)
}

// normalized writes steps as Jayway does: $['name'][0][*].
func normalized(steps []step) string {
	b := []byte{'$'}
	for _, s := range steps {
		switch s.kind {
		case 'n':
			b = append(b, "['"...)
			b = append(b, s.name...)
			b = append(b, "']"...)
		case 'i':
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(s.index), 10)
			b = append(b, ']')
		default:
			b = append(b, "[*]"...)
		}
	}
	return string(b)
}
