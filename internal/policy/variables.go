package policy

import (
	"strconv"
	"strings"
)

// expand writes s into the evaluation's scratch buffer with its policy
// variables (${aws:username}, ${aws:PrincipalTag/team}, ${aws:SourceArn,
// 'default'}, the escapes ${*} ${?} ${$}) replaced by their values, when
// the document has variables (e.vars). For a glob pattern (asGlob) the
// substituted text is escaped so that a * or ? in a value matches only
// itself, as AWS documents for ${*} and ${?}. ok is false when a variable
// has no value and no default: the element then matches nothing, as AWS
// evaluates it. The result is valid until the next expand.
func (e *evaluation) expand(s string, asGlob bool) ([]byte, bool) {
	b := e.buf[:0]
	for e.vars {
		i := strings.Index(s, "${")
		j := -1
		if i >= 0 {
			j = strings.IndexByte(s[i:], '}')
		}
		if j < 0 {
			break
		}
		b = appendLiteral(b, s[:i], asGlob, false)
		value, ok := e.variable(s[i+2 : i+j])
		if !ok {
			return nil, false
		}
		b = appendLiteral(b, value, asGlob, true)
		s = s[i+j+1:]
	}
	e.buf = appendLiteral(b, s, asGlob, false)
	return e.buf, true
}

// appendLiteral appends text; in a glob, a backslash is always escaped, and
// so are * and ? of a substituted value.
func appendLiteral(b []byte, text string, asGlob, value bool) []byte {
	if !asGlob || (!value && !strings.Contains(text, `\`)) {
		return append(b, text...)
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\\' || (value && (c == '*' || c == '?')) {
			b = append(b, '\\')
		}
		b = append(b, c)
	}
	return b
}

// variable returns the value of the inside of ${...}: an escape, a key, or
// a key with a quoted default ("aws:username, 'anonymous'").
func (e *evaluation) variable(inner string) (string, bool) {
	switch inner {
	case "*", "?", "$":
		return inner, true
	}
	key, def, hasDefault := strings.Cut(inner, ",")
	key = strings.TrimSpace(key)
	if hasDefault {
		def = strings.TrimSpace(def)
		if len(def) < 2 || def[0] != '\'' || def[len(def)-1] != '\'' {
			return "", false
		}
		def = def[1 : len(def)-1]
	}
	if v, ok := e.lookup(key); ok && len(v) == 1 {
		return v[0], true
	}
	return def, hasDefault
}

// lookup returns the values of a condition key: the keys AWS derives from
// the caller and the resource first (aws:PrincipalArn, aws:PrincipalAccount,
// aws:username, aws:userid, aws:PrincipalTag/*, aws:PrincipalType,
// aws:PrincipalServiceName, aws:PrincipalIsAWSService, aws:ResourceAccount), then the request's
// Context. Keys compare case-insensitively, as AWS's do.
func (e *evaluation) lookup(key string) ([]string, bool) {
	if v := e.derived(key); v != "" {
		e.one[0] = v
		return e.one[:], true
	}
	ctx := e.req.Context
	if v, ok := ctx[key]; ok {
		return v, true
	}
	for k, v := range ctx {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	return nil, false
}

// derived is the value of a key AWS fills from the caller or the resource.
func (e *evaluation) derived(key string) string {
	c := &e.req.Caller
	if tag, ok := cutPrefixFold(key, "aws:PrincipalTag/"); ok {
		for k, v := range c.Tags {
			if strings.EqualFold(k, tag) {
				return v
			}
		}
		return ""
	}
	switch {
	case strings.EqualFold(key, "aws:PrincipalArn"):
		switch {
		case e.roleARN != "":
			return e.roleARN
		case c.Root:
			return e.rootARN
		}
		return c.ARN
	case strings.EqualFold(key, "aws:PrincipalAccount"):
		return c.Account
	case strings.EqualFold(key, "aws:username"):
		return c.Username
	case strings.EqualFold(key, "aws:userid"):
		return c.UserID
	case strings.EqualFold(key, "aws:PrincipalType"):
		return principalType(c, e.roleARN)
	case strings.EqualFold(key, "aws:PrincipalServiceName"):
		return c.Service
	case strings.EqualFold(key, "aws:PrincipalIsAWSService"):
		return strconv.FormatBool(c.Service != "")
	case strings.EqualFold(key, "aws:ResourceAccount"):
		if e.req.ResourceAccount != "" {
			return e.req.ResourceAccount
		}
		return c.Account
	}
	return ""
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return "", false
	}
	return s[len(prefix):], true
}

// principalType is aws:PrincipalType: Account, User, AssumedRole,
// FederatedUser or Anonymous (none for a service principal).
func principalType(c *Caller, role string) string {
	switch {
	case c.Service != "":
		return ""
	case c.ARN == "":
		return "Anonymous"
	case c.Root:
		return "Account"
	case role != "":
		return "AssumedRole"
	case strings.Contains(c.ARN, ":federated-user/"):
		return "FederatedUser"
	}
	return "User"
}
