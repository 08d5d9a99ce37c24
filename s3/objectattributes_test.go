package s3_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var allAttributes = []types.ObjectAttributes{types.ObjectAttributesEtag, types.ObjectAttributesChecksum,
	types.ObjectAttributesObjectParts, types.ObjectAttributesStorageClass, types.ObjectAttributesObjectSize}

// GetObjectAttributes answers the attributes asked for: the unquoted ETag,
// the checksum, the parts count of a multipart object, the storage class
// and the size (shared/aws-recordings, s3 test_get_object_attributes,
// test_get_object_attributes_versioned).
func TestGetObjectAttributes(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	enableVersioning(t, c, "bkt")
	_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Body: bytes.NewReader([]byte("content")),
		ChecksumAlgorithm: types.ChecksumAlgorithmCrc32})
	require.NoError(t, err)
	v2 := putObject(t, c, "bkt", "k", "content-2")
	out, err := c.GetObjectAttributes(ctx, &s3.GetObjectAttributesInput{Bucket: aws.String("bkt"), Key: aws.String("k"), ObjectAttributes: allAttributes})
	require.NoError(t, err)
	assert.Equal(t, md5hex([]byte("content-2")), aws.ToString(out.ETag))
	assert.Equal(t, int64(9), aws.ToInt64(out.ObjectSize))
	assert.Equal(t, types.StorageClassStandard, out.StorageClass)
	assert.Equal(t, v2.VersionId, out.VersionId)
	require.NotNil(t, out.Checksum)
	assert.Equal(t, types.ChecksumTypeFullObject, out.Checksum.ChecksumType)
	assert.Nil(t, out.ObjectParts)
	assert.Equal(t, t0, aws.ToTime(out.LastModified))

	only, err := c.GetObjectAttributes(ctx, &s3.GetObjectAttributesInput{Bucket: aws.String("bkt"), Key: aws.String("k"),
		ObjectAttributes: []types.ObjectAttributes{types.ObjectAttributesObjectSize}})
	require.NoError(t, err)
	assert.Nil(t, only.ETag)
	assert.Equal(t, int64(9), aws.ToInt64(only.ObjectSize))

	_, err = c.GetObjectAttributes(ctx, &s3.GetObjectAttributesInput{Bucket: aws.String("bkt"), Key: aws.String("k"),
		ObjectAttributes: []types.ObjectAttributes{"Colour"}})
	requireCode(t, err, "InvalidArgument", 400)
	_, err = c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	_, err = c.GetObjectAttributes(ctx, &s3.GetObjectAttributesInput{Bucket: aws.String("bkt"), Key: aws.String("k"), ObjectAttributes: allAttributes})
	requireCode(t, err, "NoSuchKey", 404)

	mp, err := c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("m")})
	require.NoError(t, err)
	part, err := c.UploadPart(ctx, &s3.UploadPartInput{Bucket: aws.String("bkt"), Key: aws.String("m"), UploadId: mp.UploadId,
		PartNumber: aws.Int32(1), Body: bytes.NewReader([]byte("x"))})
	require.NoError(t, err)
	_, err = c.CompleteMultipartUpload(ctx, &s3.CompleteMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("m"), UploadId: mp.UploadId,
		MultipartUpload: &types.CompletedMultipartUpload{Parts: []types.CompletedPart{{PartNumber: aws.Int32(1), ETag: part.ETag}}}})
	require.NoError(t, err)
	mout, err := c.GetObjectAttributes(ctx, &s3.GetObjectAttributesInput{Bucket: aws.String("bkt"), Key: aws.String("m"), ObjectAttributes: allAttributes})
	require.NoError(t, err)
	require.NotNil(t, mout.ObjectParts)
	assert.Equal(t, int32(1), aws.ToInt32(mout.ObjectParts.TotalPartsCount))
	assert.Contains(t, aws.ToString(mout.ETag), "-1")
}

// S3 Select is closed to new customers: SelectObjectContent answers 405
// MethodNotAllowed, as accounts without it are answered, and is recorded.
func TestSelectObjectContent_ClosedToNewCustomers(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "k.csv", "a,b\n1,2\n")
	_, err := c.SelectObjectContent(ctx, &s3.SelectObjectContentInput{Bucket: aws.String("bkt"), Key: aws.String("k.csv"),
		Expression: aws.String("select * from s3object"), ExpressionType: types.ExpressionTypeSql,
		InputSerialization:  &types.InputSerialization{CSV: &types.CSVInput{}},
		OutputSerialization: &types.OutputSerialization{CSV: &types.CSVOutput{}}})
	requireCode(t, err, "MethodNotAllowed", 405)
	calls := cloud.S3().Calls()
	assert.Equal(t, "SelectObjectContent", calls[len(calls)-1].Operation)
}
