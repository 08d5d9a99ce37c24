package protocol_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

// countingReader serves src, or endless 'a's when src is nil, and counts
// what was read from it.
type countingReader struct {
	src io.Reader
	n   int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.src == nil {
		for i := range p {
			p[i] = 'a'
		}
		c.n += int64(len(p))
		return len(p), nil
	}
	n, err := c.src.Read(p)
	c.n += int64(n)
	return n, err
}

// bodyRequest is a POST whose body is r, with no Content-Length (chunked),
// so that only reading can find the size.
func bodyRequest(r io.Reader, gz bool) *http.Request {
	req := httptest.NewRequest("POST", "/", io.NopCloser(r))
	req.ContentLength = -1
	if gz {
		req.Header.Set("Content-Encoding", "gzip")
	}
	return req
}

func gzipped(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write(b)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func assertTooLarge(t *testing.T, err error) {
	t.Helper()
	e := awserr.As(err)
	assert.Equal(t, "RequestEntityTooLarge", e.Code)
	assert.Equal(t, http.StatusRequestEntityTooLarge, e.Status)
}

func TestReadBody_WithinLimit(t *testing.T) {
	b, err := protocol.ReadBody(bodyRequest(strings.NewReader("12345678"), false), 8)
	require.NoError(t, err)
	assert.Equal(t, "12345678", string(b), "exactly at the limit is allowed")

	b, err = protocol.ReadBody(&http.Request{}, 8)
	require.NoError(t, err)
	assert.Nil(t, b, "no body")
}

func TestReadBody_OverLimitIs413WithoutReadingPastLimitPlusOne(t *testing.T) {
	const limit = 1000
	src := &countingReader{}
	_, err := protocol.ReadBody(bodyRequest(src, false), limit)
	assertTooLarge(t, err)
	assert.LessOrEqual(t, src.n, int64(limit+1))

	// A declared Content-Length over the limit is refused before any read.
	src = &countingReader{}
	req := bodyRequest(src, false)
	req.ContentLength = limit + 1
	_, err = protocol.ReadBody(req, limit)
	assertTooLarge(t, err)
	assert.Zero(t, src.n)
}

func TestReadBody_UndoesGzip(t *testing.T) {
	want := strings.Repeat("PutMetricData ", 50)
	b, err := protocol.ReadBody(bodyRequest(bytes.NewReader(gzipped(t, []byte(want))), true), 1000)
	require.NoError(t, err)
	assert.Equal(t, want, string(b))

	req := bodyRequest(bytes.NewReader(gzipped(t, []byte("x"))), false)
	req.Header.Set("Content-Encoding", " GZIP ")
	b, err = protocol.ReadBody(req, 1000)
	require.NoError(t, err)
	assert.Equal(t, "x", string(b), "the encoding name is case-insensitive")

	b, err = protocol.ReadBody(bodyRequest(strings.NewReader(""), true), 1000)
	require.NoError(t, err)
	assert.Empty(t, b, "an empty gzip body is an empty body")
}

func TestReadBody_GzipOverLimitIs413OnBothSides(t *testing.T) {
	const limit = 1000
	// A bomb: a few compressed bytes that inflate far past the limit.
	bomb := gzipped(t, bytes.Repeat([]byte{0}, 1<<20))
	_, err := protocol.ReadBody(bodyRequest(bytes.NewReader(bomb), true), limit)
	assertTooLarge(t, err)

	// Incompressible: the compressed body itself is over the limit.
	noise := make([]byte, 4*limit)
	_, _ = rand.NewChaCha8([32]byte{1}).Read(noise)
	src := &countingReader{src: bytes.NewReader(gzipped(t, noise))}
	_, err = protocol.ReadBody(bodyRequest(src, true), limit)
	assertTooLarge(t, err)
	assert.LessOrEqual(t, src.n, int64(limit+1), "never read past limit+1 on the wire")
}

func TestReadBody_BadGzipIsSerializationException(t *testing.T) {
	for name, body := range map[string][]byte{
		"not gzip":  []byte("plain text"),
		"truncated": gzipped(t, []byte(strings.Repeat("abc", 100)))[:20],
		"corrupt":   append(gzipped(t, []byte("abc"))[:10], 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
	} {
		_, err := protocol.ReadBody(bodyRequest(bytes.NewReader(body), true), 1000)
		e := awserr.As(err)
		assert.Equal(t, "SerializationException", e.Code, name)
		assert.Equal(t, 400, e.Status, name)
	}
}

func TestPeekBody_LeavesTheBodyReadable(t *testing.T) {
	req := bodyRequest(bytes.NewReader(gzipped(t, []byte("Action=Publish&Version=2010-03-31"))), true)
	b, err := protocol.PeekBody(req, 1000)
	require.NoError(t, err)
	assert.Equal(t, "Action=Publish&Version=2010-03-31", string(b))
	again, err := protocol.ReadBody(req, 1000)
	require.NoError(t, err)
	assert.Equal(t, b, again, "the next reader sees the body whole, decoded")
	assert.Empty(t, req.Header.Get("Content-Encoding"))
}

func TestPeekBody_PutsBackWhatItCouldNotRead(t *testing.T) {
	body := strings.Repeat("x", 50)
	req := bodyRequest(strings.NewReader(body), false)
	_, err := protocol.PeekBody(req, 10)
	assertTooLarge(t, err)
	rest, err := io.ReadAll(req.Body)
	require.NoError(t, err)
	assert.Equal(t, body, string(rest), "the body is put back as it came")
	require.NoError(t, req.Body.Close())
}

func TestRequestID_RoundTripsThroughContext(t *testing.T) {
	assert.Empty(t, protocol.RequestID(context.Background()))
	assert.Equal(t, "r-1", protocol.RequestID(protocol.WithRequestID(context.Background(), "r-1")))
}
