package s3

import (
	"io"
	"net/http"

	"github.com/awsfake/awsfake/internal/faults"
)

// meter counts what a request to a bucket with metrics configurations
// reads and writes, for its AWS/S3 request metrics (metrics.go).
type meter struct {
	http.ResponseWriter
	s     *Service
	q     requestSample
	body  io.ReadCloser
	wrote bool
}

// meterRequest returns the meter of a request on t, or nil, at the cost
// of one atomic load, when no bucket has a metrics configuration or t's
// bucket has none.
func (s *Service) meterRequest(w http.ResponseWriter, r *http.Request, t target) *meter {
	if s.metered.Load() == 0 || t.bucket == "" || s.env.Metrics == nil {
		return nil
	}
	sc, ok := faults.ScopeFrom(r.Context())
	if !ok {
		sc = s.env.Scope()
	}
	s.mu.Lock()
	b := s.buckets[bucketKey{sc.Partition, t.bucket}]
	on := b != nil && len(b.requestFilters) > 0
	s.mu.Unlock()
	if !on {
		return nil
	}
	q := requestSample{partition: sc.Partition, bucket: t.bucket, key: t.key, onObject: t.key != "",
		op: t.op, method: r.Method, start: s.env.Clock.Now()}
	if !q.onObject {
		q.key = t.query.Get("prefix")
	}
	return &meter{ResponseWriter: w, s: s, q: q, body: r.Body}
}

// request is r reading its body through m.
func (m *meter) request(r *http.Request) *http.Request {
	if r.Body == nil || r.Body == http.NoBody {
		return r
	}
	r2 := r.WithContext(r.Context())
	r2.Body = m
	return r2
}

// Read counts the request body's bytes.
func (m *meter) Read(p []byte) (int, error) {
	n, err := m.body.Read(p)
	m.q.up += int64(n)
	return n, err
}

// Close closes the request body.
func (m *meter) Close() error { return m.body.Close() }

// WriteHeader notes the status and the time of the first byte.
func (m *meter) WriteHeader(status int) {
	if !m.wrote {
		m.wrote, m.q.status, m.q.first = true, status, m.s.env.Clock.Now()
	}
	m.ResponseWriter.WriteHeader(status)
}

// Write counts the response body's bytes.
func (m *meter) Write(p []byte) (int, error) {
	if !m.wrote {
		m.WriteHeader(http.StatusOK)
	}
	n, err := m.ResponseWriter.Write(p)
	m.q.down += int64(n)
	return n, err
}

// done records the request.
func (m *meter) done() {
	if !m.wrote {
		m.WriteHeader(http.StatusOK)
	}
	m.q.end = m.s.env.Clock.Now()
	m.s.recordRequest(m.q)
}

// Unwrap gives http.ResponseController the underlying writer.
func (m *meter) Unwrap() http.ResponseWriter { return m.ResponseWriter }
