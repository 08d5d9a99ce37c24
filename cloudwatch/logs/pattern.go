package logs

import (
	"regexp"
	"strconv"
	"strings"
)

// pattern is a compiled filter pattern, in one of AWS's three forms
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html):
// terms (plain, quoted, ?OR, -exclusions, %regex%), a JSON pattern
// ({ $.a = 1 && ... }) or a space-delimited one ([ip, user, ..., size>100]).
// The empty pattern matches every event.
type pattern struct {
	src    string
	terms  *termPattern
	json   jsonNode
	fields *spacePattern
	regexN int // regular expressions in the pattern (AWS allows 2)
}

// maxPatternLen is the model's limit on filterPattern.
const maxPatternLen = 1024

// compileFilter parses a filter pattern; a pattern AWS refuses is
// InvalidParameterException.
func compileFilter(src string) (*pattern, error) {
	if len(src) > maxPatternLen {
		return nil, constraint("filterPattern", src, "Member must have length less than or equal to 1024")
	}
	p := &pattern{src: src}
	t := strings.TrimSpace(src)
	var err error
	switch {
	case t == "":
	case t[0] == '{':
		p.json, p.regexN, err = parseJSONPattern(t)
	case t[0] == '[':
		p.fields, err = parseSpacePattern(t)
		if err == nil {
			p.regexN = p.fields.regexN
		}
	default:
		p.terms, err = parseTerms(t)
		if err == nil {
			p.regexN = p.terms.regexN
		}
	}
	if err != nil {
		return nil, invalidParam("Invalid filter pattern: %s", err.Error())
	}
	return p, nil
}

// match reports whether the pattern matches an event's message.
func (p *pattern) match(msg string) bool {
	ok, _ := p.matchExtract(msg, false)
	return ok
}

// matchExtract matches msg and, when extract is set, returns the values
// the pattern names ($.a.b of a JSON pattern, $field of a space-delimited
// one), as TestMetricFilter and metricValue read them.
func (p *pattern) matchExtract(msg string, extract bool) (bool, map[string]string) {
	switch {
	case p.json != nil:
		doc, ok := decodeJSONEvent(msg)
		if !ok || !p.json.eval(doc) {
			return false, nil
		}
		if !extract {
			return true, nil
		}
		vals := map[string]string{}
		p.json.collect(doc, vals)
		return true, vals
	case p.fields != nil:
		return p.fields.match(msg, extract)
	case p.terms != nil:
		return p.terms.match(msg), nil
	}
	return true, nil
}

// value reads a metricValue against an event: a number, a $.selector of a
// JSON event, a $field of a space-delimited one. ok is false when the
// value is absent or not a number.
func (p *pattern) value(expr, msg string) (float64, bool) {
	if f, err := strconv.ParseFloat(expr, 64); err == nil {
		return f, true
	}
	switch {
	case strings.HasPrefix(expr, "$.") || expr == "$":
		doc, ok := decodeJSONEvent(msg)
		if !ok {
			return 0, false
		}
		sel, err := parseSelector(expr)
		if err != nil {
			return 0, false
		}
		v, found := sel.get(doc)
		if !found {
			return 0, false
		}
		return numberOf(v)
	case strings.HasPrefix(expr, "$") && p.fields != nil:
		_, vals := p.fields.match(msg, true)
		f, err := strconv.ParseFloat(vals[expr], 64)
		return f, err == nil
	}
	return 0, false
}

// glob matches s against a value with * wildcards.
func glob(pat, s string) bool {
	if !strings.Contains(pat, "*") {
		return pat == s
	}
	parts := strings.Split(pat, "*")
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, mid := range parts[1 : len(parts)-1] {
		i := strings.Index(s, mid)
		if i < 0 {
			return false
		}
		s = s[i+len(mid):]
	}
	return strings.HasSuffix(s, last)
}

// compileRegex compiles a %regex% of a pattern. AWS's dialect is a subset
// of RE2's, which the fake accepts whole.
func compileRegex(body string) (*regexp.Regexp, error) {
	if body == "" {
		return nil, errorf("empty regular expression")
	}
	return regexp.Compile(body)
}

// patternError is a reason a pattern does not parse.
type patternError string

func (e patternError) Error() string { return string(e) }

func errorf(msg string) error { return patternError(msg) }
