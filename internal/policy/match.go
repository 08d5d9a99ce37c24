package policy

import (
	"strings"
	"unicode/utf8"
)

// text is a pattern: a policy's string or an expanded one in a buffer.
type text interface{ ~string | ~[]byte }

// glob reports whether s matches pattern, where * matches any run of
// characters and ? exactly one, and a backslash makes the next character
// literal (expand escapes variable values and ${*} ${?} ${$} that way).
// fold compares ASCII letters case-insensitively, as action names are.
func glob[P text](pattern P, s string, fold bool) bool {
	var starP, starS = -1, 0
	p, i := 0, 0
	for i < len(s) {
		if p < len(pattern) {
			c := pattern[p]
			switch {
			case c == '*':
				starP, starS = p, i
				p++
				continue
			case c == '?':
				_, n := utf8.DecodeRuneInString(s[i:])
				p, i = p+1, i+n
				continue
			case c == '\\' && p+1 < len(pattern):
				if sameByte(pattern[p+1], s[i], fold) {
					p, i = p+2, i+1
					continue
				}
			case sameByte(c, s[i], fold):
				p, i = p+1, i+1
				continue
			}
		}
		if starP < 0 {
			return false
		}
		_, n := utf8.DecodeRuneInString(s[starS:])
		starS += n
		p, i = starP+1, starS
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

func sameByte(a, b byte, fold bool) bool {
	if a == b {
		return true
	}
	if !fold {
		return false
	}
	return lower(a) == lower(b)
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// matchAction reports whether the statement's Action (or, negated, its
// NotAction) covers action. Action names compare case-insensitively.
func matchAction(st *Statement, action string) bool {
	if st.NotAction != nil {
		return !anyGlob(st.NotAction, action, true)
	}
	return anyGlob(st.Action, action, true)
}

func anyGlob(patterns Values, s string, fold bool) bool {
	for _, p := range patterns {
		if p == "*" || glob(p, s, fold) {
			return true
		}
	}
	return false
}

// matchResource reports whether the statement's Resource (or NotResource)
// covers resource, with policy variables expanded. A resource-based
// statement with neither element (a trust policy, a policy on its own
// resource) covers every resource; an identity-side one, which IAM refuses,
// covers none.
func (e *evaluation) matchResource(st *Statement, resourceSide bool) bool {
	switch {
	case st.NotResource != nil:
		return !e.anyResource(st.NotResource)
	case st.Resource != nil:
		return e.anyResource(st.Resource)
	}
	return resourceSide
}

func (e *evaluation) anyResource(patterns Values) bool {
	for _, p := range patterns {
		if p == "*" {
			return true
		}
		if x, ok := e.expand(p, true); ok && arnLike(x, e.req.Resource) {
			return true
		}
	}
	return false
}

// arnLike matches an ARN against a pattern component by component (the
// six colon-separated parts), so that a wildcard stays within its part, as
// ArnLike and the Resource element do; anything else matches as a whole.
func arnLike[P text](pattern P, arn string) bool {
	if len(pattern) < 4 || string(pattern[:4]) != "arn:" || !strings.HasPrefix(arn, "arn:") {
		return glob(pattern, arn, false)
	}
	for part := 0; part < 5; part++ {
		pi, ai := indexColon(pattern), strings.IndexByte(arn, ':')
		if pi < 0 || ai < 0 {
			return pi < 0 && ai < 0 && glob(pattern, arn, false)
		}
		if !glob(pattern[:pi], arn[:ai], false) {
			return false
		}
		pattern, arn = pattern[pi+1:], arn[ai+1:]
	}
	return glob(pattern, arn, false)
}

func indexColon[P text](s P) int {
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			return i
		}
	}
	return -1
}

// principalMatch is how a statement's principal names the caller.
type principalMatch int

const (
	noPrincipal principalMatch = iota
	// byAccount: the caller's account (its id or root ARN), which
	// delegates to the account's identity-based policies.
	byAccount
	// byGroup: "*", a service, the role of a session.
	byGroup
	// byARN: the caller's own user or session ARN, the grant AWS lets
	// through permissions boundaries and session policies.
	byARN
)

// matchPrincipal reports how the statement's Principal (or NotPrincipal)
// names the caller.
func (e *evaluation) matchPrincipal(st *Statement) principalMatch {
	if st.NotPrincipal != nil {
		if e.principal(st.NotPrincipal) != noPrincipal {
			return noPrincipal
		}
		return byGroup
	}
	if st.Principal == nil {
		return noPrincipal
	}
	return e.principal(st.Principal)
}

func (e *evaluation) principal(p *Principal) principalMatch {
	if p.All {
		return byGroup
	}
	best := noPrincipal
	c := &e.req.Caller
	for kind, values := range p.ByKind {
		for _, v := range values {
			m := noPrincipal
			switch kind {
			case "AWS":
				m = e.awsPrincipal(v)
			case "Service":
				if c.Service != "" && strings.EqualFold(v, c.Service) {
					m = byARN
				}
			case "Federated":
				if c.Federated != "" && v == c.Federated {
					m = byGroup
				}
			case "CanonicalUser":
				if c.CanonicalUser != "" && v == c.CanonicalUser {
					m = byARN
				}
			}
			best = max(best, m)
		}
	}
	return best
}

// awsPrincipal matches one AWS principal value: "*", an account id or its
// root ARN (every principal of that account), the caller's ARN, or the role
// an assumed-role session belongs to.
func (e *evaluation) awsPrincipal(v string) principalMatch {
	c := &e.req.Caller
	switch {
	case v == "*":
		return byGroup
	case c.ARN == "":
		return noPrincipal
	case v == c.ARN:
		return byARN
	case v == c.Account || v == e.rootARN:
		return byAccount
	case e.roleARN != "" && v == e.roleARN:
		return byGroup
	}
	return noPrincipal
}
