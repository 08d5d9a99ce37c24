package logs

import (
	"strconv"
	"strings"
)

// maxQueryLimit is the largest limit a query takes, and defaultQueryLimit
// the rows a query returns without one (CWL_QuerySyntax-Limit: 1,000 by
// default, up to 10,000).
const (
	maxQueryLimit     = 10_000
	defaultQueryLimit = 1_000
)

// aggregateFuncs are the functions of stats, with their argument count.
var aggregateFuncs = map[string]int{"count": 1, "count_distinct": 1, "sum": 1, "avg": 1, "min": 1, "max": 1,
	"pct": 2, "stddev": 1, "earliest": 1, "latest": 1}

// statsCmd parses stats agg(x) [as name], ... [by expr [as name], ...].
func (p *parser) statsCmd() (command, error) {
	var c statsCmd
	for {
		start := p.peek().pos
		t := p.next()
		fn := strings.ToLower(t.text)
		arity, ok := aggregateFuncs[fn]
		if t.kind != tokIdent || !ok || !p.op("(") {
			return nil, malformed("stats expects an aggregate function at %d", t.pos)
		}
		a := aggregate{fn: fn}
		if fn == "count" && (p.op("*") || p.peek().text == ")") {
			arity = 0
		} else {
			x, err := p.expr()
			if err != nil {
				return nil, err
			}
			a.arg = x
		}
		if arity == 2 {
			n := p.next()
			if n.text == "," {
				n = p.next()
			}
			v, err := strconv.ParseFloat(n.text, 64)
			if n.kind != tokNumber || err != nil || v < 0 || v > 100 {
				return nil, malformed("pct takes a percentile from 0 to 100")
			}
			a.pct = v
		}
		if !p.op(")") {
			return nil, p.unexpected()
		}
		a.name = strings.TrimSpace(p.src[start:p.peek().pos])
		if p.kw("as") {
			n := p.next()
			if n.kind != tokIdent {
				return nil, malformed("expected a name after as")
			}
			a.name = n.text
		}
		c.aggs = append(c.aggs, a)
		if !p.op(",") {
			break
		}
	}
	if p.kw("by") {
		by, err := p.namedList(false)
		if err != nil {
			return nil, err
		}
		c.by = by
	}
	return c, nil
}

// maxExprDepth bounds the nesting of an expression.
const maxExprDepth = 100

// expr parses an expression: or of and of not of comparisons.
func (p *parser) expr() (expr, error) { return p.orExpr(0) }

func (p *parser) orExpr(d int) (expr, error) {
	if d > maxExprDepth {
		return nil, malformed("the expression is nested too deeply")
	}
	l, err := p.andExpr(d)
	for err == nil && p.kw("or") {
		var r expr
		r, err = p.andExpr(d)
		l = binary{"or", l, r}
	}
	return l, err
}

func (p *parser) andExpr(d int) (expr, error) {
	l, err := p.notExpr(d)
	for err == nil && p.kw("and") {
		var r expr
		r, err = p.notExpr(d)
		l = binary{"and", l, r}
	}
	return l, err
}

func (p *parser) notExpr(d int) (expr, error) {
	if p.kw("not") {
		x, err := p.notExpr(d + 1)
		return notExpr{x}, err
	}
	return p.cmpExpr(d)
}

func (p *parser) cmpExpr(d int) (expr, error) {
	l, err := p.addExpr(d)
	if err != nil {
		return nil, err
	}
	neg := false
	if t := p.peek(); t.kind == tokIdent && strings.EqualFold(t.text, "not") {
		if n := p.toks[p.i+1]; n.kind == tokIdent && (strings.EqualFold(n.text, "like") || strings.EqualFold(n.text, "in")) {
			p.i++
			neg = true
		}
	}
	switch t := p.peek(); {
	case p.kw("like"):
		return p.likeRHS(l, neg)
	case p.kw("in"):
		return p.inRHS(l, neg, d)
	case t.kind == tokOp && (t.text == "=~" || t.text == "!~"):
		p.i++
		return p.likeRHS(l, t.text == "!~")
	case t.kind == tokOp && (t.text == "=" || t.text == "!=" || t.text == "<" || t.text == "<=" || t.text == ">" || t.text == ">="):
		p.i++
		r, err := p.addExpr(d)
		return binary{t.text, l, r}, err
	}
	return l, nil
}

func (p *parser) likeRHS(l expr, neg bool) (expr, error) {
	t := p.next()
	switch t.kind {
	case tokString:
		return likeExpr{x: l, substr: t.text, neg: neg}, nil
	case tokRegex:
		re, err := compileQueryRegex(t.text)
		return likeExpr{x: l, re: re, neg: neg}, err
	}
	return nil, malformed("like expects a string or a regular expression at %d", t.pos)
}

func (p *parser) inRHS(l expr, neg bool, d int) (expr, error) {
	if !p.op("[") {
		return nil, malformed("in expects a list in [ ]")
	}
	in := inExpr{x: l, neg: neg}
	for !p.op("]") {
		x, err := p.addExpr(d + 1)
		if err != nil {
			return nil, err
		}
		in.list = append(in.list, x)
		if !p.op(",") && p.peek().text != "]" {
			return nil, p.unexpected()
		}
	}
	return in, nil
}

func (p *parser) addExpr(d int) (expr, error) {
	l, err := p.mulExpr(d)
	for err == nil && (p.peek().kind == tokOp && (p.peek().text == "+" || p.peek().text == "-")) {
		op := p.next().text
		var r expr
		r, err = p.mulExpr(d)
		l = binary{op, l, r}
	}
	return l, err
}

func (p *parser) mulExpr(d int) (expr, error) {
	l, err := p.unaryD(d)
	for err == nil && p.peek().kind == tokOp && strings.Contains("*/%^", p.peek().text) && len(p.peek().text) == 1 {
		op := p.next().text
		var r expr
		r, err = p.unaryD(d)
		l = binary{op, l, r}
	}
	return l, err
}

func (p *parser) unary() (expr, error) { return p.unaryD(0) }

func (p *parser) unaryD(d int) (expr, error) {
	if d > maxExprDepth {
		return nil, malformed("the expression is nested too deeply")
	}
	if p.op("-") {
		x, err := p.unaryD(d + 1)
		return negExpr{x}, err
	}
	return p.primary(d)
}

// primary parses a literal, a field, a function call or ( expr ).
func (p *parser) primary(d int) (expr, error) {
	t := p.next()
	switch t.kind {
	case tokString:
		return literal{t.text}, nil
	case tokNumber:
		v, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return nil, malformed("invalid number %q", t.text)
		}
		if u := p.peek(); u.kind == tokIdent && u.pos == t.pos+len(t.text) {
			ms, ok := unitMs[strings.ToLower(u.text)]
			if !ok {
				return nil, malformed("unknown time unit %q", u.text)
			}
			p.i++
			return literal{v * ms}, nil
		}
		return literal{v}, nil
	case tokIdent:
		if p.op("(") {
			if _, agg := aggregateFuncs[strings.ToLower(t.text)]; agg {
				return p.statsColumn(t)
			}
			return p.callArgs(t, d)
		}
		switch strings.ToLower(t.text) {
		case "true":
			return literal{true}, nil
		case "false":
			return literal{false}, nil
		}
		return fieldRef{t.text}, nil
	case tokOp:
		if t.text == "(" {
			x, err := p.orExpr(d + 1)
			if err == nil && !p.op(")") {
				err = p.unexpected()
			}
			return x, err
		}
	}
	if t.kind != tokEOF {
		p.i--
	}
	return nil, p.unexpected()
}

// unitMs are the time units of bin, datefloor and dateceil, in ms.
var unitMs = map[string]float64{"ms": 1, "s": 1e3, "sec": 1e3, "m": 60e3, "min": 60e3, "h": 3600e3, "hr": 3600e3,
	"d": 86400e3, "w": 7 * 86400e3}

func (p *parser) callArgs(name token, d int) (expr, error) {
	fn := strings.ToLower(name.text)
	arity, ok := scalarFuncs[fn]
	if !ok {
		return nil, malformed("unknown function %q at %d", name.text, name.pos)
	}
	c := call{name: fn}
	for !p.op(")") {
		x, err := p.orExpr(d + 1)
		if err != nil {
			return nil, err
		}
		c.args = append(c.args, x)
		if !p.op(",") && p.peek().text != ")" {
			return nil, p.unexpected()
		}
	}
	if len(c.args) < arity.min || arity.max >= 0 && len(c.args) > arity.max {
		return nil, malformed("%s takes %d to %d arguments", fn, arity.min, arity.max)
	}
	return c, nil
}

// statsColumn reads agg(...) after stats, as in sort count(*) desc: the
// column stats named by its text.
func (p *parser) statsColumn(name token) (expr, error) {
	depth := 1
	for depth > 0 {
		t := p.next()
		switch {
		case t.kind == tokEOF:
			return nil, p.unexpected()
		case t.kind == tokOp && t.text == "(":
			depth++
		case t.kind == tokOp && t.text == ")":
			depth--
		}
	}
	return fieldRef{strings.TrimSpace(p.src[name.pos:p.peek().pos])}, nil
}
