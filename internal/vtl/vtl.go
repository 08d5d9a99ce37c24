package vtl

import "maps"

// Template is a parsed template, safe for concurrent rendering.
type Template struct {
	body   []node
	macros map[string]macroDef
}

// Parse parses a template; a *SyntaxError says where it does not parse.
func Parse(src string) (*Template, error) {
	p := &parser{src: src}
	nodes, closing, err := p.parseNodes()
	if err != nil {
		return nil, err
	}
	if closing != "" {
		return nil, p.errorf("#%s without an opening directive", closing)
	}
	return &Template{body: nodes, macros: p.macros}, nil
}

// Render renders the template with vars (not modified: #set writes to a
// copy) within limits (zero fields take the defaults). A #stop ends the
// output where it stands; ErrLimit is the only error.
func (t *Template) Render(vars map[string]any, limits Limits) (string, error) {
	if limits.Output <= 0 {
		limits.Output = 10 << 20
	}
	if limits.Steps <= 0 {
		limits.Steps = 1_000_000
	}
	r := &renderer{vars: maps.Clone(vars), macros: t.macros, limits: limits}
	if r.vars == nil {
		r.vars = map[string]any{}
	}
	err := r.nodes(t.body)
	switch {
	case err == errStop || err == errBreak:
		err = nil
	case err == nil && r.out.Len() > limits.Output:
		err = ErrLimit
	}
	if err != nil {
		return "", err
	}
	return r.out.String(), nil
}
