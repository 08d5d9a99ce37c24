package s3

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// fuzzObjectHeaders are the request headers of PUT, GET, HEAD and copy
// that FuzzObjectHeaders picks from.
var fuzzObjectHeaders = []string{
	"x-amz-meta-a", "x-amz-tagging", "If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since",
	"x-amz-checksum-crc32", "x-amz-checksum-crc32c", "x-amz-checksum-crc64nvme", "x-amz-checksum-sha1", "x-amz-checksum-sha256",
	"x-amz-sdk-checksum-algorithm", "x-amz-checksum-algorithm", "x-amz-checksum-mode", "x-amz-copy-source", "x-amz-copy-source-range",
	"x-amz-copy-source-if-match", "x-amz-copy-source-if-none-match", "x-amz-copy-source-if-modified-since",
	"x-amz-copy-source-if-unmodified-since", "x-amz-metadata-directive", "x-amz-tagging-directive", "Range", "Content-MD5",
	"Content-Type", "Content-Encoding", "Content-Length", "x-amz-content-sha256", "x-amz-decoded-content-length", "x-amz-trailer",
	"x-amz-storage-class", "x-amz-website-redirect-location", "Expires", "Cache-Control", "x-amz-server-side-encryption",
	"x-amz-object-lock-mode", "x-amz-object-lock-retain-until-date", "x-amz-acl", "x-amz-expected-bucket-owner", "x-amz-write-offset-bytes",
}

var fuzzObjectMethods = []struct{ method, target string }{
	{"PUT", "/bkt/k2"}, {"PUT", "/bkt/k"}, {"GET", "/bkt/k"}, {"HEAD", "/bkt/k"}, {"PUT", "/bkt/copy"},
	{"GET", "/bkt/k?partNumber=1"}, {"PUT", "/bkt/k?tagging"}, {"DELETE", "/bkt/k"}, {"GET", "/bkt/missing"},
}

// FuzzObjectHeaders sends object requests carrying arbitrary values of up
// to three of the headers S3 reads (metadata, tagging, conditionals,
// checksums, copy source, Range), plus one arbitrary x-amz-meta-* header.
// No answer may be a 5xx other than S3's 501 NotImplemented.
func FuzzObjectHeaders(f *testing.F) {
	f.Add(uint8(0), uint8(0), "v", uint8(1), "a=b&c=%zz", "who", "x", []byte("data"))
	f.Add(uint8(2), uint8(2), `"8d777f385d3dfec8815d20f7496026dc"`, uint8(4), "Mon, 02 Jan 2006 15:04:05 GMT", "", "", []byte(nil))
	f.Add(uint8(2), uint8(22), "bytes=-", uint8(22), "bytes=5-1", "", "", []byte(nil))
	f.Add(uint8(2), uint8(22), "bytes=0-1,3-4", uint8(3), "*", "", "", []byte(nil))
	f.Add(uint8(1), uint8(3), "*", uint8(2), "*", "", "", []byte("x"))
	f.Add(uint8(0), uint8(6), "AAAA", uint8(11), "CRC32", "", "", []byte("hello world"))
	f.Add(uint8(0), uint8(10), "not base64", uint8(10), "", "", "", []byte("x"))
	f.Add(uint8(0), uint8(29), "x-amz-checksum-crc32", uint8(25), "aws-chunked", "", "", []byte("3\r\nabc\r\n0\r\nx-amz-checksum-crc32:AAAA\r\n\r\n"))
	f.Add(uint8(4), uint8(14), "/bkt/k?versionId=%zz", uint8(15), "bytes=0-99999999999999999999", "", "", []byte(nil))
	f.Add(uint8(4), uint8(14), "bkt/k", uint8(20), "REPLACE", "m", "\xff", []byte(nil))
	f.Add(uint8(4), uint8(14), "arn:aws:s3:::bkt/k", uint8(18), "2006-01-02", "", "", []byte(nil))
	f.Add(uint8(0), uint8(23), "%%%", uint8(27), "UNSIGNED-PAYLOAD", "", "", []byte("x"))
	f.Add(uint8(0), uint8(28), "-1", uint8(25), "aws-chunked", "", "", []byte("0\r\n\r\n"))
	f.Add(uint8(3), uint8(13), "ENABLED", uint8(2), "", "", "", []byte(nil))
	f.Fuzz(func(t *testing.T, op, h1 uint8, v1 string, h2 uint8, v2, meta, metaValue string, body []byte) {
		m := fuzzObjectMethods[int(op)%len(fuzzObjectMethods)]
		s := fuzzObjectService(t)
		req := httptest.NewRequest(m.method, "http://awsfake.localhost"+m.target, strings.NewReader(string(body)))
		for _, hv := range []struct {
			h string
			v string
		}{{fuzzObjectHeaders[int(h1)%len(fuzzObjectHeaders)], v1}, {fuzzObjectHeaders[int(h2)%len(fuzzObjectHeaders)], v2}, {"x-amz-meta-" + meta, metaValue}} {
			if hv.h == "x-amz-meta-" && hv.v == "" {
				continue
			}
			req.Header.Add(hv.h, hv.v)
		}
		if m.target == "/bkt/copy" && req.Header.Get("x-amz-copy-source") == "" {
			req.Header.Set("x-amz-copy-source", "/bkt/k")
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		// 501 NotImplemented is S3's documented answer to a header
		// combination it does not implement (If-Match with If-None-Match
		// on PUT), not a server fault.
		if rec.Code >= 500 && !(rec.Code == 501 && strings.Contains(rec.Body.String(), "<Code>NotImplemented</Code>")) {
			t.Fatalf("%s %s %v: status %d: %s", m.method, m.target, req.Header, rec.Code, rec.Body.String())
		}
	})
}
