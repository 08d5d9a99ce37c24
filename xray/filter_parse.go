package xray

import (
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
)

// filterErr is AWS's answer to a filter expression it cannot read.
func filterErr(format string, args ...any) *awserr.Error {
	e := errInvalid(format, args...)
	e.Message = "Invalid filter expression: " + e.Message
	return e
}

// groupLookup returns the filter expression of a group by name or ARN.
type groupLookup func(byARN bool, v string) (string, bool)

// maxGroupDepth bounds group.name references through groups' own
// expressions.
const maxGroupDepth = 4

// parser reads one filter expression.
type parser struct {
	toks   []token
	i      int
	groups groupLookup
	depth  int
	prefix string // the keyword prefix of a block: rootcause.fault.service { name = "x" }
	inCall bool   // inside service(...) { } or edge(...) { }
}

// parseFilter compiles a filter expression; the empty expression selects
// every trace (nil).
func parseFilter(src string, groups groupLookup) (expr, error) {
	return parseFilterDepth(src, groups, 0)
}

func parseFilterDepth(src string, groups groupLookup, depth int) (expr, error) {
	if strings.TrimSpace(src) == "" {
		return nil, nil
	}
	if len(src) > MaxFilterExpressionBytes {
		return nil, filterErr("longer than %d bytes", MaxFilterExpressionBytes)
	}
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, groups: groups, depth: depth}
	e, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return nil, filterErr("unexpected %q at position %d", t.text, t.pos)
	}
	return e, nil
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

func (p *parser) expect(k tokKind, what string) (token, error) {
	t := p.next()
	if t.kind != k {
		return t, filterErr("expected %s at position %d", what, t.pos)
	}
	return t, nil
}

func (p *parser) or() (expr, error) {
	l, err := p.and()
	for err == nil && p.peek().kind == tokOr {
		p.next()
		var r expr
		if r, err = p.and(); err == nil {
			l = orExpr{l, r}
		}
	}
	return l, err
}

func (p *parser) and() (expr, error) {
	l, err := p.unary()
	for err == nil && p.peek().kind == tokAnd {
		p.next()
		var r expr
		if r, err = p.unary(); err == nil {
			l = andExpr{l, r}
		}
	}
	return l, err
}

func (p *parser) unary() (expr, error) {
	if p.peek().kind == tokNot {
		p.next()
		x, err := p.unary()
		return notExpr{x}, err
	}
	return p.primary()
}

func (p *parser) primary() (expr, error) {
	t := p.next()
	switch t.kind {
	case tokLParen:
		e, err := p.or()
		if err != nil {
			return nil, err
		}
		_, err = p.expect(tokRParen, ")")
		return e, err
	case tokIdent:
		return p.keyword(t)
	case tokEOF:
		return nil, filterErr("unexpected end of expression")
	}
	return nil, filterErr("unexpected %q at position %d", t.text, t.pos)
}

// keyword parses what starts with an identifier: service(...), edge(...),
// a block, a comparison or a boolean keyword alone.
func (p *parser) keyword(t token) (expr, error) {
	name := strings.ToLower(t.text)
	if p.prefix != "" {
		name = p.prefix + "." + name
	}
	switch {
	case (name == "service" || name == "edge") && p.peek().kind == tokLParen && p.inCall:
		return nil, filterErr("service and edge do not nest at position %d", t.pos)
	case name == "service" && p.peek().kind == tokLParen:
		return p.service()
	case name == "edge" && p.peek().kind == tokLParen:
		return p.edge()
	case name == "annotation" && p.peek().kind == tokLBracket:
		p.next()
		k := p.next()
		if k.kind != tokIdent && k.kind != tokString {
			return nil, filterErr("expected an annotation key at position %d", k.pos)
		}
		if _, err := p.expect(tokRBracket, "]"); err != nil {
			return nil, err
		}
		return p.comparison(keywordSpec{kind: kindAny, get: annotationGetter(k.text)}, "annotation."+k.text)
	case p.peek().kind == tokLBrace:
		return p.block(name)
	}
	if key, ok := strings.CutPrefix(name, "annotation."); ok && key != "" {
		return p.comparison(keywordSpec{kind: kindAny, get: annotationGetter(t.text[len(t.text)-len(key):])}, name)
	}
	if name == "group.name" || name == "group.arn" {
		return p.group(name == "group.arn")
	}
	spec, ok := keywords[name]
	if !ok {
		return nil, filterErr("unknown keyword %q at position %d", t.text, t.pos)
	}
	return p.comparison(spec, name)
}

// block parses prefix { expression }: the keywords inside are read under
// the prefix.
func (p *parser) block(prefix string) (expr, error) {
	p.next()
	saved := p.prefix
	p.prefix = prefix
	e, err := p.or()
	p.prefix = saved
	if err != nil {
		return nil, err
	}
	_, err = p.expect(tokRBrace, "}")
	return e, err
}

// comparison parses the operator and value after a keyword, or takes a
// boolean keyword alone as keyword = true.
func (p *parser) comparison(spec keywordSpec, name string) (expr, error) {
	t := p.peek()
	if t.kind != tokOp && t.kind != tokWordOp {
		if spec.kind != kindBool && spec.kind != kindAny {
			return nil, filterErr("keyword %s needs an operator and a value", name)
		}
		return cmpExpr{spec: spec, op: "=", val: true}, nil
	}
	p.next()
	v := p.next()
	var val any
	switch v.kind {
	case tokString:
		val = v.text
	case tokNumber:
		val = v.num
	case tokTrue, tokFalse:
		val = v.kind == tokTrue
	default:
		return nil, filterErr("expected a value after %s at position %d", t.text, v.pos)
	}
	if err := checkTypes(spec.kind, t, val, name); err != nil {
		return nil, err
	}
	return cmpExpr{spec: spec, op: t.text, val: val}, nil
}

// checkTypes checks an operator and value against a keyword's type.
func checkTypes(kind valueKind, op token, val any, name string) error {
	_, isStr := val.(string)
	_, isNum := val.(float64)
	_, isBool := val.(bool)
	ordered := op.text == "<" || op.text == "<=" || op.text == ">" || op.text == ">="
	switch {
	case kind == kindNum && !isNum, kind == kindStr && !isStr, kind == kindBool && !isBool:
		return filterErr("keyword %s does not compare with %v", name, val)
	case op.kind == tokWordOp && !isStr:
		return filterErr("%s compares strings", op.text)
	case ordered && !isNum:
		return filterErr("%s compares numbers", op.text)
	case op.text != "=" && op.text != "!=" && op.kind == tokOp && !ordered:
		return filterErr("unknown operator %q", op.text)
	}
	return nil
}

// group parses group.name = "x" or group.arn = "...": the group's own
// filter expression, compiled in its place.
func (p *parser) group(byARN bool) (expr, error) {
	op := p.next()
	if op.kind != tokOp || (op.text != "=" && op.text != "!=") {
		return nil, filterErr("group keywords take = or != at position %d", op.pos)
	}
	v, err := p.expect(tokString, "a group name")
	if err != nil {
		return nil, err
	}
	if p.groups == nil || p.depth >= maxGroupDepth {
		return nil, filterErr("group %q cannot be used here", v.text)
	}
	src, ok := p.groups(byARN, v.text)
	if !ok {
		return nil, errInvalid("Group %s not found", v.text)
	}
	e, err := parseFilterDepth(src, p.groups, p.depth+1)
	if err != nil {
		return nil, err
	}
	if e == nil {
		e = constExpr(true)
	}
	if op.text == "!=" {
		return notExpr{e}, nil
	}
	return e, nil
}

// idMatch names a service in service(...) and edge(...): by name alone,
// or by id(name: "x", type: "y").
type idMatch struct {
	name, typ       string
	hasName, hasTyp bool
}

func (m idMatch) matches(k svcKey) bool {
	return (!m.hasName || m.name == k.name) && (!m.hasTyp || m.typ == k.typ)
}

// serviceArg parses a string or id(name: "x", type: "y").
func (p *parser) serviceArg() (idMatch, error) {
	t := p.next()
	if t.kind == tokString {
		return idMatch{name: t.text, hasName: true}, nil
	}
	if t.kind != tokIdent || strings.ToLower(t.text) != "id" {
		return idMatch{}, filterErr("expected a service name or id(...) at position %d", t.pos)
	}
	if _, err := p.expect(tokLParen, "("); err != nil {
		return idMatch{}, err
	}
	var m idMatch
	for p.peek().kind != tokRParen {
		k, err := p.expect(tokIdent, "name or type")
		if err != nil {
			return m, err
		}
		if _, err := p.expect(tokColon, ":"); err != nil {
			return m, err
		}
		v, err := p.expect(tokString, "a string")
		if err != nil {
			return m, err
		}
		switch strings.ToLower(k.text) {
		case "name":
			m.name, m.hasName = v.text, true
		case "type":
			m.typ, m.hasTyp = v.text, true
		default:
			return m, filterErr("id takes name and type, not %q", k.text)
		}
		if p.peek().kind == tokComma {
			p.next()
		}
	}
	p.next()
	return m, nil
}

// service parses service(arg) with an optional { body }.
func (p *parser) service() (expr, error) {
	p.next()
	var m idMatch
	if p.peek().kind != tokRParen {
		var err error
		if m, err = p.serviceArg(); err != nil {
			return nil, err
		}
	}
	if _, err := p.expect(tokRParen, ")"); err != nil {
		return nil, err
	}
	body, err := p.callBody()
	return serviceExpr{match: m, body: body}, err
}

// edge parses edge(from, to) with an optional { body }.
func (p *parser) edge() (expr, error) {
	p.next()
	from, err := p.serviceArg()
	if err != nil {
		return nil, err
	}
	if _, err := p.expect(tokComma, ","); err != nil {
		return nil, err
	}
	to, err := p.serviceArg()
	if err != nil {
		return nil, err
	}
	if _, err := p.expect(tokRParen, ")"); err != nil {
		return nil, err
	}
	body, err := p.callBody()
	return edgeExpr{from: from, to: to, body: body}, err
}

// callBody parses the { expression } after service(...) or edge(...),
// whose keywords read each request of the service or edge.
func (p *parser) callBody() (expr, error) {
	if p.peek().kind != tokLBrace {
		return nil, nil
	}
	p.next()
	p.inCall = true
	e, err := p.or()
	p.inCall = false
	if err != nil {
		return nil, err
	}
	_, err = p.expect(tokRBrace, "}")
	return e, err
}
