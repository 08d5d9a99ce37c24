package policy_test

import (
	"encoding/json"
	"testing"

	"github.com/awsfake/awsfake/internal/policy"
)

// FuzzValidate feeds arbitrary documents to Validate for each kind: it must
// not panic, and what it accepts Parse must read, Evaluate must evaluate,
// and the rendering must validate again.
func FuzzValidate(f *testing.F) {
	for _, s := range []string{
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}`,
		`{"Statement":{"Effect":"Allow","Principal":{"AWS":["111111111111","arn:aws:iam::111111111111:role/r"]},"Action":"sts:AssumeRole"}}`,
		`{"Statement":{"Effect":"Deny","NotPrincipal":"*","NotAction":"sqs:*","NotResource":"arn:aws:sqs:*:*:q",
			"Condition":{"ForAllValues:StringLikeIfExists":{"aws:TagKeys":["${aws:username, 'x'}*"]},"Null":{"aws:x":true}}}}`,
		`{"Statement":[]}`, `{`, `{"Statement":{"Effect":"Allow","Action":1,"Resource":[true]}}`,
	} {
		for k := range 3 {
			f.Add([]byte(s), k)
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte, k int) {
		kind := policy.Kind(((k % 3) + 3) % 3)
		if err := policy.Validate(raw, kind); err != nil {
			if _, ok := err.(*policy.MalformedError); !ok {
				t.Fatalf("Validate returned %T, not a MalformedError", err)
			}
			return
		}
		d, err := policy.Parse(raw)
		if err != nil {
			t.Fatalf("Validate accepted what Parse refuses: %v", err)
		}
		req := policy.Request{Caller: user, Action: "s3:GetObject", Resource: bucket, Context: map[string][]string{"aws:TagKeys": {"a"}}}
		if kind == policy.Identity {
			policy.Evaluate(req, policy.Policies{Identity: []policy.Document{d}, Boundary: []policy.Document{d}, Session: []policy.Document{d}})
		} else {
			policy.Evaluate(req, policy.Policies{Resource: &d})
		}
		if err := policy.Validate(d.JSON(), kind); err != nil {
			t.Fatalf("the rendering of an accepted document fails: %v\n%s", err, d.JSON())
		}
	})
}

// FuzzEvaluate builds a statement from arbitrary patterns, operators and
// values: Evaluate must not panic, a literal pattern matches itself, and an
// explicit Deny of everything always wins.
func FuzzEvaluate(f *testing.F) {
	f.Add("s3:GetObject", "arn:aws:s3:::b/k", "s3:Get*", "arn:aws:s3:::b/*", "StringLike", "${aws:username}*", "alice")
	f.Add("sqs:Send", "arn:aws:sqs:us-east-1:1:q", "*", "arn:*:*:*:*:*", "ForAnyValue:ArnLikeIfExists", "arn:*", "arn:x")
	f.Add("a:b", "x", "a:?", "${*}${?}${$}", "DateLessThan", "2026-01-01T00:00:00Z", "1700000000")
	f.Add("a:b", "x", "a:b", "x", "IpAddress", "10.0.0.0/8", "10.1.2.3")
	f.Fuzz(func(t *testing.T, action, resource, actPat, resPat, op, want, have string) {
		st := policy.Statement{Effect: policy.Allow, Action: policy.Values{actPat}, Resource: policy.Values{resPat},
			Condition: map[string]map[string]policy.Values{op: {"aws:k": {want}}}}
		d := policy.Document{Version: "2012-10-17", Statement: []policy.Statement{st}}
		req := policy.Request{Caller: user, Action: action, Resource: resource, Context: map[string][]string{"aws:k": {have}}}
		policy.Evaluate(req, policy.Policies{Identity: []policy.Document{d}, Resource: &d})
		// a literal pattern (no wildcard, variable or escape) matches itself
		lit := policy.Document{Version: "2012-10-17", Statement: []policy.Statement{{Effect: policy.Allow,
			Action: policy.Values{action}, Resource: policy.Values{resource}}}}
		if !hasSpecial(action) && !hasSpecial(resource) {
			r := policy.Evaluate(req, policy.Policies{Identity: []policy.Document{lit}})
			if r.Decision != policy.Allowed {
				t.Fatalf("literal %q %q does not match itself: %+v", action, resource, r)
			}
		}
		deny := policy.Document{Statement: []policy.Statement{{Effect: policy.Deny, Action: policy.Values{"*"}, Resource: policy.Values{"*"}}}}
		if r := policy.Evaluate(req, policy.Policies{Identity: []policy.Document{d, deny}, Resource: &d}); r.Decision != policy.ExplicitDeny {
			b, _ := json.Marshal(d)
			t.Fatalf("a Deny of everything did not win: %+v for %s", r, b)
		}
	})
}

func hasSpecial(s string) bool {
	for _, c := range s {
		switch c {
		case '*', '?', '$', '\\':
			return true
		}
	}
	return false
}
