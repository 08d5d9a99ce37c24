package awsfake

import (
	"net/http"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/httplog"
)

// RequestLog is one request the cloud answered, as WithRequestLog reports
// it.
type RequestLog struct {
	Service   string // the service that answered: "sqs", "s3", ...
	Operation string // the operation it ran (SendMessage), empty when none
	Method    string
	URI       string // path and query
	Status    int
	Bytes     int // response body bytes written
	RequestID string
	At        time.Time // when the answer was written, on the cloud's clock
}

// WithRequestLog calls fn after each request the cloud's handler answers,
// on the request's goroutine, with its service, operation and outcome
// (cmd/awsfake's -v prints them). Requests through HTTPClient are logged
// too; the Go API's calls, which are not requests, are not.
func WithRequestLog(fn func(RequestLog)) Option {
	return func(o *config) { o.requestLog = fn }
}

// logged serves the request with a writer that records the outcome and a scope
// whose Trace learns the operation, then reports the request.
func (c *Cloud) logged(w http.ResponseWriter, r *http.Request, svc string) {
	lw := httplog.New(w)
	trace := &faults.Trace{}
	if sc, ok := faults.ScopeFrom(r.Context()); ok {
		sc.Trace = trace
		r = r.WithContext(faults.WithScope(r.Context(), sc))
	}
	c.serve(lw, r, svc)
	c.requestLog(RequestLog{Service: svc, Operation: trace.Operation, Method: r.Method, URI: r.URL.RequestURI(),
		Status: lw.Status(), Bytes: lw.Size(), RequestID: w.Header().Get("x-amzn-RequestId"), At: c.env.Clock.Now()})
}
