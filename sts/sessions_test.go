package sts_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// A root user's session lasts at most an hour: longer requests get an hour
// (GetSessionToken API reference), the default included.
func TestGetSessionToken_RootSessionsLastAnHourAtMost(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, tc := range []struct {
		seconds *int32
		want    time.Duration
	}{{nil, time.Hour}, {aws.Int32(900), 900 * time.Second}, {aws.Int32(3600), time.Hour}, {aws.Int32(129600), time.Hour}} {
		out, err := f.client.GetSessionToken(ctx, &sts.GetSessionTokenInput{DurationSeconds: tc.seconds})
		require.NoError(t, err)
		assert.Equal(t, f.clk.Now().Add(tc.want), aws.ToTime(out.Credentials.Expiration))
	}
	for _, bad := range []int32{899, 129601} {
		_, err := f.client.GetSessionToken(ctx, &sts.GetSessionTokenInput{DurationSeconds: aws.Int32(bad)})
		awsfake.CheckCode(t, err, "ValidationError")
	}
}

// Session credentials cannot call GetSessionToken or GetFederationToken.
func TestGetSessionToken_RefusesSessionCredentials(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	out, err := f.client.GetSessionToken(ctx, &sts.GetSessionTokenInput{})
	require.NoError(t, err)
	session := f.as(out.Credentials)
	id, err := session.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:iam::000000000000:root", aws.ToString(id.Arn), "a session of the root user is the root user")
	_, err = session.GetSessionToken(ctx, &sts.GetSessionTokenInput{})
	awsfake.CheckCode(t, err, "AccessDenied")
	_, err = session.GetFederationToken(ctx, &sts.GetFederationTokenInput{Name: aws.String("bob")})
	awsfake.CheckCode(t, err, "AccessDenied")
}

func TestGetFederationToken_IssuesAFederatedUser(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	out, err := f.client.GetFederationToken(ctx, &sts.GetFederationTokenInput{
		Name: aws.String("bob"), Policy: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`),
	})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:sts::000000000000:federated-user/bob", aws.ToString(out.FederatedUser.Arn))
	assert.Equal(t, "000000000000:bob", aws.ToString(out.FederatedUser.FederatedUserId))
	assert.Equal(t, f.clk.Now().Add(time.Hour), aws.ToTime(out.Credentials.Expiration), "the root user's federation sessions last an hour")
	id, err := f.as(out.Credentials).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:sts::000000000000:federated-user/bob", aws.ToString(id.Arn))
	assert.Equal(t, "000000000000:bob", aws.ToString(id.UserId))

	for name, in := range map[string]*sts.GetFederationTokenInput{
		"name too short":   {Name: aws.String("b")},
		"name with space":  {Name: aws.String("b o b")},
		"name too long":    {Name: aws.String("abcdefghijabcdefghijabcdefghijabc")},
		"duration too low": {Name: aws.String("bob"), DurationSeconds: aws.Int32(899)},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := f.client.GetFederationToken(ctx, in)
			awsfake.CheckCode(t, err, "ValidationError")
		})
	}
	_, err = f.client.GetFederationToken(ctx, &sts.GetFederationTokenInput{Name: aws.String("bob"), Policy: aws.String("{not json")})
	awsfake.CheckCode(t, err, "MalformedPolicyDocument")
}

func TestAssumeRole_SessionPoliciesAndTagsFollowAWSRules(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := func() *sts.AssumeRoleInput {
		return &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::000000000000:role/r"), RoleSessionName: aws.String("s1")}
	}
	bad := in()
	bad.Policy = aws.String("[1,2")
	_, err := f.client.AssumeRole(ctx, bad)
	awsfake.CheckCode(t, err, "MalformedPolicyDocument")

	tagged := in()
	for i := range 51 {
		tagged.Tags = append(tagged.Tags, stsTag(string(rune('a'+i%26))+string(rune('a'+i/26)), "v"))
	}
	_, err = f.client.AssumeRole(ctx, tagged)
	awsfake.CheckCode(t, err, "ValidationError")
	tagged.Tags = tagged.Tags[:50]
	_, err = f.client.AssumeRole(ctx, tagged)
	require.NoError(t, err, "50 session tags are allowed")
}

func TestGetAccessKeyInfo_NamesTheKeysAccount(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	out, err := f.client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::111122223333:role/x"), RoleSessionName: aws.String("s1")})
	require.NoError(t, err)
	info, err := f.client.GetAccessKeyInfo(ctx, &sts.GetAccessKeyInfoInput{AccessKeyId: out.Credentials.AccessKeyId})
	require.NoError(t, err)
	assert.Equal(t, "111122223333", aws.ToString(info.Account))
	info, err = f.client.GetAccessKeyInfo(ctx, &sts.GetAccessKeyInfoInput{AccessKeyId: aws.String("AKIAIOSFODNN7EXAMPLE")})
	require.NoError(t, err)
	assert.Equal(t, "000000000000", aws.ToString(info.Account))
	_, err = f.client.GetAccessKeyInfo(ctx, &sts.GetAccessKeyInfoInput{AccessKeyId: aws.String("short")})
	awsfake.CheckCode(t, err, "ValidationError")
}
