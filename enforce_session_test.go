package awsfake_test

import (
	"context"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	ststypes "github.com/aws/aws-sdk-go-v2/service/sts/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// The Session policies tests' names: a role allowed sqs:* that trusts
// the account, and its queue.
const (
	workerTrust = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` +
		`"Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"sts:AssumeRole"}]}`
	jobsARN     = "arn:aws:sqs:us-east-1:000000000000:jobs"
	sendOnly    = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}`
	sessionUser = "arn:aws:sts::000000000000:assumed-role/worker/s1"
)

// sessionFixture is a cloud with enforcement on, the role worker allowed
// sqs:* (AmazonSQSFullAccess) and the queue jobs.
type sessionFixture struct {
	cloud *awsfake.Cloud
	queue *string
}

func newSessionFixture(t *testing.T, opts ...awsfake.Option) *sessionFixture {
	t.Helper()
	cloud := awsfake.NewT(t, append(opts, awsfake.WithIAMEnforcement())...)
	ctx := context.Background()
	createRole(t, cloud, "worker", workerTrust)
	_, err := iam.NewFromConfig(cloud.AWSConfig()).AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("worker"),
		PolicyArn: aws.String("arn:aws:iam::aws:policy/AmazonSQSFullAccess")})
	require.NoError(t, err)
	q, err := sqs.NewFromConfig(cloud.AWSConfig()).CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs")})
	require.NoError(t, err)
	return &sessionFixture{cloud: cloud, queue: q.QueueUrl}
}

// assume assumes worker in the session s1 with in's session policies and
// returns an SQS client signed with the session's credentials.
func (f *sessionFixture) assume(t *testing.T, in sts.AssumeRoleInput) (*sqs.Client, *sts.AssumeRoleOutput) {
	t.Helper()
	in.RoleArn, in.RoleSessionName = aws.String("arn:aws:iam::000000000000:role/worker"), aws.String("s1")
	out, err := sts.NewFromConfig(f.cloud.AWSConfig()).AssumeRole(context.Background(), &in)
	require.NoError(t, err)
	return sqs.NewFromConfig(f.signedWith(out.Credentials)), out
}

// signedWith is the cloud's configuration signing with c.
func (f *sessionFixture) signedWith(c *ststypes.Credentials) aws.Config {
	cfg := f.cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(c.AccessKeyId),
		aws.ToString(c.SecretAccessKey), aws.ToString(c.SessionToken))
	return cfg
}

func (f *sessionFixture) send(client *sqs.Client) error {
	_, err := client.SendMessage(context.Background(), &sqs.SendMessageInput{QueueUrl: f.queue, MessageBody: aws.String("hi")})
	return err
}

func (f *sessionFixture) deleteQueue(client *sqs.Client) error {
	_, err := client.DeleteQueue(context.Background(), &sqs.DeleteQueueInput{QueueUrl: f.queue})
	return err
}

// refusal is AWS's message refusing the session s1 action on the queue
// jobs for reason.
func sessionRefusal(action, reason string) string {
	return "User: " + sessionUser + " is not authorized to perform: " + action + " on resource: " + jobsARN + " " + reason
}

// A role allowed sqs:* assumed with a session policy allowing only
// SendMessage may send and may not delete the queue, refused with AWS's
// message; a session without a session policy has the role's permissions
// whole (IAM User Guide, "Session policies": the intersection).
func TestEnforcement_SessionPolicyLimitsTheRole(t *testing.T) {
	f := newSessionFixture(t)
	limited, out := f.assume(t, sts.AssumeRoleInput{Policy: aws.String(sendOnly)})
	assert.Equal(t, int32(5), aws.ToInt32(out.PackedPolicySize), "99 of 2,048 packed characters")
	require.NoError(t, f.send(limited))
	denied(t, f.deleteQueue(limited), "AccessDenied",
		sessionRefusal("sqs:DeleteQueue", "because no session policy allows the sqs:DeleteQueue action"))
	f.cloud.SQS().CheckDepth(t, aws.ToString(f.queue), 1, 0, 0) // the queue is still there

	whole, out := f.assume(t, sts.AssumeRoleInput{})
	assert.Nil(t, out.PackedPolicySize, "no session policy: AWS sends no PackedPolicySize (recording test_sts.py::TestSTSIntegrations::test_assume_role)")
	require.NoError(t, f.deleteQueue(whole))
}

// An explicit deny in a session policy wins over the role's allow.
func TestEnforcement_SessionPolicyDenyWins(t *testing.T) {
	f := newSessionFixture(t)
	client, _ := f.assume(t, sts.AssumeRoleInput{Policy: aws.String(`{"Version":"2012-10-17","Statement":[` +
		`{"Effect":"Allow","Action":"sqs:*","Resource":"*"},{"Effect":"Deny","Action":"sqs:SendMessage","Resource":"*"}]}`)})
	denied(t, f.send(client), "AccessDenied", sessionRefusal("sqs:SendMessage", "with an explicit deny in a session policy"))
	f.cloud.SQS().CheckDepth(t, aws.ToString(f.queue), 0, 0, 0)
}

// An explicit deny in the role's policies wins over a session policy's
// allow.
func TestEnforcement_RoleDenyWinsOverTheSessionPolicy(t *testing.T) {
	f := newSessionFixture(t)
	_, err := iam.NewFromConfig(f.cloud.AWSConfig()).PutRolePolicy(context.Background(), &iam.PutRolePolicyInput{
		RoleName: aws.String("worker"), PolicyName: aws.String("no-send"), PolicyDocument: aws.String(
			`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sqs:SendMessage","Resource":"*"}]}`)})
	require.NoError(t, err)
	client, _ := f.assume(t, sts.AssumeRoleInput{Policy: aws.String(sendOnly)})
	denied(t, f.send(client), "AccessDenied", sessionRefusal("sqs:SendMessage", "with an explicit deny in an identity-based policy"))
}

// A session policy cannot grant more than the role: the role's own
// policies must allow the action too.
func TestEnforcement_SessionPolicyGrantsNothingBeyondTheRole(t *testing.T) {
	f := newSessionFixture(t)
	client, out := f.assume(t, sts.AssumeRoleInput{Policy: aws.String(`{"Version":"2012-10-17","Statement":[` +
		`{"Effect":"Allow","Action":["sqs:SendMessage","sns:ListTopics"],"Resource":"*"}]}`)})
	require.NoError(t, f.send(client))
	_, err := sns.NewFromConfig(f.signedWith(out.Credentials)).ListTopics(context.Background(), &sns.ListTopicsInput{})
	denied(t, err, "AuthorizationError", "User: "+sessionUser+" is not authorized to perform: sns:ListTopics on resource:"+
		" * because no identity-based policy allows the sns:ListTopics action")
}

// PolicyArns are managed session policies: the account's own (read at
// each request, so a new default version applies at once) and AWS
// managed ones; one that does not exist in the role's account grants
// nothing.
func TestEnforcement_ManagedSessionPolicies(t *testing.T) {
	f := newSessionFixture(t)
	ctx := context.Background()
	admin := iam.NewFromConfig(f.cloud.AWSConfig())
	p, err := admin.CreatePolicy(ctx, &iam.CreatePolicyInput{PolicyName: aws.String("send-only"), PolicyDocument: aws.String(sendOnly)})
	require.NoError(t, err)
	own, _ := f.assume(t, sts.AssumeRoleInput{PolicyArns: []ststypes.PolicyDescriptorType{{Arn: p.Policy.Arn}}})
	require.NoError(t, f.send(own))
	denied(t, f.deleteQueue(own), "AccessDenied", sessionRefusal("sqs:DeleteQueue", "because no session policy allows the sqs:DeleteQueue action"))

	_, err = admin.CreatePolicyVersion(ctx, &iam.CreatePolicyVersionInput{PolicyArn: p.Policy.Arn, SetAsDefault: true,
		PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:DeleteQueue","Resource":"*"}]}`)})
	require.NoError(t, err)
	denied(t, f.send(own), "AccessDenied", sessionRefusal("sqs:SendMessage", "because no session policy allows the sqs:SendMessage action"))

	missing, _ := f.assume(t, sts.AssumeRoleInput{PolicyArns: []ststypes.PolicyDescriptorType{{Arn: aws.String("arn:aws:iam::000000000000:policy/none")}}})
	denied(t, f.send(missing), "AccessDenied", sessionRefusal("sqs:SendMessage", "because no session policy allows the sqs:SendMessage action"))

	both, _ := f.assume(t, sts.AssumeRoleInput{Policy: aws.String(sendOnly),
		PolicyArns: []ststypes.PolicyDescriptorType{{Arn: aws.String("arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess")}}})
	require.NoError(t, f.send(both), "allowed by the inline session policy")
	_, err = both.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: f.queue})
	require.NoError(t, err, "allowed by the managed session policy")
	denied(t, f.deleteQueue(both), "AccessDenied", sessionRefusal("sqs:DeleteQueue", "because no session policy allows the sqs:DeleteQueue action"))
}

// A resource-based policy naming the session's ARN grants beyond the
// session policy; one naming the role's ARN is limited by it: "A
// resource-based policy can specify the ARN of the session as a principal
// ... The resource-based policy permissions are not limited by the
// session policy" (IAM User Guide, "Session policies").
func TestEnforcement_ResourcePolicyNamingTheSessionIsNotLimited(t *testing.T) {
	f := newSessionFixture(t)
	ctx := context.Background()
	_, err := iam.NewFromConfig(f.cloud.AWSConfig()).DetachRolePolicy(ctx, &iam.DetachRolePolicyInput{RoleName: aws.String("worker"),
		PolicyArn: aws.String("arn:aws:iam::aws:policy/AmazonSQSFullAccess")})
	require.NoError(t, err)
	client, _ := f.assume(t, sts.AssumeRoleInput{Policy: aws.String(sendOnly)})
	grant := func(principal string) {
		_, err := sqs.NewFromConfig(f.cloud.AWSConfig()).SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: f.queue,
			Attributes: map[string]string{"Policy": `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"` +
				principal + `"},"Action":"sqs:GetQueueAttributes","Resource":"` + jobsARN + `"}]}`}})
		require.NoError(t, err)
	}
	read := func() error {
		_, err := client.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: f.queue})
		return err
	}
	grant("arn:aws:iam::000000000000:role/worker")
	denied(t, read(), "AccessDenied", sessionRefusal("sqs:GetQueueAttributes", "because no session policy allows the sqs:GetQueueAttributes action"))
	grant(sessionUser)
	require.NoError(t, read())
}

// An inline session policy is at most 2,048 characters (ValidationError,
// the model's constraint); with the managed policies' ARNs it packs into
// at most 2,048 characters, its insignificant whitespace left out
// (PackedPolicyTooLarge past it, with AWS's wording); at most 10 ARNs.
// No session is issued for a refused call.
func TestAssumeRole_SessionPolicySizeLimits(t *testing.T) {
	f := newSessionFixture(t)
	ctx := context.Background()
	client := sts.NewFromConfig(f.cloud.AWSConfig())
	assume := func(doc string, arns int) (*sts.AssumeRoleOutput, error) {
		in := &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::000000000000:role/worker"), RoleSessionName: aws.String("s1"),
			Policy: aws.String(doc)}
		for i := range arns {
			in.PolicyArns = append(in.PolicyArns, ststypes.PolicyDescriptorType{Arn: aws.String("arn:aws:iam::000000000000:policy/p" + string(rune('a'+i)))})
		}
		return client.AssumeRole(ctx, in)
	}
	// padded is a policy of n characters, none of them blank.
	padded := func(n int) string {
		head, tail := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:*:*:`, `"}]}`
		return head + strings.Repeat("q", n-len(head)-len(tail)) + tail
	}
	const arnLen = len("arn:aws:iam::000000000000:policy/pa") // 35
	for _, tc := range []struct {
		packed int
		code   string
		size   int32
	}{{2047, "", 100}, {2048, "", 100}, {2049, "PackedPolicyTooLarge", 0}} {
		out, err := assume(padded(tc.packed-2*arnLen), 2)
		if tc.code == "" {
			require.NoError(t, err, "%d packed characters", tc.packed)
			assert.Equal(t, tc.size, aws.ToInt32(out.PackedPolicySize))
			continue
		}
		denied(t, err, tc.code, "Packed policy consumes 101% of allotted space, please use smaller policy.")
	}
	spaced := strings.Replace(padded(2000), `{"Version"`, "{"+strings.Repeat(" ", 48)+`"Version"`, 1)
	require.Len(t, spaced, 2048)
	out, err := assume(spaced, 0)
	require.NoError(t, err, "blanks between tokens are not packed")
	assert.Equal(t, int32(98), aws.ToInt32(out.PackedPolicySize))
	_, err = assume(spaced+" ", 0)
	awsfake.CheckCode(t, err, "ValidationError")
	assert.ErrorContains(t, err, "Member must have length less than or equal to 2048")
	_, err = assume(sendOnly, 11)
	assert.ErrorContains(t, err, "Member must have length less than or equal to 10")
}

// A malformed session policy is refused with MalformedPolicyDocument and
// no session is issued: the next session's key is the one a cloud issues
// after a call refused for its session name, before any session is made.
func TestAssumeRole_MalformedSessionPolicyIssuesNoSession(t *testing.T) {
	keyAfter := func(refused *sts.AssumeRoleInput, code string) string {
		f := newSessionFixture(t, awsfake.WithSeed(7))
		client := sts.NewFromConfig(f.cloud.AWSConfig())
		_, err := client.AssumeRole(context.Background(), refused)
		awsfake.CheckCode(t, err, code)
		out, err := client.AssumeRole(context.Background(), &sts.AssumeRoleInput{
			RoleArn: aws.String("arn:aws:iam::000000000000:role/worker"), RoleSessionName: aws.String("s1")})
		require.NoError(t, err)
		return aws.ToString(out.Credentials.AccessKeyId)
	}
	malformed := &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::000000000000:role/worker"), RoleSessionName: aws.String("s1"),
		Policy: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*"`)}
	badName := &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::000000000000:role/worker"), RoleSessionName: aws.String("s")}
	assert.Equal(t, keyAfter(badName, "ValidationError"), keyAfter(malformed, "MalformedPolicyDocument"))
}

// A GetFederationToken session has the intersection of its IAM user's
// policies and its session policies, and no permissions without session
// policies ("if you do not pass any session policies, then the resulting
// federated user session has no permissions"), as AWS documents; the
// root user's federated users are limited by their session policies
// alone. PackedPolicySize is 0 without session policies (recording
// test_sts.py::TestSTSIntegrations::test_get_federation_token).
func TestEnforcement_FederatedUsersHaveTheirSessionPolicies(t *testing.T) {
	f := newSessionFixture(t)
	ctx := context.Background()
	userCfg := enforcedUser(t, f.cloud, "broker")
	attach(t, f.cloud, "broker", "arn:aws:iam::aws:policy/AmazonSQSFullAccess")
	_, err := iam.NewFromConfig(f.cloud.AWSConfig()).PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String("broker"),
		PolicyName: aws.String("federate"), PolicyDocument: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` +
			`"Action":"sts:GetFederationToken","Resource":"*"}]}`)})
	require.NoError(t, err)
	federate := func(cfg aws.Config, policy *string) (*sqs.Client, *sts.GetFederationTokenOutput) {
		t.Helper()
		out, err := sts.NewFromConfig(cfg).GetFederationToken(ctx, &sts.GetFederationTokenInput{Name: aws.String("bob"), Policy: policy})
		require.NoError(t, err)
		return sqs.NewFromConfig(f.signedWith(out.Credentials)), out
	}
	bob := "User: arn:aws:sts::000000000000:federated-user/bob is not authorized to perform: "

	none, out := federate(userCfg, nil)
	assert.Equal(t, int32(0), aws.ToInt32(out.PackedPolicySize))
	require.NotNil(t, out.PackedPolicySize)
	denied(t, f.send(none), "AccessDenied", bob+"sqs:SendMessage on resource: "+jobsARN+
		" because no session policy allows the sqs:SendMessage action")

	limited, _ := federate(userCfg, aws.String(sendOnly))
	require.NoError(t, f.send(limited))
	denied(t, f.deleteQueue(limited), "AccessDenied", bob+"sqs:DeleteQueue on resource: "+jobsARN+
		" because no session policy allows the sqs:DeleteQueue action")
	_, err = limited.ListQueues(ctx, &sqs.ListQueuesInput{})
	denied(t, err, "AccessDenied", bob+"sqs:ListQueues on resource: * because no session policy allows the sqs:ListQueues action")

	_, out = federate(userCfg, aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sns:ListTopics","Resource":"*"}]}`))
	_, err = sns.NewFromConfig(f.signedWith(out.Credentials)).ListTopics(ctx, &sns.ListTopicsInput{})
	denied(t, err, "AuthorizationError", bob+"sns:ListTopics on resource: * because no identity-based policy allows the sns:ListTopics action")

	byRoot, _ := federate(f.cloud.AWSConfig(), aws.String(sendOnly))
	require.NoError(t, f.send(byRoot))
	denied(t, f.deleteQueue(byRoot), "AccessDenied", bob+"sqs:DeleteQueue on resource: "+jobsARN+
		" because no session policy allows the sqs:DeleteQueue action")
	f.cloud.SQS().CheckDepth(t, aws.ToString(f.queue), 2, 0, 0)
}

// AssumeRoleWithWebIdentity's session policies limit its session as
// AssumeRole's do.
func TestEnforcement_WebIdentitySessionPolicy(t *testing.T) {
	f := newSessionFixture(t)
	enc := base64.RawURLEncoding.EncodeToString
	token := enc([]byte(`{"alg":"RS256","kid":"k"}`)) + "." +
		enc([]byte(`{"iss":"https://idp.example.com","sub":"u","aud":"app","exp":4102444800}`)) + "." + enc([]byte("signature"))
	out, err := sts.NewFromConfig(f.cloud.AWSConfig()).AssumeRoleWithWebIdentity(context.Background(), &sts.AssumeRoleWithWebIdentityInput{
		RoleArn: aws.String("arn:aws:iam::000000000000:role/worker"), RoleSessionName: aws.String("s1"),
		WebIdentityToken: aws.String(token), Policy: aws.String(sendOnly)})
	require.NoError(t, err)
	assert.Equal(t, int32(5), aws.ToInt32(out.PackedPolicySize))
	client := sqs.NewFromConfig(f.signedWith(out.Credentials))
	require.NoError(t, f.send(client))
	denied(t, f.deleteQueue(client), "AccessDenied", sessionRefusal("sqs:DeleteQueue", "because no session policy allows the sqs:DeleteQueue action"))
}
