package policy_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/policy"
)

const (
	acct    = "111111111111"
	other   = "222222222222"
	alice   = "arn:aws:iam::111111111111:user/alice"
	role    = "arn:aws:iam::111111111111:role/app"
	session = "arn:aws:sts::111111111111:assumed-role/app/s1"
	bucket  = "arn:aws:s3:::photos/a.jpg"
)

func doc(t testing.TB, text string) policy.Document {
	t.Helper()
	d, err := policy.Parse([]byte(text))
	require.NoError(t, err)
	return d
}

func allowDoc(t testing.TB, action, resource string) policy.Document {
	return doc(t, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"`+action+`","Resource":"`+resource+`"}]}`)
}

func resourceDoc(t testing.TB, effect, principal, action string) *policy.Document {
	d := doc(t, `{"Version":"2012-10-17","Statement":[{"Sid":"r","Effect":"`+effect+`","Principal":`+principal+`,"Action":"`+action+`","Resource":"*"}]}`)
	return &d
}

var (
	user = policy.Caller{ARN: alice, Account: acct, UserID: "AIDAALICE", Username: "alice"}
	sess = policy.Caller{ARN: session, Account: acct, UserID: "AROAAPP:s1"}
)

// evalCase is one request, the policies that apply, and AWS's outcome.
type evalCase struct {
	name, section string
	req           policy.Request
	pol           policy.Policies
	want          policy.Decision
	reason        string
}

// withinAccountCases are the cases of the IAM User Guide's "Policy
// evaluation logic" pages within one account; each names its section.
func withinAccountCases(t *testing.T) []evalCase {
	return []evalCase{
		{"identity allow", "Evaluating identity-based policies with resource-based policies",
			policy.Request{Caller: user, Action: "s3:GetObject", Resource: bucket},
			policy.Policies{Identity: []policy.Document{allowDoc(t, "s3:GetObject", "arn:aws:s3:::photos/*")}},
			policy.Allowed, ""},
		{"nothing allows", "Determining whether a request is allowed or denied within an account (implicit deny)",
			policy.Request{Caller: user, Action: "s3:GetObject", Resource: bucket}, policy.Policies{},
			policy.ImplicitDeny, "because no identity-based policy allows the s3:GetObject action"},
		{"explicit deny wins", "Determining whether a request is allowed or denied within an account (explicit deny)",
			policy.Request{Caller: user, Action: "s3:GetObject", Resource: bucket},
			policy.Policies{Identity: []policy.Document{allowDoc(t, "s3:*", "*"),
				doc(t, `{"Statement":{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}}`)}},
			policy.ExplicitDeny, "with an explicit deny in an identity-based policy"},
		{"resource deny wins over identity allow", "The difference between explicit and implicit denies",
			policy.Request{Caller: user, Action: "s3:GetObject", Resource: bucket},
			policy.Policies{Identity: []policy.Document{allowDoc(t, "s3:*", "*")}, Resource: resourceDoc(t, "Deny", `"*"`, "s3:*")},
			policy.ExplicitDeny, "with an explicit deny in a resource-based policy"},
		{"same account: resource policy alone", "Evaluating identity-based policies with resource-based policies",
			policy.Request{Caller: user, Action: "s3:GetObject", Resource: bucket},
			policy.Policies{Resource: resourceDoc(t, "Allow", `{"AWS":"`+alice+`"}`, "s3:GetObject")},
			policy.Allowed, ""},
		{"boundary: intersection", "Permissions boundaries for IAM entities: Evaluating effective permissions with boundaries",
			policy.Request{Caller: user, Action: "s3:PutObject", Resource: bucket},
			policy.Policies{Identity: []policy.Document{allowDoc(t, "s3:*", "*")}, Boundary: []policy.Document{allowDoc(t, "s3:GetObject", "*")}},
			policy.ImplicitDeny, "because no permissions boundary allows the s3:PutObject action"},
		{"boundary: within both", "Permissions boundaries for IAM entities: Evaluating effective permissions with boundaries",
			policy.Request{Caller: user, Action: "s3:GetObject", Resource: bucket},
			policy.Policies{Identity: []policy.Document{allowDoc(t, "s3:*", "*")}, Boundary: []policy.Document{allowDoc(t, "s3:GetObject", "*")}},
			policy.Allowed, ""},
		{"boundary: resource policy naming the user is not limited", "Permissions boundaries: Resource-based policies (IAM user ARN)",
			policy.Request{Caller: user, Action: "s3:PutObject", Resource: bucket},
			policy.Policies{Boundary: []policy.Document{allowDoc(t, "sqs:*", "*")}, Resource: resourceDoc(t, "Allow", `{"AWS":"`+alice+`"}`, "s3:PutObject")},
			policy.Allowed, ""},
		{"boundary: resource policy naming the role is limited", "Permissions boundaries: Resource-based policies (IAM role ARN)",
			policy.Request{Caller: sess, Action: "s3:PutObject", Resource: bucket},
			policy.Policies{Boundary: []policy.Document{allowDoc(t, "sqs:*", "*")}, Resource: resourceDoc(t, "Allow", `{"AWS":"`+role+`"}`, "s3:PutObject")},
			policy.ImplicitDeny, "because no permissions boundary allows the s3:PutObject action"},
		{"boundary: resource policy naming the session is not limited", "Permissions boundaries: Resource-based policies (role session ARN)",
			policy.Request{Caller: sess, Action: "s3:PutObject", Resource: bucket},
			policy.Policies{Boundary: []policy.Document{allowDoc(t, "sqs:*", "*")}, Resource: resourceDoc(t, "Allow", `{"AWS":"`+session+`"}`, "s3:PutObject")},
			policy.Allowed, ""},
		{"session policy limits the role", "Session policies",
			policy.Request{Caller: sess, Action: "s3:PutObject", Resource: bucket},
			policy.Policies{Identity: []policy.Document{allowDoc(t, "s3:*", "*")}, Session: []policy.Document{allowDoc(t, "s3:GetObject", "*")}},
			policy.ImplicitDeny, "because no session policy allows the s3:PutObject action"},
	}
}

// otherCases are the cross-account cases ("Cross-account policy evaluation
// logic"), NotAction, the root user and anonymous callers.
func otherCases(t *testing.T) []evalCase {
	return []evalCase{
		{"cross-account: identity only", "Cross-account policy evaluation logic",
			policy.Request{Caller: user, Action: "s3:GetObject", Resource: bucket, ResourceAccount: other},
			policy.Policies{Identity: []policy.Document{allowDoc(t, "s3:*", "*")}},
			policy.ImplicitDeny, "because no resource-based policy allows the s3:GetObject action"},
		{"cross-account: resource only", "Cross-account policy evaluation logic",
			policy.Request{Caller: user, Action: "s3:GetObject", Resource: bucket, ResourceAccount: other},
			policy.Policies{Resource: resourceDoc(t, "Allow", `{"AWS":"`+acct+`"}`, "s3:GetObject")},
			policy.ImplicitDeny, "because no identity-based policy allows the s3:GetObject action"},
		{"cross-account: both", "Cross-account policy evaluation logic",
			policy.Request{Caller: user, Action: "s3:GetObject", Resource: bucket, ResourceAccount: other},
			policy.Policies{Identity: []policy.Document{allowDoc(t, "s3:*", "*")},
				Resource: resourceDoc(t, "Allow", `{"AWS":"arn:aws:iam::`+acct+`:root"}`, "s3:GetObject")},
			policy.Allowed, ""},
		{"NotAction allows all but iam", "IAM JSON policy elements: NotAction (NotAction with Allow)",
			policy.Request{Caller: user, Action: "s3:GetObject", Resource: bucket},
			policy.Policies{Identity: []policy.Document{doc(t, `{"Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}`)}},
			policy.Allowed, ""},
		{"NotAction leaves iam out", "IAM JSON policy elements: NotAction (NotAction with Allow)",
			policy.Request{Caller: user, Action: "iam:CreateUser", Resource: "arn:aws:iam::111111111111:user/bob"},
			policy.Policies{Identity: []policy.Document{doc(t, `{"Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}`)}},
			policy.ImplicitDeny, "because no identity-based policy allows the iam:CreateUser action"},
		{"root in its account", "AWS account root user",
			policy.Request{Caller: policy.Caller{ARN: "arn:aws:iam::111111111111:root", Account: acct, Root: true}, Action: "s3:GetObject", Resource: bucket},
			policy.Policies{}, policy.Allowed, ""},
		{"anonymous needs the resource policy", "IAM JSON policy elements: Principal (anonymous)",
			policy.Request{Action: "s3:GetObject", Resource: bucket, ResourceAccount: acct},
			policy.Policies{Resource: resourceDoc(t, "Allow", `"*"`, "s3:GetObject")},
			policy.Allowed, ""},
	}
}

// TestEvaluate_PolicyEvaluationLogic walks the cases of the IAM User Guide's
// "Policy evaluation logic" pages; each case names the section it follows.
func TestEvaluate_PolicyEvaluationLogic(t *testing.T) {
	for _, c := range append(withinAccountCases(t), otherCases(t)...) {
		t.Run(c.name, func(t *testing.T) {
			r := policy.Evaluate(c.req, c.pol)
			assert.Equal(t, c.want, r.Decision, c.section)
			assert.Equal(t, c.reason, r.Reason, c.section)
			if c.want != policy.ImplicitDeny && !c.req.Caller.Root { // the root user needs no statement
				assert.NotEmpty(t, r.Matched, "the deciding statements are reported")
			}
		})
	}
}

// TestEvaluate_ServicePrincipalWithSourceArn follows "AWS global condition
// context keys: aws:SourceArn" (the confused deputy prevention example).
func TestEvaluate_ServicePrincipalWithSourceArn(t *testing.T) {
	res := doc(t, `{"Version":"2012-10-17","Statement":[{"Sid":"sns","Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},
		"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111111111111:q",
		"Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:sns:us-east-1:111111111111:*"}}}]}`)
	req := policy.Request{Caller: policy.Caller{Service: "sns.amazonaws.com"}, Action: "sqs:SendMessage",
		Resource: "arn:aws:sqs:us-east-1:111111111111:q", ResourceAccount: acct,
		Context: map[string][]string{"aws:SourceArn": {"arn:aws:sns:us-east-1:111111111111:topic"}}}
	r := policy.Evaluate(req, policy.Policies{Resource: &res})
	require.Equal(t, policy.Allowed, r.Decision)
	assert.Equal(t, []policy.Match{{Policy: "resource", Set: policy.SetResource, Index: -1, Sid: "sns", Statement: 0, Effect: policy.Allow}}, r.Matched)

	req.Context = map[string][]string{"aws:sourcearn": {"arn:aws:sns:us-east-1:222222222222:topic"}}
	assert.Equal(t, policy.ImplicitDeny, policy.Evaluate(req, policy.Policies{Resource: &res}).Decision, "another account's topic")
	req.Context = nil
	assert.Equal(t, policy.ImplicitDeny, policy.Evaluate(req, policy.Policies{Resource: &res}).Decision, "no source at all")
	req.Caller = policy.Caller{Service: "events.amazonaws.com"}
	req.Context = map[string][]string{"aws:SourceArn": {"arn:aws:sns:us-east-1:111111111111:topic"}}
	assert.Equal(t, policy.ImplicitDeny, policy.Evaluate(req, policy.Policies{Resource: &res}).Decision, "another service")
}

func TestResult_MessageIsAWSsAccessDenied(t *testing.T) {
	req := policy.Request{Caller: user, Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:111111111111:q"}
	r := policy.Evaluate(req, policy.Policies{})
	assert.Equal(t, "User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sqs:SendMessage on resource: "+
		"arn:aws:sqs:us-east-1:111111111111:q because no identity-based policy allows the sqs:SendMessage action", r.Message(req))
}

// TestEvaluate_NotPrincipalDenyHitsBoundedPrincipals follows the warning of
// "Permissions boundaries for IAM entities": a Deny with NotPrincipal
// denies every principal that has a permissions boundary, whatever it
// names.
func TestEvaluate_NotPrincipalDenyHitsBoundedPrincipals(t *testing.T) {
	res := doc(t, `{"Version":"2012-10-17","Statement":[
		{"Effect":"Deny","NotPrincipal":{"AWS":"`+alice+`"},"Action":"s3:*","Resource":"*"},
		{"Effect":"Allow","Principal":{"AWS":"`+alice+`"},"Action":"s3:*","Resource":"*"}]}`)
	req := policy.Request{Caller: user, Action: "s3:GetObject", Resource: bucket}
	assert.Equal(t, policy.Allowed, policy.Evaluate(req, policy.Policies{Resource: &res}).Decision)
	r := policy.Evaluate(req, policy.Policies{Resource: &res, Boundary: []policy.Document{allowDoc(t, "s3:*", "*")}})
	assert.Equal(t, policy.ExplicitDeny, r.Decision)
	assert.Equal(t, "with an explicit deny in a resource-based policy", r.Reason)
}

// TestEvaluate_MatchedNamesTheDecidingStatements checks that Matched names
// each deciding statement by set and index, or by the document's Id.
func TestEvaluate_MatchedNamesTheDecidingStatements(t *testing.T) {
	deny := doc(t, `{"Id":"guard","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Sid":"no","Effect":"Deny","Action":"s3:Get*","Resource":"*"}]}`)
	r := policy.Evaluate(policy.Request{Caller: user, Action: "s3:GetObject", Resource: bucket},
		policy.Policies{Identity: []policy.Document{allowDoc(t, "s3:*", "*"), deny}, Boundary: []policy.Document{deny}})
	assert.Equal(t, policy.ExplicitDeny, r.Decision)
	assert.Equal(t, []policy.Match{
		{Policy: "guard", Set: policy.SetIdentity, Index: 1, Sid: "no", Statement: 1, Effect: policy.Deny},
		{Policy: "guard", Set: policy.SetBoundary, Index: 0, Sid: "no", Statement: 1, Effect: policy.Deny},
	}, r.Matched)
	many := make([]policy.Document, 20)
	for i := range many {
		many[i] = allowDoc(t, "sqs:*", "*")
	}
	many[17] = allowDoc(t, "s3:*", "*")
	r = policy.Evaluate(policy.Request{Caller: user, Action: "s3:GetObject", Resource: bucket},
		policy.Policies{Identity: many, Session: []policy.Document{allowDoc(t, "s3:GetObject", "*")}})
	assert.Equal(t, []policy.Match{
		{Policy: "identity[17]", Set: policy.SetIdentity, Index: 17, Effect: policy.Allow},
		{Policy: "session[0]", Set: policy.SetSession, Index: 0, Effect: policy.Allow},
	}, r.Matched)
}

// TestEvaluate_AttributeBasedAccess follows "IAM tutorial: Define
// permissions to access AWS resources based on tags": the principal's tag
// must equal the resource's, through a policy variable in a condition.
func TestEvaluate_AttributeBasedAccess(t *testing.T) {
	abac := doc(t, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"*",
		"Condition":{"StringEquals":{"aws:ResourceTag/team":"${aws:PrincipalTag/team}"}}}]}`)
	caller := user
	caller.Tags = map[string]string{"team": "blue"}
	req := policy.Request{Caller: caller, Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:111111111111:q",
		Context: map[string][]string{"aws:ResourceTag/team": {"blue"}}}
	assert.Equal(t, policy.Allowed, policy.Evaluate(req, policy.Policies{Identity: []policy.Document{abac}}).Decision)
	req.Context = map[string][]string{"aws:ResourceTag/team": {"red"}}
	assert.Equal(t, policy.ImplicitDeny, policy.Evaluate(req, policy.Policies{Identity: []policy.Document{abac}}).Decision)
	req.Caller = user // untagged: the variable has no value, the condition fails
	req.Context = map[string][]string{"aws:ResourceTag/team": {""}}
	assert.Equal(t, policy.ImplicitDeny, policy.Evaluate(req, policy.Policies{Identity: []policy.Document{abac}}).Decision)
}

// TestEvaluate_TrustPolicy follows "How to use trust policies with IAM
// roles": within the account the trust policy naming the user suffices;
// from another account the caller's identity policy must allow
// sts:AssumeRole too.
func TestEvaluate_TrustPolicy(t *testing.T) {
	raw := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["` + alice +
		`","arn:aws:iam::222222222222:user/carol"]},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}`
	require.NoError(t, policy.Validate([]byte(raw), policy.Trust))
	trust := doc(t, raw)
	mfa := map[string][]string{"aws:MultiFactorAuthPresent": {"true"}}
	req := policy.Request{Caller: user, Action: "sts:AssumeRole", Resource: role, ResourceAccount: acct, Context: mfa}
	assert.Equal(t, policy.Allowed, policy.Evaluate(req, policy.Policies{Resource: &trust}).Decision)
	req.Context = nil
	assert.Equal(t, policy.ImplicitDeny, policy.Evaluate(req, policy.Policies{Resource: &trust}).Decision, "no MFA")

	carol := policy.Request{Caller: policy.Caller{ARN: "arn:aws:iam::222222222222:user/carol", Account: other},
		Action: "sts:AssumeRole", Resource: role, ResourceAccount: acct, Context: mfa}
	r := policy.Evaluate(carol, policy.Policies{Resource: &trust})
	assert.Equal(t, "because no identity-based policy allows the sts:AssumeRole action", r.Reason)
	r = policy.Evaluate(carol, policy.Policies{Resource: &trust, Identity: []policy.Document{allowDoc(t, "sts:AssumeRole", role)}})
	assert.Equal(t, policy.Allowed, r.Decision)
}

// TestEvaluate_SharedPoliciesConcurrently evaluates one set of documents
// from many goroutines (under -race): Evaluate keeps its state per call and
// never writes the documents.
func TestEvaluate_SharedPoliciesConcurrently(t *testing.T) {
	p := policy.Policies{Identity: benchPolicies()}
	caller := user
	caller.Tags = map[string]string{"team": "blue"}
	req := policy.Request{Caller: caller, Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:111111111111:queue-19-alice",
		Context: map[string][]string{"aws:SourceArn": {"arn:aws:sns:us-east-1:111111111111:t"}}}
	before := p.Identity[3].String()
	done := make(chan policy.Decision)
	for range 8 {
		go func() { done <- policy.Evaluate(req, p).Decision }()
	}
	for range 8 {
		assert.Equal(t, policy.Allowed, <-done)
	}
	assert.Equal(t, before, p.Identity[3].String())
}
