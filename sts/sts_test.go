package sts_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

func TestGetCallerIdentity_ReturnsAccountRoot(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithAccountID("123456789012"))
	out, err := sts.NewFromConfig(cloud.AWSConfig()).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "123456789012", aws.ToString(out.Account))
	assert.Equal(t, "arn:aws:iam::123456789012:root", aws.ToString(out.Arn))
	assert.Equal(t, "123456789012", aws.ToString(out.UserId))
}

func TestAssumeRole_CredentialsIdentifyTheRoleUntilTheyExpire(t *testing.T) {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.NewT(t, awsfake.WithClock(clk))
	ctx := context.Background()
	client := sts.NewFromConfig(cloud.AWSConfig())
	out, err := client.AssumeRole(ctx, &sts.AssumeRoleInput{
		RoleArn: aws.String("arn:aws:iam::000000000000:role/deployer"), RoleSessionName: aws.String("ci-run"),
		DurationSeconds: aws.Int32(900),
	})
	require.NoError(t, err)
	c := out.Credentials
	assert.Equal(t, clk.Now().Add(900*time.Second), aws.ToTime(c.Expiration))
	assert.Equal(t, "arn:aws:sts::000000000000:assumed-role/deployer/ci-run", aws.ToString(out.AssumedRoleUser.Arn))

	cfg := cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(c.AccessKeyId), aws.ToString(c.SecretAccessKey), aws.ToString(c.SessionToken))
	roleClient := sts.NewFromConfig(cfg)

	clk.Advance(900*time.Second - time.Nanosecond) // just before expiry
	id, err := roleClient.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:sts::000000000000:assumed-role/deployer/ci-run", aws.ToString(id.Arn))

	clk.Advance(time.Nanosecond) // exactly at expiry: AWS rejects the token
	_, err = roleClient.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae), "%v", err)
	assert.Equal(t, "ExpiredToken", ae.ErrorCode())
}

func TestAssumeRole_RejectsBadInputWithValidationError(t *testing.T) {
	cloud := awsfake.NewT(t)
	client := sts.NewFromConfig(cloud.AWSConfig())
	for name, in := range map[string]*sts.AssumeRoleInput{
		"not a role":       {RoleArn: aws.String("arn:aws:s3:::bucket-name-long"), RoleSessionName: aws.String("ok-name")},
		"session too long": {RoleArn: aws.String("arn:aws:iam::000000000000:role/r"), RoleSessionName: aws.String(string(make([]byte, 65)))},
		"duration short":   {RoleArn: aws.String("arn:aws:iam::000000000000:role/r"), RoleSessionName: aws.String("ok"), DurationSeconds: aws.Int32(899)},
		"duration long":    {RoleArn: aws.String("arn:aws:iam::000000000000:role/r"), RoleSessionName: aws.String("ok"), DurationSeconds: aws.Int32(43201)},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := client.AssumeRole(context.Background(), in)
			var ae smithy.APIError
			require.True(t, errors.As(err, &ae), "%v", err)
			assert.Equal(t, "ValidationError", ae.ErrorCode())
		})
	}
}

// Credentials issued for a role of another account are that account's:
// GetCallerIdentity names it (not the cloud's default) beside the
// assumed-role ARN, and so does GetAccessKeyInfo.
func TestAssumeRole_IntoAnotherAccountIdentifiesThatAccount(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	out, err := f.client.AssumeRole(ctx, &sts.AssumeRoleInput{
		RoleArn: aws.String("arn:aws:iam::111111111111:role/cross"), RoleSessionName: aws.String("s1")})
	require.NoError(t, err)
	id, err := f.as(out.Credentials).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "111111111111", aws.ToString(id.Account))
	assert.Equal(t, "arn:aws:sts::111111111111:assumed-role/cross/s1", aws.ToString(id.Arn))
}

// An access key of twelve digits is that account's root user, the
// convention LocalStack users rely on.
func TestGetCallerIdentity_ATwelveDigitKeyIsThatAccount(t *testing.T) {
	cloud := awsfake.NewT(t)
	cfg := cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider("222233334444", "secret", "")
	id, err := sts.NewFromConfig(cfg).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "222233334444", aws.ToString(id.Account))
	assert.Equal(t, "arn:aws:iam::222233334444:root", aws.ToString(id.Arn))
}
