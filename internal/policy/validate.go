package policy

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
)

// Kind is what a document is for, which decides the grammar Validate holds
// it to.
type Kind int

// Kinds of documents.
const (
	// Identity is a policy attached to a user, group or role (or a
	// boundary or session policy): no Principal, Action and Resource
	// required.
	Identity Kind = iota
	// Resource is a resource-based policy (queue, topic, bucket,
	// function): Principal required.
	Resource
	// Trust is a role's trust policy: Principal required, no Resource,
	// sts actions only.
	Trust
)

// MalformedError is a document Validate refuses, with IAM's
// MalformedPolicyDocument message.
type MalformedError struct{ Message string }

// Error returns the message.
func (e *MalformedError) Error() string { return e.Message }

func malformed(msg string) error { return &MalformedError{Message: msg} }

// Messages IAM answers MalformedPolicyDocument with.
const (
	msgSyntax          = "Syntax errors in policy."
	msgNoPrincipal     = "Policy document should not specify a principal."
	msgNeedPrincipal   = "Missing required field Principal"
	msgNeedActions     = "Policy statement must contain actions."
	msgNeedResources   = "Policy statement must contain resources."
	msgTrustResource   = "Has prohibited field Resource"
	msgTrustAction     = "Policy has invalid action"
	msgVendor          = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."
	msgDuplicateSid    = "Statement IDs (SID) in a single policy must be unique."
	msgSidAlphanumeric = "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*"
)

var (
	topFields       = []string{"Version", "Id", "Statement"}
	statementFields = []string{"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
		"Resource", "NotResource", "Condition"}
	vendorAction = regexp.MustCompile(`^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$`)
	alphanumeric = regexp.MustCompile(`^[0-9A-Za-z]*$`)
	accountID    = regexp.MustCompile(`^[0-9]{12}$`)
	principalARN = regexp.MustCompile(`^arn:aws[a-z-]*:(iam::([0-9]{12}|aws):(root|user/.+|role/.+|group/.+|federated-user/.+)|sts::[0-9]{12}:(assumed-role/.+|federated-user/.+))$`)
)

// Validate checks a document against the IAM policy grammar for its kind
// and returns a *MalformedError with IAM's message for the first fault. A
// document it accepts Parse reads and Evaluate evaluates.
func Validate(raw []byte, kind Kind) error {
	doc, err := Parse(raw)
	if err != nil || !bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
		return malformed(msgSyntax)
	}
	if err := knownFields(raw); err != nil {
		return err
	}
	switch doc.Version {
	case "", "2012-10-17", "2008-10-17":
	default:
		return malformed(msgSyntax)
	}
	if len(doc.Statement) == 0 {
		return malformed(msgSyntax)
	}
	sids := map[string]bool{}
	for i := range doc.Statement {
		st := &doc.Statement[i]
		if st.Sid != "" && sids[st.Sid] {
			return malformed(msgDuplicateSid)
		}
		sids[st.Sid] = true
		if kind != Resource && !alphanumeric.MatchString(st.Sid) {
			return malformed(msgSidAlphanumeric)
		}
		if err := validateStatement(st, kind); err != nil {
			return err
		}
	}
	return nil
}

// knownFields refuses an element the grammar does not have.
func knownFields(raw []byte) error {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil {
		return malformed(msgSyntax)
	}
	if err := onlyFields(top, topFields); err != nil {
		return err
	}
	st := bytes.TrimSpace(top["Statement"])
	var list []map[string]json.RawMessage
	if len(st) > 0 && st[0] == '{' {
		list = make([]map[string]json.RawMessage, 1)
		if err := json.Unmarshal(st, &list[0]); err != nil {
			return malformed(msgSyntax)
		}
	} else if err := json.Unmarshal(st, &list); err != nil {
		return malformed(msgSyntax)
	}
	for _, s := range list {
		if err := onlyFields(s, statementFields); err != nil {
			return err
		}
	}
	return nil
}

func onlyFields(m map[string]json.RawMessage, known []string) error {
	for k := range m {
		if !slices.Contains(known, k) {
			return malformed("Unknown field " + k)
		}
	}
	return nil
}

// validateStatement checks one statement's elements for the kind.
func validateStatement(st *Statement, kind Kind) error {
	if st.Effect != Allow && st.Effect != Deny {
		return malformed(msgSyntax)
	}
	hasPrincipal := st.Principal != nil || st.NotPrincipal != nil
	switch {
	case kind == Identity && hasPrincipal:
		return malformed(msgNoPrincipal)
	case kind != Identity && !hasPrincipal:
		return malformed(msgNeedPrincipal)
	case st.Principal != nil && st.NotPrincipal != nil,
		st.Action != nil && st.NotAction != nil,
		st.Resource != nil && st.NotResource != nil:
		return malformed(msgSyntax)
	case len(st.Action) == 0 && len(st.NotAction) == 0:
		return malformed(msgNeedActions)
	case kind == Identity && len(st.Resource) == 0 && len(st.NotResource) == 0:
		return malformed(msgNeedResources)
	case kind == Trust && (st.Resource != nil || st.NotResource != nil):
		return malformed(msgTrustResource)
	}
	if err := validateActions(append(st.Action, st.NotAction...), kind); err != nil {
		return err
	}
	if err := validateResources(append(st.Resource, st.NotResource...)); err != nil {
		return err
	}
	for _, p := range []*Principal{st.Principal, st.NotPrincipal} {
		if err := validatePrincipal(p); err != nil {
			return err
		}
	}
	return validateConditions(st.Condition)
}

func validateActions(actions Values, kind Kind) error {
	for _, a := range actions {
		if a != "*" && !vendorAction.MatchString(a) {
			return malformed(msgVendor)
		}
		if kind == Trust && a != "*" && !strings.HasPrefix(strings.ToLower(a), "sts:") {
			return malformed(msgTrustAction)
		}
	}
	return nil
}

func validateResources(resources Values) error {
	for _, r := range resources {
		if r == "*" {
			continue
		}
		if !strings.HasPrefix(r, "arn:") || strings.Count(r, ":") < 5 {
			return malformed("Resource " + r + ` must be in ARN format or "*".`)
		}
	}
	return nil
}

// validatePrincipal accepts "*", and per kind: AWS account ids and IAM/STS
// principal ARNs (or "*"), service names, identity providers, canonical ids.
func validatePrincipal(p *Principal) error {
	if p == nil || p.All {
		return nil
	}
	if len(p.ByKind) == 0 {
		return malformed(msgSyntax)
	}
	for kind, values := range p.ByKind {
		if len(values) == 0 {
			return malformed(msgSyntax)
		}
		for _, v := range values {
			if !validPrincipal(kind, v) {
				return malformed(`Invalid principal in policy: "` + kind + `":"` + v + `"`)
			}
		}
	}
	return nil
}

func validPrincipal(kind, v string) bool {
	switch kind {
	case "AWS":
		return v == "*" || accountID.MatchString(v) || principalARN.MatchString(v) && !strings.ContainsAny(v, "*?")
	case "Service":
		return v == "*" || (strings.Contains(v, ".") && !strings.ContainsAny(v, "*? "))
	case "Federated":
		return v != "" && !strings.ContainsAny(v, "*? ")
	case "CanonicalUser":
		return v != "" && !strings.ContainsAny(v, "*? ")
	}
	return false
}

// validateConditions refuses an unknown operator or a key without values.
func validateConditions(block map[string]map[string]Values) error {
	for name, keys := range block {
		if _, ok := parseOperator(name); !ok {
			return malformed(msgSyntax)
		}
		for key, values := range keys {
			if key == "" || values == nil {
				return malformed(msgSyntax)
			}
			if !strings.Contains(key, ":") {
				return malformed(msgVendor)
			}
		}
	}
	return nil
}
