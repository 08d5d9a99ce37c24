package stepfn

import (
	"strings"
	"time"
)

// rule is one Choice rule, or a boolean combination of rules.
type rule struct {
	variable *path
	op       string // the comparator's name: StringEquals, NumericLessThanPath, IsPresent, ...
	value    any    // the literal compared to
	valuePth *path  // the Path form's second operand
	and, or  []*rule
	not      *rule
	next     string // on a top-level rule
	assign   *tmpl
}

// comparators are the Choice comparison operators without their Path
// suffix, by the kind of literal each takes.
var comparators = map[string]string{
	"StringEquals": "string", "StringLessThan": "string", "StringGreaterThan": "string",
	"StringLessThanEquals": "string", "StringGreaterThanEquals": "string", "StringMatches": "string",
	"NumericEquals": "number", "NumericLessThan": "number", "NumericGreaterThan": "number",
	"NumericLessThanEquals": "number", "NumericGreaterThanEquals": "number",
	"BooleanEquals":   "boolean",
	"TimestampEquals": "timestamp", "TimestampLessThan": "timestamp", "TimestampGreaterThan": "timestamp",
	"TimestampLessThanEquals": "timestamp", "TimestampGreaterThanEquals": "timestamp",
	"IsNull": "boolean", "IsPresent": "boolean", "IsNumeric": "boolean", "IsString": "boolean",
	"IsBoolean": "boolean", "IsTimestamp": "boolean",
}

// match evaluates the rule against the state's input.
func (r *rule) match(ev *evaluator) bool {
	switch {
	case r.and != nil:
		for _, x := range r.and {
			if !x.match(ev) {
				return false
			}
		}
		return true
	case r.or != nil:
		for _, x := range r.or {
			if x.match(ev) {
				return true
			}
		}
		return false
	case r.not != nil:
		return !r.not.match(ev)
	}
	v, present := ev.lookup(r.variable)
	want := r.value
	if r.valuePth != nil {
		w, ok := ev.lookup(r.valuePth)
		if !ok {
			return false
		}
		want = w
	}
	if r.op == "IsPresent" {
		return present == want.(bool)
	}
	if !present {
		return false
	}
	return compare(r.op, v, want)
}

func compare(op string, v, want any) bool {
	switch op {
	case "IsNull":
		return (v == nil) == want.(bool)
	case "IsNumeric":
		_, ok := number(v)
		return ok == want.(bool)
	case "IsString":
		_, ok := v.(string)
		return ok == want.(bool)
	case "IsBoolean":
		_, ok := v.(bool)
		return ok == want.(bool)
	case "IsTimestamp":
		s, ok := v.(string)
		_, err := parseTimestamp(s)
		return (ok && err == nil) == want.(bool)
	case "BooleanEquals":
		b, ok := v.(bool)
		w, ok2 := want.(bool)
		return ok && ok2 && b == w
	case "StringMatches":
		s, ok := v.(string)
		p, ok2 := want.(string)
		return ok && ok2 && stringMatches(s, p)
	}
	kind := comparators[op]
	var c int
	switch kind {
	case "string":
		a, ok := v.(string)
		b, ok2 := want.(string)
		if !ok || !ok2 {
			return false
		}
		c = strings.Compare(a, b)
	case "number":
		a, ok := number(v)
		b, ok2 := number(want)
		if !ok || !ok2 {
			return false
		}
		c = cmpFloat(a, b)
	case "timestamp":
		as, _ := v.(string)
		bs, _ := want.(string)
		a, err := parseTimestamp(as)
		b, err2 := parseTimestamp(bs)
		if err != nil || err2 != nil {
			return false
		}
		c = a.Compare(b)
	}
	switch strings.TrimPrefix(op, capitalKind(kind)) {
	case "Equals":
		return c == 0
	case "LessThan":
		return c < 0
	case "GreaterThan":
		return c > 0
	case "LessThanEquals":
		return c <= 0
	case "GreaterThanEquals":
		return c >= 0
	}
	return false
}

// capitalKind is the prefix of the comparators of a kind.
func capitalKind(kind string) string {
	return map[string]string{"string": "String", "number": "Numeric", "timestamp": "Timestamp"}[kind]
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// parseTimestamp reads an RFC 3339 timestamp, as ASL requires (an
// uppercase T and Z, an offset or a Z).
func parseTimestamp(s string) (time.Time, error) {
	return time.Parse(time.RFC3339Nano, s)
}

// stringMatches is StringMatches: * matches any run of characters, \* a
// star and \\ a backslash.
func stringMatches(s, pattern string) bool {
	var toks []string // literal runs, "" between them standing for a *
	var lit strings.Builder
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		if c == '\\' && i+1 < len(pattern) {
			lit.WriteByte(pattern[i+1])
			i++
			continue
		}
		if c == '*' {
			toks = append(toks, lit.String())
			lit.Reset()
			continue
		}
		lit.WriteByte(c)
	}
	toks = append(toks, lit.String())
	if len(toks) == 1 {
		return s == toks[0]
	}
	if !strings.HasPrefix(s, toks[0]) {
		return false
	}
	s = s[len(toks[0]):]
	last := toks[len(toks)-1]
	for _, t := range toks[1 : len(toks)-1] {
		i := strings.Index(s, t)
		if i < 0 {
			return false
		}
		s = s[i+len(t):]
	}
	return strings.HasSuffix(s, last) && len(s) >= len(last)
}
