package s3

import (
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/awserr"
)

// Conditions are the preconditions of a read (If-Match, If-None-Match,
// If-Modified-Since, If-Unmodified-Since) or of a copy source
// (x-amz-copy-source-if-*). Zero values are absent.
type Conditions struct {
	IfMatch           string
	IfNoneMatch       string
	IfModifiedSince   time.Time
	IfUnmodifiedSince time.Time
}

// check evaluates c against o in the order of RFC 7232 section 6, which is
// what S3 documents for GetObject and HeadObject:
//  1. If-Match fails: 412; if it holds, If-Unmodified-Since is ignored,
//     otherwise If-Unmodified-Since after the last change fails with 412;
//  2. If-None-Match matching: 304; if it does not match, If-Modified-Since
//     is ignored, otherwise If-Modified-Since at or after the last change
//     gives 304.
//
// Dates compare at the one-second precision of Last-Modified; a date later
// than now is ignored, as RFC 7232 says. For a copy source, S3 answers 412
// where a read answers 304 (CopyObject: "x-amz-copy-source-if-none-match
// ... returns 412").
func (c Conditions) check(o *object, now time.Time, copySource bool) error {
	prefix := "If-"
	if copySource {
		prefix = "x-amz-copy-source-If-" // AWS's casing in <Condition>
	}
	if c.IfMatch != "" {
		if !etagMatches(c.IfMatch, o.etag) {
			return preconditionFailed(prefix + "Match")
		}
	} else if !c.IfUnmodifiedSince.IsZero() && o.lastModified.After(c.IfUnmodifiedSince) {
		return preconditionFailed(prefix + "Unmodified-Since")
	}
	notModified, failed := false, "None-Match"
	if c.IfNoneMatch != "" {
		notModified = etagMatches(c.IfNoneMatch, o.etag)
	} else if !c.IfModifiedSince.IsZero() && !c.IfModifiedSince.After(now) {
		notModified, failed = !o.lastModified.After(c.IfModifiedSince), "Modified-Since"
	}
	if !notModified {
		return nil
	}
	if copySource {
		return preconditionFailed(prefix + failed)
	}
	return &headerError{
		err: errs.New(codeNotModified, "Not Modified"),
		headers: map[string]string{
			"ETag":          o.etag,
			"Last-Modified": o.lastModified.Format(httpDate),
		},
	}
}

// httpDate is the format of HTTP date headers (http.TimeFormat).
const httpDate = "Mon, 02 Jan 2006 15:04:05 GMT"

// etagMatches reports whether list, an If-Match or If-None-Match value
// ("*", or comma-separated entity tags, quoted or not, weak or strong),
// names etag.
func etagMatches(list, etag string) bool {
	want := strings.Trim(etag, `"`)
	for _, t := range strings.Split(list, ",") {
		t = strings.TrimSpace(t)
		t = strings.TrimPrefix(t, "W/")
		if t == "*" || strings.Trim(t, `"`) == want {
			return true
		}
	}
	return false
}

// checkWrite evaluates the conditions of a conditional write (PutObject,
// CompleteMultipartUpload and CopyObject since 2024): If-None-Match takes
// only "*" and fails with 412 when the key has a current object; If-Match
// fails with NoSuchKey when there is none and with 412 when the ETag
// differs.
func checkWrite(ifMatch, ifNoneMatch string, cur *object, key string) error {
	exists := cur != nil && !cur.deleteMarker
	if ifNoneMatch != "" {
		if strings.TrimSpace(ifNoneMatch) != "*" {
			return errs.New(codeNotImplemented, "A header you provided implies functionality that is not implemented")
		}
		if exists {
			return preconditionFailed("If-None-Match")
		}
	}
	if ifMatch != "" {
		if !exists {
			return noSuchKey(key)
		}
		if !etagMatches(ifMatch, cur.etag) {
			return preconditionFailed("If-Match")
		}
	}
	return nil
}

// headerError is an S3 error sent with response headers of its own:
// x-amz-delete-marker with the NoSuchKey of a delete marker, ETag with a
// 304, Content-Range with a 416.
type headerError struct {
	err     *awserr.Error
	headers map[string]string
}

func (e *headerError) Error() string { return e.err.Error() }

// Unwrap returns the S3 error, so that errors.As finds its code.
func (e *headerError) Unwrap() error { return e.err }

// Headers returns the response headers that go with the error.
func (e *headerError) Headers() map[string]string { return e.headers }

// byteRange is the part of an object a read returns.
type byteRange struct {
	start, end int64 // inclusive
	partial    bool  // a 206 with Content-Range
}

// resolveRange applies a Range header to an object of size bytes, as S3
// does: one "bytes=first-last", "bytes=first-" or "bytes=-suffix" range is
// served with 206; a header that is not a single well-formed byte range is
// ignored (200, the whole object; S3 does not serve multiple ranges); a
// range that starts at or past the end, a zero suffix, or any range of an
// empty object is not satisfiable: 416 InvalidRange.
func resolveRange(h string, size int64) (byteRange, error) {
	whole := byteRange{start: 0, end: size - 1}
	spec, ok := strings.CutPrefix(strings.TrimSpace(h), "bytes=")
	if h == "" || !ok || strings.Contains(spec, ",") {
		return whole, nil
	}
	first, last, ok := strings.Cut(strings.TrimSpace(spec), "-")
	if !ok {
		return whole, nil
	}
	unsatisfiable := func() error {
		e := errs.New(codeInvalidRange, "The requested range is not satisfiable")
		e.Fields = map[string]string{"RangeRequested": strings.TrimSpace(h), "ActualObjectSize": strconv.FormatInt(size, 10)}
		return &headerError{err: e, headers: map[string]string{"Content-Range": "bytes */" + strconv.FormatInt(size, 10)}}
	}
	if first == "" {
		n, err := strconv.ParseInt(last, 10, 64)
		if err != nil || n < 0 {
			return whole, nil
		}
		if n == 0 || size == 0 {
			return byteRange{}, unsatisfiable()
		}
		return byteRange{start: max(size-n, 0), end: size - 1, partial: true}, nil
	}
	a, err := strconv.ParseInt(first, 10, 64)
	if err != nil || a < 0 {
		return whole, nil
	}
	b := size - 1
	if last != "" {
		b, err = strconv.ParseInt(last, 10, 64)
		if err != nil || b < a {
			return whole, nil
		}
	}
	if a >= size {
		return byteRange{}, unsatisfiable()
	}
	return byteRange{start: a, end: min(b, size-1), partial: true}, nil
}

// contentRange renders r as a Content-Range value.
func (r byteRange) contentRange(size int64) string {
	return "bytes " + strconv.FormatInt(r.start, 10) + "-" + strconv.FormatInt(r.end, 10) + "/" + strconv.FormatInt(size, 10)
}
