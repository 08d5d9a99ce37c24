package apigw

import (
	"testing"
	"time"
)

// The bucket: burst tokens at once, one back every 1/rate exactly; a
// limit of 0 blocks; new limits start a full bucket.
func TestBucket(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	lim := ThrottleSettings{RateLimit: 4, BurstLimit: 3}
	var b bucket
	pass := func(at time.Time, l ThrottleSettings) bool {
		if !b.allows(at, l) {
			return false
		}
		b.take(at, l)
		return true
	}
	for i := range 3 {
		if !pass(t0, lim) {
			t.Fatalf("burst request %d refused", i+1)
		}
	}
	if pass(t0, lim) {
		t.Fatal("the 4th request at once passed")
	}
	if pass(t0.Add(250*time.Millisecond-time.Nanosecond), lim) {
		t.Fatal("passed before 1/rate")
	}
	if !pass(t0.Add(250*time.Millisecond), lim) {
		t.Fatal("refused at 1/rate")
	}
	later := t0.Add(time.Hour)
	for i := range 3 {
		if !pass(later, lim) {
			t.Fatalf("refilled burst request %d refused: the bucket holds at most burst", i+1)
		}
	}
	if pass(later, lim) {
		t.Fatal("an idle bucket filled past its burst")
	}
	if !pass(later, ThrottleSettings{RateLimit: 1, BurstLimit: 1}) {
		t.Fatal("new limits do not start full")
	}
	for _, l := range []ThrottleSettings{{RateLimit: 0, BurstLimit: 10}, {RateLimit: 10, BurstLimit: 0}} {
		if b.allows(later.Add(time.Hour), l) {
			t.Fatalf("%+v lets a request through", l)
		}
	}
	huge := ThrottleSettings{RateLimit: 1e-12, BurstLimit: 1 << 30}
	if !pass(later, huge) {
		t.Fatal("a deep bucket with a tiny rate refused its first request")
	}
}

// Quota periods start at UTC midnight, Sunday and the first of the month.
func TestPeriodStart(t *testing.T) {
	at := time.Date(2026, 1, 7, 15, 4, 5, 0, time.FixedZone("x", 5*3600)) // Wednesday 10:04:05 UTC
	for period, want := range map[string]time.Time{
		"DAY":   time.Date(2026, 1, 7, 0, 0, 0, 0, time.UTC),
		"WEEK":  time.Date(2026, 1, 4, 0, 0, 0, 0, time.UTC),
		"MONTH": time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		if got := periodStart(at, period); !got.Equal(want) {
			t.Errorf("%s: %v, want %v", period, got, want)
		}
	}
}
