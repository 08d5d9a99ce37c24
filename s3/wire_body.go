package s3

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

// payload is a request body as S3 reads it: aws-chunked framing removed,
// trailers (x-amz-checksum-*) set aside.
type payload struct {
	data     []byte
	trailers map[string]string
}

// readPayload reads r's body, at most limit bytes of payload. The limit is
// checked against Content-Length or X-Amz-Decoded-Content-Length before
// anything is read, and again while reading. An aws-chunked body
// (Content-Encoding aws-chunked, or a STREAMING-* x-amz-content-sha256) is
// de-chunked; chunk signatures are not verified, as no signature is. A
// hex x-amz-content-sha256 must match the body (XAmzContentSHA256Mismatch).
// The body is never un-gzipped: S3 stores what it is sent.
func readPayload(r *http.Request, limit int64) (payload, error) {
	if r.Body == nil {
		return payload{}, nil
	}
	sha := r.Header.Get("X-Amz-Content-Sha256")
	if isChunked(r) {
		hint := int64(-1)
		if v := r.Header.Get("X-Amz-Decoded-Content-Length"); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 {
				return payload{}, errs.New(codeInvalidArgument, "Invalid x-amz-decoded-content-length")
			}
			if n > limit {
				return payload{}, entityTooLarge(n, limit)
			}
			hint = n
		}
		data, trailers, err := decodeChunked(r.Body, limit, hint)
		if err != nil {
			return payload{}, err
		}
		if hint >= 0 && int64(len(data)) != hint {
			return payload{}, incompleteBody()
		}
		return payload{data: data, trailers: trailers}, nil
	}
	if r.ContentLength > limit {
		return payload{}, entityTooLarge(r.ContentLength, limit)
	}
	data, err := readDeclared(r.Body, r.ContentLength, limit)
	if err != nil {
		return payload{}, incompleteBody()
	}
	if int64(len(data)) > limit {
		return payload{}, entityTooLarge(int64(len(data)), limit)
	}
	if r.ContentLength >= 0 && int64(len(data)) != r.ContentLength {
		return payload{}, incompleteBody()
	}
	if len(sha) == 64 {
		if _, err := hex.DecodeString(sha); err == nil {
			got := sha256.Sum256(data)
			if !strings.EqualFold(hex.EncodeToString(got[:]), sha) {
				e := errs.New(codeXAmzContentSHA256Mismatch, "The provided 'x-amz-content-sha256' header does not match what was computed.")
				e.Fields = map[string]string{"ClientComputedContentSHA256": sha, "S3ComputedContentSHA256": hex.EncodeToString(got[:])}
				return payload{}, e
			}
		}
	}
	return payload{data: data}, nil
}

// readDeclared reads a body of at most limit+1 bytes into one buffer of its
// declared length n (when known, n <= limit) plus one byte, to see a longer
// body, instead of io.ReadAll's doubling growth.
func readDeclared(body io.Reader, n, limit int64) ([]byte, error) {
	if n < 0 {
		return io.ReadAll(io.LimitReader(body, limit+1))
	}
	data := make([]byte, n+1)
	got, err := io.ReadFull(body, data)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return data[:got], nil
	}
	if err != nil {
		return nil, err
	}
	rest, err := io.ReadAll(io.LimitReader(body, limit-n))
	return append(data, rest...), err
}

func isChunked(r *http.Request) bool {
	return slices.Contains(encodings(r.Header.Get("Content-Encoding")), "aws-chunked") ||
		strings.HasPrefix(r.Header.Get("X-Amz-Content-Sha256"), "STREAMING-")
}

// encodings splits a Content-Encoding list.
func encodings(v string) []string {
	var out []string
	for _, e := range strings.Split(v, ",") {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, strings.ToLower(e))
		}
	}
	return out
}

// Limits of aws-chunked framing: a chunk header line (size and signature)
// and the trailer section are small.
const (
	maxChunkLine = 4096
	maxTrailers  = 64
)

// decodeChunked reads an aws-chunked body:
//
//	<hex size>[;chunk-signature=<sig>]\r\n<data>\r\n ... 0[;...]\r\n<trailer lines>\r\n
//
// and returns at most limit bytes of payload and the trailers by lower-case
// name (x-amz-checksum-crc32, x-amz-trailer-signature). hint, when not
// negative, is the decoded length announced, used to size the buffer.
func decodeChunked(body io.Reader, limit, hint int64) ([]byte, map[string]string, error) {
	br := bufio.NewReaderSize(body, maxChunkLine)
	data := make([]byte, 0, max(min(hint, limit), 0))
	for {
		line, err := chunkLine(br)
		if errors.Is(err, io.EOF) {
			return nil, nil, incompleteBody()
		}
		if err != nil {
			return nil, nil, err
		}
		sizeText, _, _ := strings.Cut(line, ";")
		n, err := strconv.ParseUint(strings.TrimSpace(sizeText), 16, 62)
		if err != nil {
			return nil, nil, malformedChunk("bad chunk size")
		}
		if n == 0 {
			break
		}
		if int64(len(data))+int64(n) > limit {
			return nil, nil, entityTooLarge(int64(len(data))+int64(n), limit)
		}
		start := len(data)
		data = slices.Grow(data, int(n))[:start+int(n)]
		if _, err := io.ReadFull(br, data[start:]); err != nil {
			return nil, nil, incompleteBody()
		}
		if end, err := chunkLine(br); err != nil || end != "" {
			return nil, nil, malformedChunk("chunk data not followed by CRLF")
		}
	}
	trailers := map[string]string{}
	for i := 0; ; i++ {
		line, err := chunkLine(br)
		if errors.Is(err, io.EOF) && line == "" {
			break // a final CRLF left out
		}
		if err != nil {
			return nil, nil, err
		}
		if line == "" {
			break
		}
		if i == maxTrailers {
			return nil, nil, malformedChunk("too many trailers")
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, nil, malformedChunk("bad trailer")
		}
		trailers[strings.ToLower(strings.TrimSpace(name))] = strings.TrimSpace(value)
	}
	return data, trailers, nil
}

// chunkLine reads one CRLF-terminated line of aws-chunked framing. At the
// end of the body it returns io.EOF with what it read.
func chunkLine(br *bufio.Reader) (string, error) {
	b, err := br.ReadSlice('\n')
	switch {
	case errors.Is(err, bufio.ErrBufferFull):
		return "", malformedChunk("line too long")
	case errors.Is(err, io.EOF):
		if len(b) == 0 {
			return "", io.EOF
		}
		return "", incompleteBody()
	case err != nil:
		return "", incompleteBody()
	}
	return strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r"), nil
}

func malformedChunk(why string) error {
	return errs.New(codeInvalidRequest, "The aws-chunked encoding of the request body is malformed: %s", why)
}

// checksums collects the x-amz-checksum-* values of a request, from its
// headers and its aws-chunked trailers.
func checksums(h http.Header, trailers map[string]string) Checksums {
	var c Checksums
	for _, alg := range ChecksumAlgorithms {
		name := "x-amz-checksum-" + strings.ToLower(alg)
		v := h.Get(name)
		if t, ok := trailers[name]; ok {
			v = t
		}
		c.Set(alg, v)
	}
	return c
}

// checkTrailer enforces what S3 requires of a request's checksum headers:
// a declared x-amz-trailer must arrive, and x-amz-sdk-checksum-algorithm
// needs a value in a header or a trailer.
func checkTrailer(r *http.Request, p payload) error {
	if t := strings.ToLower(strings.TrimSpace(r.Header.Get("X-Amz-Trailer"))); t != "" {
		if _, ok := p.trailers[t]; !ok && strings.HasPrefix(t, "x-amz-checksum-") {
			return errs.New(codeInvalidRequest, "The x-amz-trailer header value %s was not found in the trailer", t)
		}
	}
	if r.Header.Get("x-amz-sdk-checksum-algorithm") != "" && len(checksums(r.Header, p.trailers).given()) == 0 {
		return errs.New(codeInvalidRequest,
			"x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.")
	}
	return nil
}

// readXML reads a small XML request body into v, checking its Content-MD5
// and checksum; required makes one of them mandatory, as for DeleteObjects.
func readXML(r *http.Request, v any, required bool) error {
	p, err := readPayload(r, protocol.DefaultBodyLimit)
	if err != nil {
		if awserr.Is(err, "EntityTooLarge") {
			return errs.New(codeMaxMessageLengthExceeded, "Your request was too big.")
		}
		return err
	}
	if err := checkBody(r, p, required); err != nil {
		return err
	}
	if err := xml.Unmarshal(p.data, v); err != nil {
		return malformedXML()
	}
	return nil
}

// checkBody verifies the Content-MD5 and checksum of a body that is not
// stored.
func checkBody(r *http.Request, p payload, required bool) error {
	if err := checkTrailer(r, p); err != nil {
		return err
	}
	md5 := r.Header.Get("Content-MD5")
	sums := checksums(r.Header, p.trailers)
	if required && md5 == "" && len(sums.given()) == 0 {
		return errs.New(codeInvalidRequest, "Missing required header for this request: Content-MD5")
	}
	_, err := verifyContent(p.data, md5, "", sums)
	return err
}

// objectHeaders reads the standard headers stored with an object.
func objectHeaders(h http.Header) ObjectHeaders {
	var enc []string
	for _, e := range encodings(h.Get("Content-Encoding")) {
		if e != "aws-chunked" {
			enc = append(enc, e)
		}
	}
	return ObjectHeaders{
		ContentType: h.Get("Content-Type"), ContentEncoding: strings.Join(enc, ","),
		ContentDisposition: h.Get("Content-Disposition"), ContentLanguage: h.Get("Content-Language"),
		CacheControl: h.Get("Cache-Control"), Expires: h.Get("Expires"),
		WebsiteRedirectLocation: h.Get("x-amz-website-redirect-location"),
		StorageClass:            h.Get("x-amz-storage-class"),
	}
}

// metadata reads the x-amz-meta-* headers.
func metadata(h http.Header) map[string]string {
	var md map[string]string
	for k, vs := range h {
		if name, ok := strings.CutPrefix(strings.ToLower(k), "x-amz-meta-"); ok {
			if md == nil {
				md = map[string]string{}
			}
			md[name] = strings.Join(vs, ",")
		}
	}
	return md
}

// taggingHeader parses x-amz-tagging, URL query encoded ("k1=v1&k2=v2").
// Tags are returned sorted by key.
func taggingHeader(v string) ([]Tag, error) {
	if v == "" {
		return nil, nil
	}
	q, err := url.ParseQuery(v)
	bad := func() error {
		return invalidArgument("x-amz-tagging", v,
			"The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.")
	}
	if err != nil {
		return nil, bad()
	}
	for _, pair := range strings.Split(v, "&") {
		if strings.Count(pair, "=") > 1 { // key1=val1,key2=val2 (recorded: test_object_tagging_exc)
			return nil, bad()
		}
	}
	tags := make([]Tag, 0, len(q))
	for k, vs := range q {
		if len(vs) != 1 {
			return nil, bad()
		}
		tags = append(tags, Tag{Key: k, Value: vs[0]})
	}
	slices.SortFunc(tags, func(a, b Tag) int { return strings.Compare(a.Key, b.Key) })
	return tags, nil
}

// conditions reads If-* headers (or, with prefix "x-amz-copy-source-",
// the copy source's). Malformed dates are ignored, as RFC 7232 says.
func conditions(h http.Header, prefix string) Conditions {
	date := func(name string) time.Time {
		t, _ := http.ParseTime(h.Get(prefix + name))
		return t
	}
	return Conditions{
		IfMatch: h.Get(prefix + "If-Match"), IfNoneMatch: h.Get(prefix + "If-None-Match"),
		IfModifiedSince: date("If-Modified-Since"), IfUnmodifiedSince: date("If-Unmodified-Since"),
	}
}

// intParam reads an integer query parameter, a 32-bit one as S3's are;
// absent or empty is 0. Anything else is InvalidArgument ("Provided
// max-parts not an integer or within integer range").
func intParam(t target, name string) (int, error) {
	v := t.query.Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 32)
	if err != nil {
		return 0, invalidArgument(name, v, "Provided "+name+" not an integer or within integer range")
	}
	return int(n), nil
}

// setChecksums sends the checksum headers of an answer.
func setChecksums(h http.Header, c Checksums, typ string) {
	for _, alg := range ChecksumAlgorithms {
		if v := c.Get(alg); v != "" {
			h.Set("x-amz-checksum-"+strings.ToLower(alg), v)
		}
	}
	if typ != "" {
		h.Set("x-amz-checksum-type", typ)
	}
}

// setIf sets a header when v is not empty.
func setIf(h http.Header, name, v string) {
	if v != "" {
		h.Set(name, v)
	}
}

// noContent sends an empty answer with status.
func noContent(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Length", "0")
	w.WriteHeader(status)
}

// writeXML sends an XML document.
func writeXML(w http.ResponseWriter, v any) error {
	protocol.WriteXML(w, http.StatusOK, v)
	return nil
}
