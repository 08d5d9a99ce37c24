package main

import (
	"log"
	"net/http"
	"strings"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/internal/httplog"
)

// logLine prints one line per request the cloud answered: the service and
// operation, method, URI, status, response size and request id.
func logLine(l *log.Logger) func(awsfake.RequestLog) {
	return func(e awsfake.RequestLog) {
		op := e.Service
		if e.Operation != "" {
			op += "." + e.Operation
		}
		l.Printf("%s %s %s %d %dB %s", op, e.Method, e.URI, e.Status, e.Bytes, e.RequestID)
	}
}

// logControl logs the requests to the server's own endpoints
// (/_awsfake/...), which no cloud answers, in the same form.
func logControl(h http.Handler, l *log.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/_awsfake/") {
			h.ServeHTTP(w, r)
			return
		}
		lw := httplog.New(w)
		h.ServeHTTP(lw, r)
		l.Printf("awsfake.%s %s %s %d %dB", strings.TrimPrefix(r.URL.Path, "/_awsfake/"), r.Method, r.URL.RequestURI(), lw.Status(), lw.Size())
	})
}
