package main

import (
	"log"
	"net/http"
)

// logRequests logs one line per request handled by h: method, URI, status,
// response size and, for AWS requests, the request id.
func logRequests(h http.Handler, l *log.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lw := &loggingWriter{ResponseWriter: w}
		h.ServeHTTP(lw, r)
		if lw.status == 0 {
			lw.status = http.StatusOK
		}
		id := w.Header().Get("x-amzn-RequestId")
		if id != "" {
			id = " " + id
		}
		l.Printf("%s %s %d %dB%s", r.Method, r.URL.RequestURI(), lw.status, lw.size, id)
	})
}

// loggingWriter records the status and size of a response.
type loggingWriter struct {
	http.ResponseWriter
	status int
	size   int
}

func (w *loggingWriter) WriteHeader(status int) {
	if w.status == 0 && status >= 200 {
		w.status = status // not an informational 1xx
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *loggingWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.size += n
	return n, err
}

// Flush lets streaming responses through.
func (w *loggingWriter) Flush() { _ = http.NewResponseController(w.ResponseWriter).Flush() }

// Unwrap gives http.ResponseController the underlying writer.
func (w *loggingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
