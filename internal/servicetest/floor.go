package servicetest

import (
	"io"
	"net/http"
	"net/http/httptest"
)

// InMemory is the transport of a floor benchmark: it serves a client's
// requests with Handler on the calling goroutine, as the cloud's own
// transport does, so that the fake and its floor pay the same transport.
type InMemory struct{ Handler http.Handler }

// RoundTrip serves req with the handler.
func (t InMemory) RoundTrip(req *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	t.Handler.ServeHTTP(rec, req)
	return rec.Result(), nil
}

// Canned is the floor of a benchmark: it answers every request with Body
// and Header after reading the request's body, doing nothing else the
// fake does.
type Canned struct {
	Header http.Header
	Body   []byte
}

// ServeHTTP writes the canned answer.
func (c Canned) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	for k, v := range c.Header {
		w.Header()[k] = v
	}
	_, _ = w.Write(c.Body)
}
