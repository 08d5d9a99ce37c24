package s3_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func stringBody(s string) *strings.Reader { return strings.NewReader(s) }

func tagSet(kv ...string) []types.Tag {
	var out []types.Tag
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, types.Tag{Key: aws.String(kv[i]), Value: aws.String(kv[i+1])})
	}
	return out
}

func TestBucketTagging_PutGetDelete(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t, withChecksums)
	createBucket(t, c, "bkt")
	_, err := c.GetBucketTagging(ctx, &s3.GetBucketTaggingInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "NoSuchTagSet", 404)

	_, err = c.PutBucketTagging(ctx, &s3.PutBucketTaggingInput{Bucket: aws.String("bkt"), Tagging: &types.Tagging{TagSet: tagSet("env", "test", "team", "")}})
	require.NoError(t, err)
	out, err := c.GetBucketTagging(ctx, &s3.GetBucketTaggingInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Equal(t, tagSet("env", "test", "team", ""), out.TagSet)

	_, err = c.DeleteBucketTagging(ctx, &s3.DeleteBucketTaggingInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	_, err = c.GetBucketTagging(ctx, &s3.GetBucketTaggingInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "NoSuchTagSet", 404)
}

func TestBucketTagging_InvalidTagsAreRefused(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t, withChecksums)
	createBucket(t, c, "bkt")
	var fifty1 []string
	for i := range 51 {
		fifty1 = append(fifty1, fmt.Sprint("k", i), "v")
	}
	for name, tags := range map[string][]types.Tag{
		"duplicate key":  tagSet("a", "1", "a", "2"),
		"key too long":   tagSet(strings.Repeat("k", 129), "v"),
		"value too long": tagSet("k", strings.Repeat("v", 257)),
		"aws: prefix":    tagSet("aws:cloudformation", "v"),
		"51 tags":        tagSet(fifty1...),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := c.PutBucketTagging(ctx, &s3.PutBucketTaggingInput{Bucket: aws.String("bkt"), Tagging: &types.Tagging{TagSet: tags}})
			requireCode(t, err, "InvalidTag", 400)
		})
	}
}

func TestObjectTagging_HeaderAndOperations(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t, withChecksums)
	createBucket(t, c, "bkt")
	_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Body: stringBody("v"),
		Tagging: aws.String("b=2&a=1%20one")})
	require.NoError(t, err)
	_, head := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	assert.Equal(t, int32(2), aws.ToInt32(head.TagCount))
	out, err := c.GetObjectTagging(ctx, &s3.GetObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	assert.Equal(t, tagSet("a", "1 one", "b", "2"), out.TagSet)

	_, err = c.PutObjectTagging(ctx, &s3.PutObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Tagging: &types.Tagging{TagSet: tagSet("x", "y")}})
	require.NoError(t, err)
	out, err = c.GetObjectTagging(ctx, &s3.GetObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	assert.Equal(t, tagSet("x", "y"), out.TagSet)

	_, err = c.DeleteObjectTagging(ctx, &s3.DeleteObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	out, err = c.GetObjectTagging(ctx, &s3.GetObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	assert.Empty(t, out.TagSet)

	_, err = c.PutObjectTagging(ctx, &s3.PutObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("nope"), Tagging: &types.Tagging{TagSet: tagSet("x", "y")}})
	requireCode(t, err, "NoSuchKey", 404)
	_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k2"), Body: stringBody("v"), Tagging: aws.String("a=1&a=2")})
	requireCode(t, err, "InvalidArgument", 400)
}

// AWS counts a tag key's characters, not its bytes: a key of 100 "é" (200
// bytes) is taken, one of 129 characters is InvalidTag naming the key, on
// buckets and on objects alike.
func TestTagging_KeysAreCountedInCharacters(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t, withChecksums)
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "k", "v")
	ok, long := strings.Repeat("é", 100), strings.Repeat("é", 129)
	_, err := c.PutBucketTagging(ctx, &s3.PutBucketTaggingInput{Bucket: aws.String("bkt"), Tagging: &types.Tagging{TagSet: tagSet(ok, "v")}})
	require.NoError(t, err)
	_, err = c.PutObjectTagging(ctx, &s3.PutObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Tagging: &types.Tagging{TagSet: tagSet(ok, "v")}})
	require.NoError(t, err)
	out, err := c.GetObjectTagging(ctx, &s3.GetObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	assert.Equal(t, tagSet(ok, "v"), out.TagSet)

	_, err = c.PutBucketTagging(ctx, &s3.PutBucketTaggingInput{Bucket: aws.String("bkt"), Tagging: &types.Tagging{TagSet: tagSet(long, "v")}})
	requireCode(t, err, "InvalidTag", 400)
	_, err = c.PutObjectTagging(ctx, &s3.PutObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Tagging: &types.Tagging{TagSet: tagSet(long, "v")}})
	requireCode(t, err, "InvalidTag", 400)
	assert.Contains(t, err.Error(), "The TagKey you have provided is invalid")
}

// Tagging calls on a delete marker, by version id or as the current
// version, are 405 MethodNotAllowed naming the method (recorded: s3
// TestS3BucketObjectTagging::test_object_tagging_versioned).
func TestObjectTagging_OnADeleteMarkerIsMethodNotAllowed(t *testing.T) {
	ctx := context.Background()
	var rec answers
	_, c, _ := newS3(t, recording(&rec))
	createBucket(t, c, "bkt")
	enableVersioning(t, c, "bkt")
	putObject(t, c, "bkt", "k", "v")
	del, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	for _, version := range []*string{del.VersionId, nil} {
		calls := map[string]func() error{
			"GET": func() error {
				_, err := c.GetObjectTagging(ctx, &s3.GetObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: version})
				return err
			},
			"PUT": func() error {
				_, err := c.PutObjectTagging(ctx, &s3.PutObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: version,
					Tagging: &types.Tagging{TagSet: tagSet("a", "b")}})
				return err
			},
			"DELETE": func() error {
				_, err := c.DeleteObjectTagging(ctx, &s3.DeleteObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: version})
				return err
			},
		}
		for method, call := range calls {
			requireCode(t, call(), "MethodNotAllowed", 405)
			doc := rec.Error(t)
			assert.Equal(t, method, doc.Method)
			assert.Equal(t, "DeleteMarker", doc.ResourceType)
		}
	}
}

// Invalid tags are InvalidTag with the recorded messages and fields, on
// PutObjectTagging, on PutObject's x-amz-tagging and on PutBucketTagging,
// where the aws: prefix has its own wording (recorded: s3
// TestS3BucketObjectTagging::test_tagging_validation); nothing is stored.
func TestTagging_InvalidTagsAnswerAsRecorded(t *testing.T) {
	ctx := context.Background()
	var rec answers
	cloud, c, _ := newS3(t, recording(&rec), withChecksums)
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "k", "v")
	invalidKey := errorDoc{Code: "InvalidTag", Message: "The TagKey you have provided is invalid", TagKey: "Key1,Key2"}
	invalidValue := errorDoc{Code: "InvalidTag", Message: "The TagValue you have provided is invalid", TagKey: "Key1", TagValue: "Val1,Val2"}
	duplicate := errorDoc{Code: "InvalidTag", Message: "Cannot provide multiple Tags with the same key", TagKey: "Key1"}
	for _, tc := range []struct {
		name string
		set  []types.Tag
		obj  errorDoc
		bkt  errorDoc
	}{
		{"duplicate keys", tagSet("Key1", "Val1", "Key1", "Val1"), duplicate, duplicate},
		{"invalid key", tagSet("Key1,Key2", "Val1"), invalidKey, invalidKey},
		{"invalid value", tagSet("Key1", "Val1,Val2"), invalidValue, invalidValue},
		{"aws: prefix", tagSet("aws:prefixed", "Val1"),
			errorDoc{Code: "InvalidTag", Message: "Your TagKey cannot be prefixed with aws:", TagKey: "aws:prefixed"},
			errorDoc{Code: "InvalidTag", Message: "System tags cannot be added/updated by requester", TagKey: "aws:prefixed"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.PutObjectTagging(ctx, &s3.PutObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Tagging: &types.Tagging{TagSet: tc.set}})
			requireCode(t, err, "InvalidTag", 400)
			assert.Equal(t, tc.obj, rec.Error(t))
			_, err = c.PutBucketTagging(ctx, &s3.PutBucketTaggingInput{Bucket: aws.String("bkt"), Tagging: &types.Tagging{TagSet: tc.set}})
			requireCode(t, err, "InvalidTag", 400)
			assert.Equal(t, tc.bkt, rec.Error(t))
			if tc.name == "duplicate keys" {
				return // x-amz-tagging cannot carry a key twice: InvalidArgument
			}
			header := url.Values{aws.ToString(tc.set[0].Key): {aws.ToString(tc.set[0].Value)}}.Encode()
			_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("new"), Body: stringBody("v"), Tagging: aws.String(header)})
			requireCode(t, err, "InvalidTag", 400)
			assert.Equal(t, tc.obj, rec.Error(t))
			cloud.S3().CheckNoObject(t, "bkt", "new")
		})
	}
	o, _ := cloud.S3().Object("bkt", "k")
	assert.Empty(t, o.Tags)
}

// x-amz-tagging is URL query encoded: a key twice, or a pair holding two
// "=", is InvalidArgument naming the header and its value, and a key
// without "=" is a tag with an empty value (recorded: s3
// TestS3BucketObjectTagging::test_object_tagging_exc, "put-obj-duplicate-
// tagging" and "put-obj-wrong-format"; ::test_put_object_with_tags,
// "get-object-tags-wrong-format-qs").
func TestPutObject_TaggingHeaderFormat(t *testing.T) {
	ctx := context.Background()
	var rec answers
	_, c, _ := newS3(t, recording(&rec))
	createBucket(t, c, "bkt")
	msg := "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates."
	for _, v := range []string{"key1=val1&key1=val2", "key1=val1,key2=val2"} {
		_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Body: stringBody("v"), Tagging: aws.String(v)})
		requireCode(t, err, "InvalidArgument", 400)
		assert.Equal(t, errorDoc{Code: "InvalidArgument", Message: msg, ArgumentName: "x-amz-tagging", ArgumentValue: v}, rec.Error(t))
	}
	_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Body: stringBody("v"), Tagging: aws.String("wrongquery&wrongagain")})
	require.NoError(t, err)
	out, err := c.GetObjectTagging(ctx, &s3.GetObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	assert.Equal(t, tagSet("wrongagain", "", "wrongquery", ""), out.TagSet)
}

// The tagging calls of a missing key are NoSuchKey; GetObjectTagging's
// names the key as "bucket/key", the others the key alone (recorded: s3
// TestS3BucketObjectTagging::test_object_tagging_exc).
func TestObjectTagging_MissingKeyAsRecorded(t *testing.T) {
	ctx := context.Background()
	var rec answers
	_, c, _ := newS3(t, recording(&rec), withChecksums)
	createBucket(t, c, "bkt")
	_, err := c.GetObjectTagging(ctx, &s3.GetObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("fake-key")})
	requireCode(t, err, "NoSuchKey", 404)
	assert.Equal(t, "bkt/fake-key", rec.Error(t).Key)
	_, err = c.DeleteObjectTagging(ctx, &s3.DeleteObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("fake-key")})
	requireCode(t, err, "NoSuchKey", 404)
	assert.Equal(t, "fake-key", rec.Error(t).Key)
	_, err = c.PutObjectTagging(ctx, &s3.PutObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("fake-key"), Tagging: &types.Tagging{TagSet: tagSet("a", "b")}})
	requireCode(t, err, "NoSuchKey", 404)
	assert.Equal(t, "fake-key", rec.Error(t).Key)
}
