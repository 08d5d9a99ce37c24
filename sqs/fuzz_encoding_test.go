package sqs

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"testing"
)

// fuzzContentTypes are the content types FuzzServeEncoded picks from; the
// last entry is replaced by the fuzzed one.
var fuzzContentTypes = []string{
	"application/x-amz-json-1.0", "application/x-amz-json-1.1", "application/json", "application/x-www-form-urlencoded",
	"application/x-www-form-urlencoded; charset=utf-8", "text/plain", "application/cbor", "application/xml", "multipart/form-data; boundary=x", "",
}

// FuzzServeEncoded sends AWS JSON and Query requests under any content
// type, with the body gzipped (Content-Encoding: gzip), sent as is, or
// sent as is but labelled gzip, and optionally an arbitrary
// Content-Encoding. No answer may be a 5xx.
func FuzzServeEncoded(f *testing.F) {
	for op, body := range jsonSeeds {
		f.Add(true, op, uint8(0), "", uint8(1), "", []byte(body))
		f.Add(true, op, uint8(1), "", uint8(0), "", []byte(body))
	}
	for _, form := range []string{
		"Action=SendMessage&QueueUrl=http%3A%2F%2Fx%2F000000000000%2Fq&MessageBody=b",
		"Action=ReceiveMessage&QueueUrl=http%3A%2F%2Fx%2F000000000000%2Fq&MaxNumberOfMessages=10",
		"Action=ListQueues",
	} {
		f.Add(false, "", uint8(3), "", uint8(1), "", []byte(form))
		f.Add(false, "", uint8(4), "", uint8(2), "", []byte(form))
		f.Add(false, "", uint8(0), "", uint8(1), "", []byte(form))
	}
	f.Add(true, "ListQueues", uint8(9), "application/x-amz-json-1.0; charset=utf-8", uint8(1), "gzip, identity", []byte(`{}`))
	f.Add(true, "ListQueues", uint8(0), "", uint8(2), "", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"))
	f.Add(false, "", uint8(3), "", uint8(0), "deflate", []byte("Action=ListQueues"))
	f.Add(false, "", uint8(3), "", uint8(0), "GZIP", []byte("\x1f\x8b"))
	f.Fuzz(func(t *testing.T, json bool, op string, ct uint8, rawCT string, mode uint8, encoding string, body []byte) {
		s := fuzzService(t)
		wire := body
		if mode%3 == 1 {
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			_, _ = zw.Write(body)
			_ = zw.Close()
			wire = b.Bytes()
		}
		req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(wire))
		if json {
			req.Header.Set("X-Amz-Target", jsonTargets.Prefix+op)
		}
		contentType := fuzzContentTypes[int(ct)%len(fuzzContentTypes)]
		if contentType == "" {
			contentType = rawCT
		}
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		if mode%3 != 0 {
			req.Header.Set("Content-Encoding", "gzip")
		}
		if encoding != "" {
			req.Header.Add("Content-Encoding", encoding)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("json=%v %s %q mode %d %q: status %d: %s", json, op, contentType, mode%3, body, rec.Code, rec.Body)
		}
	})
}
