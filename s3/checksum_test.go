package s3_test

import (
	"bytes"
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"hash/crc64"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	s3fake "github.com/awsfake/awsfake/s3"
)

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// checksumOf computes a checksum the way the SDK and S3 do.
func checksumOf(alg types.ChecksumAlgorithm, data []byte) string {
	switch alg {
	case types.ChecksumAlgorithmCrc32:
		return b64(binary.BigEndian.AppendUint32(nil, crc32.ChecksumIEEE(data)))
	case types.ChecksumAlgorithmCrc32c:
		return b64(binary.BigEndian.AppendUint32(nil, crc32.Checksum(data, crc32.MakeTable(crc32.Castagnoli))))
	case types.ChecksumAlgorithmCrc64nvme:
		return b64(binary.BigEndian.AppendUint64(nil, crc64.Checksum(data, crc64.MakeTable(0x9a6c9329ac4bc9b5))))
	case types.ChecksumAlgorithmSha1:
		s := sha1.Sum(data)
		return b64(s[:])
	case types.ChecksumAlgorithmSha256:
		s := sha256.Sum256(data)
		return b64(s[:])
	}
	return ""
}

func checksumField(alg types.ChecksumAlgorithm, out *s3.GetObjectOutput) string {
	return aws.ToString(map[types.ChecksumAlgorithm]*string{
		types.ChecksumAlgorithmCrc32: out.ChecksumCRC32, types.ChecksumAlgorithmCrc32c: out.ChecksumCRC32C,
		types.ChecksumAlgorithmCrc64nvme: out.ChecksumCRC64NVME, types.ChecksumAlgorithmSha1: out.ChecksumSHA1,
		types.ChecksumAlgorithmSha256: out.ChecksumSHA256,
	}[alg])
}

// recordingTransport notes the headers of every request it passes on.
type recordingTransport struct {
	next http.RoundTripper
	mu   sync.Mutex
	seen []http.Header
}

func (r *recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.seen = append(r.seen, req.Header.Clone())
	r.mu.Unlock()
	return r.next.RoundTrip(req)
}

func TestPutObject_EveryChecksumAlgorithmIsVerifiedStoredAndReturned(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t, withChecksums)
	createBucket(t, c, "bkt")
	data := []byte("The quick brown fox jumps over the lazy dog")
	for _, alg := range types.ChecksumAlgorithmCrc32.Values() {
		if checksumOf(alg, nil) == "" {
			continue // MD5 and XXHASH are listed by the model, not taken by S3
		}
		t.Run(string(alg), func(t *testing.T) {
			key := "obj-" + string(alg)
			put, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String(key),
				Body: bytes.NewReader(data), ChecksumAlgorithm: alg})
			require.NoError(t, err)
			assert.Equal(t, types.ChecksumTypeFullObject, put.ChecksumType)
			body, out := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String(key), ChecksumMode: types.ChecksumModeEnabled})
			assert.Equal(t, string(data), body, "the SDK validated the body against the returned checksum")
			assert.Equal(t, checksumOf(alg, data), checksumField(alg, out))
		})
	}
}

func TestPutObject_WithoutChecksumS3StoresCRC64NVME(t *testing.T) {
	_, c, _ := newS3(t) // a raw aws.Config sends no checksum
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "k", "data")
	_, out := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), ChecksumMode: types.ChecksumModeEnabled})
	assert.Equal(t, checksumOf(types.ChecksumAlgorithmCrc64nvme, []byte("data")), aws.ToString(out.ChecksumCRC64NVME))
	_, plain := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	assert.Nil(t, plain.ChecksumCRC64NVME, "checksums are returned only in checksum mode")
}

func TestPutObject_WrongOrMalformedChecksumIsRefused(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	for _, tc := range []struct {
		name string
		in   s3.PutObjectInput
		code string
	}{
		{"wrong crc32", s3.PutObjectInput{ChecksumCRC32: aws.String(checksumOf(types.ChecksumAlgorithmCrc32, []byte("other")))}, "BadDigest"},
		{"wrong sha256", s3.PutObjectInput{ChecksumSHA256: aws.String(checksumOf(types.ChecksumAlgorithmSha256, []byte("other")))}, "BadDigest"},
		{"crc32 not base64", s3.PutObjectInput{ChecksumCRC32: aws.String("not base64!")}, "InvalidRequest"},
		{"crc32 of the wrong length", s3.PutObjectInput{ChecksumCRC32: aws.String(b64([]byte{1, 2, 3}))}, "InvalidRequest"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in
			in.Bucket, in.Key, in.Body = aws.String("bkt"), aws.String("k"), strings.NewReader("data")
			_, err := c.PutObject(ctx, &in)
			requireCode(t, err, tc.code, 400)
			_, ok := cloud.S3().Object("bkt", "k")
			assert.False(t, ok)
		})
	}
	_, err := cloud.S3().PutObject(ctx, s3fake.PutObjectInput{Bucket: "bkt", Key: "k", Body: []byte("data"),
		Checksums: s3fake.Checksums{CRC32: checksumOf(types.ChecksumAlgorithmCrc32, []byte("data")), SHA1: checksumOf(types.ChecksumAlgorithmSha1, []byte("data"))}})
	assert.ErrorContains(t, err, "Multiple checksum Types are not allowed")
}

// Over HTTPS the SDK streams PutObject as aws-chunked with the checksum in a
// trailer (STREAMING-UNSIGNED-PAYLOAD-TRAILER). The in-memory transport
// ignores the scheme, so an https endpoint makes the SDK do just that.
func TestPutObject_AWSChunkedBodyWithTrailerChecksum(t *testing.T) {
	ctx := context.Background()
	cloud := awsfake.NewT(t)
	rec := &recordingTransport{next: cloud.HTTPClient().Transport}
	cfg := cloud.AWSConfig()
	cfg.BaseEndpoint = aws.String("https://awsfake.localhost")
	cfg.HTTPClient = &http.Client{Transport: rec}
	c := s3.NewFromConfig(cfg, withChecksums)
	createBucket(t, c, "bkt")

	data := bytes.Repeat([]byte("0123456789abcdef"), 10000) // 160000 bytes: several chunks
	for _, alg := range []types.ChecksumAlgorithm{types.ChecksumAlgorithmCrc32, types.ChecksumAlgorithmCrc32c, types.ChecksumAlgorithmSha256} {
		key := "chunked-" + string(alg)
		put, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String(key),
			Body: bytes.NewReader(data), ChecksumAlgorithm: alg})
		require.NoError(t, err)
		last := rec.seen[len(rec.seen)-1]
		require.Equal(t, "STREAMING-UNSIGNED-PAYLOAD-TRAILER", last.Get("X-Amz-Content-Sha256"), "the SDK sent aws-chunked")
		cloud.S3().CheckObject(t, "bkt", key, data)
		o, _ := cloud.S3().Object("bkt", key)
		assert.Empty(t, o.Headers.ContentEncoding, "aws-chunked is not part of the stored encoding")
		assert.Equal(t, checksumOf(alg, data), o.Checksums.Get(string(alg)))
		assert.Equal(t, `"`+md5hex(data)+`"`, aws.ToString(put.ETag))
	}
}

// rawPut sends a hand-made PUT to the cloud in memory.
func rawPut(t *testing.T, cloud *awsfake.Cloud, key string, h map[string]string, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPut, "http://bkt.awsfake.localhost/"+key, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20300101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00")
	for k, v := range h {
		req.Header.Set(k, v)
	}
	resp, err := cloud.HTTPClient().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// chunk frames data as one aws-chunked chunk with a (fake) signature.
func chunk(data string) string {
	return fmt.Sprintf("%x;chunk-signature=%064x\r\n%s\r\n", len(data), 0, data)
}

// The SigV4 streaming example of the S3 docs ("Signature Calculations for
// the Authorization Header: Transferring Payload in Multiple Chunks"):
// 66560 bytes of 'a' in a 65536-byte chunk and a 1024-byte chunk, each
// signed, then a signed empty chunk.
func TestPutObject_SignedStreamingPayloadIsDechunked(t *testing.T) {
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	data := strings.Repeat("a", 66560)
	body := chunk(data[:65536]) + chunk(data[65536:]) + chunk("")
	status, resp := rawPut(t, cloud, "signed", map[string]string{
		"Content-Encoding": "aws-chunked", "X-Amz-Content-Sha256": "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
		"X-Amz-Decoded-Content-Length": "66560",
	}, body)
	require.Equal(t, 200, status, resp)
	cloud.S3().CheckObject(t, "bkt", "signed", []byte(data))
}

func TestPutObject_ChunkedBodyErrors(t *testing.T) {
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	trailer := func(alg, v string) string { return "4\r\ndata\r\n0\r\n" + alg + ":" + v + "\r\n\r\n" }
	headers := map[string]string{"Content-Encoding": "aws-chunked", "X-Amz-Content-Sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
		"X-Amz-Trailer": "x-amz-checksum-crc32", "X-Amz-Decoded-Content-Length": "4"}
	for _, tc := range []struct {
		name, body, code string
		h                map[string]string
	}{
		{"trailer checksum wrong", trailer("x-amz-checksum-crc32", checksumOf(types.ChecksumAlgorithmCrc32, []byte("nope"))), "BadDigest", nil},
		{"declared trailer missing", "4\r\ndata\r\n0\r\n\r\n", "InvalidRequest", nil},
		{"truncated chunk", "a\r\ndata", "IncompleteBody", nil},
		{"bad chunk size", "zz\r\ndata\r\n0\r\n\r\n", "InvalidRequest", nil},
		{"decoded length mismatch", trailer("x-amz-checksum-crc32", checksumOf(types.ChecksumAlgorithmCrc32, []byte("data"))), "IncompleteBody",
			map[string]string{"X-Amz-Decoded-Content-Length": "5"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := map[string]string{}
			for k, v := range headers {
				h[k] = v
			}
			for k, v := range tc.h {
				h[k] = v
			}
			status, body := rawPut(t, cloud, "k", h, tc.body)
			assert.Equal(t, 400, status)
			assert.Contains(t, body, "<Code>"+tc.code+"</Code>")
			_, ok := cloud.S3().Object("bkt", "k")
			assert.False(t, ok)
		})
	}
	status, body := rawPut(t, cloud, "ok", headers, trailer("x-amz-checksum-crc32", checksumOf(types.ChecksumAlgorithmCrc32, []byte("data"))))
	require.Equal(t, 200, status, body)
	cloud.S3().CheckObject(t, "bkt", "ok", []byte("data"))
}

func TestPutObject_ContentSHA256MustMatchTheBody(t *testing.T) {
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	sum := sha256.Sum256([]byte("other"))
	status, body := rawPut(t, cloud, "k", map[string]string{"X-Amz-Content-Sha256": fmt.Sprintf("%x", sum)}, "data")
	assert.Equal(t, 400, status)
	assert.Contains(t, body, "<Code>XAmzContentSHA256Mismatch</Code>")
}

func TestPutObject_SDKChecksumAlgorithmWithoutValueIsRefused(t *testing.T) {
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	status, body := rawPut(t, cloud, "k", map[string]string{"x-amz-sdk-checksum-algorithm": "CRC32"}, "data")
	assert.Equal(t, 400, status)
	assert.Contains(t, body, "x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.")
}
