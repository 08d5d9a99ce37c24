package s3_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/awserr"
	s3fake "github.com/awsfake/awsfake/s3"
)

// requireFake fails unless err, from the fake's Go API, is code with
// status.
func requireFake(t *testing.T, err error, code string, status int) {
	t.Helper()
	require.Error(t, err)
	e := awserr.As(err)
	require.Equal(t, code, e.Code, "%v", err)
	require.Equal(t, status, e.Status, "%v", err)
}

// A fresh bucket's default encryption is SSE-S3 without a bucket key, and
// stays so after DeleteBucketEncryption, which answers 204 twice
// (shared/aws-recordings, s3 test_s3_default_bucket_encryption).
func TestFreshBucket_EncryptionIsSSES3(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	check := func() {
		out, err := c.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: aws.String("bkt")})
		require.NoError(t, err)
		require.Len(t, out.ServerSideEncryptionConfiguration.Rules, 1)
		rule := out.ServerSideEncryptionConfiguration.Rules[0]
		assert.Equal(t, types.ServerSideEncryptionAes256, rule.ApplyServerSideEncryptionByDefault.SSEAlgorithm)
		assert.Nil(t, rule.ApplyServerSideEncryptionByDefault.KMSMasterKeyID)
		assert.Equal(t, aws.Bool(false), rule.BucketKeyEnabled)
	}
	check()
	for range 2 {
		_, err := c.DeleteBucketEncryption(ctx, &s3.DeleteBucketEncryptionInput{Bucket: aws.String("bkt")})
		require.NoError(t, err)
	}
	check()
	_, err := c.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: aws.String("nope")})
	requireCode(t, err, "NoSuchBucket", 404)
}

// PutBucketEncryption stores SSE-KMS with its key and bucket key, and
// refuses what S3 refuses (shared/aws-recordings, s3
// test_s3_bucket_encryption_sse_kms, test_s3_default_bucket_encryption_exc).
func TestPutBucketEncryption_StoresAndValidates(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	_, err := cloud.S3().PutBucketEncryption(ctx, s3fake.PutBucketEncryptionInput{Bucket: "bkt"})
	requireFake(t, err, "MalformedXML", 400) // the SDK refuses no rules itself
	_, err = cloud.S3().PutBucketOwnershipControls(ctx, s3fake.PutBucketOwnershipControlsInput{Bucket: "bkt", Rules: []string{""}})
	requireFake(t, err, "MalformedXML", 400)
	put := func(rules ...types.ServerSideEncryptionRule) error {
		_, err := c.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: aws.String("bkt"),
			ServerSideEncryptionConfiguration: &types.ServerSideEncryptionConfiguration{Rules: rules}})
		return err
	}
	kms := types.ServerSideEncryptionRule{BucketKeyEnabled: aws.Bool(true), ApplyServerSideEncryptionByDefault: &types.ServerSideEncryptionByDefault{
		SSEAlgorithm: types.ServerSideEncryptionAwsKms, KMSMasterKeyID: aws.String("1234abcd-12ab-34cd-56ef-1234567890ab")}}
	require.NoError(t, put(kms))
	out, err := c.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	got := out.ServerSideEncryptionConfiguration.Rules[0]
	assert.Equal(t, types.ServerSideEncryptionAwsKms, got.ApplyServerSideEncryptionByDefault.SSEAlgorithm)
	assert.Equal(t, "1234abcd-12ab-34cd-56ef-1234567890ab", aws.ToString(got.ApplyServerSideEncryptionByDefault.KMSMasterKeyID))
	assert.Equal(t, aws.Bool(true), got.BucketKeyEnabled)

	requireCode(t, put(kms, kms), "MalformedXML", 400)
	aesWithKey := types.ServerSideEncryptionRule{ApplyServerSideEncryptionByDefault: &types.ServerSideEncryptionByDefault{
		SSEAlgorithm: types.ServerSideEncryptionAes256, KMSMasterKeyID: aws.String("key")}}
	err = put(aesWithKey)
	requireCode(t, err, "InvalidArgument", 400)
	assert.Contains(t, err.Error(), "a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse")
	out, err = c.GetBucketEncryption(ctx, &s3.GetBucketEncryptionInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Equal(t, types.ServerSideEncryptionAwsKms, out.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm, "bad input leaves state untouched")
}

// A fresh bucket blocks all public access until DeletePublicAccessBlock,
// then answers NoSuchPublicAccessBlockConfiguration; deleting twice is 204
// (shared/aws-recordings, s3 test_crud_public_access_block).
func TestFreshBucket_PublicAccessBlockAllOn(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	out, err := c.GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	on := aws.Bool(true)
	assert.Equal(t, &types.PublicAccessBlockConfiguration{BlockPublicAcls: on, IgnorePublicAcls: on, BlockPublicPolicy: on, RestrictPublicBuckets: on},
		out.PublicAccessBlockConfiguration)

	off := aws.Bool(false)
	_, err = c.PutPublicAccessBlock(ctx, &s3.PutPublicAccessBlockInput{Bucket: aws.String("bkt"), PublicAccessBlockConfiguration: &types.PublicAccessBlockConfiguration{
		BlockPublicAcls: off, IgnorePublicAcls: off, BlockPublicPolicy: off, RestrictPublicBuckets: off}})
	require.NoError(t, err)
	out, err = c.GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Equal(t, &types.PublicAccessBlockConfiguration{BlockPublicAcls: off, IgnorePublicAcls: off, BlockPublicPolicy: off, RestrictPublicBuckets: off},
		out.PublicAccessBlockConfiguration)

	for range 2 {
		_, err = c.DeletePublicAccessBlock(ctx, &s3.DeletePublicAccessBlockInput{Bucket: aws.String("bkt")})
		require.NoError(t, err)
	}
	_, err = c.GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "NoSuchPublicAccessBlockConfiguration", 404)
}

// A fresh bucket is BucketOwnerEnforced; Put, Get and Delete as S3 answers
// them, and CreateBucket takes x-amz-object-ownership (shared/aws-recordings,
// s3 test_crud_bucket_ownership_controls, test_bucket_ownership_controls_exc).
func TestOwnershipControls_CRUD(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	get := func(bucket string) (types.ObjectOwnership, error) {
		out, err := c.GetBucketOwnershipControls(ctx, &s3.GetBucketOwnershipControlsInput{Bucket: aws.String(bucket)})
		if err != nil {
			return "", err
		}
		require.Len(t, out.OwnershipControls.Rules, 1)
		return out.OwnershipControls.Rules[0].ObjectOwnership, nil
	}
	o, err := get("bkt")
	require.NoError(t, err)
	assert.Equal(t, types.ObjectOwnershipBucketOwnerEnforced, o)
	put := func(rules ...types.OwnershipControlsRule) error {
		_, err := c.PutBucketOwnershipControls(ctx, &s3.PutBucketOwnershipControlsInput{Bucket: aws.String("bkt"),
			OwnershipControls: &types.OwnershipControls{Rules: rules}})
		return err
	}
	require.NoError(t, put(types.OwnershipControlsRule{ObjectOwnership: types.ObjectOwnershipObjectWriter}))
	o, err = get("bkt")
	require.NoError(t, err)
	assert.Equal(t, types.ObjectOwnershipObjectWriter, o)
	requireCode(t, put(types.OwnershipControlsRule{ObjectOwnership: "RandomValue"}), "MalformedXML", 400)
	requireCode(t, put(types.OwnershipControlsRule{ObjectOwnership: types.ObjectOwnershipObjectWriter},
		types.OwnershipControlsRule{ObjectOwnership: types.ObjectOwnershipBucketOwnerEnforced}), "MalformedXML", 400)

	for range 2 {
		_, err = c.DeleteBucketOwnershipControls(ctx, &s3.DeleteBucketOwnershipControlsInput{Bucket: aws.String("bkt")})
		require.NoError(t, err)
	}
	_, err = get("bkt")
	requireCode(t, err, "OwnershipControlsNotFoundError", 404)

	_, err = c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("preferred"), ObjectOwnership: types.ObjectOwnershipBucketOwnerPreferred})
	require.NoError(t, err)
	o, err = get("preferred")
	require.NoError(t, err)
	assert.Equal(t, types.ObjectOwnershipBucketOwnerPreferred, o)
	_, err = c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("random"), ObjectOwnership: "RandomValue"})
	requireCode(t, err, "InvalidArgument", 400)
	assert.Contains(t, err.Error(), "Invalid x-amz-object-ownership header: RandomValue")
	_, err = c.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String("random")})
	require.Error(t, err, "a refused CreateBucket creates nothing")
}

// GetBucketPolicyStatus: NoSuchBucketPolicy without a policy, IsPublic for
// an Allow to everyone without a condition.
func TestGetBucketPolicyStatus(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	_, err := c.GetBucketPolicyStatus(ctx, &s3.GetBucketPolicyStatusInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "NoSuchBucketPolicy", 404)
	status := func(policy string) bool {
		_, err := c.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String("bkt"), Policy: aws.String(policy)})
		require.NoError(t, err)
		out, err := c.GetBucketPolicyStatus(ctx, &s3.GetBucketPolicyStatusInput{Bucket: aws.String("bkt")})
		require.NoError(t, err)
		return aws.ToBool(out.PolicyStatus.IsPublic)
	}
	assert.True(t, status(`{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::bkt/*"}]}`))
	assert.True(t, status(`{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::bkt/*"}]}`))
	assert.False(t, status(`{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::bkt/*"}]}`))
	assert.False(t, status(`{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::bkt/*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}`))
}

// Transfer acceleration: none on a fresh bucket, Enabled and Suspended
// stored, anything else MalformedXML, a dotted bucket InvalidRequest
// (shared/aws-recordings, s3 test_bucket_acceleration_configuration_crud,
// test_bucket_acceleration_configuration_exc).
func TestAccelerateConfiguration(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t, pathStyle)
	createBucket(t, c, "bkt")
	createBucket(t, c, "with.dot")
	get := func() types.BucketAccelerateStatus {
		out, err := c.GetBucketAccelerateConfiguration(ctx, &s3.GetBucketAccelerateConfigurationInput{Bucket: aws.String("bkt")})
		require.NoError(t, err)
		return out.Status
	}
	put := func(bucket string, st types.BucketAccelerateStatus) error {
		_, err := c.PutBucketAccelerateConfiguration(ctx, &s3.PutBucketAccelerateConfigurationInput{Bucket: aws.String(bucket),
			AccelerateConfiguration: &types.AccelerateConfiguration{Status: st}})
		return err
	}
	assert.Empty(t, get())
	require.NoError(t, put("bkt", types.BucketAccelerateStatusEnabled))
	assert.Equal(t, types.BucketAccelerateStatusEnabled, get())
	require.NoError(t, put("bkt", types.BucketAccelerateStatusSuspended))
	assert.Equal(t, types.BucketAccelerateStatusSuspended, get())
	requireCode(t, put("bkt", "enabled"), "MalformedXML", 400)
	requireCode(t, put("bkt", "random"), "MalformedXML", 400)
	requireCode(t, put("with.dot", types.BucketAccelerateStatusEnabled), "InvalidRequest", 400)
}

// Request payment: BucketOwner by default, Requester stored
// (shared/aws-recordings, s3 test_s3_request_payer), others MalformedXML.
func TestRequestPayment(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	get := func() types.Payer {
		out, err := c.GetBucketRequestPayment(ctx, &s3.GetBucketRequestPaymentInput{Bucket: aws.String("bkt")})
		require.NoError(t, err)
		return out.Payer
	}
	put := func(p types.Payer) error {
		_, err := c.PutBucketRequestPayment(ctx, &s3.PutBucketRequestPaymentInput{Bucket: aws.String("bkt"),
			RequestPaymentConfiguration: &types.RequestPaymentConfiguration{Payer: p}})
		return err
	}
	assert.Equal(t, types.PayerBucketOwner, get())
	require.NoError(t, put(types.PayerRequester))
	assert.Equal(t, types.PayerRequester, get())
	requireCode(t, put("Anyone"), "MalformedXML", 400)
	assert.Equal(t, types.PayerRequester, get())
}
