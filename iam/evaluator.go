package iam

import (
	"errors"
	"net/url"
	"strings"
	"unicode"

	"github.com/awsfake/awsfake/internal/policy"
)

// This file is the one place the package calls the policy engine
// (internal/policy): checking documents and, later, evaluating them.

// docKind is what a policy document is for: the grammar differs (a trust
// policy names a Principal, an identity policy must not).
type docKind = policy.Kind

const (
	identityDoc = policy.Identity // managed, inline and boundary policies
	trustDoc    = policy.Trust    // a role's trust (assume role) policy
)

// checkDocument applies AWS's rules to a policy document member: the
// model's characters, the size limit in characters (white space not
// counted), and the policy grammar (policy.Validate), whose faults are
// MalformedPolicyDocument with IAM's messages.
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
	var bad *policy.MalformedError
	if err := policy.Validate([]byte(doc), kind); errors.As(err, &bad) {
		return malformed(bad.Message)
	} else if err != nil {
		return malformed("Syntax errors in policy.")
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
