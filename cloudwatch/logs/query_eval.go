package logs

import (
	"math"
	"strconv"
	"strings"
	"time"
)

func (f fieldRef) eval(r row) val { return r[f.name] }
func (l literal) eval(row) val    { return l.v }
func (n notExpr) eval(r row) val  { return !truthy(n.x.eval(r)) }
func (n negExpr) eval(r row) val {
	if f, ok := num(n.x.eval(r)); ok {
		return -f
	}
	return nil
}

func (l likeExpr) eval(r row) val {
	v := l.x.eval(r)
	if v == nil {
		return false
	}
	s := str(v)
	var m bool
	if l.re != nil {
		m = l.re.MatchString(s)
	} else {
		m = strings.Contains(s, l.substr)
	}
	return m != l.neg
}

func (in inExpr) eval(r row) val {
	v := in.x.eval(r)
	if v == nil { // a missing field is neither in nor not in a list
		return false
	}
	found := false
	for _, x := range in.list {
		if equal(v, x.eval(r)) {
			found = true
			break
		}
	}
	return found != in.neg
}

func (b binary) eval(r row) val {
	switch b.op {
	case "and":
		return truthy(b.l.eval(r)) && truthy(b.r.eval(r))
	case "or":
		return truthy(b.l.eval(r)) || truthy(b.r.eval(r))
	}
	l, rv := b.l.eval(r), b.r.eval(r)
	switch b.op {
	case "=":
		return l != nil && rv != nil && equal(l, rv)
	case "!=":
		return l != nil && rv != nil && !equal(l, rv)
	case "<", "<=", ">", ">=":
		if l == nil || rv == nil {
			return false
		}
		c := compare(l, rv)
		return b.op == "<" && c < 0 || b.op == "<=" && c <= 0 || b.op == ">" && c > 0 || b.op == ">=" && c >= 0
	}
	x, ok1 := num(l)
	y, ok2 := num(rv)
	if !ok1 || !ok2 {
		return nil
	}
	switch b.op {
	case "+":
		return x + y
	case "-":
		return x - y
	case "*":
		return x * y
	case "/":
		if y == 0 {
			return nil
		}
		return x / y
	case "%":
		if y == 0 {
			return nil
		}
		return math.Mod(x, y)
	}
	return math.Pow(x, y)
}

// truthy is a value as a condition: true, or a non-empty value that is
// not false.
func truthy(v val) bool {
	switch x := v.(type) {
	case bool:
		return x
	case nil:
		return false
	}
	return true
}

// num reads a value as a number.
func num(v val) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case ts:
		return float64(x), true
	case bool:
		return 0, false
	case string:
		x = strings.TrimSpace(x)
		if !mayBeNumber(x) {
			return 0, false
		}
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil && !math.IsNaN(f)
	}
	return 0, false
}

// mayBeNumber is false for a string ParseFloat would refuse for its first
// bytes, saving the error it allocates: most strings compared in a query
// ("INFO", an id) are not numbers.
func mayBeNumber(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	if c := s[0]; c >= '0' && c <= '9' || c == '.' {
		return true
	}
	// Infinity, whose forms ParseFloat reads case-insensitively.
	return len(s) >= 3 && strings.EqualFold(s[:3], "inf")
}

// str shows a value as GetQueryResults does: numbers in the shortest
// form, timestamps as yyyy-MM-dd HH:mm:ss.SSS in UTC.
func str(v val) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case ts:
		return time.UnixMilli(int64(x)).UTC().Format("2006-01-02 15:04:05.000")
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}

// equal compares as numbers when both sides are numbers, else as strings.
func equal(a, b val) bool { return compare(a, b) == 0 }

func compare(a, b val) int {
	if x, ok := num(a); ok {
		if y, ok := num(b); ok {
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		}
	}
	return strings.Compare(str(a), str(b))
}

// arity is the argument count of a function; max -1 is any.
type arity struct{ min, max int }

// scalarFuncs are the functions of expressions, with their arity.
var scalarFuncs = map[string]arity{
	"ispresent": {1, 1}, "isempty": {1, 1}, "isblank": {1, 1}, "coalesce": {1, -1},
	"strlen": {1, 1}, "toupper": {1, 1}, "tolower": {1, 1}, "concat": {1, -1}, "trim": {1, 1},
	"ltrim": {1, 1}, "rtrim": {1, 1}, "substr": {2, 3}, "replace": {3, 3}, "strcontains": {2, 2},
	"abs": {1, 1}, "ceil": {1, 1}, "floor": {1, 1}, "round": {1, 1}, "log": {1, 1}, "sqrt": {1, 1},
	"pow": {2, 2}, "greatest": {1, -1}, "least": {1, -1},
	"bin": {1, 1}, "datefloor": {2, 2}, "dateceil": {2, 2}, "frommillis": {1, 1}, "tomillis": {1, 1},
}

func (c call) eval(r row) val {
	args := make([]val, len(c.args))
	for i, a := range c.args {
		args[i] = a.eval(r)
	}
	switch c.name {
	case "ispresent":
		return args[0] != nil
	case "isempty":
		return args[0] == nil || str(args[0]) == ""
	case "isblank":
		return args[0] == nil || strings.TrimSpace(str(args[0])) == ""
	case "coalesce":
		for _, a := range args {
			if a != nil {
				return a
			}
		}
		return nil
	case "bin":
		return floorTo(r["@timestamp"], args[0])
	case "datefloor":
		return floorTo(args[0], args[1])
	case "dateceil":
		f := floorTo(args[0], args[1])
		if t, ok := f.(ts); ok && float64(t) != mustNum(args[0]) {
			step, _ := num(args[1])
			return ts(float64(t) + step)
		}
		return f
	case "frommillis":
		if f, ok := num(args[0]); ok {
			return ts(f)
		}
		return nil
	case "tomillis":
		if f, ok := num(args[0]); ok {
			return f
		}
		return nil
	}
	if v, ok := stringFunc(c.name, args); ok {
		return v
	}
	return numberFunc(c.name, args)
}

func mustNum(v val) float64 { f, _ := num(v); return f }

// floorTo floors a timestamp to a multiple of a period in ms.
func floorTo(t, period val) val {
	x, ok1 := num(t)
	step, ok2 := num(period)
	if !ok1 || !ok2 || step < 1 {
		return nil
	}
	return ts(math.Floor(x/step) * step)
}

// stringFunc evaluates the string functions; ok false for another name.
func stringFunc(name string, args []val) (val, bool) {
	s := str(args[0])
	switch name {
	case "strlen":
		if args[0] == nil {
			return nil, true
		}
		return float64(len([]rune(s))), true
	case "toupper":
		return strings.ToUpper(s), true
	case "tolower":
		return strings.ToLower(s), true
	case "trim":
		return strings.TrimSpace(s), true
	case "ltrim":
		return strings.TrimLeft(s, " \t\r\n"), true
	case "rtrim":
		return strings.TrimRight(s, " \t\r\n"), true
	case "concat":
		var b strings.Builder
		for _, a := range args {
			b.WriteString(str(a))
		}
		return b.String(), true
	case "strcontains":
		return strings.Contains(s, str(args[1])), true
	case "replace":
		return strings.ReplaceAll(s, str(args[1]), str(args[2])), true
	case "substr":
		return substr([]rune(s), args[1:]), true
	}
	return nil, false
}

// substr is substr(s, start[, length]) on characters.
func substr(rs []rune, args []val) val {
	start, ok := num(args[0])
	if !ok {
		return nil
	}
	i := int(max(0, min(start, float64(len(rs)))))
	j := len(rs)
	if len(args) > 1 {
		n, ok := num(args[1])
		if !ok || n < 0 {
			return nil
		}
		j = int(min(float64(len(rs)), float64(i)+n))
	}
	return string(rs[i:j])
}

// numberFunc evaluates the numeric functions.
func numberFunc(name string, args []val) val {
	xs := make([]float64, 0, len(args))
	for _, a := range args {
		if f, ok := num(a); ok {
			xs = append(xs, f)
		}
	}
	if len(xs) == 0 {
		return nil
	}
	x := xs[0]
	switch name {
	case "abs":
		return math.Abs(x)
	case "ceil":
		return math.Ceil(x)
	case "floor":
		return math.Floor(x)
	case "round":
		return math.Round(x)
	case "log":
		return finite(math.Log(x))
	case "sqrt":
		return finite(math.Sqrt(x))
	case "pow":
		if len(xs) < 2 {
			return nil
		}
		return finite(math.Pow(x, xs[1]))
	case "greatest":
		return slicesMax(xs)
	case "least":
		return -slicesMax(negate(xs))
	}
	return nil
}

func finite(f float64) val {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return f
}

func negate(xs []float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = -x
	}
	return out
}

func slicesMax(xs []float64) float64 {
	m := xs[0]
	for _, x := range xs[1:] {
		m = max(m, x)
	}
	return m
}
