package vtl

import (
	"fmt"
	"strings"
)

// SyntaxError is a template that does not parse: API Gateway answers 500
// and writes the error to the execution log.
type SyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("Encountered an error at line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// maxDepth bounds nesting (directives, parentheses, string interpolation),
// so that a hostile template cannot exhaust the stack.
const maxDepth = 100

type parser struct {
	src    string
	pos    int
	depth  int
	macros map[string]macroDef
}

func (p *parser) errorf(format string, args ...any) error {
	line, col := 1, 1
	for _, c := range p.src[:min(p.pos, len(p.src))] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return &SyntaxError{Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) rest() string { return p.src[p.pos:] }

func (p *parser) enter() error {
	p.depth++
	if p.depth > maxDepth {
		return p.errorf("nesting deeper than %d", maxDepth)
	}
	return nil
}

// parseNodes reads template text up to the end or one of the block's
// closing directives, which it returns ("end", "else", "elseif"; "" at
// the end of the source).
func (p *parser) parseNodes() ([]node, string, error) {
	if err := p.enter(); err != nil {
		return nil, "", err
	}
	defer func() { p.depth-- }()
	var out []node
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			out = append(out, textNode(text.String()))
			text.Reset()
		}
	}
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '\\' && p.pos+1 < len(p.src) && (p.src[p.pos+1] == '$' || p.src[p.pos+1] == '#'):
			text.WriteByte(p.src[p.pos+1])
			p.pos += 2
		case c == '$':
			ref, ok, err := p.parseRef()
			if err != nil {
				return nil, "", err
			}
			if !ok {
				text.WriteByte('$')
				p.pos++
				continue
			}
			flush()
			out = append(out, ref)
		case c == '#':
			n, closing, handled, err := p.parseHash(&text)
			if err != nil {
				return nil, "", err
			}
			if !handled {
				text.WriteByte('#')
				p.pos++
				continue
			}
			if closing != "" {
				flush()
				return out, closing, nil
			}
			if n != nil {
				flush()
				out = append(out, n)
			}
		default:
			j := strings.IndexAny(p.rest(), "$#\\")
			if j < 0 {
				j = len(p.rest())
			} else if j == 0 {
				j = 1
			}
			text.WriteString(p.src[p.pos : p.pos+j])
			p.pos += j
		}
	}
	flush()
	return out, "", nil
}

// directive reads #name or #{name} at p.pos, returning the name and the
// position after it; ok false when there is none.
func (p *parser) directive() (name string, end int, ok bool) {
	s := p.rest()[1:]
	formal := strings.HasPrefix(s, "{")
	if formal {
		s = s[1:]
	}
	n := identLen(s)
	if n == 0 {
		return "", 0, false
	}
	name, end = s[:n], p.pos+1+n
	if formal {
		if !strings.HasPrefix(s[n:], "}") {
			return "", 0, false
		}
		end += 2
	}
	return name, end, true
}

// parseHash handles what starts with '#': a comment, unparsed content, a
// directive or a macro call. handled false means a literal '#'.
func (p *parser) parseHash(text *strings.Builder) (n node, closing string, handled bool, err error) {
	rest := p.rest()
	switch {
	case strings.HasPrefix(rest, "##"):
		end := strings.IndexByte(rest, '\n')
		if end < 0 {
			p.pos = len(p.src)
		} else {
			p.pos += end + 1
		}
		return nil, "", true, nil
	case strings.HasPrefix(rest, "#*"):
		end := strings.Index(rest[2:], "*#")
		if end < 0 {
			return nil, "", false, p.errorf("unterminated comment")
		}
		p.pos += 2 + end + 2
		return nil, "", true, nil
	case strings.HasPrefix(rest, "#[["):
		end := strings.Index(rest[3:], "]]#")
		if end < 0 {
			return nil, "", false, p.errorf("unterminated #[[ ]]# block")
		}
		text.WriteString(rest[3 : 3+end])
		p.pos += 3 + end + 3
		return nil, "", true, nil
	}
	name, end, ok := p.directive()
	if !ok {
		return nil, "", false, nil
	}
	switch name {
	case "end", "else":
		p.pos = end
		p.gobbleNewline()
		return nil, name, true, nil
	case "elseif":
		p.pos = end
		return nil, name, true, nil
	case "break", "stop":
		p.pos = end
		if name == "break" {
			return breakNode{}, "", true, nil
		}
		return stopNode{}, "", true, nil
	case "set":
		trimTrailingBlanks(text)
		p.pos = end
		n, err = p.parseSet()
		return n, "", true, err
	case "if":
		p.pos = end
		n, err = p.parseIf()
		return n, "", true, err
	case "foreach":
		p.pos = end
		n, err = p.parseForeach()
		return n, "", true, err
	case "define":
		p.pos = end
		n, err = p.parseDefine()
		return n, "", true, err
	case "macro":
		p.pos = end
		return nil, "", true, p.parseMacro()
	}
	if _, known := p.macros[name]; known && p.peekAfterBlanks(end) == '(' {
		start := p.pos
		p.pos = end
		args, err := p.parseArgsList(true)
		if err != nil {
			return nil, "", true, err
		}
		return &macroCall{name: name, args: args, src: p.src[start:p.pos]}, "", true, nil
	}
	return nil, "", false, nil
}

func (p *parser) peekAfterBlanks(i int) byte {
	for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t') {
		i++
	}
	if i < len(p.src) {
		return p.src[i]
	}
	return 0
}

// trimTrailingBlanks drops the spaces and tabs that precede a #set, which
// Velocity 1.7's lexer takes as part of the directive.
func trimTrailingBlanks(text *strings.Builder) {
	s := text.String()
	t := strings.TrimRight(s, " \t")
	if len(t) != len(s) {
		text.Reset()
		text.WriteString(t)
	}
}

// gobbleNewline consumes blanks and one newline after a directive's
// closing parenthesis, #else or #end, as Velocity 1.7 does; nothing when
// other text follows on the line.
func (p *parser) gobbleNewline() {
	i := p.pos
	for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t') {
		i++
	}
	switch {
	case strings.HasPrefix(p.src[i:], "\r\n"):
		p.pos = i + 2
	case i < len(p.src) && (p.src[i] == '\n' || p.src[i] == '\r'):
		p.pos = i + 1
	}
}

func identLen(s string) int {
	if s == "" || !(isLetter(s[0]) || s[0] == '_') {
		return 0
	}
	i := 1
	for i < len(s) && (isLetter(s[i]) || isDigit(s[i]) || s[i] == '_' || s[i] == '-') {
		i++
	}
	return i
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
