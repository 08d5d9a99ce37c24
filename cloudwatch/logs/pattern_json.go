package logs

import (
	"maps"
	"slices"

	"encoding/json"
	"regexp"
	"strconv"
	"strings"
)

// jsonNode is a node of a JSON pattern: an && / || of nodes or one
// comparison.
type jsonNode interface {
	eval(doc any) bool
	collect(doc any, out map[string]string)
}

type jsonBool struct {
	and  bool
	l, r jsonNode
}

func (n jsonBool) eval(doc any) bool {
	if n.and {
		return n.l.eval(doc) && n.r.eval(doc)
	}
	return n.l.eval(doc) || n.r.eval(doc)
}

func (n jsonBool) collect(doc any, out map[string]string) {
	n.l.collect(doc, out)
	n.r.collect(doc, out)
}

// jsonCmp compares the value a selector picks: op is one of = != < > <=
// >=, or IS (TRUE, FALSE, NULL) and NOT EXISTS.
type jsonCmp struct {
	sel    selector
	op     string
	str    string  // the value compared to with = and !=, * wildcards allowed
	num    float64 // the value when it is a number
	isNum  bool
	re     *regexp.Regexp
	is     string // TRUE, FALSE, NULL for op IS
	quoted bool
}

func (c jsonCmp) eval(doc any) bool {
	vals := c.sel.values(doc, nil)
	if c.op == "NOT EXISTS" {
		return len(vals) == 0
	}
	for _, v := range vals {
		if c.test(v) {
			return true
		}
	}
	return false
}

// test compares one value the selector picked.
func (c jsonCmp) test(v any) bool {
	if c.op == "IS" {
		switch c.is {
		case "NULL":
			return v == nil
		case "TRUE":
			return v == true
		}
		return v == false
	}
	if c.re != nil {
		s, ok := scalarString(v)
		return ok && c.re.MatchString(s) == (c.op == "=")
	}
	if c.isNum && !c.quoted {
		f, ok := numberOf(v)
		return ok && compareNum(c.op, f, c.num)
	}
	s, ok := scalarString(v)
	if !ok {
		return false
	}
	if c.op == "=" {
		return glob(c.str, s)
	}
	return c.op == "!=" && !glob(c.str, s)
}

func (c jsonCmp) collect(doc any, out map[string]string) {
	if v, found := c.sel.get(doc); found {
		if s, ok := scalarString(v); ok {
			out[c.sel.src] = s
		}
	}
}

// compareNum applies a numeric operator.
func compareNum(op string, a, b float64) bool {
	switch op {
	case "=":
		return a == b
	case "!=":
		return a != b
	case "<":
		return a < b
	case "<=":
		return a <= b
	case ">":
		return a > b
	case ">=":
		return a >= b
	}
	return false
}

// numberOf reads a JSON number (or a numeric string) as a float.
func numberOf(v any) (float64, bool) {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case string:
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil
	}
	return 0, false
}

// scalarString is a JSON scalar as a pattern compares it.
func scalarString(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case bool:
		return strconv.FormatBool(x), true
	}
	return "", false
}

// decodeJSONEvent decodes an event that is a JSON object; other events
// never match a JSON pattern.
func decodeJSONEvent(msg string) (any, bool) {
	t := strings.TrimSpace(msg)
	if t == "" || t[0] != '{' {
		return nil, false
	}
	d := json.NewDecoder(strings.NewReader(t))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, false
	}
	return v, true
}

// selector is a $.a.b[0] path.
type selector struct {
	src  string
	path []step
}

// step is one member name or array index; any is the * wildcard.
type step struct {
	key   string
	index int
	isIdx bool
	any   bool
}

// parseSelector reads a selector: $, then .name, .*, [n] or [*] steps.
func parseSelector(src string) (selector, error) {
	if !strings.HasPrefix(src, "$") {
		return selector{}, errorf("a selector must start with $")
	}
	sel := selector{src: src}
	s := src[1:]
	for s != "" {
		switch s[0] {
		case '.':
			n := 1
			for n < len(s) && s[n] != '.' && s[n] != '[' {
				n++
			}
			name := s[1:n]
			if name == "" {
				return selector{}, errorf("an empty member name in " + src)
			}
			sel.path = append(sel.path, step{key: name, any: name == "*"})
			s = s[n:]
		case '[':
			end := strings.IndexByte(s, ']')
			if end < 0 {
				return selector{}, errorf("an unclosed [ in " + src)
			}
			in := s[1:end]
			if in == "*" {
				sel.path = append(sel.path, step{any: true})
			} else {
				i, err := strconv.Atoi(in)
				if err != nil || i < 0 {
					return selector{}, errorf("a bad index in " + src)
				}
				sel.path = append(sel.path, step{index: i, isIdx: true})
			}
			s = s[end+1:]
		default:
			return selector{}, errorf("an unexpected character in " + src)
		}
	}
	return sel, nil
}

// get returns the first value the selector picks.
func (sel selector) get(doc any) (any, bool) {
	vals := sel.values(doc, nil)
	if len(vals) == 0 {
		return nil, false
	}
	return vals[0], true
}

// values appends every value the selector picks (a * step picks each
// element or member) to out, at most 1,000.
func (sel selector) values(doc any, out []any) []any { return walk(doc, sel.path, out) }

func walk(v any, path []step, out []any) []any {
	if len(path) == 0 {
		return append(out, v)
	}
	if len(out) >= 1000 {
		return out
	}
	st := path[0]
	switch x := v.(type) {
	case map[string]any:
		if st.any {
			for _, k := range sortedKeys(x) {
				out = walk(x[k], path[1:], out)
			}
			return out
		}
		if m, ok := x[st.key]; ok && !st.isIdx {
			return walk(m, path[1:], out)
		}
	case []any:
		if st.any {
			for _, e := range x {
				out = walk(e, path[1:], out)
			}
			return out
		}
		if st.isIdx && st.index < len(x) {
			return walk(x[st.index], path[1:], out)
		}
	}
	return out
}

// sortedKeys orders a map's keys, so that a * step is deterministic.
func sortedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }

// parseJSONPattern parses { expression }.
func parseJSONPattern(src string) (jsonNode, int, error) {
	if !strings.HasSuffix(src, "}") {
		return nil, 0, errorf("a JSON pattern must end with }")
	}
	p := &jsonParser{toks: nil}
	toks, err := lexJSONPattern(src[1 : len(src)-1])
	if err != nil {
		return nil, 0, err
	}
	p.toks = toks
	n, err := p.or()
	if err != nil {
		return nil, 0, err
	}
	if p.i != len(p.toks) {
		return nil, 0, errorf("unexpected " + p.toks[p.i].text)
	}
	return n, p.regexN, nil
}

// jsonTok is a token of a JSON pattern.
type jsonTok struct {
	text   string
	kind   byte // 's' selector, 'o' operator, 'v' value, 'q' quoted value, 'r' regex, '(' ')' '&' '|', 'w' word
	quoted bool
}

// lexJSONPattern splits a JSON pattern's body into tokens.
func lexJSONPattern(s string) ([]jsonTok, error) {
	var toks []jsonTok
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(' || c == ')':
			toks = append(toks, jsonTok{text: s[i : i+1], kind: c})
			i++
		case strings.HasPrefix(s[i:], "&&") || strings.HasPrefix(s[i:], "||"):
			toks = append(toks, jsonTok{text: s[i : i+2], kind: c})
			i += 2
		case strings.ContainsRune("=!<>", rune(c)):
			n := 1
			if i+1 < len(s) && s[i+1] == '=' {
				n = 2
			}
			op := s[i : i+n]
			if op == "!" {
				return nil, errorf("! must be followed by =")
			}
			toks = append(toks, jsonTok{text: op, kind: 'o'})
			i += n
		case c == '"':
			end := closingQuote(s[i:])
			if end < 0 {
				return nil, errorf("unterminated string")
			}
			toks = append(toks, jsonTok{text: unquote(s[i+1 : i+end]), kind: 'v', quoted: true})
			i += end + 1
		case c == '%':
			end := strings.IndexByte(s[i+1:], '%')
			if end < 0 {
				return nil, errorf("unterminated regular expression")
			}
			toks = append(toks, jsonTok{text: s[i+1 : i+1+end], kind: 'r'})
			i += end + 2
		default:
			n := i
			for n < len(s) && !strings.ContainsRune(" \t\r\n()=!<>&|\"", rune(s[n])) {
				n++
			}
			kind := byte('w')
			if c == '$' {
				kind = 's'
			}
			toks = append(toks, jsonTok{text: s[i:n], kind: kind})
			i = n
		}
	}
	return toks, nil
}

// jsonParser is a recursive-descent parser over the tokens.
type jsonParser struct {
	toks   []jsonTok
	i      int
	regexN int
	depth  int
}

func (p *jsonParser) peek() (jsonTok, bool) {
	if p.i < len(p.toks) {
		return p.toks[p.i], true
	}
	return jsonTok{}, false
}

func (p *jsonParser) or() (jsonNode, error) {
	l, err := p.and()
	for err == nil {
		t, ok := p.peek()
		if !ok || t.kind != '|' {
			return l, nil
		}
		p.i++
		var r jsonNode
		if r, err = p.and(); err == nil {
			l = jsonBool{and: false, l: l, r: r}
		}
	}
	return nil, err
}

func (p *jsonParser) and() (jsonNode, error) {
	l, err := p.unary()
	for err == nil {
		t, ok := p.peek()
		if !ok || t.kind != '&' {
			return l, nil
		}
		p.i++
		var r jsonNode
		if r, err = p.unary(); err == nil {
			l = jsonBool{and: true, l: l, r: r}
		}
	}
	return nil, err
}

func (p *jsonParser) unary() (jsonNode, error) {
	t, ok := p.peek()
	if !ok {
		return nil, errorf("an expression is missing")
	}
	if t.kind != '(' {
		return p.comparison()
	}
	if p.depth++; p.depth > 50 {
		return nil, errorf("too deeply nested")
	}
	p.i++
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if t, ok := p.peek(); !ok || t.kind != ')' {
		return nil, errorf("a ( is not closed")
	}
	p.i++
	p.depth--
	return n, nil
}

// comparison reads selector op value, selector IS X, selector NOT EXISTS.
func (p *jsonParser) comparison() (jsonNode, error) {
	t, _ := p.peek()
	if t.kind != 's' {
		return nil, errorf("a selector is expected at " + t.text)
	}
	sel, err := parseSelector(t.text)
	if err != nil {
		return nil, err
	}
	p.i++
	op, ok := p.peek()
	if !ok {
		return nil, errorf("an operator is missing after " + t.text)
	}
	p.i++
	switch {
	case op.kind == 'w' && op.text == "IS":
		v, ok := p.peek()
		if !ok || v.kind != 'w' || (v.text != "TRUE" && v.text != "FALSE" && v.text != "NULL") {
			return nil, errorf("IS must be followed by TRUE, FALSE or NULL")
		}
		p.i++
		return jsonCmp{sel: sel, op: "IS", is: v.text}, nil
	case op.kind == 'w' && op.text == "NOT":
		v, ok := p.peek()
		if !ok || v.text != "EXISTS" {
			return nil, errorf("NOT must be followed by EXISTS")
		}
		p.i++
		return jsonCmp{sel: sel, op: "NOT EXISTS"}, nil
	case op.kind != 'o':
		return nil, errorf("an operator is expected after " + t.text)
	}
	return p.value(sel, op.text)
}

// value reads the value compared to.
func (p *jsonParser) value(sel selector, op string) (jsonNode, error) {
	v, ok := p.peek()
	if !ok || (v.kind != 'v' && v.kind != 'w' && v.kind != 'r') {
		return nil, errorf("a value is expected after " + op)
	}
	p.i++
	c := jsonCmp{sel: sel, op: op, str: v.text, quoted: v.quoted}
	if v.kind == 'r' {
		if op != "=" && op != "!=" {
			return nil, errorf("a regular expression takes = or !=")
		}
		re, err := compileRegex(v.text)
		if err != nil {
			return nil, err
		}
		p.regexN++
		c.re = re
		return c, nil
	}
	if f, err := strconv.ParseFloat(v.text, 64); err == nil && !v.quoted {
		c.num, c.isNum = f, true
	} else if op != "=" && op != "!=" {
		return nil, errorf("the operator " + op + " takes a number")
	}
	return c, nil
}
