package xray

import (
	"strconv"
	"strings"
	"unicode"
)

// MaxFilterExpressionBytes bounds a filter expression the fake parses.
// AWS's model sets no length; the bound keeps a hostile expression cheap.
const MaxFilterExpressionBytes = 4096

// tokKind is the kind of a filter expression token.
type tokKind int

const (
	tokEOF tokKind = iota
	tokIdent
	tokString
	tokNumber
	tokOp     // = != < <= > >=
	tokWordOp // BEGINSWITH ENDSWITH CONTAINS
	tokAnd
	tokOr
	tokNot // NOT or !
	tokTrue
	tokFalse
	tokLParen
	tokRParen
	tokLBrace
	tokRBrace
	tokLBracket
	tokRBracket
	tokComma
	tokColon
)

// token is one lexeme of a filter expression.
type token struct {
	kind tokKind
	text string  // the identifier, operator or string's value
	num  float64 // a number's value
	pos  int
}

// lex splits a filter expression into tokens.
func lex(src string) ([]token, error) {
	var out []token
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case strings.IndexByte("(){}[],:", c) >= 0:
			out = append(out, token{kind: punct(c), text: string(c), pos: i})
			i++
		case c == '"':
			s, n, err := lexString(src, i)
			if err != nil {
				return nil, err
			}
			out = append(out, token{kind: tokString, text: s, pos: i})
			i = n
		case c == '!' && (i+1 >= len(src) || src[i+1] != '='):
			out = append(out, token{kind: tokNot, text: "!", pos: i})
			i++
		case strings.IndexByte("=!<>", c) >= 0:
			n := i + 1
			if n < len(src) && src[n] == '=' {
				n++
			}
			op := src[i:n]
			if op == "==" {
				op = "="
			}
			out = append(out, token{kind: tokOp, text: op, pos: i})
			i = n
		case c == '-' || c == '.' || (c >= '0' && c <= '9'):
			n := i + 1
			for n < len(src) && strings.IndexByte("0123456789.eE+-", src[n]) >= 0 {
				if (src[n] == '+' || src[n] == '-') && src[n-1] != 'e' && src[n-1] != 'E' {
					break
				}
				n++
			}
			f, err := strconv.ParseFloat(src[i:n], 64)
			if err != nil {
				return nil, filterErr("invalid number %q at position %d", src[i:n], i)
			}
			out = append(out, token{kind: tokNumber, num: f, text: src[i:n], pos: i})
			i = n
		case isIdentStart(rune(c)):
			n := i + 1
			for n < len(src) && isIdentPart(rune(src[n])) {
				n++
			}
			out = append(out, word(src[i:n], i))
			i = n
		default:
			return nil, filterErr("unexpected character %q at position %d", c, i)
		}
	}
	return append(out, token{kind: tokEOF, pos: len(src)}), nil
}

func punct(c byte) tokKind {
	return map[byte]tokKind{'(': tokLParen, ')': tokRParen, '{': tokLBrace, '}': tokRBrace,
		'[': tokLBracket, ']': tokRBracket, ',': tokComma, ':': tokColon}[c]
}

// lexString reads a double-quoted string from src[i], with backslash
// escapes; it returns the value and the index after the closing quote.
func lexString(src string, i int) (string, int, error) {
	var b strings.Builder
	for n := i + 1; n < len(src); n++ {
		switch src[n] {
		case '\\':
			if n+1 >= len(src) {
				return "", 0, filterErr("unterminated string at position %d", i)
			}
			n++
			b.WriteByte(src[n])
		case '"':
			return b.String(), n + 1, nil
		default:
			b.WriteByte(src[n])
		}
	}
	return "", 0, filterErr("unterminated string at position %d", i)
}

func isIdentStart(r rune) bool { return r == '_' || unicode.IsLetter(r) }

func isIdentPart(r rune) bool {
	return r == '_' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// word classifies an identifier: an operator word, a boolean literal or a
// keyword. Operator words are case-insensitive, as AWS's examples mix them.
func word(s string, pos int) token {
	switch strings.ToUpper(s) {
	case "AND":
		return token{kind: tokAnd, text: s, pos: pos}
	case "OR":
		return token{kind: tokOr, text: s, pos: pos}
	case "NOT":
		return token{kind: tokNot, text: s, pos: pos}
	case "BEGINSWITH", "ENDSWITH", "CONTAINS":
		return token{kind: tokWordOp, text: strings.ToUpper(s), pos: pos}
	}
	switch s {
	case "true":
		return token{kind: tokTrue, text: s, pos: pos}
	case "false":
		return token{kind: tokFalse, text: s, pos: pos}
	}
	return token{kind: tokIdent, text: s, pos: pos}
}
