package awsfake

import (
	"errors"
	"net"
	"net/http"
	"testing"
)

// NewServerT builds a cloud served on a loopback socket (127.0.0.1, a free
// port) for code that must reach it over the network: a subprocess, a
// client that cannot take an http.Client. The cloud's URL() is the
// server's, so the ARNs and URLs it answers (queue URLs, SigningCertURL)
// name it. AWSConfig() keeps the in-memory transport; a client that must
// use the socket sets HTTPClient to nil (or to its own). tb.Cleanup stops
// the server, then closes the cloud. opts may not include WithURL.
func NewServerT(tb testing.TB, opts ...Option) *Cloud {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("awsfake: NewServerT: %v", err)
	}
	c := New(append(opts, WithURL("http://"+ln.Addr().String()))...)
	srv := &http.Server{Handler: c}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	tb.Cleanup(func() {
		_ = srv.Close()
		if err := <-served; !errors.Is(err, http.ErrServerClosed) {
			tb.Errorf("awsfake: NewServerT: serve: %v", err)
		}
		_ = c.Close()
	})
	return c
}
