package xray

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// rawReader walks a JSON text that json.Valid accepted, once, keeping
// each value as its raw text: the segment document parser reads the
// members it needs from it without building a map of every value, and
// skips the rest (metadata, aws, sql, ...) by scanning their bytes. As
// the text is valid, the reader does no error checking of its own.
type rawReader struct {
	s string
	i int
}

// ws moves past whitespace.
func (r *rawReader) ws() {
	for r.i < len(r.s) {
		switch r.s[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// peek is the first byte of the value at the cursor.
func (r *rawReader) peek() byte {
	r.ws()
	return r.s[r.i]
}

// skip moves past the value at the cursor and returns its text.
func (r *rawReader) skip() string {
	r.ws()
	start := r.i
	switch r.s[r.i] {
	case '"':
		r.str()
	case '{', '[':
		for depth := 0; ; {
			switch r.s[r.i] {
			case '"':
				r.str()
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			r.i++
			if depth == 0 {
				break
			}
		}
	default:
		for r.i < len(r.s) && !strings.ContainsRune(",}] \t\n\r", rune(r.s[r.i])) {
			r.i++
		}
	}
	return r.s[start:r.i]
}

// str moves past the string at the cursor.
func (r *rawReader) str() {
	r.i++
	for r.s[r.i] != '"' {
		if r.s[r.i] == '\\' {
			r.i++
		}
		r.i++
	}
	r.i++
}

// object reads the object at the cursor: member calls fn with its key,
// the cursor on its value, which fn consumes (skip, or a reader of its
// own).
func (r *rawReader) object(fn func(key string)) {
	r.peek()
	r.i++ // {
	if r.peek() == '}' {
		r.i++
		return
	}
	for {
		r.ws()
		start := r.i
		r.str()
		key, _ := rawString(r.s[start:r.i])
		r.ws()
		r.i++ // :
		fn(key)
		if r.peek() == ',' {
			r.i++
			continue
		}
		r.i++ // }
		return
	}
}

// array reads the array at the cursor, calling fn on each element with
// the cursor on it, which fn consumes.
func (r *rawReader) array(fn func()) {
	r.peek()
	r.i++ // [
	if r.peek() == ']' {
		r.i++
		return
	}
	for {
		fn()
		if r.peek() == ',' {
			r.i++
			continue
		}
		r.i++ // ]
		return
	}
}

// rawFields calls fn with each member of raw, an object's text, in the
// order written; nothing when raw is not an object.
func rawFields(raw string, fn func(key, val string)) {
	if !isObject(raw) {
		return
	}
	r := &rawReader{s: raw}
	r.object(func(k string) { fn(k, r.skip()) })
}

// rawElements calls fn with each element of raw, an array's text;
// nothing when raw is not an array.
func rawElements(raw string, fn func(val string)) {
	if !isArray(raw) {
		return
	}
	r := &rawReader{s: raw}
	r.array(func() { fn(r.skip()) })
}

func isNumber(raw string) bool {
	return raw != "" && (raw[0] == '-' || '0' <= raw[0] && raw[0] <= '9')
}
func isObject(raw string) bool { return raw != "" && raw[0] == '{' }
func isArray(raw string) bool  { return raw != "" && raw[0] == '[' }

// rawString is the string raw holds, as encoding/json decodes it (escapes
// read, bad UTF-8 replaced); ok is false for another kind of value.
func rawString(raw string) (string, bool) {
	if raw == "" || raw[0] != '"' {
		return "", false
	}
	inner := raw[1 : len(raw)-1]
	if strings.IndexByte(inner, '\\') < 0 && utf8.ValidString(inner) {
		return inner, true
	}
	var s string
	_ = json.Unmarshal([]byte(raw), &s)
	return s, true
}

// rawNumber is the number raw holds, as json.Number's Float64 reads it;
// ok is false for another kind of value or one out of float64's range.
func rawNumber(raw string) (float64, bool) {
	if !isNumber(raw) {
		return 0, false
	}
	f, err := strconv.ParseFloat(raw, 64)
	return f, err == nil
}

// rawBool is the boolean raw holds; ok is false for another kind of value.
func rawBool(raw string) (v, ok bool) {
	switch raw {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}
