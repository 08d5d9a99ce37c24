package vtl

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf16"
)

// Util is $util as API Gateway defines it for REST API mapping templates:
// exactly escapeJavaScript, parseJson, urlEncode, urlDecode, base64Encode
// and base64Decode
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#util-template-reference).
// AppSync's $util.toJson and the like are not API Gateway's: they render
// as written.
type Util struct{}

// Property answers no property: $util has only methods.
func (Util) Property(string) (any, bool) { return nil, false }

// Method runs one of the six functions on a string argument.
func (Util) Method(name string, args []any) (any, bool) {
	if len(args) != 1 {
		return nil, false
	}
	if args[0] == nil {
		return nil, true
	}
	s, ok := args[0].(string)
	if !ok {
		s = String(args[0])
	}
	switch name {
	case "escapeJavaScript":
		return EscapeJavaScript(s), true
	case "parseJson":
		v, err := ParseJSON(s)
		if err != nil {
			return nil, true
		}
		return v, true
	case "urlEncode":
		return javaURLEncode(s), true
	case "urlDecode":
		d, err := url.QueryUnescape(s)
		if err != nil {
			return nil, true
		}
		return d, true
	case "base64Encode":
		return base64.StdEncoding.EncodeToString([]byte(s)), true
	case "base64Decode":
		d, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, true
		}
		return string(d), true
	}
	return nil, false
}

// EscapeJavaScript escapes s with JavaScript string rules as API Gateway's
// $util.escapeJavaScript does (Apache Commons Lang's escapeJavaScript):
// quotes, backslash and slash get a backslash, control characters their
// short or \u00XX form, and every character past ASCII its \uXXXX form
// (upper-case hex, UTF-16 units). A single quote becomes \', which is not
// valid JSON, as AWS's documentation warns.
func EscapeJavaScript(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		switch {
		case u > 0x7f:
			fmt.Fprintf(&b, "\\u%04X", u)
		case u < 0x20:
			switch u {
			case '\b':
				b.WriteString(`\b`)
			case '\n':
				b.WriteString(`\n`)
			case '\t':
				b.WriteString(`\t`)
			case '\f':
				b.WriteString(`\f`)
			case '\r':
				b.WriteString(`\r`)
			default:
				fmt.Fprintf(&b, "\\u%04X", u)
			}
		case u == '\'' || u == '"' || u == '\\' || u == '/':
			b.WriteByte('\\')
			b.WriteByte(byte(u))
		default:
			b.WriteByte(byte(u))
		}
	}
	return b.String()
}

// javaURLEncode is Java's URLEncoder.encode(s, "UTF-8"), which
// $util.urlEncode is: letters, digits and ".-*_" stay, a space is "+",
// every other byte of the UTF-8 encoding is %XX in upper case.
func javaURLEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isLetter(c) || isDigit(c) || c == '.' || c == '-' || c == '*' || c == '_':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
