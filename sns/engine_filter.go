package sns

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net"
	"slices"
	"strconv"
	"strings"
)

// Subscription filter policies ("Amazon SNS subscription filter policies"
// and the pages it links). A policy is a JSON object whose keys name message
// attributes (scope MessageAttributes, the default) or message body
// properties (scope MessageBody, where keys nest); each key holds an array of
// rules, any of which may match (OR), and every key must match (AND). "$or"
// holds alternative sub-policies. A rule is a literal (string, number, true,
// false, null: exact match) or an operator object: anything-but, prefix,
// suffix, equals-ignore-case, numeric, exists, cidr.
//
// Constraints, from "Filter policy constraints in Amazon SNS": at most five
// keys; the total combination of values at most 150 (the product of each
// array's length times its nesting depth; $or alternatives add up); 256 KB at
// most; attribute-scope policies do not nest. String matching is
// case-sensitive.
//
// Attribute scope compares policy rules with String, String.Array (each
// element separately) and Number attributes; Binary attributes only count as
// present. Body scope needs the message to be a JSON object; arrays in it
// match when any element does.

const (
	maxFilterKeys         = 5
	maxFilterCombinations = 150
	maxFilterPolicySize   = 256 * 1024
)

// filterPolicy is a compiled policy: a disjunction of branches, each a
// conjunction of keys (dotted paths in body scope) and their rules.
type filterPolicy struct {
	branches []map[string][]rule
}

type ruleKind int

const (
	ruleString ruleKind = iota
	ruleNumber
	ruleBool
	ruleNull
	ruleAnythingBut
	ruleAnythingButPrefix
	rulePrefix
	ruleSuffix
	ruleEqualsIgnoreCase
	ruleNumeric
	ruleExists
	ruleCIDR
	// ruleNumberOutOfRange is a value, never a rule: a number beyond
	// what numeric matching compares (engine_filternumber.go).
	ruleNumberOutOfRange
)

type rule struct {
	kind    ruleKind
	s       string
	n       fixed
	b       bool
	not     []value // anything-but literals
	numeric []numericBound
	network *net.IPNet
}

type numericBound struct {
	op string
	n  fixed
}

func (b numericBound) accepts(n fixed) bool {
	switch b.op {
	case "=":
		return n == b.n
	case "<":
		return n < b.n
	case "<=":
		return n <= b.n
	case ">":
		return n > b.n
	}
	return n >= b.n
}

// value is one value of a message attribute or body property.
type value struct {
	kind ruleKind // ruleString, ruleNumber(OutOfRange), ruleBool or ruleNull
	s    string
	n    fixed
	b    bool
}

// compileFilterPolicy parses and validates a policy, or returns the reason it
// is invalid, worded as AWS words it after "Invalid parameter: ".
func compileFilterPolicy(doc string, bodyScope bool) (*filterPolicy, string) {
	if len(doc) > maxFilterPolicySize {
		return nil, "FilterPolicy: Filter policy is too large"
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(doc)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return nil, "FilterPolicy: failed to parse JSON."
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, "FilterPolicy: Filter policy must be a JSON object"
	}
	if len(obj) > maxFilterKeys {
		return nil, "FilterPolicy: Filter policy can not have more than 5 keys"
	}
	c := compiler{bodyScope: bodyScope}
	branches, combos, reason := c.object(obj, "", 1, []map[string][]rule{{}})
	if reason != "" {
		return nil, "FilterPolicy: " + reason
	}
	if combos > maxFilterCombinations {
		return nil, "FilterPolicy: Filter policy is too complex"
	}
	return &filterPolicy{branches: branches}, ""
}

type compiler struct {
	bodyScope bool
}

// object compiles the keys of obj (under path prefix) into each of the given
// branches and returns the branches and the combinations they count.
func (c compiler) object(obj map[string]any, prefix string, depth int, branches []map[string][]rule) ([]map[string][]rule, int, string) {
	if depth > 1 && !c.bodyScope {
		return nil, 0, "Filter policy scope MessageAttributes does not support nested filter policy"
	}
	combos := 1
	for _, key := range slices.Sorted(maps.Keys(obj)) {
		val := obj[key]
		path := key
		if prefix != "" {
			path = prefix + "." + key
		}
		switch val := val.(type) {
		case map[string]any:
			var n int
			var reason string
			branches, n, reason = c.object(val, path, depth+1, branches)
			if reason != "" {
				return nil, 0, reason
			}
			combos *= n
		case []any:
			if len(val) == 0 {
				return nil, 0, "Empty arrays are not allowed"
			}
			if key == "$or" {
				var alts []map[string][]rule
				sum := 0
				for _, alt := range val {
					altObj, ok := alt.(map[string]any)
					if !ok {
						return nil, 0, "Or statement must be an array of objects"
					}
					b, n, reason := c.object(altObj, prefix, depth, cloneBranches(branches))
					if reason != "" {
						return nil, 0, reason
					}
					alts = append(alts, b...)
					sum += n
					if len(alts) > maxFilterCombinations {
						// Every branch counts at least one combination:
						// stop before nested $or multiply them further.
						return nil, 0, "Filter policy is too complex"
					}
				}
				branches = alts
				combos *= sum
				continue
			}
			rules := make([]rule, len(val))
			for i, r := range val {
				var reason string
				if rules[i], reason = compileRule(r); reason != "" {
					return nil, 0, reason
				}
			}
			for _, b := range branches {
				b[path] = append(b[path], rules...)
			}
			combos *= len(val) * depth
		default:
			return nil, 0, fmt.Sprintf("%q must be an object or an array", key)
		}
	}
	return branches, combos, ""
}

func cloneBranches(bs []map[string][]rule) []map[string][]rule {
	out := make([]map[string][]rule, len(bs))
	for i, b := range bs {
		out[i] = make(map[string][]rule, len(b))
		for k, v := range b {
			out[i][k] = append([]rule(nil), v...)
		}
	}
	return out
}

// literal converts a JSON scalar into a value.
func literal(v any) (value, bool) {
	switch v := v.(type) {
	case string:
		return value{kind: ruleString, s: v}, true
	case json.Number:
		f, err := v.Float64()
		return numberValue(f), err == nil
	case float64:
		return numberValue(v), true
	case bool:
		return value{kind: ruleBool, b: v}, true
	case nil:
		return value{kind: ruleNull}, true
	}
	return value{}, false
}

func compileRule(r any) (rule, string) {
	if lit, ok := literal(r); ok {
		if lit.kind == ruleNumberOutOfRange {
			return rule{}, fixedRangeReason
		}
		return rule{kind: lit.kind, s: lit.s, n: lit.n, b: lit.b}, ""
	}
	op, ok := r.(map[string]any)
	if !ok {
		return rule{}, "Match value must be String, number, true, false, or null"
	}
	if len(op) != 1 {
		return rule{}, "Only one key allowed in match expression"
	}
	for name, arg := range op { // the one key
		switch name {
		case "prefix", "suffix", "equals-ignore-case":
			s, ok := arg.(string)
			if !ok {
				return rule{}, name + " match pattern must be a string"
			}
			kind := map[string]ruleKind{"prefix": rulePrefix, "suffix": ruleSuffix, "equals-ignore-case": ruleEqualsIgnoreCase}[name]
			return rule{kind: kind, s: s}, ""
		case "anything-but":
			return compileAnythingBut(arg)
		case "exists":
			b, ok := arg.(bool)
			if !ok {
				return rule{}, "exists match pattern must be either true or false."
			}
			return rule{kind: ruleExists, b: b}, ""
		case "numeric":
			return compileNumeric(arg)
		case "cidr":
			return compileCIDR(arg)
		default:
			return rule{}, "Unrecognized match type " + name
		}
	}
	return rule{}, ""
}

func compileAnythingBut(arg any) (rule, string) {
	switch arg := arg.(type) {
	case []any:
		r := rule{kind: ruleAnythingBut}
		for _, v := range arg {
			lit, ok := literal(v)
			if lit.kind == ruleNumberOutOfRange {
				return rule{}, fixedRangeReason
			}
			if !ok || (lit.kind != ruleString && lit.kind != ruleNumber) {
				return rule{}, "Inside anything but list, start|null|boolean is not supported."
			}
			r.not = append(r.not, lit)
		}
		return r, ""
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(arg)) { // the same error every time
			if k != "prefix" {
				return rule{}, "Unsupported anything-but pattern: " + k
			}
		}
		v, ok := arg["prefix"]
		if !ok {
			return rule{}, "Unsupported anything-but pattern: "
		}
		s, ok := v.(string)
		if !ok {
			return rule{}, "prefix match pattern must be a string"
		}
		return rule{kind: ruleAnythingButPrefix, s: s}, ""
	default:
		lit, ok := literal(arg)
		if lit.kind == ruleNumberOutOfRange {
			return rule{}, fixedRangeReason
		}
		if !ok || (lit.kind != ruleString && lit.kind != ruleNumber) {
			return rule{}, "Inside anything but list, start|null|boolean is not supported."
		}
		return rule{kind: ruleAnythingBut, not: []value{lit}}, ""
	}
}

// compileNumeric validates ["op", n] or [">"/">=", n, "<"/"<=", m] with n < m.
func compileNumeric(arg any) (rule, string) {
	terms, ok := arg.([]any)
	if !ok || len(terms) == 0 {
		return rule{}, "Invalid member in numeric match: ]"
	}
	r := rule{kind: ruleNumeric}
	for i := 0; i < len(terms); i += 2 {
		op, ok := terms[i].(string)
		switch {
		case !ok && i == 0:
			return rule{}, fmt.Sprintf("Invalid member in numeric match: %v", terms[i])
		case !ok:
			return rule{}, fmt.Sprintf("Bad value in numeric range: %v", terms[i])
		case i == 0 && op != "<" && op != "<=" && op != "=" && op != ">" && op != ">=":
			return rule{}, "Unrecognized numeric range operator: " + op
		case i == 2 && r.numeric[0].op != ">" && r.numeric[0].op != ">=":
			return rule{}, "Too many elements in numeric expression"
		case i == 2 && op != "<" && op != "<=":
			return rule{}, "Bad numeric range operator: " + op
		case i > 2:
			return rule{}, "Too many terms in numeric range expression"
		}
		var lit value
		if i+1 < len(terms) {
			lit, ok = literal(terms[i+1])
		}
		if ok && lit.kind == ruleNumberOutOfRange {
			return rule{}, fixedRangeReason
		}
		if i+1 >= len(terms) || !ok || lit.kind != ruleNumber {
			if op == "=" {
				op = "equals"
			}
			return rule{}, "Value of " + op + " must be numeric"
		}
		if i == 2 && lit.n <= r.numeric[0].n {
			return rule{}, "Bottom must be less than top"
		}
		r.numeric = append(r.numeric, numericBound{op: op, n: lit.n})
	}
	return r, ""
}

func compileCIDR(arg any) (rule, string) {
	s, ok := arg.(string)
	if !ok {
		return rule{}, "prefix match pattern must be a string"
	}
	ip, mask, found := strings.Cut(s, "/")
	if !found || strings.Contains(mask, "/") {
		return rule{}, "Malformed CIDR, one '/' required"
	}
	if _, err := strconv.Atoi(mask); err != nil {
		return rule{}, "Malformed CIDR, mask bits must be an integer"
	}
	_, network, err := net.ParseCIDR(s)
	if err != nil {
		return rule{}, "Nonstandard IP address: " + ip
	}
	return rule{kind: ruleCIDR, network: network}, ""
}

// matches reports whether the rule accepts a key with the given values;
// present says whether the key exists at all.
func (r rule) matches(values []value, present bool) bool {
	if r.kind == ruleExists {
		return r.b == present
	}
	if r.kind == ruleAnythingBut && !present {
		return false
	}
	for _, v := range values {
		if r.matchesValue(v) {
			return true
		}
	}
	return false
}

func (r rule) matchesValue(v value) bool {
	switch r.kind {
	case ruleString:
		return v.kind == ruleString && v.s == r.s
	case ruleNumber:
		return v.kind == ruleNumber && v.n == r.n
	case ruleBool:
		return v.kind == ruleBool && v.b == r.b
	case ruleNull:
		return v.kind == ruleNull
	case ruleAnythingBut:
		for _, n := range r.not {
			if n.kind == v.kind && n.s == v.s && n.n == v.n {
				return false
			}
		}
		return true
	case ruleAnythingButPrefix:
		return v.kind == ruleString && !strings.HasPrefix(v.s, r.s)
	case rulePrefix:
		return v.kind == ruleString && strings.HasPrefix(v.s, r.s)
	case ruleSuffix:
		return v.kind == ruleString && strings.HasSuffix(v.s, r.s)
	case ruleEqualsIgnoreCase:
		return v.kind == ruleString && strings.EqualFold(v.s, r.s)
	case ruleNumeric:
		if v.kind != ruleNumber {
			return false
		}
		for _, b := range r.numeric {
			if !b.accepts(v.n) {
				return false
			}
		}
		return true
	case ruleCIDR:
		ip := net.ParseIP(v.s)
		return v.kind == ruleString && ip != nil && r.network.Contains(ip)
	}
	return false
}

// match reports whether a message with these properties passes: some branch
// whose every key matches. get returns a key's values and whether it is
// present.
func (f *filterPolicy) match(get func(key string) ([]value, bool)) bool {
	for _, branch := range f.branches {
		ok := true
		for key, rules := range branch {
			values, present := get(key)
			if !anyRule(rules, values, present) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func anyRule(rules []rule, values []value, present bool) bool {
	for _, r := range rules {
		if r.matches(values, present) {
			return true
		}
	}
	return false
}

// matchAttributes applies the policy to message attributes.
func (f *filterPolicy) matchAttributes(attrs map[string]MessageAttributeValue) bool {
	return f.match(func(key string) ([]value, bool) {
		a, ok := attrs[key]
		if !ok {
			return nil, false
		}
		return attributeValues(a), true
	})
}

// attributeValues are the values of a message attribute that rules compare:
// the string, the number, or each element of a String.Array.
func attributeValues(a MessageAttributeValue) []value {
	base, _, _ := strings.Cut(a.DataType, ".")
	switch {
	case a.DataType == "String.Array":
		var elems []any
		dec := json.NewDecoder(strings.NewReader(a.StringValue))
		dec.UseNumber()
		if dec.Decode(&elems) != nil {
			return nil
		}
		var out []value
		for _, e := range elems {
			if lit, ok := literal(e); ok {
				out = append(out, lit)
			}
		}
		return out
	case base == "Number":
		n, err := strconv.ParseFloat(a.StringValue, 64)
		if err != nil {
			return nil
		}
		return []value{numberValue(n)}
	case base == "String":
		return []value{{kind: ruleString, s: a.StringValue}}
	}
	return nil
}

// matchBody applies the policy to a message body, which must be a JSON
// object: "Filter policies for the message body assume that the message
// payload is a well-formed JSON object."
func (f *filterPolicy) matchBody(body string) bool {
	dec := json.NewDecoder(strings.NewReader(body))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return false
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return false
	}
	flat := map[string][]value{}
	flatten(obj, "", flat)
	return f.match(func(key string) ([]value, bool) {
		vs, ok := flat[key]
		return vs, ok
	})
}

// flatten collects the leaf values of a JSON document by dotted path;
// array elements all count at their array's path.
func flatten(v any, path string, out map[string][]value) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			p := k
			if path != "" {
				p = path + "." + k
			}
			flatten(e, p, out)
		}
	case []any:
		for _, e := range v {
			flatten(e, path, out)
		}
	default:
		if lit, ok := literal(v); ok && path != "" {
			out[path] = append(out[path], lit)
		}
	}
}
