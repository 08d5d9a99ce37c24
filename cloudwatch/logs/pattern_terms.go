package logs

import (
	"regexp"
	"strings"
)

// termPattern is a pattern of terms: every plain term must appear in the
// event, no excluded (-) one may, and when ? terms are given at least one
// of them must. Terms are case-sensitive substrings; a quoted term keeps
// its spaces and punctuation; %...% is a regular expression.
type termPattern struct {
	all, none, any []term
	regexN         int
}

// term is one term: a literal or a regular expression.
type term struct {
	lit string
	re  *regexp.Regexp
}

func (t term) in(msg string) bool {
	if t.re != nil {
		return t.re.MatchString(msg)
	}
	return strings.Contains(msg, t.lit)
}

// parseTerms parses a term pattern.
func parseTerms(src string) (*termPattern, error) {
	tp := &termPattern{}
	for i := 0; i < len(src); {
		c := src[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		list := &tp.all
		switch c {
		case '-':
			list = &tp.none
			i++
		case '?':
			list = &tp.any
			i++
		}
		t, n, err := readTerm(src[i:])
		if err != nil {
			return nil, err
		}
		if t.re != nil {
			tp.regexN++
		}
		*list = append(*list, t)
		i += n
	}
	return tp, nil
}

// readTerm reads one term at the start of s and how many bytes it took.
func readTerm(s string) (term, int, error) {
	if s == "" || s[0] == ' ' {
		return term{}, 0, errorf("an operator with no term")
	}
	switch s[0] {
	case '"':
		end := closingQuote(s)
		if end < 0 {
			return term{}, 0, errorf("unterminated quoted term")
		}
		return term{lit: unquote(s[1:end])}, end + 1, nil
	case '%':
		end := strings.IndexByte(s[1:], '%')
		if end < 0 {
			return term{}, 0, errorf("unterminated regular expression")
		}
		re, err := compileRegex(s[1 : end+1])
		if err != nil {
			return term{}, 0, err
		}
		return term{re: re}, end + 2, nil
	}
	n := strings.IndexAny(s, " \t\r\n")
	if n < 0 {
		n = len(s)
	}
	return term{lit: s[:n]}, n, nil
}

// closingQuote is the index of the quote closing the one at s[0], past
// backslash escapes, or -1.
func closingQuote(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// unquote removes the backslash escapes of a quoted term.
func unquote(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func (tp *termPattern) match(msg string) bool {
	for _, t := range tp.all {
		if !t.in(msg) {
			return false
		}
	}
	for _, t := range tp.none {
		if t.in(msg) {
			return false
		}
	}
	if len(tp.any) == 0 {
		return true
	}
	for _, t := range tp.any {
		if t.in(msg) {
			return true
		}
	}
	return false
}
