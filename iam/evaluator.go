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
	resourceDoc = policy.Resource // a resource-based policy (simulations)
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

// sourced is a parsed document and its source, as MatchedStatements name
// it (SourcePolicyId, SourcePolicyType).
type sourced struct {
	id, kind string
	doc      policy.Document
}

// policySet is what applies to a simulated request.
type policySet struct {
	identity, boundary []sourced
	resource           *sourced
}

// parseInputs checks and parses the documents of an input list, named
// <list>.N as AWS's simulator names them.
func parseInputs(list string, docs []string, kind docKind) ([]sourced, error) {
	var out []sourced
	for i, doc := range docs {
		if err := checkDocument(doc, kind, maxPolicyInput); err != nil {
			return nil, err
		}
		d, _ := policy.Parse([]byte(doc))
		out = append(out, sourced{id: list + "." + itoa(i+1), kind: "none", doc: d})
	}
	return out, nil
}

// maxPolicyInput is the model's policyDocumentType length.
const maxPolicyInput = 131072

// evaluate decides every action on every resource for caller c, with
// AWS's EvalDecision values and the statements that decided each.
func evaluate(c policy.Caller, set policySet, sim simulation) []EvaluationResult {
	docs := func(ss []sourced) []policy.Document {
		out := make([]policy.Document, len(ss))
		for i, s := range ss {
			out[i] = s.doc
		}
		return out
	}
	p := policy.Policies{Identity: docs(set.identity), Boundary: docs(set.boundary)}
	if set.resource != nil {
		p.Resource = &set.resource.doc
	}
	var out []EvaluationResult
	for _, action := range sim.actions {
		for _, res := range sim.resources {
			req := policy.Request{Caller: c, Action: action, Resource: res, ResourceAccount: sim.owner, Context: sim.context}
			r := policy.Evaluate(req, p)
			er := EvaluationResult{EvalActionName: action, EvalResourceName: res, EvalDecision: string(r.Decision),
				MatchedStatements: []Statement{}, MissingContextValues: []string{}}
			for _, m := range r.Matched {
				er.MatchedStatements = append(er.MatchedStatements, set.source(m))
			}
			if len(set.boundary) > 0 {
				b := policy.Evaluate(req, policy.Policies{Identity: p.Boundary})
				er.PermissionsBoundaryDecisionDetail = &PermissionsBoundaryDecisionDetail{AllowedByPermissionsBoundary: b.Decision == policy.Allowed}
			}
			out = append(out, er)
		}
	}
	return out
}

// source names the document a matched statement is in.
func (set policySet) source(m policy.Match) Statement {
	var s sourced
	switch m.Set {
	case policy.SetIdentity:
		s = set.identity[m.Index]
	case policy.SetBoundary:
		s = set.boundary[m.Index]
	case policy.SetResource:
		s = *set.resource
	}
	return Statement{SourcePolicyId: s.id, SourcePolicyType: s.kind}
}

// contextKeys returns the condition keys the documents use, sorted, once
// each.
func contextKeys(ss []sourced) []string {
	seen := map[string]bool{}
	for _, s := range ss {
		for _, st := range s.doc.Statement {
			for _, keys := range st.Condition {
				for k := range keys {
					seen[strings.ToLower(k)] = true
				}
			}
		}
	}
	return sortedKeys(seen)
}

// callerOfARN is the evaluator's caller for a simulated principal.
func callerOfARN(principalARN, account, username string) policy.Caller {
	c := policy.Caller{ARN: principalARN, Account: account, Username: username}
	if strings.HasSuffix(principalARN, ":root") {
		c.Root = true
	}
	if strings.Contains(principalARN, ":role/") {
		c.RoleARN = principalARN
	}
	return c
}

// loadDoc parses a stored document, which was checked when it was put.
func loadDoc(id, kind, doc string) sourced {
	d, _ := policy.Parse([]byte(doc))
	return sourced{id: id, kind: kind, doc: d}
}
