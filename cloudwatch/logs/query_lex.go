package logs

import (
	"strings"
	"unicode"
)

// tokKind is the kind of a token of the Logs Insights query language.
type tokKind int

const (
	tokEOF    tokKind = iota
	tokIdent          // a field or keyword: @timestamp, level, a.b.c, `odd name`
	tokString         // "..." or '...'
	tokRegex          // /.../ with optional flags after it
	tokNumber         // 12, 1.5
	tokOp             // = != < <= > >= =~ + - * / % ^ , ( ) [ ] |
)

// token is one token with its text (unquoted for strings and regexes).
type token struct {
	kind tokKind
	text string
	pos  int
}

// maxQueryLen is the longest query string StartQuery accepts
// (api_op_StartQuery.go: QueryString, 10,000 characters).
const maxQueryLen = 10_000

// lexQuery splits a query into tokens; a regex is recognised where an
// operand is expected (after like, =~, (, comma, a command or an operator).
func lexQuery(src string) ([]token, error) {
	var out []token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '#': // a comment to the end of the line
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			s, n, err := lexQuoted(src[i:], c)
			if err != nil {
				return nil, err
			}
			out = append(out, token{tokString, s, i})
			i += n
		case c == '`':
			j := strings.IndexByte(src[i+1:], '`')
			if j < 0 {
				return nil, malformed("unterminated ` at %d", i)
			}
			out = append(out, token{tokIdent, src[i+1 : i+1+j], i})
			i += j + 2
		case c == '/' && regexAllowed(out):
			s, n, err := lexRegex(src[i:])
			if err != nil {
				return nil, err
			}
			out = append(out, token{tokRegex, s, i})
			i += n
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			j := i
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.') {
				j++
			}
			out = append(out, token{tokNumber, src[i:j], i})
			i = j
		case isIdentByte(c) || c == '@' || c >= 0x80:
			j := i + 1
			for j < len(src) && (isIdentByte(src[j]) || src[j] == '.' || src[j] == '@' || src[j] >= 0x80) {
				j++
			}
			out = append(out, token{tokIdent, src[i:j], i})
			i = j
		default:
			n := opLen(src[i:])
			if n == 0 {
				return nil, malformed("unexpected character %q at %d", rune(c), i)
			}
			out = append(out, token{tokOp, src[i : i+n], i})
			i += n
		}
	}
	return append(out, token{kind: tokEOF, pos: len(src)}), nil
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || unicode.IsLetter(rune(c)) || c >= '0' && c <= '9'
}

// opLen is the length of the operator at the start of s, 0 when none.
func opLen(s string) int {
	for _, op := range []string{"!=", "<=", ">=", "=~", "!~"} {
		if strings.HasPrefix(s, op) {
			return 2
		}
	}
	if strings.ContainsRune("=<>+-*/%^,()[]|", rune(s[0])) {
		return 1
	}
	return 0
}

// regexAllowed says whether a / starts a regex: an operand is expected.
func regexAllowed(prev []token) bool {
	if len(prev) == 0 {
		return true
	}
	p := prev[len(prev)-1]
	switch p.kind {
	case tokOp:
		return p.text != ")" && p.text != "]"
	case tokIdent:
		switch strings.ToLower(p.text) {
		case "like", "filter", "parse", "and", "or", "not", "in":
			return true
		}
		return strings.HasPrefix(p.text, "@") && len(prev) >= 2 && strings.EqualFold(prev[len(prev)-2].text, "parse")
	}
	return false
}

// lexQuoted reads a string quoted with q, with backslash escapes.
func lexQuoted(s string, q byte) (string, int, error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			}
		case q:
			return b.String(), i + 1, nil
		default:
			b.WriteByte(s[i])
		}
	}
	return "", 0, malformed("unterminated string")
}

// lexRegex reads /body/flags; \/ is a slash of the body. A flag i
// becomes (?i).
func lexRegex(s string) (string, int, error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) && s[i+1] == '/' {
				b.WriteByte('/')
				i++
				continue
			}
			b.WriteByte('\\')
		case '/':
			j := i + 1
			for j < len(s) && s[j] == 'i' {
				j++
			}
			body := b.String()
			if j > i+1 {
				body = "(?i)" + body
			}
			return body, j, nil
		default:
			b.WriteByte(s[i])
		}
	}
	return "", 0, malformed("unterminated regular expression")
}

// malformed is MalformedQueryException, AWS's answer to a query it
// cannot parse.
func malformed(format string, args ...any) error {
	return errs.New(codeMalformedQuery, format, args...)
}
