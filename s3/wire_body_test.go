package s3

import (
	"encoding/base64"
	"encoding/binary"
	"hash/crc64"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeChunked_FramesAndTrailers(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		trailers       map[string]string
		err            string
	}{
		{"unsigned with trailer", "b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n", "hello world",
			map[string]string{"x-amz-checksum-crc32": "DUoRhQ=="}, ""},
		{"signed chunks", "5;chunk-signature=ab\r\nhello\r\n6;chunk-signature=cd\r\n world\r\n0;chunk-signature=ef\r\n\r\n", "hello world", map[string]string{}, ""},
		{"final CRLF left out", "3\r\nabc\r\n0\r\n", "abc", map[string]string{}, ""},
		{"trailer signature", "1\r\nx\r\n0\r\nx-amz-checksum-sha256:AAAA\r\nx-amz-trailer-signature:00\r\n\r\n", "x",
			map[string]string{"x-amz-checksum-sha256": "AAAA", "x-amz-trailer-signature": "00"}, ""},
		{"short data", "a\r\nabc", "", nil, "IncompleteBody"},
		{"no CRLF after data", "3\r\nabcX\r\n0\r\n\r\n", "", nil, "InvalidRequest"},
		{"bad size", "-1\r\n", "", nil, "InvalidRequest"},
		{"over the limit", "20\r\n" + strings.Repeat("x", 32) + "\r\n0\r\n\r\n", "", nil, "EntityTooLarge"},
		{"header line too long", strings.Repeat("1", 5000), "", nil, "InvalidRequest"},
		{"no terminating chunk", "3\r\nabc\r\n", "", nil, "IncompleteBody"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, trailers, err := decodeChunked(strings.NewReader(tc.in), 16, -1)
			if tc.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(data))
			assert.Equal(t, tc.trailers, trailers)
		})
	}
}

// FuzzDecodeChunked: no input may panic, and what decodes stays within the
// limit.
func FuzzDecodeChunked(f *testing.F) {
	for _, s := range []string{
		"b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n",
		"5;chunk-signature=ab\r\nhello\r\n0;chunk-signature=ef\r\n\r\n",
		"0\r\n\r\n", "", "ffffffffffffffff\r\n", "3\r\nab", "1\r\nx\r\n0\r\n:\r\n\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		data, _, err := decodeChunked(strings.NewReader(string(in)), 64, -1)
		if err == nil && len(data) > 64 {
			t.Fatalf("decoded %d bytes past the limit", len(data))
		}
	})
}

// FuzzServeHTTP drives the whole wire binding with arbitrary requests: no
// input may panic, and every answer is a valid status.
func FuzzServeHTTP(f *testing.F) {
	for _, s := range [][4]string{
		{"PUT", "/bkt", "", ""},
		{"PUT", "/bkt/k?tagging", "", "<Tagging><TagSet><Tag><Key>a</Key><Value>b</Value></Tag></TagSet></Tagging>"},
		{"POST", "/bkt?delete", "Content-MD5: x", "<Delete><Object><Key>k</Key></Object></Delete>"},
		{"PUT", "/bkt?notification", "", "<NotificationConfiguration><QueueConfiguration><Queue>arn:aws:sqs:us-east-1:0:q</Queue><Event>s3:ObjectCreated:*</Event><Filter><S3Key><FilterRule><Name>prefix</Name><Value>a</Value></FilterRule></S3Key></Filter></QueueConfiguration></NotificationConfiguration>"},
		{"POST", "/bkt/k?uploadId=x", "", "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>x</ETag></Part></CompleteMultipartUpload>"},
		{"GET", "/bkt?list-type=2&max-keys=-1&continuation-token=%%%", "", ""},
		{"PUT", "/bkt/k", "Content-Encoding: aws-chunked", "3\r\nabc\r\n0\r\n\r\n"},
		{"GET", "/bkt/k?partNumber=99999", "Range: bytes=-", ""},
		{"PUT", "/bkt/k2", "x-amz-copy-source: /bkt/k?versionId=%zz", ""},
		{"PUT", "/bkt?cors", "", "<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>"},
	} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, method, target, header, body string) {
		s := newTestService()
		_, _ = s.CreateBucket(t.Context(), CreateBucketInput{Bucket: "bkt"})
		_, _ = s.PutObject(t.Context(), PutObjectInput{Bucket: "bkt", Key: "k", Body: []byte("data")})
		if !strings.HasPrefix(target, "/") {
			target = "/" + target
		}
		req, err := http.NewRequest(method, "http://awsfake.localhost", strings.NewReader(body))
		if err != nil {
			return
		}
		req.URL.Opaque = target
		if name, value, ok := strings.Cut(header, ":"); ok {
			if h := strings.TrimSpace(name); h != "" && !strings.ContainsAny(h, " \r\n") {
				req.Header.Set(h, strings.TrimSpace(value))
			}
		}
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("%s %s: panic: %v", method, target, p)
			}
		}()
		u, err := req.URL.Parse(target)
		if err != nil {
			return
		}
		req.URL = u
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code < 200 || rec.Code > 599 {
			t.Fatalf("status %d", rec.Code)
		}
	})
}

// CRC-64/NVME check value: the checksum of "123456789" is
// 0xae8b14860a799888.
func TestChecksum_CRC64NVMECheckValue(t *testing.T) {
	want := base64.StdEncoding.EncodeToString(binary.BigEndian.AppendUint64(nil, 0xae8b14860a799888))
	assert.Equal(t, want, sum(CRC64NVME, []byte("123456789")))
	assert.Equal(t, uint64(0xae8b14860a799888), crc64.Checksum([]byte("123456789"), crc64NVMETable))
	// The CRC32 of "hello world" in the aws-chunked example of the
	// reference notes.
	assert.Equal(t, "DUoRhQ==", sum(CRC32, []byte("hello world")))
}
