package vtl

import (
	"strconv"
	"strings"
)

// parseRef reads a reference at p.pos ($x, $!x, ${x}, $!{x.y()}, with its
// chain of .property, .method(args) and [index]); ok false, p.pos
// unchanged, when what follows '$' is not one.
func (p *parser) parseRef() (*refNode, bool, error) {
	start := p.pos
	i := p.pos + 1
	quiet := i < len(p.src) && p.src[i] == '!'
	if quiet {
		i++
	}
	formal := i < len(p.src) && p.src[i] == '{'
	if formal {
		i++
	}
	n := identLen(p.src[i:])
	if n == 0 {
		return nil, false, nil
	}
	ref := &refNode{quiet: quiet, name: p.src[i : i+n]}
	p.pos = i + n
	if err := p.enter(); err != nil {
		return nil, false, err
	}
	defer func() { p.depth-- }()
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '.' && identLen(p.rest()[1:]) > 0 {
			m := identLen(p.rest()[1:])
			st := step{kind: stepProperty, name: p.src[p.pos+1 : p.pos+1+m]}
			p.pos += 1 + m
			if p.pos < len(p.src) && p.src[p.pos] == '(' {
				args, err := p.parseArgsList(false)
				if err != nil {
					return nil, false, err
				}
				st.kind, st.args = stepMethod, args
			}
			ref.chain = append(ref.chain, st)
			continue
		}
		if c == '[' {
			p.pos++
			idx, err := p.parseExpr()
			if err != nil {
				return nil, false, err
			}
			p.skipBlanks()
			if p.pos >= len(p.src) || p.src[p.pos] != ']' {
				return nil, false, p.errorf("expected ']'")
			}
			p.pos++
			ref.chain = append(ref.chain, step{kind: stepIndex, index: idx})
			continue
		}
		break
	}
	if formal {
		if p.pos >= len(p.src) || p.src[p.pos] != '}' {
			p.pos = start
			return nil, false, nil
		}
		p.pos++
	}
	ref.src = p.src[start:p.pos]
	return ref, true, nil
}

// parseArgsList reads '(' expr, expr ... ')'; a macro call's arguments may
// also be separated by blanks alone.
func (p *parser) parseArgsList(blankSeparated bool) ([]expr, error) {
	p.skipBlanks()
	p.pos++ // '('
	var args []expr
	for {
		p.skipBlanks()
		if p.pos >= len(p.src) {
			return nil, p.errorf("expected ')'")
		}
		if p.src[p.pos] == ')' {
			p.pos++
			return args, nil
		}
		if len(args) > 0 {
			if p.src[p.pos] == ',' {
				p.pos++
			} else if !blankSeparated {
				return nil, p.errorf("expected ',' or ')'")
			}
		}
		e, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		args = append(args, e)
	}
}

// Binary operators by precedence, lowest first, with their word forms.
var precedence = [][]string{
	{"||", "or"},
	{"&&", "and"},
	{"==", "!=", "eq", "ne"},
	{"<=", ">=", "<", ">", "le", "ge", "lt", "gt"},
	{"+", "-"},
	{"*", "/", "%"},
}

var wordOps = map[string]string{"or": "||", "and": "&&", "eq": "==", "ne": "!=", "le": "<=", "ge": ">=", "lt": "<", "gt": ">", "not": "!"}

func (p *parser) parseExpr() (expr, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	return p.parseLevel(0)
}

func (p *parser) parseLevel(level int) (expr, error) {
	if level == len(precedence) {
		return p.parseUnary()
	}
	l, err := p.parseLevel(level + 1)
	if err != nil {
		return nil, err
	}
	for {
		op, ok := p.peekOp(precedence[level])
		if !ok {
			return l, nil
		}
		p.pos += len(op)
		r, err := p.parseLevel(level + 1)
		if err != nil {
			return nil, err
		}
		if w, isWord := wordOps[op]; isWord {
			op = w
		}
		l = &binaryExpr{op: op, l: l, r: r}
	}
}

// peekOp finds one of ops after blanks; word operators must stand alone.
func (p *parser) peekOp(ops []string) (string, bool) {
	p.skipBlanks()
	rest := p.rest()
	for _, op := range ops {
		if !strings.HasPrefix(rest, op) {
			continue
		}
		if isLetter(op[0]) && identLen(rest) != len(op) {
			continue
		}
		if (op == "<" || op == ">") && strings.HasPrefix(rest, op+"=") {
			continue
		}
		return op, true
	}
	return "", false
}

func (p *parser) parseUnary() (expr, error) {
	p.skipBlanks()
	rest := p.rest()
	switch {
	case strings.HasPrefix(rest, "!") && !strings.HasPrefix(rest, "!="):
		p.pos++
	case strings.HasPrefix(rest, "not") && identLen(rest) == 3:
		p.pos += 3
	case strings.HasPrefix(rest, "-") && len(rest) > 1 && !isDigit(rest[1]):
		p.pos++
		x, err := p.parseUnaryDepth()
		return &unaryExpr{op: "-", x: x}, err
	default:
		return p.parsePrimary()
	}
	x, err := p.parseUnaryDepth()
	return &unaryExpr{op: "!", x: x}, err
}

func (p *parser) parseUnaryDepth() (expr, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	return p.parseUnary()
}

func (p *parser) parsePrimary() (expr, error) {
	p.skipBlanks()
	if p.pos >= len(p.src) {
		return nil, p.errorf("expected an expression")
	}
	switch c := p.src[p.pos]; {
	case c == '$':
		ref, ok, err := p.parseRef()
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, p.errorf("expected a reference")
		}
		return &refExpr{ref: ref}, nil
	case c == '"' || c == '\'':
		return p.parseString(c)
	case c == '(':
		p.pos++
		e, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		p.skipBlanks()
		if p.pos >= len(p.src) || p.src[p.pos] != ')' {
			return nil, p.errorf("expected ')'")
		}
		p.pos++
		return e, nil
	case c == '[':
		return p.parseList()
	case c == '{':
		return p.parseMap()
	case isDigit(c) || c == '-':
		return p.parseNumber()
	}
	switch n := identLen(p.rest()); p.rest()[:n] {
	case "true", "false":
		p.pos += n
		return &litExpr{v: p.src[p.pos-n:p.pos] == "true"}, nil
	case "null":
		p.pos += n
		return &litExpr{v: nil}, nil
	}
	return nil, p.errorf("unexpected %q", p.src[p.pos:min(p.pos+10, len(p.src))])
}

func (p *parser) parseNumber() (expr, error) {
	i := p.pos
	if p.src[i] == '-' {
		i++
	}
	for i < len(p.src) && isDigit(p.src[i]) {
		i++
	}
	isFloat := false
	if i+1 < len(p.src) && p.src[i] == '.' && isDigit(p.src[i+1]) {
		isFloat = true
		for i++; i < len(p.src) && isDigit(p.src[i]); i++ {
		}
	}
	s := p.src[p.pos:i]
	if isFloat {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, p.errorf("bad number %q", s)
		}
		p.pos = i
		return &litExpr{v: f}, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return nil, p.errorf("bad number %q", s)
	}
	p.pos = i
	return &litExpr{v: n}, nil
}

// parseString reads a string literal: '...' as written, "..." interpolated
// (references and directives inside it render); a doubled quote is a quote.
func (p *parser) parseString(q byte) (expr, error) {
	var b strings.Builder
	i := p.pos + 1
	for {
		if i >= len(p.src) {
			return nil, p.errorf("unterminated string")
		}
		if p.src[i] == q {
			if i+1 < len(p.src) && p.src[i+1] == q {
				b.WriteByte(q)
				i += 2
				continue
			}
			break
		}
		b.WriteByte(p.src[i])
		i++
	}
	p.pos = i + 1
	if q == '\'' || !strings.ContainsAny(b.String(), "$#") {
		return &litExpr{v: b.String()}, nil
	}
	inner := &parser{src: b.String(), depth: p.depth, macros: p.macros}
	nodes, closing, err := inner.parseNodes()
	if err != nil {
		return nil, err
	}
	if closing != "" {
		return nil, p.errorf("#%s inside a string", closing)
	}
	return &strExpr{parts: nodes}, nil
}

func (p *parser) parseList() (expr, error) {
	p.pos++ // '['
	var items []expr
	for {
		p.skipBlanks()
		if p.pos >= len(p.src) {
			return nil, p.errorf("expected ']'")
		}
		if p.src[p.pos] == ']' {
			p.pos++
			return &listExpr{items: items}, nil
		}
		if len(items) > 0 {
			if p.src[p.pos] != ',' {
				return nil, p.errorf("expected ',' or ']'")
			}
			p.pos++
		}
		e, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		p.skipBlanks()
		if len(items) == 0 && strings.HasPrefix(p.rest(), "..") {
			p.pos += 2
			to, err := p.parseExpr()
			if err != nil {
				return nil, err
			}
			p.skipBlanks()
			if p.pos >= len(p.src) || p.src[p.pos] != ']' {
				return nil, p.errorf("expected ']'")
			}
			p.pos++
			return &rangeExpr{from: e, to: to}, nil
		}
		items = append(items, e)
	}
}

func (p *parser) parseMap() (expr, error) {
	p.pos++ // '{'
	m := &mapExpr{}
	for {
		p.skipBlanks()
		if p.pos >= len(p.src) {
			return nil, p.errorf("expected '}'")
		}
		if p.src[p.pos] == '}' {
			p.pos++
			return m, nil
		}
		if len(m.keys) > 0 {
			if p.src[p.pos] != ',' {
				return nil, p.errorf("expected ',' or '}'")
			}
			p.pos++
		}
		k, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		p.skipBlanks()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			return nil, p.errorf("expected ':'")
		}
		p.pos++
		v, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		m.keys, m.vals = append(m.keys, k), append(m.vals, v)
	}
}
