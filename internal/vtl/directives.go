package vtl

import "strings"

// The block directives' parsers. Each starts after the directive's name.

// open consumes blanks and the '(' that opens a directive's arguments.
func (p *parser) open(directive string) error {
	p.skipBlanks()
	if p.pos >= len(p.src) || p.src[p.pos] != '(' {
		return p.errorf("#%s expects '('", directive)
	}
	p.pos++
	return nil
}

// closeParen consumes blanks and the ')' that ends a directive's arguments,
// and the newline after it.
func (p *parser) closeParen(directive string) error {
	p.skipBlanks()
	if p.pos >= len(p.src) || p.src[p.pos] != ')' {
		return p.errorf("#%s expects ')'", directive)
	}
	p.pos++
	p.gobbleNewline()
	return nil
}

func (p *parser) skipBlanks() {
	for p.pos < len(p.src) && strings.IndexByte(" \t\r\n", p.src[p.pos]) >= 0 {
		p.pos++
	}
}

func (p *parser) parseSet() (node, error) {
	if err := p.open("set"); err != nil {
		return nil, err
	}
	p.skipBlanks()
	ref, ok, err := p.parseRef()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, p.errorf("#set expects a reference")
	}
	if last := len(ref.chain) - 1; last >= 0 && ref.chain[last].kind == stepMethod {
		return nil, p.errorf("#set cannot assign to a method call")
	}
	p.skipBlanks()
	if p.pos >= len(p.src) || p.src[p.pos] != '=' {
		return nil, p.errorf("#set expects '='")
	}
	p.pos++
	value, err := p.parseExpr()
	if err != nil {
		return nil, err
	}
	if err := p.closeParen("set"); err != nil {
		return nil, err
	}
	return &setNode{target: ref, value: value}, nil
}

// body parses a block up to its #end (or #else/#elseif when allowed).
func (p *parser) body(directive string, elseAllowed bool) ([]node, string, error) {
	nodes, closing, err := p.parseNodes()
	if err != nil {
		return nil, "", err
	}
	switch {
	case closing == "":
		return nil, "", p.errorf("#%s has no #end", directive)
	case closing != "end" && !elseAllowed:
		return nil, "", p.errorf("#%s where #end was expected", closing)
	}
	return nodes, closing, nil
}

func (p *parser) parseIf() (node, error) {
	n := &ifNode{}
	for {
		if err := p.open("if"); err != nil {
			return nil, err
		}
		cond, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		if err := p.closeParen("if"); err != nil {
			return nil, err
		}
		body, closing, err := p.body("if", true)
		if err != nil {
			return nil, err
		}
		n.conds, n.bodies = append(n.conds, cond), append(n.bodies, body)
		switch closing {
		case "end":
			return n, nil
		case "else":
			els, _, err := p.body("else", false)
			if err != nil {
				return nil, err
			}
			n.els = els
			return n, nil
		}
		// #elseif: another condition follows.
	}
}

// openVariable reads the '(' and the plain variable ($x) that open
// #foreach and #define.
func (p *parser) openVariable(directive string) (string, error) {
	if err := p.open(directive); err != nil {
		return "", err
	}
	p.skipBlanks()
	ref, ok, err := p.parseRef()
	if err != nil {
		return "", err
	}
	if !ok || len(ref.chain) > 0 {
		return "", p.errorf("#%s expects a variable", directive)
	}
	return ref.name, nil
}

func (p *parser) parseForeach() (node, error) {
	name, err := p.openVariable("foreach")
	if err != nil {
		return nil, err
	}
	p.skipBlanks()
	if !strings.HasPrefix(p.rest(), "in") || identLen(p.rest()) != 2 {
		return nil, p.errorf("#foreach expects 'in'")
	}
	p.pos += 2
	iter, err := p.parseExpr()
	if err != nil {
		return nil, err
	}
	if err := p.closeParen("foreach"); err != nil {
		return nil, err
	}
	body, _, err := p.body("foreach", false)
	if err != nil {
		return nil, err
	}
	return &foreachNode{variable: name, iter: iter, body: body}, nil
}

func (p *parser) parseDefine() (node, error) {
	name, err := p.openVariable("define")
	if err != nil {
		return nil, err
	}
	if err := p.closeParen("define"); err != nil {
		return nil, err
	}
	body, _, err := p.body("define", false)
	if err != nil {
		return nil, err
	}
	return &defineNode{name: name, body: body}, nil
}

// parseMacro reads #macro(name $a $b) ... #end into the template's macros:
// Velocity defines macros when it parses, so a call may come after.
func (p *parser) parseMacro() error {
	if err := p.open("macro"); err != nil {
		return err
	}
	p.skipBlanks()
	n := identLen(p.rest())
	if n == 0 {
		return p.errorf("#macro expects a name")
	}
	name := p.src[p.pos : p.pos+n]
	p.pos += n
	var params []string
	for {
		p.skipBlanks()
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos >= len(p.src) || p.src[p.pos] != '$' {
			break
		}
		ref, ok, err := p.parseRef()
		if err != nil {
			return err
		}
		if !ok || len(ref.chain) > 0 {
			return p.errorf("#macro parameters are variables")
		}
		params = append(params, ref.name)
	}
	if err := p.closeParen("macro"); err != nil {
		return err
	}
	if p.macros == nil {
		p.macros = map[string]macroDef{}
	}
	// Registered before the body is parsed, so the macro may call itself
	// (bounded when it runs).
	p.macros[name] = macroDef{params: params}
	body, _, err := p.body("macro", false)
	if err != nil {
		return err
	}
	p.macros[name] = macroDef{params: params, body: body}
	return nil
}
