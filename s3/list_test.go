package s3_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	s3fake "github.com/awsfake/awsfake/s3"
)

var photoKeys = []string{
	"index.html", "photos/2023/a.jpg", "photos/2023/b.jpg", "photos/2024/c.jpg", "photos/d.jpg",
	"photos/e.png", "videos/x.mp4", "zebra",
}

func seed(t *testing.T, c *s3.Client, keys []string) {
	t.Helper()
	createBucket(t, c, "bkt")
	for _, k := range keys {
		putObject(t, c, "bkt", k, k)
	}
}

func keysOf(objs []types.Object) []string {
	var out []string
	for _, o := range objs {
		out = append(out, aws.ToString(o.Key))
	}
	return out
}

func prefixesOf(ps []types.CommonPrefix) []string {
	var out []string
	for _, p := range ps {
		out = append(out, aws.ToString(p.Prefix))
	}
	return out
}

func TestListObjectsV2_PrefixAndDelimiterRollKeysUp(t *testing.T) {
	_, c, _ := newS3(t)
	seed(t, c, photoKeys)
	ctx := context.Background()

	out, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("bkt"), Delimiter: aws.String("/")})
	require.NoError(t, err)
	assert.Equal(t, []string{"index.html", "zebra"}, keysOf(out.Contents))
	assert.Equal(t, []string{"photos/", "videos/"}, prefixesOf(out.CommonPrefixes))
	assert.Equal(t, int32(4), aws.ToInt32(out.KeyCount), "KeyCount counts keys and common prefixes")
	assert.False(t, aws.ToBool(out.IsTruncated))

	out, err = c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("bkt"), Prefix: aws.String("photos/"), Delimiter: aws.String("/")})
	require.NoError(t, err)
	assert.Equal(t, []string{"photos/d.jpg", "photos/e.png"}, keysOf(out.Contents))
	assert.Equal(t, []string{"photos/2023/", "photos/2024/"}, prefixesOf(out.CommonPrefixes))

	out, err = c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("bkt"), StartAfter: aws.String("photos/d.jpg")})
	require.NoError(t, err)
	assert.Equal(t, []string{"photos/e.png", "videos/x.mp4", "zebra"}, keysOf(out.Contents))

	out, err = c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("bkt"), FetchOwner: aws.Bool(true), MaxKeys: aws.Int32(1)})
	require.NoError(t, err)
	require.Len(t, out.Contents, 1)
	assert.NotNil(t, out.Contents[0].Owner)
	assert.Equal(t, int64(len("index.html")), aws.ToInt64(out.Contents[0].Size))
	assert.Equal(t, `"`+md5hex([]byte("index.html"))+`"`, aws.ToString(out.Contents[0].ETag))
	assert.Equal(t, types.ObjectStorageClassStandard, out.Contents[0].StorageClass)
}

func TestListObjectsV2_PaginatorVisitsEverythingOnce(t *testing.T) {
	_, c, _ := newS3(t)
	seed(t, c, photoKeys)
	for _, delim := range []string{"", "/"} {
		var keys, prefixes []string
		p := s3.NewListObjectsV2Paginator(c, &s3.ListObjectsV2Input{Bucket: aws.String("bkt"), MaxKeys: aws.Int32(2), Delimiter: aws.String(delim)})
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(context.Background())
			require.NoError(t, err)
			assert.LessOrEqual(t, int(aws.ToInt32(out.KeyCount)), 2)
			keys = append(keys, keysOf(out.Contents)...)
			prefixes = append(prefixes, prefixesOf(out.CommonPrefixes)...)
			pages++
		}
		if delim == "" {
			assert.Equal(t, photoKeys, keys)
			assert.Equal(t, 4, pages)
		} else {
			assert.Equal(t, []string{"index.html", "zebra"}, keys)
			assert.Equal(t, []string{"photos/", "videos/"}, prefixes)
		}
	}
}

func TestListObjectsV2_MalformedTokenIsInvalidArgument(t *testing.T) {
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	_, err := c.ListObjectsV2(context.Background(), &s3.ListObjectsV2Input{Bucket: aws.String("bkt"), ContinuationToken: aws.String("%%%")})
	requireCode(t, err, "InvalidArgument", 400)
	_, err = c.ListObjectsV2(context.Background(), &s3.ListObjectsV2Input{Bucket: aws.String("nobucket")})
	requireCode(t, err, "NoSuchBucket", 404)
}

func TestListObjectsV2_EncodingTypeURLEncodesKeys(t *testing.T) {
	_, c, _ := newS3(t)
	seed(t, c, []string{"a b+c/d&e"})
	out, err := c.ListObjectsV2(context.Background(), &s3.ListObjectsV2Input{Bucket: aws.String("bkt"), EncodingType: types.EncodingTypeUrl})
	require.NoError(t, err)
	assert.Equal(t, []string{"a+b%2Bc/d%26e"}, keysOf(out.Contents))
	assert.Equal(t, types.EncodingTypeUrl, out.EncodingType)
}

func TestListObjects_V1MarkersPageThroughPrefixes(t *testing.T) {
	_, c, _ := newS3(t)
	seed(t, c, photoKeys)
	ctx := context.Background()
	var keys, prefixes []string
	marker := ""
	for {
		out, err := c.ListObjects(ctx, &s3.ListObjectsInput{Bucket: aws.String("bkt"), Delimiter: aws.String("/"), MaxKeys: aws.Int32(1), Marker: aws.String(marker)})
		require.NoError(t, err)
		keys = append(keys, keysOf(out.Contents)...)
		prefixes = append(prefixes, prefixesOf(out.CommonPrefixes)...)
		if !aws.ToBool(out.IsTruncated) {
			break
		}
		require.NotNil(t, out.NextMarker, "with a delimiter, a truncated page has a NextMarker")
		marker = aws.ToString(out.NextMarker)
	}
	assert.Equal(t, []string{"index.html", "zebra"}, keys)
	assert.Equal(t, []string{"photos/", "videos/"}, prefixes)

	out, err := c.ListObjects(ctx, &s3.ListObjectsInput{Bucket: aws.String("bkt"), MaxKeys: aws.Int32(3)})
	require.NoError(t, err)
	assert.Nil(t, out.NextMarker, "without a delimiter, callers use the last key")
	assert.True(t, aws.ToBool(out.IsTruncated))
	assert.NotNil(t, out.Contents[0].Owner, "ListObjects always lists owners")
}

func TestListObjectVersions_PagesThroughVersionsAndMarkers(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	enableVersioning(t, c, "bkt")
	putObject(t, c, "bkt", "a", "a1")
	putObject(t, c, "bkt", "a", "a2")
	putObject(t, c, "bkt", "b", "b1")
	_, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("b")})
	require.NoError(t, err)

	type entry struct {
		key    string
		latest bool
		marker bool
	}
	var got []entry
	var keyMarker, versionMarker *string
	for {
		out, err := c.ListObjectVersions(ctx, &s3.ListObjectVersionsInput{Bucket: aws.String("bkt"), MaxKeys: aws.Int32(1),
			KeyMarker: keyMarker, VersionIdMarker: versionMarker})
		require.NoError(t, err)
		require.Equal(t, 1, len(out.Versions)+len(out.DeleteMarkers), "MaxKeys counts versions and delete markers")
		for _, v := range out.Versions {
			got = append(got, entry{aws.ToString(v.Key), aws.ToBool(v.IsLatest), false})
		}
		for _, m := range out.DeleteMarkers {
			got = append(got, entry{aws.ToString(m.Key), aws.ToBool(m.IsLatest), true})
		}
		if !aws.ToBool(out.IsTruncated) {
			break
		}
		keyMarker, versionMarker = out.NextKeyMarker, out.NextVersionIdMarker
	}
	assert.Equal(t, []entry{{"a", true, false}, {"a", false, false}, {"b", true, true}, {"b", false, false}}, got,
		"newest first within a key; the delete marker of b is its latest version")

	_, err = c.ListObjectVersions(ctx, &s3.ListObjectVersionsInput{Bucket: aws.String("bkt"), VersionIdMarker: aws.String("x")})
	requireCode(t, err, "InvalidArgument", 400)
}

// A listing paged in any page size, with any prefix and delimiter, returns
// what a brute-force filter of the keys returns.
func TestListObjectsV2_AgreesWithBruteForce(t *testing.T) {
	ctx := context.Background()
	cloud := awsfake.NewT(t)
	s := cloud.S3()
	_, err := s.CreateBucket(ctx, s3fake.CreateBucketInput{Bucket: "bkt"})
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(7, 7))
	alphabet := []string{"a", "b", "/", "c", "-", "é"}
	var keys []string
	for range 400 {
		var b strings.Builder
		for range 1 + rng.IntN(7) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		k := b.String()
		if _, err := s.PutObject(ctx, s3fake.PutObjectInput{Bucket: "bkt", Key: k, Body: []byte(k)}); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)

	for i := range 200 {
		prefix := []string{"", "a", "a/", "b/c", "é"}[rng.IntN(5)]
		delim := []string{"", "/", "-", "b/"}[rng.IntN(4)]
		size := 1 + rng.IntN(20)
		wantKeys, wantPrefixes := bruteForce(keys, prefix, delim)
		var gotKeys, gotPrefixes []string
		token := ""
		for {
			out, err := s.ListObjectsV2(ctx, s3fake.ListObjectsV2Input{Bucket: "bkt", Prefix: prefix, Delimiter: delim, MaxKeys: &size, ContinuationToken: token})
			require.NoError(t, err)
			require.LessOrEqual(t, out.KeyCount, size)
			for _, o := range out.Contents {
				gotKeys = append(gotKeys, o.Key)
			}
			gotPrefixes = append(gotPrefixes, out.CommonPrefixes...)
			if !out.IsTruncated {
				break
			}
			token = out.NextContinuationToken
		}
		require.Equal(t, wantKeys, gotKeys, "case %d: prefix %q delimiter %q page %d", i, prefix, delim, size)
		require.Equal(t, wantPrefixes, gotPrefixes, "case %d: prefix %q delimiter %q page %d", i, prefix, delim, size)
	}
}

func bruteForce(keys []string, prefix, delim string) (objects, prefixes []string) {
	seen := map[string]bool{}
	for _, k := range keys {
		if !strings.HasPrefix(k, prefix) {
			continue
		}
		if delim != "" {
			if i := strings.Index(k[len(prefix):], delim); i >= 0 {
				p := k[:len(prefix)+i+len(delim)]
				if !seen[p] {
					seen[p] = true
					prefixes = append(prefixes, p)
				}
				continue
			}
		}
		objects = append(objects, k)
	}
	sort.Strings(prefixes)
	return objects, prefixes
}

func TestListMultipartUploads_ListsUploadsInProgressByKey(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	var ids []string
	for _, k := range []string{"b", "a", "a", "dir/x"} {
		out, err := c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String(k)})
		require.NoError(t, err)
		ids = append(ids, aws.ToString(out.UploadId))
	}
	var got []string
	var keyMarker, idMarker *string
	for {
		out, err := c.ListMultipartUploads(ctx, &s3.ListMultipartUploadsInput{Bucket: aws.String("bkt"), MaxUploads: aws.Int32(1),
			KeyMarker: keyMarker, UploadIdMarker: idMarker, Delimiter: aws.String("/")})
		require.NoError(t, err)
		for _, u := range out.Uploads {
			got = append(got, aws.ToString(u.Key)+" "+aws.ToString(u.UploadId))
		}
		for _, p := range out.CommonPrefixes {
			got = append(got, aws.ToString(p.Prefix))
		}
		if !aws.ToBool(out.IsTruncated) {
			break
		}
		keyMarker, idMarker = out.NextKeyMarker, out.NextUploadIdMarker
	}
	assert.Equal(t, []string{"a " + ids[1], "a " + ids[2], "b " + ids[0], "dir/"}, got,
		"by key, uploads of one key in the order they started, keys rolled up at the delimiter")
}

// MaxKeys=0 lists nothing and is not truncated, as S3 answers max-keys=0
// (ceph's s3-tests, run against AWS: test_bucket_list_maxkeys_zero,
// test_bucket_listv2_maxkeys_zero, test_bucket_list_versions_maxkeys_zero),
// in all three listings; an absent MaxKeys is a page of 1000.
func TestListObjects_MaxKeysZeroListsNothing(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "a", "1")
	putObject(t, c, "bkt", "b/c", "2")
	v2, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("bkt"), MaxKeys: aws.Int32(0), Delimiter: aws.String("/")})
	require.NoError(t, err)
	assert.Empty(t, v2.Contents)
	assert.Empty(t, v2.CommonPrefixes)
	assert.Equal(t, int32(0), aws.ToInt32(v2.KeyCount))
	assert.Equal(t, int32(0), aws.ToInt32(v2.MaxKeys))
	assert.False(t, aws.ToBool(v2.IsTruncated))
	assert.Nil(t, v2.NextContinuationToken)
	v1, err := c.ListObjects(ctx, &s3.ListObjectsInput{Bucket: aws.String("bkt"), MaxKeys: aws.Int32(0)})
	require.NoError(t, err)
	assert.Empty(t, v1.Contents)
	assert.Equal(t, int32(0), aws.ToInt32(v1.MaxKeys))
	assert.False(t, aws.ToBool(v1.IsTruncated))
	vs, err := c.ListObjectVersions(ctx, &s3.ListObjectVersionsInput{Bucket: aws.String("bkt"), MaxKeys: aws.Int32(0)})
	require.NoError(t, err)
	assert.Empty(t, vs.Versions)
	assert.Equal(t, int32(0), aws.ToInt32(vs.MaxKeys))
	assert.False(t, aws.ToBool(vs.IsTruncated))

	all, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Len(t, all.Contents, 2)
	assert.Equal(t, int32(1000), aws.ToInt32(all.MaxKeys))
	_, err = c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("nobucket"), MaxKeys: aws.Int32(0)})
	requireCode(t, err, "NoSuchBucket", 404)
}

// A continuation token S3 did not hand out, even one that is valid base64,
// is InvalidArgument naming continuation-token, without its value
// (recorded: s3 TestS3ListObjectsV2::
// test_list_objects_v2_continuation_start_after, "exc-continuation-token").
func TestListObjectsV2_GarbageTokenIsInvalidArgument(t *testing.T) {
	ctx := context.Background()
	var rec answers
	_, c, _ := newS3(t, recording(&rec))
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "a", "1")
	putObject(t, c, "bkt", "b", "2")
	for _, token := range []string{"random", "YQ", "dGVzdF8x", "%%%"} {
		_, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("bkt"), ContinuationToken: aws.String(token)})
		requireCode(t, err, "InvalidArgument", 400)
		assert.Equal(t, errorDoc{Code: "InvalidArgument", Message: "The continuation token provided is incorrect",
			ArgumentName: "continuation-token"}, rec.Error(t), token)
	}
	page, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("bkt"), MaxKeys: aws.Int32(1)})
	require.NoError(t, err)
	rest, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("bkt"), ContinuationToken: page.NextContinuationToken})
	require.NoError(t, err)
	require.Len(t, rest.Contents, 1)
	assert.Equal(t, "b", aws.ToString(rest.Contents[0].Key), "a token S3 handed out resumes after its page")
}
