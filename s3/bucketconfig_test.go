package s3_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGetBucketVersioning_ReportsState(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	out, err := c.GetBucketVersioning(ctx, &s3.GetBucketVersioningInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Empty(t, out.Status, "never versioned: no Status")
	enableVersioning(t, c, "bkt")
	out, err = c.GetBucketVersioning(ctx, &s3.GetBucketVersioningInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Equal(t, types.BucketVersioningStatusEnabled, out.Status)
	_, err = c.PutBucketVersioning(ctx, &s3.PutBucketVersioningInput{Bucket: aws.String("bkt"),
		VersioningConfiguration: &types.VersioningConfiguration{Status: "Disabled"}})
	requireCode(t, err, "MalformedXML", 400)
}

func TestBucketPolicy_StoredAsSentAndValidated(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t, withChecksums)
	createBucket(t, c, "bkt")
	_, err := c.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "NoSuchBucketPolicy", 404)

	policy := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::bkt/*"}]}`
	_, err = c.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String("bkt"), Policy: aws.String(policy)})
	require.NoError(t, err)
	out, err := c.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Equal(t, policy, aws.ToString(out.Policy))

	for _, bad := range []string{"not json", "[1]", `{"Version":"2012-10-17"}`} {
		_, err = c.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String("bkt"), Policy: aws.String(bad)})
		requireCode(t, err, "MalformedPolicy", 400)
	}
	_, err = c.DeleteBucketPolicy(ctx, &s3.DeleteBucketPolicyInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	_, err = c.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "NoSuchBucketPolicy", 404)
}

func TestBucketCors_StoredAndValidated(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t, withChecksums)
	createBucket(t, c, "bkt")
	_, err := c.GetBucketCors(ctx, &s3.GetBucketCorsInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "NoSuchCORSConfiguration", 404)
	rule := types.CORSRule{ID: aws.String("web"), AllowedMethods: []string{"GET", "PUT"}, AllowedOrigins: []string{"https://example.com"},
		AllowedHeaders: []string{"*"}, ExposeHeaders: []string{"ETag"}, MaxAgeSeconds: aws.Int32(300)}
	_, err = c.PutBucketCors(ctx, &s3.PutBucketCorsInput{Bucket: aws.String("bkt"), CORSConfiguration: &types.CORSConfiguration{CORSRules: []types.CORSRule{rule}}})
	require.NoError(t, err)
	out, err := c.GetBucketCors(ctx, &s3.GetBucketCorsInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Equal(t, []types.CORSRule{rule}, out.CORSRules)

	bad := types.CORSRule{AllowedMethods: []string{"PATCH"}, AllowedOrigins: []string{"*"}}
	_, err = c.PutBucketCors(ctx, &s3.PutBucketCorsInput{Bucket: aws.String("bkt"), CORSConfiguration: &types.CORSConfiguration{CORSRules: []types.CORSRule{bad}}})
	requireCode(t, err, "InvalidRequest", 400)
	_, err = c.DeleteBucketCors(ctx, &s3.DeleteBucketCorsInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	_, err = c.GetBucketCors(ctx, &s3.GetBucketCorsInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "NoSuchCORSConfiguration", 404)
}

// A bucket policy is read as the policy language has it: Statement one
// object or a list of them; a Statement that is neither, or none, is
// MalformedPolicy.
func TestBucketPolicy_ReadInThePolicyLanguage(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t, withChecksums)
	createBucket(t, c, "bkt")
	one := `{"Statement":{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::000000000000:root"]},"Action":"s3:*","Resource":"*"}}`
	_, err := c.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String("bkt"), Policy: aws.String(one)})
	require.NoError(t, err)
	for _, bad := range []string{`{"Statement":"x"}`, `{"Statement":[]}`, `{"Statement":[{"Principal":"someone"}]}`} {
		_, err = c.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String("bkt"), Policy: aws.String(bad)})
		requireCode(t, err, "MalformedPolicy", 400)
	}
}
