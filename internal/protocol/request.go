package protocol

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
)

// DefaultBodyLimit caps request bodies that have no larger limit of their own:
// comfortably above every JSON and query request AWS accepts (SQS's largest is
// a 1 MiB batch).
const DefaultBodyLimit = 8 << 20

type requestIDKey struct{}

// WithRequestID returns ctx carrying the request id of the call it serves.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the request id carried by ctx, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// ErrTooLarge is the answer to a body over its limit. The status is HTTP's
// 413, which AWS's endpoints answer for oversize requests; AWS documents no
// common error code for it, so RequestEntityTooLarge is awsfake's own name.
// Services with a documented code of their own (Lambda's
// RequestEntityTooLargeException, S3's EntityTooLarge) answer with it instead.
func ErrTooLarge(limit int64) *awserr.Error {
	return awserr.New("RequestEntityTooLarge", http.StatusRequestEntityTooLarge,
		"Request body exceeds the limit of %d bytes", limit)
}

// ReadBody reads r's body, at most limit bytes after any gzip
// Content-Encoding is undone. A larger body gives a 413 error; the body is
// never read past limit+1 bytes, on the wire or after decompression, so a
// gzip bomb costs no more than a plain body.
func ReadBody(r *http.Request, limit int64) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	if r.ContentLength > limit {
		return nil, ErrTooLarge(limit)
	}
	wire := &io.LimitedReader{R: r.Body, N: limit + 1}
	var src io.Reader = wire
	if isGzip(r) {
		zr, err := gzip.NewReader(wire)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, nil
			}
			return nil, awserr.BadRequest("SerializationException", "Request body is not valid gzip: %v", err)
		}
		defer zr.Close()
		src = io.LimitReader(zr, limit+1)
	}
	b, err := io.ReadAll(src)
	// A compressed body cut short by the limit fails to decompress: it is
	// too large, not malformed.
	if wire.N <= 0 || int64(len(b)) > limit {
		return nil, ErrTooLarge(limit)
	}
	if err != nil {
		if isGzip(r) {
			return nil, awserr.BadRequest("SerializationException", "Request body is not valid gzip: %v", err)
		}
		return nil, awserr.BadRequest("SerializationException", "Request body could not be read: %v", err)
	}
	return b, nil
}

func isGzip(r *http.Request) bool {
	return strings.EqualFold(strings.TrimSpace(r.Header.Get("Content-Encoding")), "gzip")
}

// PeekBody reads r's body within limit and puts it back so that the next
// reader sees it whole; the dispatcher uses it to look at form bodies. On
// success the body is put back decoded (without its Content-Encoding); when it
// cannot be read (too large, bad gzip), it is put back as it came, so that the
// service that takes the request reads it and answers with its own error, and
// PeekBody returns with the error the raw bytes it read (at most a little
// over limit), from which the dispatcher can still tell the service.
func PeekBody(r *http.Request, limit int64) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	orig := r.Body
	var raw bytes.Buffer
	r.Body = io.NopCloser(io.TeeReader(orig, &raw))
	b, err := ReadBody(r, limit)
	if err != nil {
		r.Body = struct {
			io.Reader
			io.Closer
		}{io.MultiReader(bytes.NewReader(raw.Bytes()), orig), orig}
		return raw.Bytes(), err
	}
	r.Body = io.NopCloser(bytes.NewReader(b))
	r.ContentLength = int64(len(b))
	r.Header.Del("Content-Encoding")
	return b, nil
}

// PeekPrefix reads up to n bytes of r's body, as sent, and puts them back in
// front of the rest: the dispatcher reads a form's first members off a body
// too large to read whole.
func PeekPrefix(r *http.Request, n int) []byte {
	if r.Body == nil {
		return nil
	}
	buf := make([]byte, n)
	got, _ := io.ReadFull(r.Body, buf)
	buf = buf[:got]
	orig := r.Body
	r.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(buf), orig), orig}
	return buf
}
