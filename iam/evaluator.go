package iam

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/awsfake/awsfake/internal/policy"
)

// This file is the one place the package calls the policy engine
// (internal/policy): checking documents and, later, evaluating them.

// docKind is what a policy document is for: the rules differ (a trust
// policy names a Principal, an identity policy must not).
type docKind int

const (
	identityDoc docKind = iota // managed, inline and boundary policies
	trustDoc                   // a role's trust (assume role) policy
)

// checkDocument applies AWS's rules to a policy document member:
// MalformedPolicyDocument for a document that does not parse or breaks
// the grammar, the size limit in characters (white space not counted).
func checkDocument(doc string, kind docKind, maxChars int) error {
	if doc == "" {
		return validation("policyDocument", doc, "Member must have length greater than or equal to 1")
	}
	for _, c := range doc {
		if !(c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xff) {
			return validation("policyDocument", doc, `Member must satisfy regular expression pattern: [\u0009\u000A\u000D\u0020-\u00FF]+`)
		}
	}
	if n := policyChars(doc); n > maxChars {
		return limit("Cannot exceed quota for PolicySize: %d", maxChars)
	}
	d, err := policy.Parse([]byte(doc))
	if err != nil {
		return malformed("Syntax errors in policy.")
	}
	return checkGrammar(d, kind)
}

// checkGrammar applies the grammar rules AWS reports as
// MalformedPolicyDocument.
func checkGrammar(d policy.Document, kind docKind) error {
	if d.Version != "" && d.Version != "2012-10-17" && d.Version != "2008-10-17" {
		return malformed("The policy failed legacy parsing")
	}
	if len(d.Statement) == 0 {
		return malformed("Syntax errors in policy.")
	}
	for _, st := range d.Statement {
		if st.Effect != policy.Allow && st.Effect != policy.Deny {
			return malformed("Syntax errors in policy.")
		}
		if len(st.Action) == 0 && len(st.NotAction) == 0 {
			return malformed("Policy statement must contain actions.")
		}
		switch {
		case kind == identityDoc && (st.Principal != nil || st.NotPrincipal != nil):
			return malformed("Policy document should not specify a principal.")
		case kind == identityDoc && len(st.Resource) == 0 && len(st.NotResource) == 0:
			return malformed("Policy statement must contain resources.")
		case kind == trustDoc && st.Principal == nil && st.NotPrincipal == nil:
			return malformed("Missing required field Principal")
		case kind == trustDoc && (len(st.Resource) > 0 || len(st.NotResource) > 0):
			return malformed("Has prohibited field Resource")
		}
	}
	return nil
}

// policyChars is a document's size as IAM counts it against its quotas:
// characters, white space not counted.
func policyChars(doc string) int {
	n := 0
	for _, c := range doc {
		if !unicode.IsSpace(c) {
			n++
		}
	}
	return n
}

// encodeDocument is a document as IAM returns it: URL-encoded (RFC 3986).
func encodeDocument(doc string) string {
	return strings.ReplaceAll(url.QueryEscape(doc), "+", "%20")
}
