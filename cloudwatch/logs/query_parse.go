package logs

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// parser reads a query from its tokens.
type parser struct {
	src  string
	toks []token
	i    int
}

// parseQuery parses a Logs Insights query: commands separated by |.
func parseQuery(src string) (*query, error) {
	if strings.TrimSpace(src) == "" {
		return nil, malformed("The query is empty.")
	}
	if !utf8.ValidString(src) {
		return nil, malformed("The query string is not valid UTF-8.")
	}
	if len(src) > maxQueryLen {
		return nil, malformed("The query string is longer than %d characters.", maxQueryLen)
	}
	toks, err := lexQuery(src)
	if err != nil {
		return nil, err
	}
	p := &parser{src: src, toks: toks}
	q := &query{}
	for {
		c, err := p.command()
		if err != nil {
			return nil, err
		}
		q.cmds = append(q.cmds, c)
		if p.peek().kind == tokEOF {
			break
		}
		if !p.op("|") {
			return nil, p.unexpected()
		}
	}
	return q, nil
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

// op consumes the operator text if it comes next.
func (p *parser) op(text string) bool {
	if t := p.peek(); t.kind == tokOp && t.text == text {
		p.i++
		return true
	}
	return false
}

// kw consumes the keyword (case-insensitive) if it comes next.
func (p *parser) kw(word string) bool {
	if t := p.peek(); t.kind == tokIdent && strings.EqualFold(t.text, word) {
		p.i++
		return true
	}
	return false
}

func (p *parser) unexpected() error {
	t := p.peek()
	if t.kind == tokEOF {
		return malformed("unexpected end of query")
	}
	return malformed("unexpected symbol %q at %d", t.text, t.pos)
}

// command parses one command.
func (p *parser) command() (command, error) {
	t := p.next()
	if t.kind != tokIdent {
		return nil, malformed("expected a command at %d", t.pos)
	}
	switch strings.ToLower(t.text) {
	case "fields":
		items, err := p.namedList(false)
		return fieldsCmd{items}, err
	case "display":
		names, err := p.nameList()
		return displayCmd{names}, err
	case "dedup":
		names, err := p.nameList()
		return dedupCmd{names}, err
	case "filter":
		x, err := p.expr()
		return filterCmd{x}, err
	case "sort":
		return p.sortCmd()
	case "limit":
		n := p.next()
		v, err := strconv.Atoi(n.text)
		if n.kind != tokNumber || err != nil || v < 1 || v > maxQueryLimit {
			return nil, malformed("limit takes a number from 1 to %d", maxQueryLimit)
		}
		return limitCmd{v}, nil
	case "parse":
		return p.parseCmd()
	case "stats":
		return p.statsCmd()
	}
	return nil, malformed("unknown command %q at %d", t.text, t.pos)
}

// namedList parses expr [as name], ...
func (p *parser) namedList(aggs bool) ([]namedExpr, error) {
	var out []namedExpr
	for {
		start := p.peek().pos
		x, err := p.expr()
		if err != nil {
			return nil, err
		}
		name := strings.TrimSpace(p.src[start:p.peek().pos])
		if p.kw("as") {
			n := p.next()
			if n.kind != tokIdent {
				return nil, malformed("expected a name after as")
			}
			name = n.text
		}
		out = append(out, namedExpr{name, x})
		if !p.op(",") {
			return out, nil
		}
	}
}

// nameList parses field, field, ...
func (p *parser) nameList() ([]string, error) {
	var out []string
	for {
		t := p.next()
		if t.kind != tokIdent {
			return nil, malformed("expected a field name at %d", t.pos)
		}
		out = append(out, t.text)
		if !p.op(",") {
			return out, nil
		}
	}
}

func (p *parser) sortCmd() (command, error) {
	var keys []sortKey
	for {
		x, err := p.expr()
		if err != nil {
			return nil, err
		}
		k := sortKey{x: x}
		if p.kw("desc") {
			k.desc = true
		} else {
			p.kw("asc")
		}
		keys = append(keys, k)
		if !p.op(",") {
			return sortCmd{keys}, nil
		}
	}
}

// parseCmd parses parse [field] "glob*pattern" as a, b or parse [field]
// /regex with (?<named>captures)/.
func (p *parser) parseCmd() (command, error) {
	var src expr = fieldRef{"@message"}
	if t := p.peek(); t.kind != tokString && t.kind != tokRegex {
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		src = x
	}
	t := p.next()
	switch t.kind {
	case tokRegex:
		re, err := compileQueryRegex(t.text)
		if err != nil {
			return nil, err
		}
		var names []string
		for _, n := range re.SubexpNames()[1:] {
			if n != "" {
				names = append(names, n)
			}
		}
		if len(names) == 0 {
			return nil, malformed("parse with a regular expression needs named capture groups")
		}
		return parseCmd{src: src, re: re, names: names}, nil
	case tokString:
		parts := strings.Split(t.text, "*")
		if len(parts) < 2 || !p.kw("as") {
			return nil, malformed("parse with a pattern needs * and as followed by the fields")
		}
		names, err := p.nameList()
		if err != nil {
			return nil, err
		}
		if len(names) != len(parts)-1 {
			return nil, malformed("the pattern has %d * but %d fields follow as", len(parts)-1, len(names))
		}
		var b strings.Builder
		for i, part := range parts {
			if i > 0 {
				b.WriteString("(.*?)")
			}
			b.WriteString(regexp.QuoteMeta(part))
		}
		body := b.String()
		if strings.HasSuffix(t.text, "*") { // the last field takes the rest
			body = strings.TrimSuffix(body, "(.*?)") + "(.*)"
		}
		re, err := compileQueryRegex("(?s)" + body)
		if err != nil {
			return nil, err
		}
		return parseCmd{src: src, re: re, names: names}, nil
	}
	return nil, malformed("parse needs a pattern in quotes or a regular expression")
}

// compileQueryRegex compiles a query's regular expression (RE2, with (?<name>)
// captures).
func compileQueryRegex(s string) (*regexp.Regexp, error) {
	re, err := regexp.Compile(s)
	if err != nil {
		return nil, malformed("invalid regular expression: %v", err)
	}
	return re, nil
}
