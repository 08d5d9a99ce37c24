package s3_test

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every object of a fresh bucket reports SSE-S3 on Put, Get, Head, Copy
// and multipart answers (shared/aws-recordings, s3
// test_s3_bucket_encryption_sse_s3).
func TestObjects_ReportSSES3(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	put := putObject(t, c, "bkt", "k", "test-encrypted")
	assert.Equal(t, types.ServerSideEncryptionAes256, put.ServerSideEncryption)
	_, get := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	assert.Equal(t, types.ServerSideEncryptionAes256, get.ServerSideEncryption)
	head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	assert.Equal(t, types.ServerSideEncryptionAes256, head.ServerSideEncryption)
	cp, err := c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("c"), CopySource: aws.String("bkt/k")})
	require.NoError(t, err)
	assert.Equal(t, types.ServerSideEncryptionAes256, cp.ServerSideEncryption)
	mp, err := c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("m")})
	require.NoError(t, err)
	assert.Equal(t, types.ServerSideEncryptionAes256, mp.ServerSideEncryption)
	part, err := c.UploadPart(ctx, &s3.UploadPartInput{Bucket: aws.String("bkt"), Key: aws.String("m"), UploadId: mp.UploadId,
		PartNumber: aws.Int32(1), Body: strings.NewReader("x")})
	require.NoError(t, err)
	assert.Equal(t, types.ServerSideEncryptionAes256, part.ServerSideEncryption)
	done, err := c.CompleteMultipartUpload(ctx, &s3.CompleteMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("m"), UploadId: mp.UploadId,
		MultipartUpload: &types.CompletedMultipartUpload{Parts: []types.CompletedPart{{PartNumber: aws.Int32(1), ETag: part.ETag}}}})
	require.NoError(t, err)
	assert.Equal(t, types.ServerSideEncryptionAes256, done.ServerSideEncryption)
}

// A bucket whose default is SSE-KMS with a key and a bucket key encrypts
// objects written without headers so, the key reported by its ARN
// (shared/aws-recordings, s3 test_s3_bucket_encryption_sse_kms); headers
// name another key or the AWS managed one.
func TestObjects_SSEKMS(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	const key = "1234abcd-12ab-34cd-56ef-1234567890ab"
	_, err := c.PutBucketEncryption(ctx, &s3.PutBucketEncryptionInput{Bucket: aws.String("bkt"),
		ServerSideEncryptionConfiguration: &types.ServerSideEncryptionConfiguration{Rules: []types.ServerSideEncryptionRule{{
			BucketKeyEnabled: aws.Bool(true), ApplyServerSideEncryptionByDefault: &types.ServerSideEncryptionByDefault{
				SSEAlgorithm: types.ServerSideEncryptionAwsKms, KMSMasterKeyID: aws.String(key)}}}}})
	require.NoError(t, err)
	put := putObject(t, c, "bkt", "k", "test-encrypted")
	assert.Equal(t, types.ServerSideEncryptionAwsKms, put.ServerSideEncryption)
	assert.Equal(t, "arn:aws:kms:us-east-1:000000000000:key/"+key, aws.ToString(put.SSEKMSKeyId))
	assert.Equal(t, aws.Bool(true), put.BucketKeyEnabled)
	head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	assert.Equal(t, put.SSEKMSKeyId, head.SSEKMSKeyId)
	assert.Equal(t, aws.Bool(true), head.BucketKeyEnabled)

	ctxJSON := base64.StdEncoding.EncodeToString([]byte(`{"team":"a"}`))
	out, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k2"), Body: strings.NewReader("x"),
		ServerSideEncryption: types.ServerSideEncryptionAwsKms, SSEKMSKeyId: aws.String("arn:aws:kms:us-east-1:000000000000:key/other"),
		SSEKMSEncryptionContext: aws.String(ctxJSON), BucketKeyEnabled: aws.Bool(false)})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:kms:us-east-1:000000000000:key/other", aws.ToString(out.SSEKMSKeyId))
	assert.Equal(t, ctxJSON, aws.ToString(out.SSEKMSEncryptionContext))
	assert.Nil(t, out.BucketKeyEnabled)

	out, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k3"), Body: strings.NewReader("x"),
		ServerSideEncryption: types.ServerSideEncryptionAes256})
	require.NoError(t, err)
	assert.Equal(t, types.ServerSideEncryptionAes256, out.ServerSideEncryption)
	assert.Nil(t, out.SSEKMSKeyId)

	_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("bad"), Body: strings.NewReader("x"),
		ServerSideEncryption: "rot13"})
	requireCode(t, err, "InvalidArgument", 400)
	_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("bad"), Body: strings.NewReader("x"),
		ServerSideEncryption: types.ServerSideEncryptionAwsKms, SSEKMSEncryptionContext: aws.String("not json")})
	requireCode(t, err, "InvalidArgument", 400)
}

func customerKey(b byte) (string, string) {
	k := bytes.Repeat([]byte{b}, 32)
	sum := md5.Sum(k)
	return base64.StdEncoding.EncodeToString(k), base64.StdEncoding.EncodeToString(sum[:])
}

// SSE-C: the key checked on a write as S3 checks it
// (shared/aws-recordings, s3 test_put_object_validation_sse_c), echoed by
// its algorithm and MD5, and required, the same, to read the object or
// copy it (test_object_retrieval_sse_c, test_copy_object_with_sse_c).
func TestObjects_SSEC(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	key, sum := customerKey(1)
	other, otherSum := customerKey(2)
	put := func(alg, k, m string, sse types.ServerSideEncryption) (*s3.PutObjectOutput, error) {
		return c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Body: strings.NewReader("secret"),
			SSECustomerAlgorithm: aws.String(alg), SSECustomerKey: aws.String(k), SSECustomerKeyMD5: aws.String(m), ServerSideEncryption: sse})
	}
	_, err := put("AES256", key, sum, types.ServerSideEncryptionAes256)
	requireCode(t, err, "InvalidArgument", 400)
	_, err = put("KMS", key, sum, "")
	requireCode(t, err, "InvalidEncryptionAlgorithmError", 400)
	_, err = put("AES256", key, otherSum, "")
	requireCode(t, err, "InvalidArgument", 400)
	assert.Contains(t, err.Error(), "The calculated MD5 hash of the key did not match the hash that was provided.")
	_, err = put("AES256", base64.StdEncoding.EncodeToString([]byte("short")), sum, "")
	requireCode(t, err, "InvalidArgument", 400)

	out, err := put("AES256", key, sum, "")
	require.NoError(t, err)
	assert.Equal(t, "AES256", aws.ToString(out.SSECustomerAlgorithm))
	assert.Equal(t, sum, aws.ToString(out.SSECustomerKeyMD5))
	assert.Empty(t, out.ServerSideEncryption)

	get := func(alg, k, m string) (*s3.GetObjectOutput, error) {
		in := &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")}
		if alg != "" {
			in.SSECustomerAlgorithm, in.SSECustomerKey, in.SSECustomerKeyMD5 = aws.String(alg), aws.String(k), aws.String(m)
		}
		return c.GetObject(ctx, in)
	}
	_, err = get("", "", "")
	requireCode(t, err, "InvalidRequest", 400)
	_, err = get("AES256", other, otherSum)
	requireCode(t, err, "AccessDenied", 403)
	_, err = get("KMS", key, sum)
	requireCode(t, err, "InvalidEncryptionAlgorithmError", 400)
	body, got := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"),
		SSECustomerAlgorithm: aws.String("AES256"), SSECustomerKey: aws.String(key), SSECustomerKeyMD5: aws.String(sum)})
	assert.Equal(t, "secret", body)
	assert.Equal(t, sum, aws.ToString(got.SSECustomerKeyMD5))
	_, err = c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	_, status := apiError(t, err)
	assert.Equal(t, 400, status)

	_, err = c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("c"), CopySource: aws.String("bkt/k")})
	requireCode(t, err, "InvalidRequest", 400)
	cp, err := c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("c"), CopySource: aws.String("bkt/k"),
		CopySourceSSECustomerAlgorithm: aws.String("AES256"), CopySourceSSECustomerKey: aws.String(key), CopySourceSSECustomerKeyMD5: aws.String(sum)})
	require.NoError(t, err)
	assert.Equal(t, types.ServerSideEncryptionAes256, cp.ServerSideEncryption, "the copy takes the bucket's default")
	_, err = c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("c"), CopySource: aws.String("bkt/k"),
		CopySourceSSECustomerAlgorithm: aws.String("AES256"), CopySourceSSECustomerKey: aws.String(key), CopySourceSSECustomerKeyMD5: aws.String(sum),
		SSECustomerAlgorithm: aws.String("AES256"), SSECustomerKey: aws.String(key), SSECustomerKeyMD5: aws.String(sum), ServerSideEncryption: types.ServerSideEncryptionAes256})
	requireCode(t, err, "InvalidArgument", 400)
}

// A multipart upload initiated with an SSE-C key takes parts with that key
// only.
func TestMultipart_SSEC(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	key, sum := customerKey(3)
	mp, err := c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("m"),
		SSECustomerAlgorithm: aws.String("AES256"), SSECustomerKey: aws.String(key), SSECustomerKeyMD5: aws.String(sum)})
	require.NoError(t, err)
	assert.Equal(t, sum, aws.ToString(mp.SSECustomerKeyMD5))
	_, err = c.UploadPart(ctx, &s3.UploadPartInput{Bucket: aws.String("bkt"), Key: aws.String("m"), UploadId: mp.UploadId,
		PartNumber: aws.Int32(1), Body: strings.NewReader("x")})
	requireCode(t, err, "InvalidRequest", 400)
	part, err := c.UploadPart(ctx, &s3.UploadPartInput{Bucket: aws.String("bkt"), Key: aws.String("m"), UploadId: mp.UploadId,
		PartNumber: aws.Int32(1), Body: strings.NewReader("x"),
		SSECustomerAlgorithm: aws.String("AES256"), SSECustomerKey: aws.String(key), SSECustomerKeyMD5: aws.String(sum)})
	require.NoError(t, err)
	assert.Equal(t, sum, aws.ToString(part.SSECustomerKeyMD5))
}
