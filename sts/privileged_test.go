package sts_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go-v2/service/sts/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

func stsTag(k, v string) types.Tag { return types.Tag{Key: aws.String(k), Value: aws.String(v)} }

func TestAssumeRoot_IssuesAMemberRootSessionToARoleSession(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := &sts.AssumeRootInput{TargetPrincipal: aws.String("111122223333"),
		TaskPolicyArn: &types.PolicyDescriptorType{Arn: aws.String("arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy")}}
	_, err := f.client.AssumeRoot(ctx, in)
	awsfake.CheckCode(t, err, "AccessDenied") // "You cannot use root user credentials to make this call."

	role, err := f.client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::000000000000:role/admin"), RoleSessionName: aws.String("ops")})
	require.NoError(t, err)
	out, err := f.as(role.Credentials).AssumeRoot(ctx, in)
	require.NoError(t, err)
	assert.Equal(t, f.clk.Now().Add(900*time.Second), aws.ToTime(out.Credentials.Expiration), "900 seconds by default")
	f.cloud.STS().CheckIdentity(t, aws.ToString(out.Credentials.AccessKeyId), "arn:aws:iam::111122223333:root")

	in.TaskPolicyArn.Arn = aws.String("arn:aws:iam::aws:policy/AdministratorAccess")
	_, err = f.as(role.Credentials).AssumeRoot(ctx, in)
	awsfake.CheckCode(t, err, "ValidationError")
	in.TaskPolicyArn.Arn = aws.String("arn:aws:iam::aws:policy/root-task/SQSUnlockQueuePolicy")
	in.DurationSeconds = aws.Int32(901)
	_, err = f.as(role.Credentials).AssumeRoot(ctx, in)
	awsfake.CheckCode(t, err, "ValidationError")
}

// The features the fake does not model answer what AWS answers in a new
// account.
func TestUnmodelledFeatures_AnswerAWSsErrorForANewAccount(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	_, err := f.client.GetWebIdentityToken(ctx, &sts.GetWebIdentityTokenInput{Audience: []string{"https://api.example.com"}, SigningAlgorithm: aws.String("RS256")})
	var off *types.OutboundWebIdentityFederationDisabledException
	require.ErrorAs(t, err, &off)
	_, err = f.client.GetWebIdentityToken(ctx, &sts.GetWebIdentityTokenInput{Audience: []string{"a"}, SigningAlgorithm: aws.String("HS256")})
	awsfake.CheckCode(t, err, "ValidationError")

	_, err = f.client.GetDelegatedAccessToken(ctx, &sts.GetDelegatedAccessTokenInput{TradeInToken: aws.String("token")})
	var expired *types.ExpiredTradeInTokenException
	require.ErrorAs(t, err, &expired)

	_, err = f.client.DecodeAuthorizationMessage(ctx, &sts.DecodeAuthorizationMessageInput{EncodedMessage: aws.String("abc")})
	var invalid *types.InvalidAuthorizationMessageException
	require.ErrorAs(t, err, &invalid)
}

// The model's limits are checked before the feature's answer: 1 to 10
// audiences of 1 to 1,000 characters and at most 50 tags for
// GetWebIdentityToken, an EncodedMessage of at most 10,240 characters
// (botocore's sts model, 2011-06-15).
func TestUnmodelledFeatures_CheckTheModelsLimitsFirst(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	webToken := func(aud []string, tags []types.Tag) error {
		_, err := f.client.GetWebIdentityToken(ctx, &sts.GetWebIdentityTokenInput{Audience: aud, SigningAlgorithm: aws.String("ES384"), Tags: tags})
		return err
	}
	ten := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
	var off *types.OutboundWebIdentityFederationDisabledException
	require.ErrorAs(t, webToken(ten, nil), &off, "ten audiences are allowed")
	require.ErrorAs(t, webToken([]string{strings.Repeat("a", 1000)}, nil), &off, "1,000 characters are allowed")
	msg := func(err error) string {
		var ae smithy.APIError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, "ValidationError", ae.ErrorCode())
		return ae.ErrorMessage()
	}
	assert.Equal(t, "1 validation error detected: Value '[a, b, c, d, e, f, g, h, i, j, k]' at 'audience' failed to satisfy constraint: Member must have length less than or equal to 10",
		msg(webToken(append(ten, "k"), nil)))
	assert.Contains(t, msg(webToken([]string{strings.Repeat("a", 1001)}, nil)), "Member must satisfy constraint: [Member must have length less than or equal to 1000")
	tags := make([]types.Tag, 51)
	for i := range tags {
		tags[i] = stsTag(fmt.Sprint("k", i), "v")
	}
	require.ErrorAs(t, webToken([]string{"a"}, tags[:50]), &off, "50 tags are allowed")
	assert.Contains(t, msg(webToken([]string{"a"}, tags)), "Member must have length less than or equal to 50")

	var invalid *types.InvalidAuthorizationMessageException
	_, err := f.client.DecodeAuthorizationMessage(ctx, &sts.DecodeAuthorizationMessageInput{EncodedMessage: aws.String(strings.Repeat("a", 10240))})
	require.ErrorAs(t, err, &invalid)
	_, err = f.client.DecodeAuthorizationMessage(ctx, &sts.DecodeAuthorizationMessageInput{EncodedMessage: aws.String(strings.Repeat("a", 10241))})
	assert.Contains(t, msg(err), "at 'encodedMessage' failed to satisfy constraint: Member must have length less than or equal to 10240")
}

// AssumeRoot's TargetPrincipal has the model's length, 12 to 2,048
// characters (botocore's sts model, TargetPrincipalType).
func TestAssumeRoot_TargetPrincipalHasTheModelsLength(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	role, err := f.client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::000000000000:role/admin"), RoleSessionName: aws.String("ops")})
	require.NoError(t, err)
	root := func(target string) error {
		_, err := f.as(role.Credentials).AssumeRoot(ctx, &sts.AssumeRootInput{TargetPrincipal: aws.String(target),
			TaskPolicyArn: &types.PolicyDescriptorType{Arn: aws.String("arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy")}})
		return err
	}
	require.NoError(t, root("111122223333"))
	var ae smithy.APIError
	require.ErrorAs(t, root("11112222333"), &ae)
	assert.Equal(t, "1 validation error detected: Value '11112222333' at 'targetPrincipal' failed to satisfy constraint: Member must have length greater than or equal to 12", ae.ErrorMessage())
	require.ErrorAs(t, root(strings.Repeat("1", 2049)), &ae)
	assert.Contains(t, ae.ErrorMessage(), "Member must have length less than or equal to 2048")
}
