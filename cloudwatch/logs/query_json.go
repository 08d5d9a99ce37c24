package logs

import (
	"encoding/json"
	"strconv"
)

// The discovered fields of a JSON message, read by a scanner of our own:
// decoding each message into a map[string]any and flattening it was most
// of a query's cost (two maps and a string per leaf, for every event in
// range, whatever the query reads). The scanner accepts what
// encoding/json's Decoder accepts for the first value of a message that
// starts with "{" (FuzzJSONFields checks it against encoding/json), and
// allocates only for the leaves a query reads.

// maxFlattenDepth is the deepest leaf named: a leaf of the message's
// object is at depth 1.
const maxFlattenDepth = 32

// maxNesting is encoding/json's limit on nested objects and arrays.
const maxNesting = 10000

// jsonFields adds the leaves of the JSON object msg to r under dotted
// names (arrays by index), strings unescaped, numbers as written, booleans
// as true or false, null left out: only the names need holds, every name
// for a nil need. A message whose first value is not a valid object adds
// nothing. Of two leaves with one name the later wins.
func jsonFields(r row, msg string, need fieldSet) {
	p := jscan{s: msg}
	if !p.value(0) {
		return
	}
	var buf [64]byte
	p = jscan{s: msg, path: buf[:0], r: r, need: need, emit: true}
	p.value(0)
}

// jscan scans one JSON value; with emit it stores the leaves it passes.
type jscan struct {
	s    string
	i    int
	path []byte
	r    row
	need fieldSet
	emit bool
}

func (p *jscan) ws() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// value scans the value at p.i, a leaf at depth (the message's object
// at 0); false when it is not valid JSON.
func (p *jscan) value(depth int) bool {
	p.ws()
	if p.i >= len(p.s) {
		return false
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return depth < maxNesting && p.object(depth)
	case c == '[':
		return depth < maxNesting && p.array(depth)
	case c == '"':
		start := p.i
		plain, ok := p.str()
		if ok && p.wants(depth) {
			p.leaf(p.text(start, p.i, plain))
		}
		return ok
	case c == 't':
		return p.word("true", depth)
	case c == 'f':
		return p.word("false", depth)
	case c == 'n':
		if p.i+4 > len(p.s) || p.s[p.i:p.i+4] != "null" {
			return false
		}
		p.i += 4
		return true
	case c == '-' || c >= '0' && c <= '9':
		start := p.i
		if !p.number() {
			return false
		}
		if p.wants(depth) {
			p.leaf(p.s[start:p.i])
		}
		return true
	}
	return false
}

func (p *jscan) word(w string, depth int) bool {
	if p.i+len(w) > len(p.s) || p.s[p.i:p.i+len(w)] != w {
		return false
	}
	p.i += len(w)
	if p.wants(depth) {
		p.leaf(w)
	}
	return true
}

// wants reports whether the leaf at the current path is stored.
func (p *jscan) wants(depth int) bool {
	if !p.emit || depth > maxFlattenDepth {
		return false
	}
	_, ok := p.need[string(p.path)]
	return ok || p.need == nil
}

// leaf stores v under the current path, named by the need's own string.
func (p *jscan) leaf(v string) {
	name, ok := p.need[string(p.path)]
	if !ok {
		name = string(p.path)
	}
	p.r[name] = v
}

func (p *jscan) object(depth int) bool {
	p.i++ // {
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return true
	}
	for {
		p.ws()
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return false
		}
		start := p.i
		plain, ok := p.str()
		if !ok {
			return false
		}
		end := p.i
		p.ws()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return false
		}
		p.i++
		keep := len(p.path)
		if p.emit && depth < maxFlattenDepth {
			p.push(p.text(start, end, plain))
		}
		ok = p.value(depth + 1)
		p.path = p.path[:keep]
		if !ok || !p.next('}') {
			return false
		}
		if p.s[p.i-1] == '}' {
			return true
		}
	}
}

func (p *jscan) array(depth int) bool {
	p.i++ // [
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return true
	}
	for n := 0; ; n++ {
		keep := len(p.path)
		if p.emit && depth < maxFlattenDepth {
			p.push(strconv.Itoa(n))
		}
		ok := p.value(depth + 1)
		p.path = p.path[:keep]
		if !ok || !p.next(']') {
			return false
		}
		if p.s[p.i-1] == ']' {
			return true
		}
	}
}

// next consumes the comma or the closing byte after a member.
func (p *jscan) next(closing byte) bool {
	p.ws()
	if p.i < len(p.s) && (p.s[p.i] == ',' || p.s[p.i] == closing) {
		p.i++
		return true
	}
	return false
}

// push appends a name to the path, after a dot unless the path is empty
// (as flatten's dotJoin did, so an empty key at the top names no part).
func (p *jscan) push(name string) {
	if len(p.path) > 0 {
		p.path = append(p.path, '.')
	}
	p.path = append(p.path, name...)
}

// str scans a string literal; plain when it has no escape and only
// printable ASCII, so that its text is the bytes between the quotes.
func (p *jscan) str() (plain, ok bool) {
	plain = true
	for p.i++; p.i < len(p.s); p.i++ {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return plain, true
		case c < 0x20:
			return false, false
		case c == '\\':
			plain = false
			if !p.escape() {
				return false, false
			}
		case c >= 0x7f:
			plain = false
		}
	}
	return false, false
}

// escape checks the escape at p.i, leaving p.i on its last byte.
func (p *jscan) escape() bool {
	p.i++
	if p.i >= len(p.s) {
		return false
	}
	switch p.s[p.i] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return true
	case 'u':
		if p.i+4 >= len(p.s) {
			return false
		}
		for _, h := range []byte(p.s[p.i+1 : p.i+5]) {
			if !isHex(h) {
				return false
			}
		}
		p.i += 4
		return true
	}
	return false
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// text is the value of the string literal s[start:end]: the bytes
// between its quotes when plain, else encoding/json's reading of it
// (escapes, invalid UTF-8 as U+FFFD).
func (p *jscan) text(start, end int, plain bool) string {
	lit := p.s[start:end]
	if plain {
		return lit[1 : len(lit)-1]
	}
	var s string
	_ = json.Unmarshal([]byte(lit), &s) // valid: str checked it
	return s
}

// number scans a number as JSON's grammar has it.
func (p *jscan) number() bool {
	if p.s[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(p.s) && p.s[p.i] == '0':
		p.i++
	case p.i < len(p.s) && p.s[p.i] >= '1' && p.s[p.i] <= '9':
		p.digits()
	default:
		return false
	}
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		if !p.digits() {
			return false
		}
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		if !p.digits() {
			return false
		}
	}
	return true
}

// digits consumes one or more digits; false when there is none.
func (p *jscan) digits() bool {
	start := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}
