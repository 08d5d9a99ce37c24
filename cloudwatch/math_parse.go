package cloudwatch

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// maxExpression is the longest Expression AWS takes (model
// [MetricDataQuery] Expression, 1–2,048 characters).
const maxExpression = 2048

// node is a parsed metric math expression: a number, a string, a name
// (a query Id or a keyword such as REPEAT), a call, a unary or binary
// operator, or a bracketed array.
type node struct {
	kind nodeKind
	num  float64
	str  string // string value, name, function name or operator
	args []*node
}

type nodeKind uint8

const (
	nNum nodeKind = iota
	nStr
	nName
	nCall
	nUnary
	nBinary
	nArray
)

// parser is a recursive-descent parser of AWS's metric math syntax
// (operators by precedence: OR ||, AND &&, comparisons, + -, * /, ^, unary
// - and NOT).
type parser struct {
	src  string
	toks []token
	i    int
}

type token struct {
	kind byte // 'n' number, 's' string, 'i' identifier, 'o' operator, 0 end
	text string
	pos  int
}

// parseExpression parses src; the error says where it went wrong, as
// AWS's ValidationError does.
func parseExpression(src string) (*node, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{src: src, toks: toks}
	n, err := p.or(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != 0 {
		return nil, fmt.Errorf("Unexpected token %q at position %d", t.text, t.pos)
	}
	return n, nil
}

// lex splits src into tokens.
func lex(src string) ([]token, error) {
	var out []token
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c >= '0' && c <= '9' || c == '.':
			j := i
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.' || src[j] == 'e' || src[j] == 'E' ||
				(src[j] == '-' || src[j] == '+') && j > i && (src[j-1] == 'e' || src[j-1] == 'E')) {
				j++
			}
			out = append(out, token{'n', src[i:j], i})
			i = j
		case c == '"' || c == '\'':
			j := strings.IndexByte(src[i+1:], c)
			if j < 0 {
				return nil, fmt.Errorf("Unterminated string at position %d", i)
			}
			out = append(out, token{'s', src[i+1 : i+1+j], i})
			i += j + 2
		case c == '_' || c < 0x80 && unicode.IsLetter(rune(c)):
			j := i
			for j < len(src) && (src[j] == '_' || src[j] < 0x80 && (unicode.IsLetter(rune(src[j])) || unicode.IsDigit(rune(src[j])))) {
				j++
			}
			out = append(out, token{'i', src[i:j], i})
			i = j
		default:
			op := ""
			for _, o := range []string{"==", "!=", "<=", ">=", "&&", "||", "+", "-", "*", "/", "^", "<", ">", "(", ")", ",", "[", "]"} {
				if strings.HasPrefix(src[i:], o) {
					op = o
					break
				}
			}
			if op == "" {
				return nil, fmt.Errorf("Unrecognized character %q at position %d", c, i)
			}
			out = append(out, token{'o', op, i})
			i += len(op)
		}
	}
	return out, nil
}

func (p *parser) peek() token {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return token{pos: len(p.src)}
}

// accept consumes the next token when it is one of ops (operators or
// keywords, case-insensitive) and returns its canonical form.
func (p *parser) accept(ops ...string) (string, bool) {
	t := p.peek()
	if t.kind != 'o' && t.kind != 'i' {
		return "", false
	}
	for _, o := range ops {
		if strings.EqualFold(t.text, o) {
			p.i++
			return o, true
		}
	}
	return "", false
}

// maxDepth bounds nesting, so a hostile expression cannot exhaust the stack.
const maxDepth = 100

func (p *parser) binary(depth int, next func(int) (*node, error), ops ...string) (*node, error) {
	l, err := next(depth)
	if err != nil {
		return nil, err
	}
	for {
		op, ok := p.accept(ops...)
		if !ok {
			return l, nil
		}
		r, err := next(depth)
		if err != nil {
			return nil, err
		}
		l = &node{kind: nBinary, str: canonOp(op), args: []*node{l, r}}
	}
}

// canonOp maps the keyword and symbol spellings of an operator to one.
func canonOp(op string) string {
	switch op {
	case "OR":
		return "||"
	case "AND":
		return "&&"
	}
	return op
}

func (p *parser) or(d int) (*node, error)  { return p.binary(d, p.and, "||", "OR") }
func (p *parser) and(d int) (*node, error) { return p.binary(d, p.cmp, "&&", "AND") }
func (p *parser) cmp(d int) (*node, error) {
	return p.binary(d, p.add, "==", "!=", "<=", ">=", "<", ">")
}
func (p *parser) add(d int) (*node, error) { return p.binary(d, p.mul, "+", "-") }
func (p *parser) mul(d int) (*node, error) { return p.binary(d, p.unary, "*", "/") }

func (p *parser) unary(d int) (*node, error) {
	if d > maxDepth {
		return nil, fmt.Errorf("The expression is nested too deeply")
	}
	if op, ok := p.accept("-", "NOT"); ok {
		x, err := p.unary(d + 1)
		if err != nil {
			return nil, err
		}
		return &node{kind: nUnary, str: op, args: []*node{x}}, nil
	}
	b, err := p.primary(d + 1)
	if err != nil {
		return nil, err
	}
	if _, ok := p.accept("^"); ok {
		e, err := p.unary(d + 1)
		if err != nil {
			return nil, err
		}
		return &node{kind: nBinary, str: "^", args: []*node{b, e}}, nil
	}
	return b, nil
}

func (p *parser) primary(d int) (*node, error) {
	t := p.peek()
	switch {
	case t.kind == 'n':
		p.i++
		v, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return nil, fmt.Errorf("Invalid number %q at position %d", t.text, t.pos)
		}
		return &node{kind: nNum, num: v}, nil
	case t.kind == 's':
		p.i++
		return &node{kind: nStr, str: t.text}, nil
	case t.kind == 'i':
		p.i++
		if _, ok := p.accept("("); !ok {
			return &node{kind: nName, str: t.text}, nil
		}
		args, err := p.list(d, ")")
		if err != nil {
			return nil, err
		}
		return &node{kind: nCall, str: strings.ToUpper(t.text), args: args}, nil
	case t.kind == 'o' && t.text == "(":
		p.i++
		n, err := p.or(d + 1)
		if err != nil {
			return nil, err
		}
		if _, ok := p.accept(")"); !ok {
			return nil, fmt.Errorf("Expected ')' at position %d", p.peek().pos)
		}
		return n, nil
	case t.kind == 'o' && t.text == "[":
		p.i++
		args, err := p.list(d, "]")
		if err != nil {
			return nil, err
		}
		return &node{kind: nArray, args: args}, nil
	}
	if t.kind == 0 {
		return nil, fmt.Errorf("Unexpected end of expression")
	}
	return nil, fmt.Errorf("Unexpected token %q at position %d", t.text, t.pos)
}

// list parses comma-separated expressions up to the closing token.
func (p *parser) list(d int, closing string) ([]*node, error) {
	var args []*node
	if _, ok := p.accept(closing); ok {
		return args, nil
	}
	for {
		a, err := p.or(d + 1)
		if err != nil {
			return nil, err
		}
		args = append(args, a)
		if _, ok := p.accept(closing); ok {
			return args, nil
		}
		if _, ok := p.accept(","); !ok {
			return nil, fmt.Errorf("Expected ',' or '%s' at position %d", closing, p.peek().pos)
		}
	}
}

// names returns the identifiers n references (query Ids and keywords).
func (n *node) names(out map[string]bool) {
	if n.kind == nName {
		out[n.str] = true
	}
	for _, a := range n.args {
		a.names(out)
	}
}
