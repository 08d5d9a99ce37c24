package awsfake

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync/atomic"
)

// memTransport is an http.RoundTripper that serves each request by calling
// the cloud's handler on the caller's goroutine: no socket, no goroutine, so
// it works inside a synctest bubble, and a cancelled request context ends a
// long poll as it would over the network.
type memTransport struct {
	handler http.Handler
	closed  *atomic.Bool // the cloud's: set by Close
}

// RoundTrip implements http.RoundTripper.
func (t *memTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if req.Body != nil {
		defer req.Body.Close()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if t.closed != nil && t.closed.Load() {
		return nil, ErrClosed
	}
	sr := req.Clone(ctx)
	sr.URL = &url.URL{Path: req.URL.Path, RawPath: req.URL.RawPath, RawQuery: req.URL.RawQuery}
	sr.RequestURI = req.URL.RequestURI()
	sr.Host = req.Host
	if sr.Host == "" {
		sr.Host = req.URL.Host
	}
	sr.RemoteAddr = "127.0.0.1:0"
	if sr.Body == nil {
		sr.Body = http.NoBody
	}
	if sr.Proto == "" {
		sr.Proto, sr.ProtoMajor, sr.ProtoMinor = "HTTP/1.1", 1, 1
	}

	rw := &recorder{header: http.Header{}}
	t.handler.ServeHTTP(rw, sr)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !rw.wrote {
		rw.WriteHeader(http.StatusOK)
	}
	resp := &http.Response{
		Status:     strconv.Itoa(rw.status) + " " + http.StatusText(rw.status),
		StatusCode: rw.status,
		Proto:      "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:        rw.sent,
		Body:          io.NopCloser(bytes.NewReader(rw.body.Bytes())),
		ContentLength: int64(rw.body.Len()),
		Request:       req,
	}
	if req.Method == http.MethodHead {
		resp.ContentLength = -1
		if n, err := strconv.ParseInt(rw.sent.Get("Content-Length"), 10, 64); err == nil {
			resp.ContentLength = n
		}
		resp.Body = http.NoBody
	}
	return resp, nil
}

// recorder is the ResponseWriter the in-memory transport hands the handler.
type recorder struct {
	header http.Header
	sent   http.Header
	status int
	wrote  bool
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if r.wrote {
		return
	}
	r.wrote = true
	r.status = status
	r.sent = r.header.Clone()
}

func (r *recorder) Write(p []byte) (int, error) {
	if !r.wrote {
		r.WriteHeader(http.StatusOK)
	}
	return r.body.Write(p)
}
