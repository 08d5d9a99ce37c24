package vtl

import (
	"bytes"
	"math"
	"strconv"
	"strings"
)

// The values a template handles, as the Java objects API Gateway's Velocity
// 1.7 sees: nil (null), string, int64 (Integer and Long), float64 (Double),
// bool, *List (ArrayList), *Map (LinkedHashMap: keys in insertion order)
// and Object (a variable such as $input or $util, answered by Go).

// List is a mutable list, as Java's ArrayList. A list parsed from JSON
// renders as JSON, as API Gateway renders a JSON array that
// $input.path selects (recorded:
// TestApiGatewayCommon::test_input_path_template_formatting, "json-list",
// "dict-with-nested-list"), where a list a template builds renders as
// Java's "[a, b]".
type List struct {
	Items []any
	json  bool
}

// NewList returns a list of items.
func NewList(items ...any) *List { return &List{Items: items} }

// Map is a map that keeps its keys in insertion order, as Java's
// LinkedHashMap (what $util.parseJson returns).
type Map struct {
	keys []string
	vals map[string]any
}

// NewMap returns an empty map.
func NewMap() *Map { return &Map{vals: map[string]any{}} }

// Get returns the value at key and whether it is there.
func (m *Map) Get(key string) (any, bool) {
	v, ok := m.vals[key]
	return v, ok
}

// Put sets key to v, keeping the key's place when it is already there, and
// returns the previous value.
func (m *Map) Put(key string, v any) any {
	old, ok := m.vals[key]
	if !ok {
		m.keys = append(m.keys, key)
	}
	m.vals[key] = v
	return old
}

// Remove deletes key and returns its value.
func (m *Map) Remove(key string) any {
	old, ok := m.vals[key]
	if !ok {
		return nil
	}
	delete(m.vals, key)
	for i, k := range m.keys {
		if k == key {
			m.keys = append(m.keys[:i:i], m.keys[i+1:]...)
			break
		}
	}
	return old
}

// Keys returns the keys in insertion order.
func (m *Map) Keys() []string { return m.keys }

// Len is the number of keys.
func (m *Map) Len() int { return len(m.keys) }

// Object is a variable answered by Go code: $input, $util, $context. A
// property or method it does not have answers ok false, which renders the
// reference as written, as Velocity does.
type Object interface {
	Property(name string) (v any, ok bool)
	Method(name string, args []any) (v any, ok bool)
}

// String renders v as Velocity does: Java's toString.
func String(v any) string {
	var b strings.Builder
	writeValue(&b, v, 0)
	return b.String()
}

// maxText bounds the text of one value, so that lists that hold each
// other many times over cannot render exponentially.
const maxText = 16 << 20

func writeValue(b *strings.Builder, v any, depth int) {
	if b.Len() > maxText {
		return
	}
	if depth > maxDepth {
		b.WriteString("(this Collection)") // what Java prints for a list inside itself
		return
	}
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		b.WriteString(x)
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case float64:
		b.WriteString(javaDouble(x))
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case *List:
		if x.json {
			var j bytes.Buffer
			writeJSON(&j, x, depth)
			b.Write(j.Bytes())
			return
		}
		b.WriteByte('[')
		for i, it := range x.Items {
			if i > 0 {
				b.WriteString(", ")
			}
			writeValue(b, it, depth+1)
		}
		b.WriteByte(']')
	case *Map:
		b.WriteByte('{')
		for i, k := range x.keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(k)
			b.WriteByte('=')
			writeValue(b, x.vals[k], depth+1)
		}
		b.WriteByte('}')
	case interface{ String() string }:
		b.WriteString(x.String())
	default:
		b.WriteString("")
	}
}

// javaDouble formats f as Java's Double.toString: "1.0", "0.001",
// "1.0E7", "1.234E-5", "NaN", "Infinity".
func javaDouble(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	if a := math.Abs(f); a >= 1e-3 && a < 1e7 {
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	}
	s := strconv.FormatFloat(f, 'E', -1, 64) // 1.234E-05
	mant, exp, _ := strings.Cut(s, "E")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	n, _ := strconv.Atoi(exp)
	return mant + "E" + strconv.Itoa(n)
}

// truthy is #if's test in Velocity 1.7: null and false are false, every
// other value (the empty string included) is true.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	}
	return true
}

// number returns v as a number: ok false for anything else.
func number(v any) (i int64, f float64, isFloat, ok bool) {
	switch x := v.(type) {
	case int64:
		return x, float64(x), false, true
	case float64:
		return 0, x, true, true
	}
	return 0, 0, false, false
}

// equal is Velocity's ==: numbers by value, otherwise values of the same
// kind by equality, and values of different kinds by their toString.
func equal(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if ai, af, aFloat, ok := number(a); ok {
		if bi, bf, bFloat, ok := number(b); ok {
			if aFloat || bFloat {
				return af == bf
			}
			return ai == bi
		}
	}
	switch x := a.(type) {
	case string:
		if y, ok := b.(string); ok {
			return x == y
		}
	case bool:
		if y, ok := b.(bool); ok {
			return x == y
		}
	}
	return String(a) == String(b)
}

// compare orders two numbers, or two strings; ok false otherwise (Velocity
// logs an error and the comparison is false).
func compare(a, b any) (int, bool) {
	if ai, af, aFloat, ok := number(a); ok {
		if bi, bf, bFloat, ok := number(b); ok {
			if aFloat || bFloat {
				switch {
				case af < bf:
					return -1, true
				case af > bf:
					return 1, true
				}
				return 0, true
			}
			switch {
			case ai < bi:
				return -1, true
			case ai > bi:
				return 1, true
			}
			return 0, true
		}
	}
	if x, ok := a.(string); ok {
		if y, ok := b.(string); ok {
			return strings.Compare(x, y), true
		}
	}
	return 0, false
}
