package sigv4

import (
	"bytes"
	"crypto/hmac"
	"encoding/hex"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
)

// emptySHA is the sha256 of nothing, the "headers" line of a chunk's
// string to sign.
var emptySHA = hexSHA("")

// VerifyChunks decodes an aws-chunked body (sig.Streaming) and, for
// STREAMING-AWS4-HMAC-SHA256-PAYLOAD(-TRAILER), checks each chunk's
// signature against the chain seeded by the request's own signature:
//
//	AWS4-HMAC-SHA256-PAYLOAD \n date \n scope \n previous signature \n
//	sha256("") \n sha256(chunk data)
//
// and the trailer's (x-amz-trailer-signature) as
//
//	AWS4-HMAC-SHA256-TRAILER \n date \n scope \n previous signature \n
//	sha256("name:value\n" for each trailer)
//
// STREAMING-UNSIGNED-PAYLOAD-TRAILER is decoded unchecked. It answers the
// decoded data and the trailers (x-amz-checksum-*, unchecked: the caller
// owns checksums). A body that is not streaming is answered as it is.
func (v *Verifier) VerifyChunks(sig *Signature, body []byte) ([]byte, http.Header, *Failure) {
	if !sig.Streaming() {
		return body, nil, nil
	}
	signed := sig.PayloadHash == StreamingPayload || sig.PayloadHash == StreamingPayloadTrailer
	prev := sig.Seed
	var out []byte
	rest := body
	for {
		line, after, ok := bytes.Cut(rest, []byte("\r\n"))
		if !ok {
			return nil, nil, incompleteBody()
		}
		size, ext, _ := strings.Cut(string(line), ";")
		n, err := strconv.ParseUint(strings.TrimSpace(size), 16, 31)
		if err != nil {
			return nil, nil, incompleteBody()
		}
		if n > 0 && (uint64(len(after)) < n+2 || string(after[n:n+2]) != "\r\n") {
			return nil, nil, incompleteBody()
		}
		data := after[:n]
		if signed {
			want := hex.EncodeToString(hmacSHA(sig.key, stringToSign("AWS4-HMAC-SHA256-PAYLOAD",
				sig.Date, sig.scope(), prev, emptySHA, hexSHA(string(data)))))
			got, ok := strings.CutPrefix(strings.TrimSpace(ext), "chunk-signature=")
			if !ok || !hmac.Equal([]byte(want), []byte(strings.ToLower(got))) {
				return nil, nil, v.mismatch("")
			}
			prev = want
		}
		if n == 0 {
			rest = after
			break
		}
		out = append(out, data...)
		rest = after[n+2:]
	}
	trailers, f := v.trailers(sig, prev, rest)
	if f != nil {
		return nil, nil, f
	}
	if sig.DecodedLength >= 0 && int64(len(out)) != sig.DecodedLength {
		return nil, nil, incompleteBody()
	}
	return out, trailers, nil
}

// trailers reads the trailer lines after the last chunk up to the empty
// line, checking x-amz-trailer-signature for a signed trailer.
func (v *Verifier) trailers(sig *Signature, prev string, rest []byte) (http.Header, *Failure) {
	var h http.Header
	var canon strings.Builder
	got := ""
	for {
		line, after, ok := bytes.Cut(rest, []byte("\r\n"))
		if !ok {
			return nil, incompleteBody()
		}
		rest = after
		if len(line) == 0 {
			break
		}
		name, val, ok := strings.Cut(string(line), ":")
		if !ok {
			return nil, incompleteBody()
		}
		name, val = strings.ToLower(strings.TrimSpace(name)), strings.TrimSpace(val)
		if name == "x-amz-trailer-signature" {
			got = val
			continue
		}
		if h == nil {
			h = http.Header{}
		}
		h.Add(textproto.CanonicalMIMEHeaderKey(name), val)
		canon.WriteString(name + ":" + val + "\n")
	}
	if len(rest) != 0 {
		return nil, incompleteBody()
	}
	if sig.PayloadHash != StreamingPayloadTrailer {
		return h, nil
	}
	want := hex.EncodeToString(hmacSHA(sig.key, stringToSign("AWS4-HMAC-SHA256-TRAILER",
		sig.Date, sig.scope(), prev, hexSHA(canon.String()))))
	if !hmac.Equal([]byte(want), []byte(strings.ToLower(got))) {
		return nil, v.mismatch("")
	}
	return h, nil
}

// incompleteBody is S3's answer to an aws-chunked body that does not parse
// or whose length is not x-amz-decoded-content-length.
func incompleteBody() *Failure {
	return &Failure{Code: "IncompleteBody", Status: http.StatusBadRequest,
		Message: "The request body terminated unexpectedly"}
}
