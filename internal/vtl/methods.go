package vtl

import (
	"regexp"
	"strings"
	"unicode/utf16"
)

// The Java methods a template calls on strings, lists, maps and numbers,
// answered as Java would. String indexes count UTF-16 code units, as
// Java's do. A method that is not here, or is called with arguments of
// the wrong kinds, is null: the reference renders as written.

func stringMethod(s, name string, args []any) any {
	switch len(args) {
	case 0:
		return stringMethod0(s, name)
	case 1:
		if a, ok := args[0].(string); ok {
			if v, ok := stringMethodStr(s, name, a); ok {
				return v
			}
		}
		if i, ok := args[0].(int64); ok {
			return stringMethodInt(s, name, i)
		}
	case 2:
		return stringMethod2(s, name, args[0], args[1])
	}
	return nil
}

func stringMethod0(s, name string) any {
	switch name {
	case "length", "size":
		return int64(len(utf16.Encode([]rune(s))))
	case "toLowerCase":
		return strings.ToLower(s)
	case "toUpperCase":
		return strings.ToUpper(s)
	case "trim":
		return strings.Trim(s, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	case "isEmpty":
		return s == ""
	case "toString", "intern":
		return s
	case "hashCode":
		var h int32
		for _, u := range utf16.Encode([]rune(s)) {
			h = 31*h + int32(u)
		}
		return int64(h)
	}
	return nil
}

func stringMethodStr(s, name, a string) (any, bool) {
	switch name {
	case "contains":
		return strings.Contains(s, a), true
	case "startsWith":
		return strings.HasPrefix(s, a), true
	case "endsWith":
		return strings.HasSuffix(s, a), true
	case "equals":
		return s == a, true
	case "equalsIgnoreCase":
		return strings.EqualFold(s, a), true
	case "indexOf":
		return utf16Index(s, strings.Index(s, a)), true
	case "lastIndexOf":
		return utf16Index(s, strings.LastIndex(s, a)), true
	case "concat":
		return s + a, true
	case "matches":
		re, err := compileJava("^(?:" + a + ")$")
		if err != nil {
			return nil, true
		}
		return re.MatchString(s), true
	case "split":
		return split(s, a), true
	case "compareTo":
		return int64(strings.Compare(s, a)), true
	}
	return nil, false
}

func stringMethodInt(s, name string, i int64) any {
	u := utf16.Encode([]rune(s))
	switch name {
	case "substring":
		if i < 0 || i > int64(len(u)) {
			return nil
		}
		return string(utf16.Decode(u[i:]))
	case "charAt":
		if i < 0 || i >= int64(len(u)) {
			return nil
		}
		return string(utf16.Decode(u[i : i+1]))
	}
	return nil
}

func stringMethod2(s, name string, a, b any) any {
	switch name {
	case "substring":
		i, ok1 := a.(int64)
		j, ok2 := b.(int64)
		u := utf16.Encode([]rune(s))
		if !ok1 || !ok2 || i < 0 || j > int64(len(u)) || i > j {
			return nil
		}
		return string(utf16.Decode(u[i:j]))
	case "replace", "replaceAll", "replaceFirst":
		old, ok1 := a.(string)
		repl, ok2 := b.(string)
		if !ok1 || !ok2 {
			return nil
		}
		if name == "replace" {
			return strings.ReplaceAll(s, old, repl)
		}
		re, err := compileJava(old)
		if err != nil {
			return nil
		}
		r := javaReplacement(repl)
		if name == "replaceAll" {
			return re.ReplaceAllString(s, r)
		}
		if loc := re.FindStringSubmatchIndex(s); loc != nil {
			return s[:loc[0]] + string(re.ExpandString(nil, r, s, loc)) + s[loc[1]:]
		}
		return s
	case "indexOf":
		sub, ok1 := a.(string)
		from, ok2 := b.(int64)
		if !ok1 || !ok2 {
			return nil
		}
		u := utf16.Encode([]rune(s))
		from = max(from, 0)
		if from > int64(len(u)) {
			return int64(-1)
		}
		rest := string(utf16.Decode(u[from:]))
		i := strings.Index(rest, sub)
		if i < 0 {
			return int64(-1)
		}
		return from + utf16Index(rest, i)
	}
	return nil
}

// utf16Index converts a byte offset in s to Java's UTF-16 index; -1 stays.
func utf16Index(s string, i int) int64 {
	if i < 0 {
		return -1
	}
	return int64(len(utf16.Encode([]rune(s[:i]))))
}

// split is Java's String.split(regex): the string itself when nothing
// matches, otherwise the parts with trailing empty strings removed.
func split(s, pattern string) any {
	re, err := compileJava(pattern)
	if err != nil {
		return nil
	}
	parts := []string{s}
	if re.MatchString(s) {
		parts = re.Split(s, -1)
		for len(parts) > 0 && parts[len(parts)-1] == "" {
			parts = parts[:len(parts)-1]
		}
	}
	out := make([]any, len(parts))
	for i, p := range parts {
		out[i] = p
	}
	return &List{Items: out}
}

// compileJava compiles a Java regular expression with Go's RE2, which
// shares Java's common syntax; what RE2 lacks (backreferences,
// lookaround) fails to compile, and the method is null.
func compileJava(pattern string) (*regexp.Regexp, error) {
	if len(pattern) > 10_000 {
		return nil, ErrLimit
	}
	return regexp.Compile(pattern)
}

// javaReplacement turns Java's $1 and \$ into Go's ${1} and $$.
func javaReplacement(r string) string {
	var b strings.Builder
	for i := 0; i < len(r); i++ {
		switch c := r[i]; {
		case c == '\\' && i+1 < len(r):
			i++
			if r[i] == '$' {
				b.WriteString("$$")
			} else {
				b.WriteByte(r[i])
			}
		case c == '$':
			j := i + 1
			for j < len(r) && isDigit(r[j]) {
				j++
			}
			b.WriteString("${" + r[i+1:j] + "}")
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func listMethod(l *List, name string, args []any) any {
	switch {
	case name == "size" && len(args) == 0:
		return int64(len(l.Items))
	case name == "isEmpty" && len(args) == 0:
		return len(l.Items) == 0
	case name == "get" && len(args) == 1:
		return index(l, args[0])
	case name == "contains" && len(args) == 1:
		for _, it := range l.Items {
			if equal(it, args[0]) {
				return true
			}
		}
		return false
	case name == "indexOf" && len(args) == 1:
		for i, it := range l.Items {
			if equal(it, args[0]) {
				return int64(i)
			}
		}
		return int64(-1)
	case name == "add" && len(args) == 1:
		if len(l.Items) >= 1_000_000 {
			return nil
		}
		l.Items = append(l.Items, args[0])
		return true
	case name == "set" && len(args) == 2:
		i, ok := args[0].(int64)
		if !ok || i < 0 || i >= int64(len(l.Items)) {
			return nil
		}
		old := l.Items[i]
		l.Items[i] = args[1]
		return old
	case name == "remove" && len(args) == 1:
		i, ok := args[0].(int64)
		if !ok || i < 0 || i >= int64(len(l.Items)) {
			return nil
		}
		old := l.Items[i]
		l.Items = append(l.Items[:i:i], l.Items[i+1:]...)
		return old
	case name == "toString" && len(args) == 0:
		return String(l)
	}
	return nil
}

func mapMethod(m *Map, name string, args []any) any {
	switch {
	case name == "get" && len(args) == 1:
		return index(m, args[0])
	case name == "put" && len(args) == 2:
		if m.Len() >= 1_000_000 {
			return nil
		}
		return m.Put(String(args[0]), args[1])
	case name == "containsKey" && len(args) == 1:
		_, ok := m.Get(String(args[0]))
		return ok
	case name == "remove" && len(args) == 1:
		return m.Remove(String(args[0]))
	case name == "size" && len(args) == 0:
		return int64(m.Len())
	case name == "isEmpty" && len(args) == 0:
		return m.Len() == 0
	case name == "keySet" && len(args) == 0:
		keys := make([]any, len(m.keys))
		for i, k := range m.keys {
			keys[i] = k
		}
		return &List{Items: keys}
	case name == "values" && len(args) == 0:
		return &List{Items: iterate(m)}
	case name == "toString" && len(args) == 0:
		return String(m)
	}
	return nil
}

func scalarMethod(v any, name string, args []any) any {
	switch {
	case name == "toString" && len(args) == 0:
		return String(v)
	case name == "equals" && len(args) == 1:
		return equal(v, args[0])
	case name == "intValue" && len(args) == 0:
		if _, f, isFloat, ok := number(v); ok && isFloat {
			return int64(f)
		}
		if i, ok := v.(int64); ok {
			return i
		}
	case name == "doubleValue" && len(args) == 0:
		if _, f, _, ok := number(v); ok {
			return f
		}
	}
	return nil
}
