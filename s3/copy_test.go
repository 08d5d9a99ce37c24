package s3_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCopyObject_CopiesDataAndMetadataUnlessReplaced(t *testing.T) {
	ctx := context.Background()
	cloud, c, clk := newS3(t)
	createBucket(t, c, "src-bkt")
	createBucket(t, c, "dst-bkt")
	_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("src-bkt"), Key: aws.String("a b+c"), Body: stringBody("payload"),
		ContentType: aws.String("text/plain"), Metadata: map[string]string{"m": "1"}, Tagging: aws.String("t=1")})
	require.NoError(t, err)
	clk.Advance(2 * time.Second)

	out, err := c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("dst-bkt"), Key: aws.String("copy"), CopySource: aws.String("src-bkt/a%20b%2Bc")})
	require.NoError(t, err)
	assert.Equal(t, `"`+md5hex([]byte("payload"))+`"`, aws.ToString(out.CopyObjectResult.ETag))
	assert.Equal(t, t0.Add(2*time.Second), aws.ToTime(out.CopyObjectResult.LastModified))
	cloud.S3().CheckObject(t, "dst-bkt", "copy", []byte("payload"))
	o, _ := cloud.S3().Object("dst-bkt", "copy")
	assert.Equal(t, "text/plain", o.Headers.ContentType)
	assert.Equal(t, map[string]string{"m": "1"}, o.Metadata)
	assert.Len(t, o.Tags, 1, "tags are copied by default")

	_, err = c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("dst-bkt"), Key: aws.String("replaced"), CopySource: aws.String("src-bkt/a%20b%2Bc"),
		MetadataDirective: types.MetadataDirectiveReplace, ContentType: aws.String("application/json"), Metadata: map[string]string{"n": "2"},
		TaggingDirective: types.TaggingDirectiveReplace, Tagging: aws.String("")})
	require.NoError(t, err)
	o, _ = cloud.S3().Object("dst-bkt", "replaced")
	assert.Equal(t, "application/json", o.Headers.ContentType)
	assert.Equal(t, map[string]string{"n": "2"}, o.Metadata)
	assert.Empty(t, o.Tags)
}

func TestCopyObject_ErrorsAsS3Gives(t *testing.T) {
	ctx := context.Background()
	cloud, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	put := putObject(t, c, "bkt", "src", "v")
	clk.Advance(time.Hour)
	for _, tc := range []struct {
		name   string
		in     s3.CopyObjectInput
		code   string
		status int
	}{
		{"missing source key", s3.CopyObjectInput{CopySource: aws.String("bkt/nope")}, "NoSuchKey", 404},
		{"missing source bucket", s3.CopyObjectInput{CopySource: aws.String("nobucket/src")}, "NoSuchBucket", 404},
		{"source without key", s3.CopyObjectInput{CopySource: aws.String("bkt")}, "InvalidArgument", 400},
		{"onto itself unchanged", s3.CopyObjectInput{Key: aws.String("src"), CopySource: aws.String("bkt/src")}, "InvalidRequest", 400},
		{"unknown directive", s3.CopyObjectInput{CopySource: aws.String("bkt/src"), MetadataDirective: "MERGE"}, "InvalidArgument", 400},
		{"source if-match fails", s3.CopyObjectInput{CopySource: aws.String("bkt/src"), CopySourceIfMatch: aws.String(`"x"`)}, "PreconditionFailed", 412},
		{"source if-none-match matches", s3.CopyObjectInput{CopySource: aws.String("bkt/src"), CopySourceIfNoneMatch: put.ETag}, "PreconditionFailed", 412},
		{"source not modified since", s3.CopyObjectInput{CopySource: aws.String("bkt/src"), CopySourceIfModifiedSince: aws.Time(t0.Add(time.Minute))}, "PreconditionFailed", 412},
		{"source modified since", s3.CopyObjectInput{CopySource: aws.String("bkt/src"), CopySourceIfUnmodifiedSince: aws.Time(t0.Add(-time.Minute))}, "PreconditionFailed", 412},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in
			in.Bucket = aws.String("bkt")
			if in.Key == nil {
				in.Key = aws.String("dst")
			}
			_, err := c.CopyObject(ctx, &in)
			requireCode(t, err, tc.code, tc.status)
			assert.Len(t, cloud.S3().Objects("bkt"), 1)
		})
	}
	_, err := c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("src"), CopySource: aws.String("bkt/src"),
		MetadataDirective: types.MetadataDirectiveReplace, ContentType: aws.String("text/x")})
	require.NoError(t, err, "copying onto itself while replacing metadata is allowed")
}

func TestCopyObject_VersionedSourceByVersionID(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	enableVersioning(t, c, "bkt")
	v1 := putObject(t, c, "bkt", "src", "one")
	putObject(t, c, "bkt", "src", "two")
	out, err := c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("dst"),
		CopySource: aws.String("bkt/src?versionId=" + aws.ToString(v1.VersionId))})
	require.NoError(t, err)
	assert.Equal(t, aws.ToString(v1.VersionId), aws.ToString(out.CopySourceVersionId))
	assert.NotEmpty(t, aws.ToString(out.VersionId))
	cloud.S3().CheckObject(t, "bkt", "dst", []byte("one"))
}

// A failed copy-source condition names its header in AWS's casing in
// <Condition> (recorded: s3 TestS3Multipart::
// test_upload_part_copy_with_copy_source_if_match_failed,
// ..._if_none_match_failed, ..._if_modified_since_failed,
// ..._if_unmodified_since_match_failed, and TestS3CopySourcePreconditions::
// test_s3_copy_object_preconditions).
func TestCopyObject_FailedSourceConditionNamesTheHeaderInAWSCasing(t *testing.T) {
	ctx := context.Background()
	var rec answers
	_, c, clk := newS3(t, recording(&rec))
	createBucket(t, c, "bkt")
	put := putObject(t, c, "bkt", "src", "v")
	clk.Advance(time.Hour)
	up, err := c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("mp")})
	require.NoError(t, err)
	for _, tc := range []struct {
		condition string
		copy      s3.CopyObjectInput
		part      s3.UploadPartCopyInput
	}{
		{"x-amz-copy-source-If-Match",
			s3.CopyObjectInput{CopySourceIfMatch: aws.String(`"x"`)}, s3.UploadPartCopyInput{CopySourceIfMatch: aws.String(`"x"`)}},
		{"x-amz-copy-source-If-None-Match",
			s3.CopyObjectInput{CopySourceIfNoneMatch: put.ETag}, s3.UploadPartCopyInput{CopySourceIfNoneMatch: put.ETag}},
		{"x-amz-copy-source-If-Modified-Since",
			s3.CopyObjectInput{CopySourceIfModifiedSince: aws.Time(t0.Add(time.Minute))}, s3.UploadPartCopyInput{CopySourceIfModifiedSince: aws.Time(t0.Add(time.Minute))}},
		{"x-amz-copy-source-If-Unmodified-Since",
			s3.CopyObjectInput{CopySourceIfUnmodifiedSince: aws.Time(t0.Add(-time.Minute))}, s3.UploadPartCopyInput{CopySourceIfUnmodifiedSince: aws.Time(t0.Add(-time.Minute))}},
	} {
		in := tc.copy
		in.Bucket, in.Key, in.CopySource = aws.String("bkt"), aws.String("dst"), aws.String("bkt/src")
		_, err := c.CopyObject(ctx, &in)
		requireCode(t, err, "PreconditionFailed", 412)
		doc := rec.Error(t)
		assert.Equal(t, tc.condition, doc.Condition)
		assert.Equal(t, "At least one of the pre-conditions you specified did not hold", doc.Message)

		part := tc.part
		part.Bucket, part.Key, part.CopySource = aws.String("bkt"), aws.String("mp"), aws.String("bkt/src")
		part.UploadId, part.PartNumber = up.UploadId, aws.Int32(1)
		_, err = c.UploadPartCopy(ctx, &part)
		requireCode(t, err, "PreconditionFailed", 412)
		assert.Equal(t, tc.condition, rec.Error(t).Condition)
	}
}

// A copy is STANDARD unless the request names a storage class: S3 does not
// carry the source's over (recorded: s3 TestS3::
// test_s3_copy_object_storage_class).
func TestCopyObject_StorageClassIsStandardUnlessGiven(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("src"), Body: stringBody("v"),
		StorageClass: types.StorageClassStandardIa})
	require.NoError(t, err)
	for key, class := range map[string]types.StorageClass{"plain": "", "ia": types.StorageClassStandardIa, "rr": types.StorageClassReducedRedundancy} {
		_, err := c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String(key), CopySource: aws.String("bkt/src"), StorageClass: class})
		require.NoError(t, err)
		head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String(key)})
		require.NoError(t, err)
		want := class
		if want == "" {
			want = types.StorageClassStandard
		}
		o, _ := cloud.S3().Object("bkt", key)
		assert.Equal(t, string(want), o.Headers.StorageClass, key)
		if class == "" {
			assert.Empty(t, head.StorageClass, "STANDARD is not sent")
		} else {
			assert.Equal(t, class, head.StorageClass)
		}
	}
	_, err = c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("src"), CopySource: aws.String("bkt/src")})
	requireCode(t, err, "InvalidRequest", 400)
	_, err = c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("src"), CopySource: aws.String("bkt/src"),
		StorageClass: types.StorageClassStandard})
	require.NoError(t, err, "naming a storage class makes a copy onto itself a change (recorded: test_s3_copy_object_storage_class)")
	o, _ := cloud.S3().Object("bkt", "src")
	assert.Equal(t, "STANDARD", o.Headers.StorageClass)
}

// In a versioned bucket, copying the current version onto itself
// unchanged is InvalidRequest as in any bucket (recorded: s3 TestS3::
// test_s3_copy_object_in_place_versioned, "copy-object-in-place-no-change");
// copying a version named by its id onto its key restores it as the current
// version, metadata kept, as S3 documents ("Restoring previous versions").
func TestCopyObject_OntoItselfInAVersionedBucket(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	enableVersioning(t, c, "bkt")
	v1, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Body: stringBody("one"),
		ContentType: aws.String("application/json"), Metadata: map[string]string{"key": "value"}})
	require.NoError(t, err)
	putObject(t, c, "bkt", "k", "two")

	_, err = c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), CopySource: aws.String("bkt/k")})
	requireCode(t, err, "InvalidRequest", 400)
	assert.Len(t, cloud.S3().Versions("bkt", "k"), 2)

	out, err := c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"),
		CopySource: aws.String("bkt/k?versionId=" + aws.ToString(v1.VersionId))})
	require.NoError(t, err)
	assert.Equal(t, aws.ToString(v1.VersionId), aws.ToString(out.CopySourceVersionId))
	require.NotEqual(t, aws.ToString(v1.VersionId), aws.ToString(out.VersionId))
	body, got := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	assert.Equal(t, "one", body)
	assert.Equal(t, aws.ToString(out.VersionId), aws.ToString(got.VersionId))
	assert.Equal(t, map[string]string{"key": "value"}, got.Metadata)
	assert.Equal(t, "application/json", aws.ToString(got.ContentType))
	assert.Len(t, cloud.S3().Versions("bkt", "k"), 3)
}

// A copy whose source is a "null" version names no CopySourceVersionId; in a
// suspended bucket the copy is the "null" version (recorded: s3 TestS3::
// test_s3_copy_object_in_place_suspended_only and
// test_s3_copy_object_in_place_versioned, "copy-in-place-versioned-re-enabled").
func TestCopyObject_NullSourceVersionIsNotNamed(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "k", "v")
	_, err := c.PutBucketVersioning(ctx, &s3.PutBucketVersioningInput{Bucket: aws.String("bkt"),
		VersioningConfiguration: &types.VersioningConfiguration{Status: types.BucketVersioningStatusSuspended}})
	require.NoError(t, err)
	out, err := c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), CopySource: aws.String("bkt/k"),
		MetadataDirective: types.MetadataDirectiveReplace})
	require.NoError(t, err)
	assert.Equal(t, "null", aws.ToString(out.VersionId))
	assert.Nil(t, out.CopySourceVersionId)

	enableVersioning(t, c, "bkt")
	out, err = c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), CopySource: aws.String("bkt/k"),
		MetadataDirective: types.MetadataDirectiveReplace})
	require.NoError(t, err)
	assert.NotEqual(t, "null", aws.ToString(out.VersionId))
	assert.Nil(t, out.CopySourceVersionId)
	again, err := c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), CopySource: aws.String("bkt/k"),
		MetadataDirective: types.MetadataDirectiveReplace})
	require.NoError(t, err)
	assert.Equal(t, aws.ToString(out.VersionId), aws.ToString(again.CopySourceVersionId))
}
