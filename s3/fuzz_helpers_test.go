package s3

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// fuzzService builds a service alone on a fake clock starting at start and
// returns the clock and a serve function that sends a request to bucket
// "bkt" (target is the path and query) and fails t on any 5xx answer.
func fuzzService(t *testing.T, start time.Time) (*clock.Fake, func(method, target, body string, h map[string]string)) {
	clk := clock.NewFake(start)
	env := cloudenv.ForTest(clk)
	s := New(env)
	env.Attach(s.Describe())
	t.Cleanup(env.Sched.Close)
	return clk, func(method, target, body string, h map[string]string) {
		req := httptest.NewRequest(method, "http://bkt.awsfake.localhost"+target, strings.NewReader(body))
		for k, v := range h {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s: status %d: %s", method, target, rec.Code, rec.Body.String())
		}
	}
}
