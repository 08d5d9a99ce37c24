package stepfn

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/recolabs/gnata"
)

// The JSONata query language is evaluated by github.com/recolabs/gnata
// (pinned at v0.2.2 in go.mod), behind jexpr: an expression is compiled
// once, when its definition is parsed (so once per state machine
// version), and evaluated with the state's bindings ($states, the
// workflow variables and the functions Step Functions adds).

// jexpr is one compiled JSONata expression and the $names it mentions
// (only those are bound when it is evaluated).
type jexpr struct {
	src   string
	e     *gnata.Expression
	names []string
}

// errJSONata21 refuses the operators JSONata 2.1 added: Step Functions
// evaluates JSONata 2.0, whose parser rejects them.
var errJSONata21 = errors.New("the operators ?: and ?? are not supported")

// compileJSONata compiles src.
func compileJSONata(src string) (*jexpr, error) {
	if uses21Operators(src) {
		return nil, errJSONata21
	}
	e, err := gnata.Compile(src)
	if err != nil {
		return nil, err
	}
	return &jexpr{src: src, e: e, names: dollarNames(src)}, nil
}

// dollarNames lists the distinct names written $name in src (a few more
// than the expression reads, inside strings, do no harm).
func dollarNames(src string) []string {
	var out []string
	for i := 0; i < len(src); i++ {
		if src[i] != '$' {
			continue
		}
		j := i + 1
		for j < len(src) && (src[j] == '_' || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z' || src[j] >= '0' && src[j] <= '9') {
			j++
		}
		if n := src[i+1 : j]; n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
		i = j - 1
	}
	return out
}

// uses21Operators reports whether src holds ?: or ?? outside string
// literals, quoted names and comments. "(?:" is a regular expression's
// non-capturing group, never the operator (it needs a left operand).
func uses21Operators(src string) bool {
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"', '\'', '`':
			i = skipQuoted(src, i, c)
		case '/':
			if i+1 < len(src) && src[i+1] == '*' {
				end := strings.Index(src[i+2:], "*/")
				if end < 0 {
					return false
				}
				i += end + 3
			}
		case '?':
			if i+1 < len(src) && (src[i+1] == '?' || src[i+1] == ':') && (i == 0 || src[i-1] != '(') {
				return true
			}
		}
	}
	return false
}

// skipQuoted returns the index of the quote closing the literal that
// opens at i.
func skipQuoted(src string, i int, q byte) int {
	for j := i + 1; j < len(src); j++ {
		if src[j] == '\\' && q != '`' {
			j++
			continue
		}
		if src[j] == q {
			return j
		}
	}
	return len(src)
}

// jsonNull is gnata's JSON null (nil is JSONata's undefined).
var jsonNull, _ = gnata.DecodeJSON(json.RawMessage("null"))

// evalJSONata evaluates x with vars bound: the value in the
// interpreter's form, false when the result is undefined.
func (x *jexpr) eval(vars map[string]any) (any, bool, error) {
	bound := make(map[string]any, len(x.names))
	for _, n := range x.names {
		if v, ok := vars[n]; ok {
			bound[n] = v
		}
	}
	r, err := x.e.EvalWithVars(context.Background(), nil, bound)
	if err != nil {
		return nil, false, jsonataError(err)
	}
	if r == nil {
		return nil, false, nil
	}
	v, err := fromJSONata(r)
	return v, true, err
}

// errUnsupportedResult is a result that is not JSON (a function).
var errUnsupportedResult = errors.New("unsupported result type")

// jsonataError words an evaluation error as jsonata-js does where gnata
// words it otherwise (T1006, as AWS's histories record it).
func jsonataError(err error) error {
	if strings.HasPrefix(err.Error(), "T1006:") {
		return errors.New("T1006: Attempted to invoke a non-function")
	}
	return err
}

// toJSONata turns an interpreter value into gnata's: JSON null becomes
// gnata's null; the rest is shared (gnata does not modify its input).
func toJSONata(v any) any {
	switch t := v.(type) {
	case nil:
		return jsonNull
	case map[string]any:
		if !hasNull(t) {
			return t
		}
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[k] = toJSONata(x)
		}
		return m
	case []any:
		if !hasNull(t) {
			return t
		}
		a := make([]any, len(t))
		for i, x := range t {
			a[i] = toJSONata(x)
		}
		return a
	}
	return v
}

// hasNull reports whether a JSON null lies anywhere under v.
func hasNull(v any) bool {
	switch t := v.(type) {
	case nil:
		return true
	case map[string]any:
		for _, x := range t {
			if hasNull(x) {
				return true
			}
		}
	case []any:
		for _, x := range t {
			if hasNull(x) {
				return true
			}
		}
	}
	return false
}

// fromJSONata copies a gnata value into the interpreter's form: numbers
// become json.Number written as JavaScript writes them.
func fromJSONata(v any) (any, error) {
	if gnata.IsNull(v) {
		return nil, nil
	}
	switch t := gnata.NormalizeValue(v).(type) {
	case nil, string, bool:
		return t, nil
	case json.Number: // as JavaScript reads and writes it: 1.50 is 1.5, -0 is 0
		f, err := t.Float64()
		if err != nil {
			return nil, fmt.Errorf("D1001: Number out of range: %s", t)
		}
		return jsNumber(f)
	case float64:
		return jsNumber(t)
	case int:
		return json.Number(strconv.Itoa(t)), nil
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			y, err := fromJSONata(x)
			if err != nil {
				return nil, err
			}
			m[k] = y
		}
		return m, nil
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			y, err := fromJSONata(x)
			if err != nil {
				return nil, err
			}
			out[i] = y
		}
		return out, nil
	}
	return nil, errUnsupportedResult
}

// jsNumber writes f as JavaScript's Number.toString does; JSONata has no
// infinite numbers (D1001).
func jsNumber(f float64) (any, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, fmt.Errorf("D1001: Number out of range: %v", f)
	}
	if f == 0 {
		return json.Number("0"), nil
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		return json.Number(strconv.FormatFloat(f, 'f', -1, 64)), nil
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if i := strings.Index(s, "e"); i >= 0 {
		exp := strings.TrimLeft(s[i+2:], "0")
		s = s[:i+2] + exp
	}
	return json.Number(s), nil
}
