package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// Paths of the control endpoints. They are matched exactly, ahead of the
// cloud, which serves every other path.
const (
	healthPath = "/_awsfake/health"
	resetPath  = "/_awsfake/reset"
	clockPath  = "/_awsfake/clock"
)

// controlBodyLimit bounds the body of a control request.
const controlBodyLimit = 64 << 10

// server serves the current cloud and the control endpoints. A reset swaps
// the cloud; every cloud it builds shares the options and the clock.
type server struct {
	opts []awsfake.Option
	fake *clock.Fake // nil on a real clock

	mu  sync.Mutex // serialises resets and close
	cur atomic.Pointer[generation]
}

// generation is one cloud the server has built. Its context ends when the
// cloud is replaced or closed, and with it the requests still in flight.
type generation struct {
	cloud  *awsfake.Cloud
	ctx    context.Context
	cancel context.CancelFunc
}

func newGeneration(opts []awsfake.Option) *generation {
	ctx, cancel := context.WithCancel(context.Background())
	return &generation{cloud: awsfake.New(opts...), ctx: ctx, cancel: cancel}
}

// end closes g's cloud, then cancels the requests it still serves. Closing
// first ends parked long polls as Close ends them, with an empty 200, the
// same on a reset as on a shutdown (a cancelled request would answer 500
// "context canceled", which SDKs retry).
func (g *generation) end() {
	_ = g.cloud.Close()
	g.cancel()
}

func newServer(opts []awsfake.Option, clk clock.Clock) *server {
	s := &server{opts: opts}
	s.fake, _ = clk.(*clock.Fake)
	s.cur.Store(newGeneration(opts))
	return s
}

// close closes the current cloud.
func (s *server) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cur.Load().end()
}

// ServeHTTP answers the control endpoints and hands every other request to
// the current cloud.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/_awsfake/") {
		// The cloud guards its own paths; the control endpoints are the
		// server's, and guarded the same way.
		if reason := s.cur.Load().cloud.Refused(r); reason != "" {
			writeError(w, http.StatusForbidden, reason)
			return
		}
	}
	switch r.URL.Path {
	case healthPath:
		s.health(w, r)
	case resetPath:
		s.reset(w, r)
	case clockPath:
		s.clock(w, r)
	default:
		g := s.cur.Load()
		ctx, cancel := context.WithCancel(r.Context())
		defer cancel()
		defer context.AfterFunc(g.ctx, cancel)()
		g.cloud.ServeHTTP(w, r.WithContext(ctx))
	}
}

// healthOutput answers GET /_awsfake/health.
type healthOutput struct {
	Status  string `json:"status"`
	Region  string `json:"region"`
	Account string `json:"account"`
	Clock   string `json:"clock"`
}

func (s *server) health(w http.ResponseWriter, r *http.Request) {
	if !allow(w, r, http.MethodGet) {
		return
	}
	c := s.cur.Load().cloud
	clk := "real"
	if s.fake != nil {
		clk = "fake"
	}
	writeJSON(w, http.StatusOK, healthOutput{Status: "ok", Region: c.Region(), Account: c.AccountID(), Clock: clk})
}

// reset replaces the cloud by a fresh one built with the same options and
// clock, then closes the old one: its state is gone and its long polls end.
func (s *server) reset(w http.ResponseWriter, r *http.Request) {
	if !allow(w, r, http.MethodPost) {
		return
	}
	s.mu.Lock()
	old := s.cur.Swap(newGeneration(s.opts))
	old.end()
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// clockInput is the body of POST /_awsfake/clock: exactly one of Advance (a
// Go duration such as "90s" or "1h30m", not negative) and Set (an RFC 3339
// time).
type clockInput struct {
	Advance *string `json:"advance"`
	Set     *string `json:"set"`
}

// clockOutput answers GET and POST /_awsfake/clock.
type clockOutput struct {
	Now  string `json:"now"`
	Fake bool   `json:"fake"`
	// Waiters, on a fake clock, counts the timers armed and pending on it:
	// long polls parked until a message or the end of their wait. A test
	// driving the server can wait for its long poll to park before advancing.
	Waiters *int `json:"waiters,omitempty"`
}

// clockNow reports the clock.
func (s *server) clockNow() clockOutput {
	if s.fake == nil {
		return clockOutput{Now: formatTime(s.cur.Load().cloud.Clock().Now())}
	}
	n := s.fake.Waiters()
	return clockOutput{Now: formatTime(s.fake.Now()), Fake: true, Waiters: &n}
}

func (s *server) clock(w http.ResponseWriter, r *http.Request) {
	if !allow(w, r, http.MethodGet, http.MethodPost) {
		return
	}
	if r.Method == http.MethodGet {
		writeJSON(w, http.StatusOK, s.clockNow())
		return
	}
	if s.fake == nil {
		writeError(w, http.StatusConflict, "the clock is real; start awsfake with -clock fake to move it")
		return
	}
	move, err := decodeClockInput(w, r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	move(s.fake)
	if err := s.cur.Load().cloud.Settle(r.Context()); err != nil {
		writeError(w, http.StatusServiceUnavailable, "the clock moved, but the cloud did not settle: "+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, s.clockNow())
}

// decodeClockInput reads a clockInput and returns how it moves the clock.
// Nothing moves on bad input.
func decodeClockInput(w http.ResponseWriter, r *http.Request) (func(*clock.Fake), error) {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, controlBodyLimit))
	dec.DisallowUnknownFields()
	var in clockInput
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf(`want {"advance":"<duration>"} or {"set":"<RFC 3339 time>"}: %v`, err)
	}
	if dec.More() {
		return nil, errors.New("want a single JSON object")
	}
	switch {
	case (in.Advance == nil) == (in.Set == nil):
		return nil, errors.New(`want exactly one of "advance" and "set"`)
	case in.Advance != nil:
		d, err := time.ParseDuration(*in.Advance)
		if err != nil {
			return nil, fmt.Errorf("advance: %v", err)
		}
		if d < 0 {
			return nil, fmt.Errorf("advance: %q is negative; use set to move the clock back", *in.Advance)
		}
		return func(f *clock.Fake) { f.Advance(d) }, nil
	default:
		t, err := time.Parse(time.RFC3339Nano, *in.Set)
		if err != nil {
			return nil, fmt.Errorf("set: want an RFC 3339 time: %v", err)
		}
		return func(f *clock.Fake) { f.Set(t) }, nil
	}
}

// allow answers 405 unless r uses one of methods.
func allow(w http.ResponseWriter, r *http.Request, methods ...string) bool {
	for _, m := range methods {
		if r.Method == m {
			return true
		}
	}
	allowed := strings.Join(methods, ", ")
	w.Header().Set("Allow", allowed)
	writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s %s is not served; use %s", r.Method, r.URL.Path, allowed))
	return false
}

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
