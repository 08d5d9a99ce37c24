package sts_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go-v2/service/sts/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sendOnly = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}`

// Every call that issues a session keeps its session policies for the
// root package's enforcement, with the PackedPolicySize it answers; a
// GetFederationToken session is kept without any, with its parent.
func TestSessionPolicies_AreKeptForEverySessionKind(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	role, session := aws.String("arn:aws:iam::000000000000:role/r"), aws.String("s1")
	arns := []types.PolicyDescriptorType{{Arn: aws.String("arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess")}}
	token := jwt(t, map[string]any{"iss": "https://idp.example.com", "sub": "u", "aud": "app", "exp": f.clk.Now().Unix() + 3600})
	issued := map[string]func() (*types.Credentials, *int32, error){
		"AssumeRole": func() (*types.Credentials, *int32, error) {
			out, err := f.client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: role, RoleSessionName: session,
				Policy: aws.String(sendOnly), PolicyArns: arns})
			return out.Credentials, out.PackedPolicySize, err
		},
		"AssumeRoleWithWebIdentity": func() (*types.Credentials, *int32, error) {
			out, err := f.client.AssumeRoleWithWebIdentity(ctx, &sts.AssumeRoleWithWebIdentityInput{RoleArn: role, RoleSessionName: session,
				WebIdentityToken: aws.String(token), Policy: aws.String(sendOnly), PolicyArns: arns})
			return out.Credentials, out.PackedPolicySize, err
		},
		"AssumeRoleWithSAML": func() (*types.Credentials, *int32, error) {
			out, err := f.client.AssumeRoleWithSAML(ctx, &sts.AssumeRoleWithSAMLInput{RoleArn: role,
				PrincipalArn: aws.String("arn:aws:iam::000000000000:saml-provider/idp"), SAMLAssertion: aws.String(samlResponse(f.clk.Now().Add(5 * time.Minute))),
				Policy: aws.String(sendOnly), PolicyArns: arns})
			return out.Credentials, out.PackedPolicySize, err
		},
		"GetFederationToken": func() (*types.Credentials, *int32, error) {
			out, err := f.client.GetFederationToken(ctx, &sts.GetFederationTokenInput{Name: aws.String("bob"),
				Policy: aws.String(sendOnly), PolicyArns: arns})
			return out.Credentials, out.PackedPolicySize, err
		},
	}
	for name, issue := range issued {
		t.Run(name, func(t *testing.T) {
			c, packed, err := issue()
			require.NoError(t, err)
			assert.Equal(t, int32(8), aws.ToInt32(packed), "99 + 51 of 2,048 packed characters")
			sp, ok := f.cloud.STS().SessionPolicyOf(aws.ToString(c.AccessKeyId))
			require.True(t, ok)
			require.NotNil(t, sp.Inline)
			assert.Equal(t, "sqs:SendMessage", sp.Inline.Statement[0].Action[0])
			assert.Equal(t, []string{"arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess"}, sp.ARNs)
			if name == "GetFederationToken" {
				assert.Equal(t, "arn:aws:iam::000000000000:root", sp.Parent)
			} else {
				assert.Empty(t, sp.Parent)
			}
		})
	}
	plain, err := f.client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: role, RoleSessionName: session})
	require.NoError(t, err)
	_, ok := f.cloud.STS().SessionPolicyOf(aws.ToString(plain.Credentials.AccessKeyId))
	assert.False(t, ok, "a role session without session policies keeps nothing")
	fed, err := f.client.GetFederationToken(ctx, &sts.GetFederationTokenInput{Name: aws.String("bob")})
	require.NoError(t, err)
	sp, ok := f.cloud.STS().SessionPolicyOf(aws.ToString(fed.Credentials.AccessKeyId))
	require.True(t, ok, "a federated user without session policies has none: no permissions")
	assert.Nil(t, sp.Inline)
	assert.Empty(t, sp.ARNs)
}

// The session policies of expired sessions are forgotten, a little on
// each issue: one still live on the cloud's clock is kept (a second
// before its expiry), one expired (at its expiry) is not; memory follows
// the live sessions.
func TestSessionPolicies_AreForgottenOnceExpired(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	assume := func() string {
		out, err := f.client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::000000000000:role/r"),
			RoleSessionName: aws.String("s1"), DurationSeconds: aws.Int32(900), Policy: aws.String(sendOnly)})
		require.NoError(t, err)
		return aws.ToString(out.Credentials.AccessKeyId)
	}
	kept := func(key string) bool {
		_, ok := f.cloud.STS().SessionPolicyOf(key)
		return ok
	}
	first := assume()
	for range 63 {
		assume()
	}
	f.clk.Advance(899 * time.Second)
	assume() // sweeps the 64 held: none has expired
	assert.True(t, kept(first), "a second before its expiry")
	assert.Equal(t, 65, f.cloud.STS().SessionPoliciesHeld())
	for range 127 {
		assume()
	}
	f.clk.Advance(time.Second)
	assume() // sweeps the 192 held: the first 64 expire now
	assert.False(t, kept(first), "at its expiry")
	assert.Equal(t, 192-64+1, f.cloud.STS().SessionPoliciesHeld())

	for range 1000 {
		f.clk.Advance(time.Minute)
		assume()
	}
	assert.Less(t, f.cloud.STS().SessionPoliciesHeld(), 2*16+64+1, "15 live sessions at a time")
}
