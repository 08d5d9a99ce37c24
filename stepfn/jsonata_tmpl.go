package stepfn

import (
	"fmt"
	"strings"
)

// jtmpl is a compiled JSONata payload template (Arguments, Output,
// Assign, ItemSelector, and the single-valued fields): literals, with
// every string written "{% expression %}" evaluated.
type jtmpl struct {
	kind  byte // 'l' literal, 'o' object, 'a' array, 'e' expression
	lit   any
	obj   []jmember
	arr   []*jtmpl
	expr  *jexpr
	field string // where it stands, as AWS's messages name it: Output/FunctionResult
}

type jmember struct {
	name string
	val  *jtmpl
}

// jerr is an evaluation failure: AWS's message, without the state
// prefix, and the field it names (the EvaluationFailed location).
type jerr struct {
	msg, location string
}

// jsonataSource returns the expression of a "{% ... %}" string.
func jsonataSource(v any) (string, bool) {
	s, ok := v.(string)
	if !ok || len(s) < 4 || !strings.HasPrefix(s, "{%") || !strings.HasSuffix(s, "%}") {
		return "", false
	}
	return strings.TrimSpace(s[2 : len(s)-2]), true
}

// jtemplate compiles v standing at field (Output, Arguments/Payload)
// and location loc of the definition.
func (p *parser) jtemplate(v any, field, loc string) *jtmpl {
	switch t := v.(type) {
	case map[string]any:
		out := &jtmpl{kind: 'o', field: field}
		for _, k := range sortedKeys(t) {
			out.obj = append(out.obj, jmember{k, p.jtemplate(t[k], field+"/"+k, loc+"/"+k)})
		}
		return out
	case []any:
		out := &jtmpl{kind: 'a', field: field}
		for i, x := range t {
			out.arr = append(out.arr, p.jtemplate(x, field+"/"+itoa(i), loc+"/"+itoa(i)))
		}
		return out
	}
	src, ok := jsonataSource(v)
	if !ok {
		return &jtmpl{kind: 'l', lit: v, field: field}
	}
	x, err := compileJSONata(src)
	if err != nil {
		p.bad(loc, fmt.Sprintf("The JSONata expression '%s' specified for the field '%s' is not valid: %v", src, field, err))
		return &jtmpl{kind: 'l', field: field}
	}
	return &jtmpl{kind: 'e', expr: x, field: field}
}

// eval builds the template's value with vars bound.
func (t *jtmpl) eval(vars map[string]any) (any, *jerr) {
	switch t.kind {
	case 'o':
		m := make(map[string]any, len(t.obj))
		for _, mb := range t.obj {
			v, e := mb.val.eval(vars)
			if e != nil {
				return nil, e
			}
			m[mb.name] = v
		}
		return m, nil
	case 'a':
		a := make([]any, len(t.arr))
		for i, x := range t.arr {
			v, e := x.eval(vars)
			if e != nil {
				return nil, e
			}
			a[i] = v
		}
		return a, nil
	case 'e':
		return t.expr.value(vars, t.field)
	}
	return deepCopy(t.lit), nil
}

// value evaluates the expression standing at field, with AWS's messages
// for an error, an undefined result and a result that is not JSON.
func (x *jexpr) value(vars map[string]any, field string) (any, *jerr) {
	v, defined, err := x.eval(vars)
	prefix := "The JSONata expression '" + x.src + "' specified for the field '" + field + "'"
	switch {
	case err == errUnsupportedResult:
		return nil, &jerr{prefix + " returned an unsupported result type.", field}
	case err != nil:
		return nil, &jerr{prefix + " threw an error during evaluation. " + err.Error(), field}
	case !defined:
		return nil, &jerr{prefix + " returned nothing (undefined).", field}
	}
	return v, nil
}
