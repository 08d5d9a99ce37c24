package policy_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/policy"
)

func decide(t *testing.T, c policy.Caller, action, resource, policyText string) policy.Decision {
	t.Helper()
	return policy.Evaluate(policy.Request{Caller: c, Action: action, Resource: resource},
		policy.Policies{Identity: []policy.Document{doc(t, policyText)}}).Decision
}

// TestMatch_ActionAndResourceWildcards follows "IAM JSON policy elements:
// Action" (action names are case-insensitive, * and ? wildcards) and
// "Resource" (ARNs are case-sensitive, wildcards within a component).
func TestMatch_ActionAndResourceWildcards(t *testing.T) {
	cases := []struct {
		name, action, resource, statement string
		want                              policy.Decision
	}{
		{"action case-insensitive", "s3:GetObject", bucket, `"Action":"S3:getobject","Resource":"*"`, policy.Allowed},
		{"action prefix wildcard", "s3:GetObjectAcl", bucket, `"Action":"s3:Get*","Resource":"*"`, policy.Allowed},
		{"action ? wildcard", "s3:GetObject", bucket, `"Action":"s3:?etObject","Resource":"*"`, policy.Allowed},
		{"action other service", "sqs:GetQueueUrl", bucket, `"Action":"s3:Get*","Resource":"*"`, policy.ImplicitDeny},
		{"action list", "sqs:SendMessage", bucket, `"Action":["s3:*","sqs:SendMessage"],"Resource":"*"`, policy.Allowed},
		{"resource case-sensitive", "s3:GetObject", bucket, `"Action":"s3:*","Resource":"arn:aws:s3:::Photos/*"`, policy.ImplicitDeny},
		{"resource wildcard", "s3:GetObject", bucket, `"Action":"s3:*","Resource":"arn:aws:s3:::photos/*.jpg"`, policy.Allowed},
		{"resource ? wildcard", "s3:GetObject", bucket, `"Action":"s3:*","Resource":"arn:aws:s3:::photos/?.jpg"`, policy.Allowed},
		{"resource wildcard stays in its component", "sqs:SendMessage", "arn:aws:sqs:us-east-1:111111111111:q",
			`"Action":"sqs:*","Resource":"arn:aws:sqs:*:q"`, policy.ImplicitDeny},
		{"resource wildcard per component", "sqs:SendMessage", "arn:aws:sqs:us-east-1:111111111111:q",
			`"Action":"sqs:*","Resource":"arn:aws:sqs:*:*:q"`, policy.Allowed},
		{"NotResource", "s3:GetObject", bucket, `"Action":"s3:*","NotResource":"arn:aws:s3:::secret/*"`, policy.Allowed},
		{"identity statement without Resource covers nothing", "s3:GetObject", bucket, `"Action":"s3:*"`, policy.ImplicitDeny},
		{"NotResource excludes", "s3:GetObject", "arn:aws:s3:::secret/x", `"Action":"s3:*","NotResource":"arn:aws:s3:::secret/*"`, policy.ImplicitDeny},
	}
	for _, c := range cases {
		got := decide(t, user, c.action, c.resource, `{"Version":"2012-10-17","Statement":{"Effect":"Allow",`+c.statement+`}}`)
		assert.Equal(t, c.want, got, c.name)
	}
}

// TestMatch_PolicyVariables follows "IAM policy elements: Variables and
// tags": substitution in Resource and conditions, no value means no match,
// defaults, the ${*} ${?} ${$} escapes, and no variables before Version
// 2012-10-17.
func TestMatch_PolicyVariables(t *testing.T) {
	home := func(version, resource string) string {
		return `{"Version":"` + version + `","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"` + resource + `"}}`
	}
	assert.Equal(t, policy.Allowed, decide(t, user, "s3:GetObject", "arn:aws:s3:::b/home/alice/x", home("2012-10-17", "arn:aws:s3:::b/home/${aws:username}/*")))
	assert.Equal(t, policy.ImplicitDeny, decide(t, user, "s3:GetObject", "arn:aws:s3:::b/home/bob/x", home("2012-10-17", "arn:aws:s3:::b/home/${aws:username}/*")))
	assert.Equal(t, policy.ImplicitDeny, decide(t, user, "s3:GetObject", "arn:aws:s3:::b/home/alice/x", home("2008-10-17", "arn:aws:s3:::b/home/${aws:username}/*")),
		"2008-10-17 documents take ${...} literally")
	assert.Equal(t, policy.Allowed, decide(t, user, "s3:GetObject", "arn:aws:s3:::b/home/${aws:username}/x", home("2008-10-17", "arn:aws:s3:::b/home/${aws:username}/*")))
	assert.Equal(t, policy.ImplicitDeny, decide(t, sess, "s3:GetObject", "arn:aws:s3:::b/home/x", home("2012-10-17", "arn:aws:s3:::b/home/${aws:username}*")),
		"a role session has no aws:username: the element matches nothing")
	assert.Equal(t, policy.Allowed, decide(t, sess, "s3:GetObject", "arn:aws:s3:::b/home/shared/x", home("2012-10-17", "arn:aws:s3:::b/home/${aws:username, 'shared'}/*")))
	assert.Equal(t, policy.Allowed, decide(t, user, "s3:GetObject", "arn:aws:s3:::b/home/AIDAALICE/x", home("2012-10-17", "arn:aws:s3:::b/home/${aws:userid}/*")))
	tagged := user
	tagged.Tags = map[string]string{"team": "blue"}
	assert.Equal(t, policy.Allowed, decide(t, tagged, "s3:GetObject", "arn:aws:s3:::b/blue/x", home("2012-10-17", "arn:aws:s3:::b/${aws:PrincipalTag/team}/*")))

	assert.Equal(t, policy.Allowed, decide(t, user, "s3:GetObject", "arn:aws:s3:::b/*", home("2012-10-17", "arn:aws:s3:::b/${*}")))
	assert.Equal(t, policy.ImplicitDeny, decide(t, user, "s3:GetObject", "arn:aws:s3:::b/x", home("2012-10-17", "arn:aws:s3:::b/${*}")), "${*} is a literal *")
	assert.Equal(t, policy.ImplicitDeny, decide(t, user, "s3:GetObject", "arn:aws:s3:::b/x", home("2012-10-17", "arn:aws:s3:::b/${?}")), "${?} is a literal ?")
	assert.Equal(t, policy.Allowed, decide(t, user, "s3:GetObject", "arn:aws:s3:::b/$x", home("2012-10-17", "arn:aws:s3:::b/${$}x")))
	starry := user
	starry.Username = "a*"
	assert.Equal(t, policy.ImplicitDeny, decide(t, starry, "s3:GetObject", "arn:aws:s3:::b/home/abc/x", home("2012-10-17", "arn:aws:s3:::b/home/${aws:username}/*")),
		"a * in a value matches only itself")

	fromContext := policy.Request{Caller: user, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/x",
		Context: map[string][]string{"aws:SourceArn": {"arn:aws:s3:::b/x"}}}
	cond := doc(t, `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"${aws:SourceArn}",
		"Condition":{"StringEquals":{"s3:owner":"${aws:username}"}}}}`)
	fromContext.Context["s3:owner"] = []string{"alice"}
	assert.Equal(t, policy.Allowed, policy.Evaluate(fromContext, policy.Policies{Identity: []policy.Document{cond}}).Decision)
	fromContext.Context["s3:owner"] = []string{"${aws:username}"}
	assert.Equal(t, policy.ImplicitDeny, policy.Evaluate(fromContext, policy.Policies{Identity: []policy.Document{cond}}).Decision)
}

// TestMatch_Principals follows "AWS JSON policy elements: Principal" and
// "NotPrincipal".
func TestMatch_Principals(t *testing.T) {
	cases := []struct {
		name, principal string
		caller          policy.Caller
		want            policy.Decision
	}{
		{"everyone", `"Principal":"*"`, user, policy.Allowed},
		{"AWS *", `"Principal":{"AWS":"*"}`, user, policy.Allowed},
		{"account id delegates to identity policies", `"Principal":{"AWS":"111111111111"}`, user, policy.ImplicitDeny},
		{"account root ARN delegates to identity policies", `"Principal":{"AWS":"arn:aws:iam::111111111111:root"}`, sess, policy.ImplicitDeny},
		{"other account", `"Principal":{"AWS":"222222222222"}`, user, policy.ImplicitDeny},
		{"user ARN", `"Principal":{"AWS":["arn:aws:iam::111111111111:user/bob","` + alice + `"]}`, user, policy.Allowed},
		{"role ARN covers its sessions", `"Principal":{"AWS":"` + role + `"}`, sess, policy.Allowed},
		{"session ARN", `"Principal":{"AWS":"` + session + `"}`, sess, policy.Allowed},
		{"other session of the role", `"Principal":{"AWS":"arn:aws:sts::111111111111:assumed-role/app/s2"}`, sess, policy.ImplicitDeny},
		{"service", `"Principal":{"Service":"lambda.amazonaws.com"}`, policy.Caller{Service: "lambda.amazonaws.com"}, policy.Allowed},
		{"service is not a user", `"Principal":{"Service":"lambda.amazonaws.com"}`, user, policy.ImplicitDeny},
		{"federated", `"Principal":{"Federated":"cognito-identity.amazonaws.com"}`,
			policy.Caller{ARN: "arn:aws:sts::111111111111:assumed-role/web/s", Account: acct, Federated: "cognito-identity.amazonaws.com"}, policy.Allowed},
		{"canonical user", `"Principal":{"CanonicalUser":"79a59df9"}`, policy.Caller{ARN: alice, Account: acct, CanonicalUser: "79a59df9"}, policy.Allowed},
		{"NotPrincipal: everyone else", `"NotPrincipal":{"AWS":"arn:aws:iam::111111111111:user/bob"}`, user, policy.Allowed},
		{"NotPrincipal: not the one named", `"NotPrincipal":{"AWS":"` + alice + `"}`, user, policy.ImplicitDeny},
	}
	for _, c := range cases {
		res := doc(t, `{"Version":"2012-10-17","Statement":{"Effect":"Allow",`+c.principal+`,"Action":"s3:GetObject","Resource":"*"}}`)
		r := policy.Evaluate(policy.Request{Caller: c.caller, Action: "s3:GetObject", Resource: bucket, ResourceAccount: acct},
			policy.Policies{Resource: &res})
		assert.Equal(t, c.want, r.Decision, c.name)
	}
}

// TestMatch_AccountPrincipalDelegates follows "AWS JSON policy elements:
// Principal" (AWS account principals): naming an account delegates to its
// identity-based policies, so an Allow needs the identity side too, while a
// Deny naming the account reaches every principal in it.
func TestMatch_AccountPrincipalDelegates(t *testing.T) {
	req := policy.Request{Caller: user, Action: "s3:GetObject", Resource: bucket, ResourceAccount: acct}
	allow := resourceDoc(t, "Allow", `{"AWS":"111111111111"}`, "s3:GetObject")
	r := policy.Evaluate(req, policy.Policies{Resource: allow})
	assert.Equal(t, policy.ImplicitDeny, r.Decision)
	assert.Equal(t, "because no identity-based policy allows the s3:GetObject action", r.Reason)
	r = policy.Evaluate(req, policy.Policies{Resource: allow, Identity: []policy.Document{allowDoc(t, "s3:*", "*")}})
	assert.Equal(t, policy.Allowed, r.Decision)
	deny := resourceDoc(t, "Deny", `{"AWS":"arn:aws:iam::111111111111:root"}`, "s3:*")
	r = policy.Evaluate(req, policy.Policies{Resource: deny, Identity: []policy.Document{allowDoc(t, "s3:*", "*")}})
	assert.Equal(t, policy.ExplicitDeny, r.Decision)
}
