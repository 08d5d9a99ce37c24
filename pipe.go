package awsfake

import (
	"context"
	"net"
	"net/http"
	"sync"
)

// pipeServer serves the cloud on in-memory connections (net.Pipe) for
// BuildableHTTPClient: a real *http.Transport dials it, so the SDK's config
// loader can change the transport's options (AWS_CA_BUNDLE) as it does for
// the network. Its goroutines start at the first dial, on the dialler's
// side (inside a synctest bubble when the dial is), and close stops them.
type pipeServer struct {
	handler http.Handler
	start   sync.Once
	conns   chan net.Conn
	done    chan struct{}
	stop    sync.Once
	srv     *http.Server
	serving sync.WaitGroup // Serve and every connection it accepted
}

func newPipeServer(h http.Handler) *pipeServer {
	return &pipeServer{handler: h, conns: make(chan net.Conn), done: make(chan struct{})}
}

// dial hands the server one end of a new pipe and returns the other.
func (p *pipeServer) dial(ctx context.Context, _, _ string) (net.Conn, error) {
	select {
	case <-p.done:
		return nil, ErrClosed
	default:
	}
	p.start.Do(p.serve)
	client, server := net.Pipe()
	var err error
	select {
	case p.conns <- server:
		return client, nil
	case <-p.done:
		err = ErrClosed
	case <-ctx.Done():
		err = ctx.Err()
	}
	_ = client.Close()
	_ = server.Close()
	return nil, err
}

// serve starts the HTTP server on the pipe listener.
func (p *pipeServer) serve() {
	p.srv = &http.Server{Handler: p.handler, ConnState: p.track}
	p.serving.Add(1)
	go func() {
		defer p.serving.Done()
		_ = p.srv.Serve(pipeListener{p})
	}()
}

// track counts the connections being served, so that close can wait for
// their goroutines.
func (p *pipeServer) track(_ net.Conn, st http.ConnState) {
	switch st {
	case http.StateNew:
		p.serving.Add(1)
	case http.StateClosed, http.StateHijacked:
		p.serving.Done()
	}
}

// close refuses new dials, closes every connection (a handler in progress
// finishes first: the services end their long polls on Close) and waits
// until no goroutine of the server is left.
func (p *pipeServer) close() {
	p.stop.Do(func() {
		close(p.done)
		p.start.Do(func() {}) // a dial racing close starts nothing
		if p.srv != nil {
			_ = p.srv.Close()
		}
		p.serving.Wait()
	})
}

// pipeListener is the net.Listener of a pipeServer.
type pipeListener struct{ p *pipeServer }

func (l pipeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.p.conns:
		return c, nil
	case <-l.p.done:
		return nil, net.ErrClosed
	}
}

func (l pipeListener) Close() error   { return nil }
func (l pipeListener) Addr() net.Addr { return pipeAddr{} }

// pipeAddr is the address of both ends of an in-memory connection.
type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "pipe" }
