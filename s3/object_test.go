package s3_test

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	s3fake "github.com/awsfake/awsfake/s3"
)

func TestPutObject_GetReturnsBodyHeadersAndMetadata(t *testing.T) {
	ctx := context.Background()
	_, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	clk.Advance(1500 * time.Millisecond)
	body := "hello, world"
	put, err := c.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String("bkt"), Key: aws.String("docs/readme.txt"), Body: strings.NewReader(body),
		ContentType: aws.String("text/plain"), ContentEncoding: aws.String("identity"), ContentLanguage: aws.String("en"),
		ContentDisposition: aws.String(`attachment; filename="r.txt"`), CacheControl: aws.String("max-age=60"),
		Metadata: map[string]string{"Owner": "alice", "x": "1"},
	})
	require.NoError(t, err)
	sum := md5.Sum([]byte(body))
	etag := `"` + hex.EncodeToString(sum[:]) + `"`
	assert.Equal(t, etag, aws.ToString(put.ETag), "ETag is the quoted MD5 of a single-part object")
	assert.Nil(t, put.VersionId, "no version id without versioning")

	got, out := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("docs/readme.txt")})
	assert.Equal(t, body, got)
	assert.Equal(t, etag, aws.ToString(out.ETag))
	assert.Equal(t, "text/plain", aws.ToString(out.ContentType))
	assert.Equal(t, "identity", aws.ToString(out.ContentEncoding))
	assert.Equal(t, "en", aws.ToString(out.ContentLanguage))
	assert.Equal(t, `attachment; filename="r.txt"`, aws.ToString(out.ContentDisposition))
	assert.Equal(t, "max-age=60", aws.ToString(out.CacheControl))
	assert.Equal(t, map[string]string{"owner": "alice", "x": "1"}, out.Metadata, "metadata names are stored lower case")
	assert.Equal(t, int64(len(body)), aws.ToInt64(out.ContentLength))
	assert.Equal(t, t0.Add(time.Second), aws.ToTime(out.LastModified), "Last-Modified has one-second precision")
	assert.Equal(t, types.ServerSideEncryptionAes256, out.ServerSideEncryption)

	head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("docs/readme.txt")})
	require.NoError(t, err)
	assert.Equal(t, int64(len(body)), aws.ToInt64(head.ContentLength))
	assert.Equal(t, etag, aws.ToString(head.ETag))
	assert.Equal(t, "alice", head.Metadata["owner"])
}

func TestPutObject_DefaultContentTypeIsBinaryOctetStream(t *testing.T) {
	// The SDK always sends a Content-Type (application/octet-stream for a
	// body without one), so this goes through the Go API.
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	_, err := cloud.S3().PutObject(context.Background(), s3fake.PutObjectInput{Bucket: "bkt", Key: "k", Body: []byte("v")})
	require.NoError(t, err)
	_, out := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	assert.Equal(t, "binary/octet-stream", aws.ToString(out.ContentType))
}

func TestObjectKeys_SpecialCharactersRoundTripInBothAddressingStyles(t *testing.T) {
	keys := []string{
		"a b+c", "x/y/z", "trailing/", "/leading", "double//slash", "q?uestion", "hash#tag", "per%cent",
		"ünïcødé/日本", "semi;colon=eq&amp", "tilde~star*paren()", "dot/./dotdot/../end",
	}
	for name, opt := range map[string]func(*s3.Options){"virtual-hosted": func(*s3.Options) {}, "path": pathStyle} {
		t.Run(name, func(t *testing.T) {
			cloud, c, _ := newS3(t, opt)
			createBucket(t, c, "bkt")
			for _, k := range keys {
				putObject(t, c, "bkt", k, "body of "+k)
				got, _ := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String(k)})
				assert.Equal(t, "body of "+k, got, k)
				cloud.S3().CheckObject(t, "bkt", k, []byte("body of "+k))
			}
			list, err := c.ListObjectsV2(context.Background(), &s3.ListObjectsV2Input{Bucket: aws.String("bkt")})
			require.NoError(t, err)
			assert.Len(t, list.Contents, len(keys))
		})
	}
}

func TestGetObject_MissingKeyIsNoSuchKey(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	_, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("nope")})
	var nsk *types.NoSuchKey
	require.ErrorAs(t, err, &nsk)
	requireCode(t, err, "NoSuchKey", 404)

	_, err = c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("nope")})
	var nf *types.NotFound
	require.ErrorAs(t, err, &nf)

	_, err = c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("nobucket"), Key: aws.String("k")})
	requireCode(t, err, "NoSuchBucket", 404)
}

func TestGetObject_ResponseOverridesReplaceHeaders(t *testing.T) {
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "k", "v")
	_, out := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"),
		ResponseContentType: aws.String("application/json"), ResponseContentDisposition: aws.String("inline"),
		ResponseCacheControl: aws.String("no-cache")})
	assert.Equal(t, "application/json", aws.ToString(out.ContentType))
	assert.Equal(t, "inline", aws.ToString(out.ContentDisposition))
	assert.Equal(t, "no-cache", aws.ToString(out.CacheControl))
}

func TestPutObject_BadInputGetsAWSErrorsAndLeavesStateUntouched(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "k", "original")
	cloud.S3().SetMaxObjectSize(16)
	for _, tc := range []struct {
		name   string
		in     *s3.PutObjectInput
		code   string
		status int
	}{
		{"key over 1024 bytes", &s3.PutObjectInput{Key: aws.String(strings.Repeat("k", 1025))}, "KeyTooLongError", 400},
		{"metadata over 2 KB", &s3.PutObjectInput{Key: aws.String("k"), Metadata: map[string]string{"big": strings.Repeat("m", 2048)}}, "MetadataTooLarge", 400},
		{"unknown storage class", &s3.PutObjectInput{Key: aws.String("k"), StorageClass: "COLD"}, "InvalidStorageClass", 400},
		{"body over the limit", &s3.PutObjectInput{Key: aws.String("k"), Body: strings.NewReader(strings.Repeat("x", 17))}, "EntityTooLarge", 400},
		{"wrong Content-MD5", &s3.PutObjectInput{Key: aws.String("k"), ContentMD5: aws.String("1B2M2Y8AsgTpgAmY7PhCfg==")}, "BadDigest", 400},
		{"malformed Content-MD5", &s3.PutObjectInput{Key: aws.String("k"), ContentMD5: aws.String("nope")}, "InvalidDigest", 400},
		{"too many tags", &s3.PutObjectInput{Key: aws.String("k"), Tagging: aws.String(manyTags(11))}, "BadRequest", 400},
		{"no such bucket", &s3.PutObjectInput{Bucket: aws.String("nobucket"), Key: aws.String("k")}, "NoSuchBucket", 404},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.in.Bucket == nil {
				tc.in.Bucket = aws.String("bkt")
			}
			if tc.in.Body == nil {
				tc.in.Body = strings.NewReader("new")
			}
			_, err := c.PutObject(ctx, tc.in)
			requireCode(t, err, tc.code, tc.status)
			cloud.S3().CheckObject(t, "bkt", "k", []byte("original"))
			assert.Len(t, cloud.S3().Objects("bkt"), 1)
		})
	}
}

func manyTags(n int) string {
	var parts []string
	for i := range n {
		parts = append(parts, fmt.Sprintf("k%d=v", i))
	}
	return strings.Join(parts, "&")
}

func TestPutObject_IfNoneMatchStarRefusesToOverwrite(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	in := func(body string) *s3.PutObjectInput {
		return &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("lock"), Body: strings.NewReader(body), IfNoneMatch: aws.String("*")}
	}
	_, err := c.PutObject(ctx, in("first"))
	require.NoError(t, err)
	_, err = c.PutObject(ctx, in("second"))
	requireCode(t, err, "PreconditionFailed", 412)
	cloud.S3().CheckObject(t, "bkt", "lock", []byte("first"))
}

func TestPutObject_IfMatchWritesOnlyOverTheExpectedETag(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Body: strings.NewReader("x"), IfMatch: aws.String(`"abc"`)})
	requireCode(t, err, "NoSuchKey", 404)
	first := putObject(t, c, "bkt", "k", "one")
	_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Body: strings.NewReader("two"), IfMatch: aws.String(`"abc"`)})
	requireCode(t, err, "PreconditionFailed", 412)
	_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Body: strings.NewReader("two"), IfMatch: first.ETag})
	require.NoError(t, err)
	cloud.S3().CheckObject(t, "bkt", "k", []byte("two"))
}

func TestGetObject_ArchivedObjectIsInvalidObjectStateButHeadWorks(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("cold"), Body: strings.NewReader("x"), StorageClass: types.StorageClassGlacier})
	require.NoError(t, err)
	_, err = c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("cold")})
	var ios *types.InvalidObjectState
	require.ErrorAs(t, err, &ios)
	requireCode(t, err, "InvalidObjectState", 403)
	head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("cold")})
	require.NoError(t, err)
	assert.Equal(t, types.StorageClassGlacier, head.StorageClass)
}

func TestDeleteObject_MissingKeySucceeds(t *testing.T) {
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	_, err := c.DeleteObject(context.Background(), &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("never")})
	require.NoError(t, err)
}

func TestDeleteObjects_DeletesEachAndReportsThem(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t, withChecksums)
	createBucket(t, c, "bkt")
	for _, k := range []string{"a", "b", "c"} {
		putObject(t, c, "bkt", k, k)
	}
	out, err := c.DeleteObjects(ctx, &s3.DeleteObjectsInput{Bucket: aws.String("bkt"), Delete: &types.Delete{
		Objects: []types.ObjectIdentifier{{Key: aws.String("a")}, {Key: aws.String("c")}, {Key: aws.String("missing")}}}})
	require.NoError(t, err)
	var deleted []string
	for _, d := range out.Deleted {
		deleted = append(deleted, aws.ToString(d.Key))
	}
	assert.Equal(t, []string{"a", "c", "missing"}, deleted)
	assert.Empty(t, out.Errors)
	require.Len(t, cloud.S3().Objects("bkt"), 1)

	quiet, err := c.DeleteObjects(ctx, &s3.DeleteObjectsInput{Bucket: aws.String("bkt"), Delete: &types.Delete{
		Quiet: aws.Bool(true), Objects: []types.ObjectIdentifier{{Key: aws.String("b")}}}})
	require.NoError(t, err)
	assert.Empty(t, quiet.Deleted, "quiet mode reports only errors")
	assert.Empty(t, cloud.S3().Objects("bkt"))

	var many []types.ObjectIdentifier
	for i := range 1001 {
		many = append(many, types.ObjectIdentifier{Key: aws.String(fmt.Sprint(i))})
	}
	_, err = c.DeleteObjects(ctx, &s3.DeleteObjectsInput{Bucket: aws.String("bkt"), Delete: &types.Delete{Objects: many}})
	requireCode(t, err, "MalformedXML", 400)
}

func TestVersioning_EveryPutIsAVersionAndDeleteAddsAMarker(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	enableVersioning(t, c, "bkt")
	v1 := putObject(t, c, "bkt", "k", "one")
	v2 := putObject(t, c, "bkt", "k", "two")
	require.NotNil(t, v1.VersionId)
	require.NotEqual(t, aws.ToString(v1.VersionId), aws.ToString(v2.VersionId))

	got, out := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	assert.Equal(t, "two", got)
	assert.Equal(t, aws.ToString(v2.VersionId), aws.ToString(out.VersionId))
	got, _ = getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: v1.VersionId})
	assert.Equal(t, "one", got)

	del, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	assert.True(t, aws.ToBool(del.DeleteMarker))
	marker := aws.ToString(del.VersionId)
	require.NotEmpty(t, marker)

	_, err = c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	requireCode(t, err, "NoSuchKey", 404)
	_, err = c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: aws.String(marker)})
	_, status := apiError(t, err)
	assert.Equal(t, 405, status, "a delete marker's version cannot be read: MethodNotAllowed")
	got, _ = getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: v1.VersionId})
	assert.Equal(t, "one", got, "older versions stay readable")

	// Deleting the marker by version id brings the object back.
	_, err = c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: aws.String(marker)})
	require.NoError(t, err)
	got, _ = getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	assert.Equal(t, "two", got)
	assert.Len(t, cloud.S3().Versions("bkt", "k"), 2)

	_, err = c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: aws.String("doesnotexist")})
	requireCode(t, err, "NoSuchVersion", 404)
}

func TestVersioning_SuspendedWritesReplaceTheNullVersion(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "k", "before versioning")
	enableVersioning(t, c, "bkt")
	putObject(t, c, "bkt", "k", "versioned")
	_, err := c.PutBucketVersioning(ctx, &s3.PutBucketVersioningInput{Bucket: aws.String("bkt"),
		VersioningConfiguration: &types.VersioningConfiguration{Status: types.BucketVersioningStatusSuspended}})
	require.NoError(t, err)
	out := putObject(t, c, "bkt", "k", "suspended")
	assert.Equal(t, "null", aws.ToString(out.VersionId))

	vs := cloud.S3().Versions("bkt", "k")
	require.Len(t, vs, 2, "the write while suspended replaced the null version written before versioning")
	assert.Equal(t, "null", vs[0].VersionId)
	assert.Equal(t, "suspended", string(vs[0].Data))
	assert.Equal(t, "versioned", string(vs[1].Data))

	got, _ := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: aws.String("null")})
	assert.Equal(t, "suspended", got)
}

func TestPutObject_BodyIsStoredAsSentEvenWhenGzipEncoded(t *testing.T) {
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	raw := []byte{0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff, 1, 2, 3}
	_, err := c.PutObject(context.Background(), &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("z.gz"),
		Body: bytes.NewReader(raw), ContentEncoding: aws.String("gzip")})
	require.NoError(t, err)
	cloud.S3().CheckObject(t, "bkt", "z.gz", raw)
}

// S3 sends user metadata keys lower-case (x-amz-meta-md); the SDK
// lower-cases what it reads, so the key as sent is checked on the answer.
func TestGetObject_MetadataKeysAreLowerCaseOnTheWire(t *testing.T) {
	ctx := context.Background()
	var rec answers
	_, c, _ := newS3(t, recording(&rec))
	createBucket(t, c, "bkt")
	_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Body: stringBody("v"),
		Metadata: map[string]string{"md": "x", "Mixed-Case": "y"}})
	require.NoError(t, err)
	for _, read := range []func() (map[string]string, error){
		func() (map[string]string, error) {
			out, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
			return out.Metadata, err
		},
		func() (map[string]string, error) {
			out, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
			return out.Metadata, err
		},
	} {
		md, err := read()
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"md": "x", "mixed-case": "y"}, md)
		h := rec.Last().header
		assert.Equal(t, []string{"x"}, h["x-amz-meta-md"], "sent as %v", h)
		assert.Equal(t, []string{"y"}, h["x-amz-meta-mixed-case"], "sent as %v", h)
		assert.NotContains(t, h, "X-Amz-Meta-Md")
	}
}

// GET and HEAD of a delete marker's version are 405 MethodNotAllowed with
// Allow: DELETE, x-amz-delete-marker and the <Method> and <ResourceType>
// of the recorded answer (s3 TestS3ObjectCRUD::test_delete_object_versioned,
// "get-delete-marker").
func TestGetObject_DeleteMarkerVersionIsMethodNotAllowed(t *testing.T) {
	ctx := context.Background()
	var rec answers
	_, c, _ := newS3(t, recording(&rec))
	createBucket(t, c, "bkt")
	enableVersioning(t, c, "bkt")
	putObject(t, c, "bkt", "k", "v")
	del, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)

	_, err = c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: del.VersionId})
	requireCode(t, err, "MethodNotAllowed", 405)
	doc := rec.Error(t)
	assert.Equal(t, errorDoc{Code: "MethodNotAllowed", Message: "The specified method is not allowed against this resource.",
		Method: "GET", ResourceType: "DeleteMarker"}, doc)
	assert.Equal(t, "DELETE", rec.Last().header.Get("Allow"))
	assert.Equal(t, "true", rec.Last().header.Get("x-amz-delete-marker"))

	_, err = c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: del.VersionId})
	_, status := apiError(t, err)
	assert.Equal(t, 405, status)
	h := rec.Last().header
	assert.Equal(t, "DELETE", h.Get("Allow"))
	assert.Equal(t, "true", h.Get("x-amz-delete-marker"))
	assert.Equal(t, aws.ToString(del.VersionId), h.Get("x-amz-version-id"))
	assert.Empty(t, rec.Last().body, "no body on HEAD")
}

// DeleteObject with If-Match deletes only the current object with that
// ETag (or any, with "*"): another ETag is 412 PreconditionFailed naming
// If-Match (recorded: s3 TestS3DeletePrecondition::
// test_delete_object_if_match_non_express), no object NoSuchKey; the size
// and last-modified-time conditions of directory buckets are NotImplemented
// naming the header (recorded: ..._if_match_size_non_express,
// ..._if_match_modified_non_express).
func TestDeleteObject_IfMatch(t *testing.T) {
	ctx := context.Background()
	var rec answers
	cloud, c, _ := newS3(t, recording(&rec))
	createBucket(t, c, "bkt")
	put := putObject(t, c, "bkt", "k", "v")

	_, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), IfMatch: aws.String(`"0123"`)})
	requireCode(t, err, "PreconditionFailed", 412)
	assert.Equal(t, "If-Match", rec.Error(t).Condition)
	cloud.S3().CheckObject(t, "bkt", "k", []byte("v"))

	_, err = c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), IfMatchSize: aws.Int64(1)})
	requireCode(t, err, "NotImplemented", 501)
	assert.Equal(t, "x-amz-if-match-size", rec.Error(t).Header)
	_, err = c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), IfMatchLastModifiedTime: aws.Time(t0)})
	requireCode(t, err, "NotImplemented", 501)
	assert.Equal(t, "x-amz-if-match-last-modified-time", rec.Error(t).Header)
	cloud.S3().CheckObject(t, "bkt", "k", []byte("v"))

	_, err = c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), IfMatch: put.ETag})
	require.NoError(t, err)
	cloud.S3().CheckNoObject(t, "bkt", "k")
	_, err = c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), IfMatch: aws.String("*")})
	requireCode(t, err, "NoSuchKey", 404)

	putObject(t, c, "bkt", "any", "v")
	_, err = c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("any"), IfMatch: aws.String("*")})
	require.NoError(t, err)
	cloud.S3().CheckNoObject(t, "bkt", "any")
}

// DeleteObjects takes an ETag per object as its If-Match: a mismatch is
// that object's PreconditionFailed error, the others are deleted.
func TestDeleteObjects_ETagMakesADeleteConditional(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t, withChecksums)
	createBucket(t, c, "bkt")
	a := putObject(t, c, "bkt", "a", "1")
	putObject(t, c, "bkt", "b", "2")
	out, err := c.DeleteObjects(ctx, &s3.DeleteObjectsInput{Bucket: aws.String("bkt"), Delete: &types.Delete{
		Objects: []types.ObjectIdentifier{{Key: aws.String("a"), ETag: a.ETag}, {Key: aws.String("b"), ETag: aws.String(`"0123"`)}}}})
	require.NoError(t, err)
	require.Len(t, out.Deleted, 1)
	assert.Equal(t, "a", aws.ToString(out.Deleted[0].Key))
	require.Len(t, out.Errors, 1)
	assert.Equal(t, "b", aws.ToString(out.Errors[0].Key))
	assert.Equal(t, "PreconditionFailed", aws.ToString(out.Errors[0].Code))
	cloud.S3().CheckNoObject(t, "bkt", "a")
	cloud.S3().CheckObject(t, "bkt", "b", []byte("2"))
}
