package apigw

import (
	"encoding/json"
	"errors"
	"math"
	"regexp"
	"slices"
	"unicode/utf8"
)

// schema is a model's JSON Schema (draft 4), parsed. The validator holds
// the keywords request validation uses: type, properties, required,
// additionalProperties, items, enum, minimum / maximum (with draft 4's
// boolean exclusiveMinimum / exclusiveMaximum), minLength, maxLength,
// pattern, minItems, maxItems, allOf, anyOf, oneOf, not. Other keywords are
// ignored, as a validator ignores keywords it does not know.
type schema map[string]any

var errNotSchema = errors.New("a schema is a JSON object")

// compileSchema parses a model's schema.
func compileSchema(doc string) (schema, error) {
	var m map[string]any
	if err := json.Unmarshal([]byte(doc), &m); err != nil {
		return nil, err
	}
	if m == nil {
		return nil, errNotSchema
	}
	return schema(m), nil
}

// validate reports whether v (a value decoded by encoding/json) conforms.
// depth bounds the recursion of nested schemas.
func (s schema) validate(v any) bool { return s.check(v, 0) }

func (s schema) check(v any, depth int) bool {
	if depth > 64 {
		return false
	}
	if t, ok := s["type"]; ok && !typeMatches(t, v) {
		return false
	}
	if e, ok := s["enum"].([]any); ok && !slices.ContainsFunc(e, func(x any) bool { return jsonEqual(x, v) }) {
		return false
	}
	if !s.checkCombinators(v, depth) {
		return false
	}
	switch x := v.(type) {
	case map[string]any:
		return s.checkObject(x, depth)
	case []any:
		return s.checkArray(x, depth)
	case string:
		return s.checkString(x)
	case float64:
		return s.checkNumber(x)
	}
	return true
}

func (s schema) checkCombinators(v any, depth int) bool {
	sub := func(x any) bool {
		m, ok := x.(map[string]any)
		return !ok || schema(m).check(v, depth+1)
	}
	if all, ok := s["allOf"].([]any); ok && !allOf(all, sub) {
		return false
	}
	if anyS, ok := s["anyOf"].([]any); ok && !slices.ContainsFunc(anyS, sub) {
		return false
	}
	if one, ok := s["oneOf"].([]any); ok {
		n := 0
		for _, x := range one {
			if sub(x) {
				n++
			}
		}
		if n != 1 {
			return false
		}
	}
	if not, ok := s["not"].(map[string]any); ok && schema(not).check(v, depth+1) {
		return false
	}
	return true
}

func allOf(xs []any, f func(any) bool) bool {
	for _, x := range xs {
		if !f(x) {
			return false
		}
	}
	return true
}

func (s schema) checkObject(x map[string]any, depth int) bool {
	if req, ok := s["required"].([]any); ok {
		for _, r := range req {
			if name, ok := r.(string); ok {
				if _, present := x[name]; !present {
					return false
				}
			}
		}
	}
	props, _ := s["properties"].(map[string]any)
	for k, val := range x {
		if p, ok := props[k].(map[string]any); ok {
			if !schema(p).check(val, depth+1) {
				return false
			}
			continue
		}
		switch ap := s["additionalProperties"].(type) {
		case bool:
			if !ap {
				return false
			}
		case map[string]any:
			if !schema(ap).check(val, depth+1) {
				return false
			}
		}
	}
	return true
}

func (s schema) checkArray(x []any, depth int) bool {
	if n, ok := s.num("minItems"); ok && float64(len(x)) < n {
		return false
	}
	if n, ok := s.num("maxItems"); ok && float64(len(x)) > n {
		return false
	}
	if items, ok := s["items"].(map[string]any); ok {
		for _, it := range x {
			if !schema(items).check(it, depth+1) {
				return false
			}
		}
	}
	return true
}

func (s schema) checkString(x string) bool {
	n := float64(utf8.RuneCountInString(x))
	if m, ok := s.num("minLength"); ok && n < m {
		return false
	}
	if m, ok := s.num("maxLength"); ok && n > m {
		return false
	}
	if p, ok := s["pattern"].(string); ok {
		re, err := regexp.Compile(p)
		if err == nil && !re.MatchString(x) {
			return false
		}
	}
	return true
}

func (s schema) checkNumber(x float64) bool {
	if m, ok := s.num("minimum"); ok {
		if ex, _ := s["exclusiveMinimum"].(bool); (ex && x <= m) || x < m {
			return false
		}
	}
	if m, ok := s.num("maximum"); ok {
		if ex, _ := s["exclusiveMaximum"].(bool); (ex && x >= m) || x > m {
			return false
		}
	}
	return true
}

func (s schema) num(key string) (float64, bool) {
	f, ok := s[key].(float64)
	return f, ok
}

// typeMatches checks the type keyword: a name or a list of names.
func typeMatches(t any, v any) bool {
	switch t := t.(type) {
	case string:
		return isType(t, v)
	case []any:
		return slices.ContainsFunc(t, func(x any) bool { name, _ := x.(string); return isType(name, v) })
	}
	return true
}

func isType(name string, v any) bool {
	switch name {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "number":
		_, ok := v.(float64)
		return ok
	case "integer":
		f, ok := v.(float64)
		return ok && f == math.Trunc(f)
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "null":
		return v == nil
	}
	return true
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
