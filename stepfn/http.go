package stepfn

import (
	"context"
	"errors"
	"net"
	"net/http"
)

// ConnectionAuthorizer applies an EventBridge connection's authorization
// (its API key, basic or OAuth credentials and the headers, query
// parameters and body it adds) to an HTTP task's request. The root
// package sets the cloud's EventBridge connections (SetConnections); an
// error fails the task.
type ConnectionAuthorizer interface {
	AuthorizeRequest(ctx context.Context, connectionARN string, req *http.Request) error
}

// httpDoer is what the HTTP task sends its requests through: an
// *http.Client.
type httpDoer interface {
	Do(req *http.Request) (*http.Response, error)
}

// SetHTTPClient sets the client the HTTP task (arn:aws:states:::http:invoke)
// sends its requests through, such as an httptest.Server's Client(). Until
// one is set, the HTTP task's client refuses to dial, and the task fails
// with States.Http.Socket as AWS fails one whose endpoint it cannot reach.
func (s *Service) SetHTTPClient(c *http.Client) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.httpClient = nil
	if c != nil {
		s.httpClient = c
	}
}

// SetConnections sets the EventBridge connections whose authorization the
// HTTP task applies. Until they are set, an Authentication.ConnectionArn
// is checked for its shape only (arn:aws:events:<region>:<account>:connection/<name>/<uuid>).
func (s *Service) SetConnections(c ConnectionAuthorizer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.conns = c
}

// errNoNetwork is the default client's answer to every dial.
var errNoNetwork = errors.New("awsfake: the HTTP task has no network: set a client with SetHTTPClient")

// noNetwork is the HTTP task's client until the test sets one: it dials
// nothing.
var noNetwork = &http.Client{Transport: &http.Transport{
	DialContext: func(context.Context, string, string) (net.Conn, error) { return nil, errNoNetwork },
}}

// client is the HTTP task's client.
func (s *Service) client() httpDoer {
	if s.httpClient == nil {
		return noNetwork
	}
	return s.httpClient
}
