package s3_test

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/hex"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const mib = 1 << 20

func randomBytes(n int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return b
}

// multipartETag is S3's ETag of a multipart object.
func multipartETag(parts ...[]byte) string {
	var md5s []byte
	for _, p := range parts {
		s := md5.Sum(p)
		md5s = append(md5s, s[:]...)
	}
	s := md5.Sum(md5s)
	return `"` + hex.EncodeToString(s[:]) + "-" + strconv.Itoa(len(parts)) + `"`
}

func TestUploadManager_UploadThenDownloadIsByteIdentical(t *testing.T) {
	for _, tc := range []struct {
		name      string
		size      int
		multipart bool
		opt       func(*s3.Options)
	}{
		{"plain PutObject", 3*mib + 17, false, func(*s3.Options) {}},
		{"multipart, virtual-hosted", 17*mib + 3, true, func(*s3.Options) {}},
		{"multipart, path style, checksums on", 11 * mib, true, func(o *s3.Options) { pathStyle(o); withChecksums(o) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			cloud, c, _ := newS3(t, tc.opt)
			createBucket(t, c, "bkt")
			data := randomBytes(tc.size, uint64(tc.size))

			up, err := manager.NewUploader(c, func(u *manager.Uploader) { u.PartSize = 5 * mib; u.Concurrency = 3 }).
				Upload(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("big/file.bin"), Body: bytes.NewReader(data)})
			require.NoError(t, err)
			cloud.S3().CheckObject(t, "bkt", "big/file.bin", data)
			if tc.multipart {
				var parts [][]byte
				for i := 0; i < len(data); i += 5 * mib {
					parts = append(parts, data[i:min(i+5*mib, len(data))])
				}
				assert.Equal(t, multipartETag(parts...), aws.ToString(up.ETag))
				o, _ := cloud.S3().Object("bkt", "big/file.bin")
				assert.Equal(t, len(parts), o.Parts)
			} else {
				assert.Equal(t, `"`+md5hex(data)+`"`, aws.ToString(up.ETag))
			}
			cloud.S3().CheckNoUploads(t, "bkt") // completed uploads are gone

			buf := manager.NewWriteAtBuffer(nil)
			n, err := manager.NewDownloader(c, func(d *manager.Downloader) { d.PartSize = 5 * mib; d.Concurrency = 3 }).
				Download(ctx, buf, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("big/file.bin")})
			require.NoError(t, err)
			assert.Equal(t, int64(len(data)), n)
			assert.True(t, bytes.Equal(data, buf.Bytes()), "download is byte-identical")
		})
	}
}

// uploadParts starts an upload and sends parts of the given sizes.
func uploadParts(t *testing.T, c *s3.Client, key string, alg types.ChecksumAlgorithm, sizes ...int) (string, []types.CompletedPart, [][]byte) {
	t.Helper()
	ctx := context.Background()
	up, err := c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String(key), ChecksumAlgorithm: alg})
	require.NoError(t, err)
	id := aws.ToString(up.UploadId)
	var parts []types.CompletedPart
	var datas [][]byte
	for i, size := range sizes {
		data := randomBytes(size, uint64(i+1))
		out, err := c.UploadPart(ctx, &s3.UploadPartInput{Bucket: aws.String("bkt"), Key: aws.String(key), UploadId: aws.String(id),
			PartNumber: aws.Int32(int32(i + 1)), Body: bytes.NewReader(data), ChecksumAlgorithm: alg})
		require.NoError(t, err)
		parts = append(parts, types.CompletedPart{PartNumber: aws.Int32(int32(i + 1)), ETag: out.ETag,
			ChecksumCRC32: out.ChecksumCRC32, ChecksumSHA256: out.ChecksumSHA256, ChecksumCRC64NVME: out.ChecksumCRC64NVME})
		datas = append(datas, data)
	}
	return id, parts, datas
}

func complete(c *s3.Client, key, id string, parts []types.CompletedPart) (*s3.CompleteMultipartUploadOutput, error) {
	return c.CompleteMultipartUpload(context.Background(), &s3.CompleteMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String(key),
		UploadId: aws.String(id), MultipartUpload: &types.CompletedMultipartUpload{Parts: parts}})
}

func TestCompleteMultipartUpload_ValidatesPartsAsS3Does(t *testing.T) {
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	id, parts, _ := uploadParts(t, c, "k", "", 5*mib, 5*mib, 10)

	_, err := complete(c, "k", id, []types.CompletedPart{parts[1], parts[0]})
	requireCode(t, err, "InvalidPartOrder", 400)
	_, err = complete(c, "k", id, []types.CompletedPart{parts[0], parts[0]})
	requireCode(t, err, "InvalidPartOrder", 400)
	_, err = complete(c, "k", id, []types.CompletedPart{{PartNumber: aws.Int32(1), ETag: aws.String(`"0123"`)}})
	requireCode(t, err, "InvalidPart", 400)
	_, err = complete(c, "k", id, []types.CompletedPart{{PartNumber: aws.Int32(4), ETag: parts[0].ETag}})
	requireCode(t, err, "InvalidPart", 400)
	_, err = complete(c, "k", id, []types.CompletedPart{parts[0], parts[2], parts[1]})
	requireCode(t, err, "InvalidPartOrder", 400)
	_, err = complete(c, "k", id, []types.CompletedPart{parts[2], {PartNumber: aws.Int32(5), ETag: parts[2].ETag}})
	requireCode(t, err, "InvalidPart", 400)
	_, err = complete(c, "k", id, nil)
	requireCode(t, err, "MalformedXML", 400)
	cloud.S3().CheckNoObject(t, "bkt", "k") // failed completions leave no object

	// Parts 1 and 3: part 1 is 5 MiB, the small part 3 is last.
	out, err := complete(c, "k", id, []types.CompletedPart{parts[0], parts[2]})
	require.NoError(t, err)
	o, _ := cloud.S3().Object("bkt", "k")
	assert.Equal(t, 5*mib+10, len(o.Data), "parts not listed are discarded")
	assert.Equal(t, o.ETag, aws.ToString(out.ETag))
	_, err = complete(c, "other", id, []types.CompletedPart{parts[0], parts[2]})
	requireCode(t, err, "NoSuchUpload", 404)
}

// Completing a completed upload again answers what the completion answered,
// as S3 answers a retried completion, and changes nothing; once the version
// it made is gone, the upload is NoSuchUpload.
func TestCompleteMultipartUpload_AgainAnswersTheSameCompletion(t *testing.T) {
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	enableVersioning(t, c, "bkt")
	id, parts, _ := uploadParts(t, c, "k", "", 5*mib, 10)
	first, err := complete(c, "k", id, parts)
	require.NoError(t, err)
	events := len(cloud.S3().Notifications())
	putObject(t, c, "bkt", "k", "newer")

	again, err := complete(c, "k", id, parts)
	require.NoError(t, err)
	assert.Equal(t, aws.ToString(first.ETag), aws.ToString(again.ETag))
	assert.Equal(t, aws.ToString(first.VersionId), aws.ToString(again.VersionId))
	assert.Equal(t, aws.ToString(first.Location), aws.ToString(again.Location))
	assert.Equal(t, aws.ToString(first.ChecksumCRC64NVME), aws.ToString(again.ChecksumCRC64NVME))
	assert.Len(t, cloud.S3().Versions("bkt", "k"), 2, "nothing is stored again")
	assert.Len(t, cloud.S3().Notifications(), events, "no event is sent again")
	cloud.S3().CheckObject(t, "bkt", "k", []byte("newer"))

	_, err = c.DeleteObject(context.Background(), &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: first.VersionId})
	require.NoError(t, err)
	_, err = complete(c, "k", id, parts)
	requireCode(t, err, "NoSuchUpload", 404)
}

func TestCompleteMultipartUpload_PartsUnder5MiBButTheLastAreEntityTooSmall(t *testing.T) {
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	id, parts, _ := uploadParts(t, c, "k", "", 5*mib-1, 10)
	_, err := complete(c, "k", id, parts)
	requireCode(t, err, "EntityTooSmall", 400)
	id2, parts2, _ := uploadParts(t, c, "single", "", 10)
	_, err = complete(c, "single", id2, parts2)
	require.NoError(t, err, "a single small part is its own last part")
	assert.Len(t, cloud.S3().Objects("bkt"), 1)
}

func TestUploadPart_UnknownUploadAndBadPartNumber(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	_, err := c.UploadPart(ctx, &s3.UploadPartInput{Bucket: aws.String("bkt"), Key: aws.String("k"), UploadId: aws.String("nope"),
		PartNumber: aws.Int32(1), Body: bytes.NewReader([]byte("x"))})
	requireCode(t, err, "NoSuchUpload", 404)
	up, err := c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	for _, n := range []int32{0, 10001} {
		_, err = c.UploadPart(ctx, &s3.UploadPartInput{Bucket: aws.String("bkt"), Key: aws.String("k"), UploadId: up.UploadId,
			PartNumber: aws.Int32(n), Body: bytes.NewReader([]byte("x"))})
		requireCode(t, err, "InvalidArgument", 400)
	}
	_, err = c.UploadPart(ctx, &s3.UploadPartInput{Bucket: aws.String("bkt"), Key: aws.String("other"), UploadId: up.UploadId,
		PartNumber: aws.Int32(1), Body: bytes.NewReader([]byte("x"))})
	requireCode(t, err, "NoSuchUpload", 404)
}

func TestAbortMultipartUpload_DiscardsTheUpload(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	id, parts, _ := uploadParts(t, c, "k", "", 10)
	_, err := c.AbortMultipartUpload(ctx, &s3.AbortMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("k"), UploadId: aws.String(id)})
	require.NoError(t, err)
	cloud.S3().CheckNoUploads(t, "bkt")
	_, err = complete(c, "k", id, parts)
	requireCode(t, err, "NoSuchUpload", 404)
	_, err = c.AbortMultipartUpload(ctx, &s3.AbortMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("k"), UploadId: aws.String(id)})
	requireCode(t, err, "NoSuchUpload", 404)
	var nsu *types.NoSuchUpload
	require.ErrorAs(t, err, &nsu)
}

func TestListParts_PagesThroughParts(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	id, parts, _ := uploadParts(t, c, "k", types.ChecksumAlgorithmCrc32, 3, 4, 5)
	var got []int32
	var marker *string
	for {
		out, err := c.ListParts(ctx, &s3.ListPartsInput{Bucket: aws.String("bkt"), Key: aws.String("k"), UploadId: aws.String(id),
			MaxParts: aws.Int32(2), PartNumberMarker: marker})
		require.NoError(t, err)
		assert.Equal(t, types.ChecksumAlgorithmCrc32, out.ChecksumAlgorithm)
		for _, p := range out.Parts {
			got = append(got, aws.ToInt32(p.PartNumber))
			assert.Equal(t, aws.ToString(parts[aws.ToInt32(p.PartNumber)-1].ETag), aws.ToString(p.ETag))
			assert.NotNil(t, p.ChecksumCRC32)
		}
		if !aws.ToBool(out.IsTruncated) {
			break
		}
		marker = out.NextPartNumberMarker
	}
	assert.Equal(t, []int32{1, 2, 3}, got)
}

// S3's composite checksum of a multipart object is the checksum of the
// concatenated part checksums, then "-N"; the SDK skips validating it.
func TestCompleteMultipartUpload_CompositeAndFullObjectChecksums(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t, withChecksums)
	createBucket(t, c, "bkt")

	id, parts, datas := uploadParts(t, c, "composite", types.ChecksumAlgorithmSha256, 5*mib, 7)
	out, err := complete(c, "composite", id, parts)
	require.NoError(t, err)
	raw := func(v *string) []byte { b, _ := decodeB64(aws.ToString(v)); return b }
	want := checksumOf(types.ChecksumAlgorithmSha256, append(raw(parts[0].ChecksumSHA256), raw(parts[1].ChecksumSHA256)...)) + "-2"
	assert.Equal(t, want, aws.ToString(out.ChecksumSHA256))
	assert.Equal(t, types.ChecksumTypeComposite, out.ChecksumType)
	body, get := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("composite"), ChecksumMode: types.ChecksumModeEnabled})
	assert.Equal(t, string(append(datas[0], datas[1]...)), body)
	assert.Equal(t, want, aws.ToString(get.ChecksumSHA256))

	missing := []types.CompletedPart{{PartNumber: parts[0].PartNumber, ETag: parts[0].ETag}, parts[1]}
	id2, _, _ := uploadParts(t, c, "missing", types.ChecksumAlgorithmSha256, 5*mib, 7)
	_, err = complete(c, "missing", id2, missing)
	requireCode(t, err, "InvalidRequest", 400)

	full, err := c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("full"),
		ChecksumAlgorithm: types.ChecksumAlgorithmCrc64nvme})
	require.NoError(t, err)
	assert.Equal(t, types.ChecksumTypeFullObject, full.ChecksumType, "CRC64NVME uploads are FULL_OBJECT")
	_, err = c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("bad"),
		ChecksumAlgorithm: types.ChecksumAlgorithmSha1, ChecksumType: types.ChecksumTypeFullObject})
	requireCode(t, err, "InvalidRequest", 400)
	assert.Len(t, cloud.S3().Objects("bkt"), 1)
}

func TestCompleteMultipartUpload_FullObjectChecksumIsVerified(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t, withChecksums)
	createBucket(t, c, "bkt")
	start := func(key string) string {
		up, err := c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String(key),
			ChecksumAlgorithm: types.ChecksumAlgorithmCrc32, ChecksumType: types.ChecksumTypeFullObject})
		require.NoError(t, err)
		assert.Equal(t, types.ChecksumTypeFullObject, up.ChecksumType)
		return aws.ToString(up.UploadId)
	}
	send := func(key, id string, data []byte) []types.CompletedPart {
		out, err := c.UploadPart(ctx, &s3.UploadPartInput{Bucket: aws.String("bkt"), Key: aws.String(key), UploadId: aws.String(id),
			PartNumber: aws.Int32(1), Body: bytes.NewReader(data), ChecksumAlgorithm: types.ChecksumAlgorithmCrc32})
		require.NoError(t, err)
		return []types.CompletedPart{{PartNumber: aws.Int32(1), ETag: out.ETag, ChecksumCRC32: out.ChecksumCRC32}}
	}
	data := []byte("the whole object")
	id := start("good")
	out, err := c.CompleteMultipartUpload(ctx, &s3.CompleteMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("good"),
		UploadId: aws.String(id), MultipartUpload: &types.CompletedMultipartUpload{Parts: send("good", id, data)},
		ChecksumCRC32: aws.String(checksumOf(types.ChecksumAlgorithmCrc32, data)), ChecksumType: types.ChecksumTypeFullObject})
	require.NoError(t, err)
	assert.Equal(t, checksumOf(types.ChecksumAlgorithmCrc32, data), aws.ToString(out.ChecksumCRC32), "a full-object CRC has no -N")
	assert.Equal(t, types.ChecksumTypeFullObject, out.ChecksumType)

	id = start("bad")
	_, err = c.CompleteMultipartUpload(ctx, &s3.CompleteMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("bad"),
		UploadId: aws.String(id), MultipartUpload: &types.CompletedMultipartUpload{Parts: send("bad", id, data)},
		ChecksumCRC32: aws.String(checksumOf(types.ChecksumAlgorithmCrc32, []byte("other"))), ChecksumType: types.ChecksumTypeFullObject})
	requireCode(t, err, "BadDigest", 400)
	_, ok := cloud.S3().Object("bkt", "bad")
	assert.False(t, ok)
}

func TestGetObject_PartNumberReadsOnePart(t *testing.T) {
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	id, parts, datas := uploadParts(t, c, "k", "", 5*mib, 9)
	_, err := complete(c, "k", id, parts)
	require.NoError(t, err)
	body, out := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), PartNumber: aws.Int32(2)})
	assert.Equal(t, string(datas[1]), body)
	assert.Equal(t, int32(2), aws.ToInt32(out.PartsCount))
	assert.Equal(t, "bytes 5242880-5242888/5242889", aws.ToString(out.ContentRange))
	_, err = c.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), PartNumber: aws.Int32(3)})
	requireCode(t, err, "InvalidPartNumber", 416)
}

func TestUploadPartCopy_CopiesARangeIntoAPart(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "src", "0123456789")
	up, err := c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("dst")})
	require.NoError(t, err)
	cp, err := c.UploadPartCopy(ctx, &s3.UploadPartCopyInput{Bucket: aws.String("bkt"), Key: aws.String("dst"), UploadId: up.UploadId,
		PartNumber: aws.Int32(1), CopySource: aws.String("bkt/src"), CopySourceRange: aws.String("bytes=2-5")})
	require.NoError(t, err)
	_, err = complete(c, "dst", aws.ToString(up.UploadId), []types.CompletedPart{{PartNumber: aws.Int32(1), ETag: cp.CopyPartResult.ETag}})
	require.NoError(t, err)
	cloud.S3().CheckObject(t, "bkt", "dst", []byte("2345"))

	_, err = c.UploadPartCopy(ctx, &s3.UploadPartCopyInput{Bucket: aws.String("bkt"), Key: aws.String("dst"), UploadId: up.UploadId,
		PartNumber: aws.Int32(1), CopySource: aws.String("bkt/src"), CopySourceRange: aws.String("bytes=5-50")})
	requireCode(t, err, "NoSuchUpload", 404)
}

// ListParts checks max-parts and part-number-marker as S3 does: on the
// wire, what is not a 32-bit integer is InvalidArgument "Provided <name>
// not an integer or within integer range", a negative value "Argument
// <name> must be an integer between 0 and 2147483647", and empty values
// are absent (recorded: s3 TestS3ListParts::
// test_list_parts_empty_part_number_marker); a marker past the last part
// lists nothing (recorded: TestS3ListParts::test_list_parts_pagination,
// "list-parts-wrong-part").
func TestListParts_ValidatesMaxPartsAndPartNumberMarker(t *testing.T) {
	ctx := context.Background()
	var rec answers
	cloud, c, _ := newS3(t, recording(&rec), pathStyle)
	createBucket(t, c, "bkt")
	id, _, _ := uploadParts(t, c, "k", "", 4)
	for _, tc := range []struct {
		maxParts         *int32
		marker           *string
		name, value, msg string
	}{
		{aws.Int32(-1), nil, "max-parts", "-1", "Argument max-parts must be an integer between 0 and 2147483647"},
		{nil, aws.String("-1"), "part-number-marker", "-1", "Argument part-number-marker must be an integer between 0 and 2147483647"},
	} {
		_, err := c.ListParts(ctx, &s3.ListPartsInput{Bucket: aws.String("bkt"), Key: aws.String("k"), UploadId: aws.String(id),
			MaxParts: tc.maxParts, PartNumberMarker: tc.marker})
		requireCode(t, err, "InvalidArgument", 400)
		assert.Equal(t, errorDoc{Code: "InvalidArgument", Message: tc.msg, ArgumentName: tc.name, ArgumentValue: tc.value}, rec.Error(t))
	}
	base := "http://awsfake.localhost/bkt/k?uploadId=" + id
	for query, name := range map[string]string{
		"&max-parts=abc": "max-parts", "&max-parts=2147483648": "max-parts", "&max-parts=1.5": "max-parts",
		"&part-number-marker=abc": "part-number-marker", "&part-number-marker=99999999999": "part-number-marker",
	} {
		a := send(t, cloud, "GET", base+query)
		require.Equal(t, 400, a.status, "%s: %s", query, a.body)
		assert.Equal(t, "InvalidArgument", a.err.Code, query)
		assert.Equal(t, "Provided "+name+" not an integer or within integer range", a.err.Message, query)
	}
	for _, query := range []string{"&max-parts=&part-number-marker=", "&part-number-marker=10"} {
		a := send(t, cloud, "GET", base+query)
		require.Equal(t, 200, a.status, "%s: %s", query, a.body)
	}
	page, err := c.ListParts(ctx, &s3.ListPartsInput{Bucket: aws.String("bkt"), Key: aws.String("k"), UploadId: aws.String(id),
		PartNumberMarker: aws.String("10")})
	require.NoError(t, err)
	assert.Empty(t, page.Parts)
	assert.False(t, aws.ToBool(page.IsTruncated))
}
