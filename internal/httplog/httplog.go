// Package httplog records what a handler wrote (status and body size) for
// request logs: the root's WithRequestLog and cmd/awsfake's control
// endpoints.
package httplog

import "net/http"

// Writer is a ResponseWriter that records the final status and the body
// bytes written through it.
type Writer struct {
	http.ResponseWriter
	status int
	size   int
}

// New wraps w.
func New(w http.ResponseWriter) *Writer { return &Writer{ResponseWriter: w} }

// Status is the final status written, 200 when the handler wrote none.
func (w *Writer) Status() int {
	if w.status == 0 {
		return http.StatusOK
	}
	return w.status
}

// Size is the number of body bytes written.
func (w *Writer) Size() int { return w.size }

// WriteHeader records the status (not an informational 1xx) and writes it.
func (w *Writer) WriteHeader(status int) {
	if w.status == 0 && status >= 200 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

// Write counts the bytes.
func (w *Writer) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.size += n
	return n, err
}

// Flush lets streaming responses through.
func (w *Writer) Flush() { _ = http.NewResponseController(w.ResponseWriter).Flush() }

// Unwrap gives http.ResponseController the underlying writer.
func (w *Writer) Unwrap() http.ResponseWriter { return w.ResponseWriter }
