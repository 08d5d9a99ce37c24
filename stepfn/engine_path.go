package stepfn

import (
	"errors"
	"strconv"
	"strings"
)

// path is a parsed JSONPath of the subset Step Functions definitions use:
// the root ($, or $$ for the context object, or $name for a variable),
// then .name, ['name'], [n], [*] and .* steps. Filters, slices and
// recursive descent are refused at validation (see the package doc).
type path struct {
	src   string
	root  string // "$", "$$", or a variable's name
	steps []step
}

// step is one step of a path: a member name, an index, or a wildcard.
type step struct {
	name  string
	index int
	kind  byte // 'n' name, 'i' index, '*' wildcard
}

var errBadPath = errors.New("invalid JSONPath")

// parsePath parses a path; it fails on anything outside the subset.
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
	for rest != "" {
		var st step
		var err error
		st, rest, err = nextStep(rest)
		if err != nil {
			return nil, err
		}
		p.steps = append(p.steps, st)
	}
	return p, nil
}

func nextStep(rest string) (step, string, error) {
	switch rest[0] {
	case '.':
		rest = rest[1:]
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

// reference reports whether the path is a reference path (no wildcard):
// what ResultPath and the Path comparators take.
func (p *path) reference() bool {
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
