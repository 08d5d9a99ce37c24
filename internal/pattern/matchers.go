package pattern

import (
	"encoding/json"
	"math"
	"net/netip"
	"strconv"
	"strings"
)

// matcher is one element of a leaf's array.
type matcher interface {
	// match reports whether a present leaf value matches.
	match(v any) bool
	// missing reports whether the matcher matches a field the event lacks
	// (only {"exists": false}).
	missing() bool
}

// exact is a literal: a string, a number (compared as numbers), a boolean
// or null.
type exact struct{ v any }

func (e exact) missing() bool { return false }

func (e exact) match(v any) bool {
	switch want := e.v.(type) {
	case nil:
		return v == nil
	case string:
		s, ok := v.(string)
		return ok && s == want
	case bool:
		b, ok := v.(bool)
		return ok && b == want
	case float64:
		f, ok := number(v)
		return ok && f == want
	}
	return false
}

// number returns v as a float64 when it is a JSON number.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(n), 64)
		return f, err == nil
	case float64:
		return n, true
	case int:
		return float64(n), true
	}
	return 0, false
}

// stringOp matches string values by a predicate.
type stringOp func(s string) bool

func (f stringOp) missing() bool { return false }

func (f stringOp) match(v any) bool {
	s, ok := v.(string)
	return ok && f(s)
}

// exists is {"exists": true|false}.
type exists bool

func (e exists) missing() bool { return !bool(e) }

func (e exists) match(v any) bool {
	if _, isObj := v.(map[string]any); isObj {
		return false
	}
	return bool(e)
}

// anythingBut matches a present value none of whose forms matches.
type anythingBut struct{ not []matcher }

func (a anythingBut) missing() bool { return false }

func (a anythingBut) match(v any) bool {
	for _, m := range a.not {
		if m.match(v) {
			return false
		}
	}
	return true
}

// numeric is one or two comparisons, all of which must hold.
type numeric []comparison

type comparison struct {
	op    string
	bound float64
}

func (n numeric) missing() bool { return false }

func (n numeric) match(v any) bool {
	f, ok := number(v)
	if !ok {
		return false
	}
	for _, c := range n {
		var hold bool
		switch c.op {
		case "<":
			hold = f < c.bound
		case "<=":
			hold = f <= c.bound
		case "=":
			hold = f == c.bound
		case ">":
			hold = f > c.bound
		case ">=":
			hold = f >= c.bound
		}
		if !hold {
			return false
		}
	}
	return true
}

func compileMatcher(e any) (matcher, error) {
	switch t := e.(type) {
	case nil, string, bool:
		return exact{t}, nil
	case json.Number:
		f, err := strconv.ParseFloat(string(t), 64)
		if err != nil {
			return nil, reasonf("Malformed number %s", t)
		}
		return exact{f}, nil
	case map[string]any:
		return compileOperator(t)
	}
	return nil, reason("Match value must be String, number, true, false, or null")
}

func compileOperator(obj map[string]any) (matcher, error) {
	if len(obj) != 1 {
		return nil, reason("Only one key allowed in match expression")
	}
	for op, arg := range obj {
		switch op {
		case "prefix":
			return compileAffix(arg, "prefix", strings.HasPrefix)
		case "suffix":
			return compileAffix(arg, "suffix", strings.HasSuffix)
		case "equals-ignore-case":
			s, ok := arg.(string)
			if !ok {
				return nil, reason("equals-ignore-case match pattern must be a string")
			}
			return stringOp(func(v string) bool { return strings.EqualFold(v, s) }), nil
		case "wildcard":
			return compileWildcard(arg)
		case "anything-but":
			return compileAnythingBut(arg)
		case "numeric":
			return compileNumeric(arg)
		case "exists":
			b, ok := arg.(bool)
			if !ok {
				return nil, reason("exists match pattern must be either true or false.")
			}
			return exists(b), nil
		case "cidr":
			return compileCIDR(arg)
		default:
			return nil, reasonf("Unrecognized match type %s", op)
		}
	}
	return nil, nil // unreachable: obj has one key
}

// compileAffix is prefix or suffix: a string, or {"equals-ignore-case": s}.
func compileAffix(arg any, op string, has func(s, affix string) bool) (matcher, error) {
	if obj, ok := arg.(map[string]any); ok && len(obj) == 1 {
		if s, ok := obj["equals-ignore-case"].(string); ok {
			ls := lower(s)
			return stringOp(func(v string) bool { return has(lower(v), ls) }), nil
		}
	}
	s, ok := arg.(string)
	if !ok {
		return nil, reasonf("%s match pattern must be a string", op)
	}
	return stringOp(func(v string) bool { return has(v, s) }), nil
}

func compileAnythingBut(arg any) (matcher, error) {
	switch t := arg.(type) {
	case string, json.Number:
		m, err := compileMatcher(t)
		return anythingBut{[]matcher{m}}, err
	case []any:
		if len(t) == 0 {
			return nil, reason("Empty arrays are not allowed")
		}
		out := make([]matcher, 0, len(t))
		for _, e := range t {
			switch e.(type) {
			case string, json.Number:
			default:
				return nil, reason("Inside anything but list, start|null|boolean is not supported.")
			}
			m, err := compileMatcher(e)
			if err != nil {
				return nil, err
			}
			out = append(out, m)
		}
		return anythingBut{out}, nil
	case map[string]any:
		return compileAnythingButOperator(t)
	}
	return nil, reason("Value of anything-but must be an array or single string/number value.")
}

// compileAnythingButOperator is anything-but over prefix, suffix, wildcard
// or equals-ignore-case, each with a string or a list of strings.
func compileAnythingButOperator(obj map[string]any) (matcher, error) {
	if len(obj) != 1 {
		return nil, reason("Value of anything-but must be an array or single string/number value.")
	}
	for op, arg := range obj {
		strs, err := stringList(op, arg)
		if err != nil {
			return nil, err
		}
		var out []matcher
		for _, s := range strs {
			var m matcher
			switch op {
			case "prefix", "suffix":
				if s == "" {
					return nil, reason("Null prefix/suffix not allowed")
				}
				m = stringOp(func(v string) bool {
					return (op == "prefix" && strings.HasPrefix(v, s)) || (op == "suffix" && strings.HasSuffix(v, s))
				})
			case "wildcard":
				m, err = compileWildcard(s)
				if err != nil {
					return nil, err
				}
			case "equals-ignore-case":
				m = stringOp(func(v string) bool { return strings.EqualFold(v, s) })
			default:
				return nil, reasonf("Unsupported anything-but pattern: %s", op)
			}
			out = append(out, m)
		}
		return anythingBut{out}, nil
	}
	return nil, nil // unreachable: obj has one key
}

// stringList reads an anything-but operator's argument: a string or a
// non-empty list of strings, with the reason AWS gives for each operator.
func stringList(op string, arg any) ([]string, error) {
	bad := map[string]string{
		"prefix": "prefix/suffix match pattern must be a string", "suffix": "prefix/suffix match pattern must be a string",
		"wildcard":           "wildcard match pattern must be a string",
		"equals-ignore-case": "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.",
	}[op]
	if bad == "" {
		return nil, reason("Value of anything-but must be an array or single string/number value.")
	}
	switch t := arg.(type) {
	case string:
		return []string{t}, nil
	case []any:
		if len(t) == 0 {
			return nil, reason("Empty arrays are not allowed")
		}
		out := make([]string, 0, len(t))
		for _, e := range t {
			s, ok := e.(string)
			if !ok {
				return nil, reason(bad)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, reason(bad)
}

func compileNumeric(arg any) (matcher, error) {
	list, ok := arg.([]any)
	if !ok {
		return nil, reason("Value of numeric must be an array.")
	}
	if len(list) != 2 && len(list) != 4 {
		return nil, reason("Value of numeric must be an array of one or two comparisons.")
	}
	var out numeric
	for i := 0; i < len(list); i += 2 {
		op, ok := list[i].(string)
		if !ok || !validOp(op) {
			return nil, reasonf("Unrecognized numeric range operator: %v", list[i])
		}
		f, ok := number(list[i+1])
		if !ok {
			return nil, reasonf("Value of %s must be numeric", op)
		}
		if math.Abs(f) > 5e9 {
			return nil, reason("Value is out of range: must be between -5.0E9 and 5.0E9 inclusive")
		}
		out = append(out, comparison{op, f})
	}
	if len(out) == 2 && !rangeOps(out[0].op, out[1].op) {
		return nil, reasonf("Bad numeric range operator: %s", out[1].op)
	}
	return out, nil
}

func validOp(op string) bool {
	switch op {
	case "<", "<=", "=", ">", ">=":
		return true
	}
	return false
}

// rangeOps reports whether two comparisons form a range: a lower bound
// then an upper one.
func rangeOps(lo, hi string) bool {
	return (lo == ">" || lo == ">=") && (hi == "<" || hi == "<=")
}

func compileCIDR(arg any) (matcher, error) {
	s, ok := arg.(string)
	if !ok {
		return nil, reason("prefix match pattern must be a string")
	}
	addr, bits, ok := strings.Cut(s, "/")
	if !ok || strings.Contains(bits, "/") {
		return nil, reason("Malformed CIDR, one '/' required")
	}
	n, err := strconv.Atoi(bits)
	if err != nil {
		return nil, reason("Malformed CIDR, mask bits must be an integer")
	}
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return nil, reasonf("Nonstandard IP address: %s", addr)
	}
	prefix, err := ip.Prefix(n)
	if err != nil {
		return nil, reason("Malformed CIDR, mask bits must be an integer")
	}
	return stringOp(func(v string) bool {
		a, err := netip.ParseAddr(v)
		return err == nil && prefix.Contains(a)
	}), nil
}
