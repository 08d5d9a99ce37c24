package stepfn

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// call is a parsed intrinsic function call: States.Format('{}', $.a).
type call struct {
	name string // Format, StringToJson, ...
	args []arg
}

// arg is one argument of an intrinsic: a literal, a path or a call.
type arg struct {
	lit  any
	path *path
	call *call
}

// intrinsicArity is every intrinsic function with its least and most
// argument counts (-1: any number).
var intrinsicArity = map[string][2]int{
	"Format": {1, -1}, "StringToJson": {1, 1}, "JsonToString": {1, 1}, "Array": {0, -1},
	"ArrayPartition": {2, 2}, "ArrayContains": {2, 2}, "ArrayRange": {3, 3}, "ArrayGetItem": {2, 2},
	"ArrayLength": {1, 1}, "ArrayUnique": {1, 1}, "Base64Encode": {1, 1}, "Base64Decode": {1, 1},
	"Hash": {2, 2}, "JsonMerge": {3, 3}, "MathRandom": {2, 3}, "MathAdd": {2, 2},
	"StringSplit": {2, 2}, "UUID": {0, 0},
}

// isIntrinsic reports whether a ".$" value is an intrinsic call rather
// than a path.
func isIntrinsic(s string) bool { return strings.HasPrefix(s, "States.") }

// parseIntrinsic parses a whole intrinsic call expression.
func parseIntrinsic(s string) (*call, error) {
	p := &intrinsicParser{src: s}
	c, err := p.call()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i != len(p.src) {
		return nil, fmt.Errorf("unexpected %q after the call", p.src[p.i:])
	}
	return c, nil
}

type intrinsicParser struct {
	src string
	i   int
}

func (p *intrinsicParser) space() {
	for p.i < len(p.src) && (p.src[p.i] == ' ' || p.src[p.i] == '\t' || p.src[p.i] == '\n') {
		p.i++
	}
}

func (p *intrinsicParser) call() (*call, error) {
	p.space()
	rest, ok := strings.CutPrefix(p.src[p.i:], "States.")
	if !ok {
		return nil, errors.New("an intrinsic function starts with States.")
	}
	open := strings.IndexByte(rest, '(')
	if open < 0 {
		return nil, errors.New("missing (")
	}
	name := rest[:open]
	lim, known := intrinsicArity[name]
	if !known {
		return nil, fmt.Errorf("unknown intrinsic function States.%s", name)
	}
	p.i += len("States.") + open + 1
	c := &call{name: name}
	p.space()
	if p.i < len(p.src) && p.src[p.i] == ')' {
		p.i++
	} else {
		for {
			a, err := p.arg()
			if err != nil {
				return nil, err
			}
			c.args = append(c.args, a)
			p.space()
			if p.i >= len(p.src) {
				return nil, errors.New("missing )")
			}
			if p.src[p.i] == ')' {
				p.i++
				break
			}
			if p.src[p.i] != ',' {
				return nil, fmt.Errorf("unexpected %q", p.src[p.i])
			}
			p.i++
		}
	}
	if len(c.args) < lim[0] || (lim[1] >= 0 && len(c.args) > lim[1]) {
		return nil, fmt.Errorf("States.%s takes %s arguments, not %d", name, arityText(lim), len(c.args))
	}
	return c, nil
}

func arityText(lim [2]int) string {
	switch {
	case lim[1] < 0:
		return fmt.Sprintf("at least %d", lim[0])
	case lim[0] == lim[1]:
		return fmt.Sprint(lim[0])
	}
	return fmt.Sprintf("%d to %d", lim[0], lim[1])
}

func (p *intrinsicParser) arg() (arg, error) {
	p.space()
	if p.i >= len(p.src) {
		return arg{}, errors.New("missing argument")
	}
	switch c := p.src[p.i]; {
	case c == '\'':
		s, err := p.str()
		return arg{lit: s}, err
	case c == '$':
		start := p.i
		depth := 0
		for p.i < len(p.src) {
			ch := p.src[p.i]
			if ch == '[' {
				depth++
			} else if ch == ']' {
				depth--
			} else if depth == 0 && (ch == ',' || ch == ')' || ch == ' ') {
				break
			}
			p.i++
		}
		pa, err := parsePath(p.src[start:p.i])
		return arg{path: pa}, err
	case strings.HasPrefix(p.src[p.i:], "States."):
		sub, err := p.call()
		return arg{call: sub}, err
	}
	start := p.i
	for p.i < len(p.src) && p.src[p.i] != ',' && p.src[p.i] != ')' && p.src[p.i] != ' ' {
		p.i++
	}
	tok := p.src[start:p.i]
	switch tok {
	case "true":
		return arg{lit: true}, nil
	case "false":
		return arg{lit: false}, nil
	case "null":
		return arg{lit: nil}, nil
	}
	v, err := decodeJSON(tok)
	if _, ok := v.(json.Number); err != nil || !ok {
		return arg{}, fmt.Errorf("invalid argument %q", tok)
	}
	return arg{lit: v}, nil
}

// str reads a quoted string literal: '...' where \' \{ \} and \\ are
// escapes (\{ and \} stay escaped, for States.Format to read).
func (p *intrinsicParser) str() (string, error) {
	p.i++
	var b strings.Builder
	for p.i < len(p.src) {
		c := p.src[p.i]
		switch c {
		case '\\':
			if p.i+1 >= len(p.src) {
				return "", errors.New("unterminated string")
			}
			n := p.src[p.i+1]
			if n == '{' || n == '}' {
				b.WriteByte('\\')
			}
			b.WriteByte(n)
			p.i += 2
			continue
		case '\'':
			p.i++
			return b.String(), nil
		}
		b.WriteByte(c)
		p.i++
	}
	return "", errors.New("unterminated string")
}
