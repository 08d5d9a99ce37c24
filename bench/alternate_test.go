package bench_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/awsfake/awsfake/internal/servicetest"
)

// alternate runs call(0) and call(1) in turn in every iteration, so that
// the noise of a shared machine falls on both, and reports the time of
// each and the ratio of the second to the first.
func alternate(b *testing.B, call func(i int) error, names ...string) {
	b.Helper()
	alternatePrepared(b, nil, call, names...)
}

// alternatePrepared is alternate with prepare(i), when not nil, run
// untimed before each call(i): the refill a draining benchmark needs. It
// returns the mean ns of each call.
func alternatePrepared(b *testing.B, prepare func(i int), call func(i int) error, names ...string) [2]float64 {
	b.Helper()
	var spent [2]time.Duration
	b.ReportAllocs()
	for b.Loop() {
		for i := range spent {
			if prepare != nil {
				prepare(i)
			}
			start := time.Now()
			if err := call(i); err != nil {
				b.Fatal(err)
			}
			spent[i] += time.Since(start)
		}
	}
	n := float64(b.N)
	mean := [2]float64{float64(spent[0].Nanoseconds()) / n, float64(spent[1].Nanoseconds()) / n}
	b.ReportMetric(mean[0], names[0])
	b.ReportMetric(mean[1], names[1])
	b.ReportMetric(mean[1]/mean[0], "ratio")
	return mean
}

// canned is the floor of a row: it records, per request kind (the
// X-Amz-Target header, else the method and path), the fake's last answer
// while recording is on, and afterwards replays it after reading the
// request's body, doing nothing else the fake does.
type canned struct {
	fake      http.Handler
	mu        sync.Mutex
	recording bool
	answers   map[string]*httptest.ResponseRecorder
}

func newCanned(fake http.Handler) *canned {
	return &canned{fake: fake, recording: true, answers: map[string]*httptest.ResponseRecorder{}}
}

// stop ends the recording: from then on the floor replays.
func (c *canned) stop() { c.mu.Lock(); c.recording = false; c.mu.Unlock() }

func (c *canned) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("X-Amz-Target") + " " + r.Method + " " + r.URL.Path
	c.mu.Lock()
	recording, rec := c.recording, c.answers[key]
	c.mu.Unlock()
	if recording {
		rec = httptest.NewRecorder()
		c.fake.ServeHTTP(rec, r)
		c.mu.Lock()
		c.answers[key] = rec
		c.mu.Unlock()
	} else {
		if r.Body != nil {
			_, _ = io.Copy(io.Discard, r.Body)
		}
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

// clientPair returns the HTTP clients of a row: [0] the floor, [1] the
// fake, both in memory.
func clientPair(fake http.Handler, floor *canned) [2]*http.Client {
	return [2]*http.Client{{Transport: servicetest.InMemory{Handler: floor}}, {Transport: servicetest.InMemory{Handler: fake}}}
}
