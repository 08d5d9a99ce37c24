package stepfn

import (
	"strings"
)

// tmpl is a compiled payload template (Parameters, ResultSelector,
// ItemSelector, Assign): literals, with the members whose names end in
// ".$" evaluated as a path or an intrinsic call.
type tmpl struct {
	lit  any
	obj  []member // an object
	arr  []*tmpl  // an array
	path *path
	call *call
	kind byte // 'l' literal, 'o' object, 'a' array, 'p' path, 'c' call
}

type member struct {
	name string
	val  *tmpl
}

// compileTemplate compiles v, reporting each bad ".$" member to bad with
// its location under at.
func compileTemplate(v any, at string, bad func(at, msg string)) *tmpl {
	switch t := v.(type) {
	case map[string]any:
		out := &tmpl{kind: 'o'}
		for _, k := range sortedKeys(t) {
			loc := at + "/" + k
			name, dyn := strings.CutSuffix(k, ".$")
			if !dyn {
				out.obj = append(out.obj, member{k, compileTemplate(t[k], loc, bad)})
				continue
			}
			s, ok := t[k].(string)
			if !ok {
				bad(loc, "The value for the field '"+k+"' must be a STRING that contains a JSONPath but was "+strings.ToUpper(jsonType(t[k])))
				continue
			}
			// AWS locates a bad expression at the object that holds it
			// (test_base_scenarios test_illegal_escapes: ".../Parameters").
			out.obj = append(out.obj, member{name, compileExpr(s, k, at, bad)})
		}
		return out
	case []any:
		out := &tmpl{kind: 'a'}
		for i, x := range t {
			out.arr = append(out.arr, compileTemplate(x, at+"/"+itoa(i), bad))
		}
		return out
	}
	return &tmpl{kind: 'l', lit: v}
}

// compileExpr compiles the value of a ".$" member: an intrinsic call or a
// path.
func compileExpr(s, field, loc string, bad func(at, msg string)) *tmpl {
	if isIntrinsic(s) {
		c, err := parseIntrinsic(s)
		if err != nil {
			bad(loc, "The value for the field '"+field+"' must be a valid JSONPath or a valid intrinsic function call")
			return &tmpl{kind: 'l'}
		}
		return &tmpl{kind: 'c', call: c}
	}
	p, err := parsePath(s)
	if err != nil {
		bad(loc, "The value for the field '"+field+"' must be a valid JSONPath or a valid intrinsic function call")
		return &tmpl{kind: 'l'}
	}
	return &tmpl{kind: 'p', path: p}
}

// eval builds the template's value; res resolves its paths.
func (t *tmpl) eval(res resolver, ev *evaluator) (any, *failure) {
	switch t.kind {
	case 'o':
		m := make(map[string]any, len(t.obj))
		for _, mb := range t.obj {
			v, f := mb.val.evalMember(mb.name, res, ev)
			if f != nil {
				return nil, f
			}
			m[mb.name] = v
		}
		return m, nil
	case 'a':
		a := make([]any, len(t.arr))
		for i, x := range t.arr {
			v, f := x.eval(res, ev)
			if f != nil {
				return nil, f
			}
			a[i] = v
		}
		return a, nil
	case 'p', 'c':
		return t.evalMember("", res, ev)
	}
	return deepCopy(t.lit), nil
}

func (t *tmpl) evalMember(name string, res resolver, ev *evaluator) (any, *failure) {
	switch t.kind {
	case 'p':
		v, f := res(t.path)
		if f != nil {
			return nil, ev.notFoundIn(t.path, name+".$")
		}
		return deepCopy(v), nil
	case 'c':
		return evalCall(t.call, res, ev.rng)
	}
	return t.eval(res, ev)
}
