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

// TestEvaluate_PolicyEvaluationLogic walks the cases of the IAM User Guide's
// "Policy evaluation logic" pages; each case names the section it follows.
func TestEvaluate_PolicyEvaluationLogic(t *testing.T) {
	cases := []struct {
		name, section string
		req           policy.Request
		pol           policy.Policies
		want          policy.Decision
		reason        string
	}{
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
	for _, c := range cases {
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
