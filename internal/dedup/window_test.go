package dedup_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/dedup"
)

var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// A duplicate is one sent within the 5-minute deduplication interval: the
// entry is live just before 5 minutes, gone exactly at and after them.
func TestWindow_EntryLivesForTheFiveMinuteInterval(t *testing.T) {
	for _, tc := range []struct {
		name  string
		after time.Duration
		live  bool
	}{
		{"at once", 0, true},
		{"just before 5 minutes", dedup.Interval - time.Nanosecond, true},
		{"exactly at 5 minutes", dedup.Interval, false},
		{"just after 5 minutes", dedup.Interval + time.Nanosecond, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clk := clock.NewFake(t0)
			var w dedup.Window[string] // the zero Window has the 5-minute interval
			w.Put("k", clk.Now(), "first id")
			clk.Advance(tc.after)
			v, ok := w.Get("k", clk.Now())
			assert.Equal(t, tc.live, ok)
			if tc.live {
				assert.Equal(t, "first id", v)
			}
		})
	}
}

// NewWindow sets another time to live: QueueDeletedRecently's 60 seconds.
func TestWindow_NewWindowSetsTheTimeToLive(t *testing.T) {
	clk := clock.NewFake(t0)
	w := dedup.NewWindow[struct{}](time.Minute)
	w.Put("q", clk.Now(), struct{}{})
	clk.Advance(time.Minute - time.Nanosecond)
	_, ok := w.Get("q", clk.Now())
	assert.True(t, ok, "just before 60 s")
	clk.Advance(time.Nanosecond)
	_, ok = w.Get("q", clk.Now())
	assert.False(t, ok, "exactly at 60 s")
}

// A put replaces the key's value and restarts its interval; the older put's
// expiry does not remove the newer one.
func TestWindow_PutReplacesAndRestartsTheInterval(t *testing.T) {
	clk := clock.NewFake(t0)
	var w dedup.Window[int]
	w.Put("k", clk.Now(), 1)
	clk.Advance(time.Minute)
	w.Put("k", clk.Now(), 2)
	clk.Advance(dedup.Interval - time.Minute)
	v, ok := w.Get("k", clk.Now())
	require.True(t, ok, "the first put expired, the second is live")
	assert.Equal(t, 2, v)
	clk.Advance(time.Minute)
	_, ok = w.Get("k", clk.Now())
	assert.False(t, ok)
}

// Keys are independent; a missing key is not found.
func TestWindow_KeysAreIndependent(t *testing.T) {
	var w dedup.Window[int]
	_, ok := w.Get("missing", t0)
	assert.False(t, ok, "the zero Window is empty")
	w.Put("a", t0, 1)
	w.Put("b", t0.Add(time.Minute), 2)
	_, ok = w.Get("a", t0.Add(dedup.Interval))
	assert.False(t, ok)
	v, ok := w.Get("b", t0.Add(dedup.Interval))
	assert.True(t, ok)
	assert.Equal(t, 2, v)
}

// A clock set back makes puts out of order; each entry still expires on its
// own age.
func TestWindow_OutOfOrderPutsExpireOnTheirOwnAge(t *testing.T) {
	var w dedup.Window[int]
	w.Put("late", t0.Add(time.Hour), 1)
	w.Put("early", t0, 2)
	_, ok := w.Get("early", t0.Add(dedup.Interval))
	assert.False(t, ok, "expired although an entry put before it is live")
	_, ok = w.Get("late", t0.Add(time.Hour+dedup.Interval-time.Nanosecond))
	assert.True(t, ok)
}

func TestContentID_IsTheSHA256OfTheBody(t *testing.T) {
	// sha256("hello"), as `printf hello | sha256sum` prints it.
	assert.Equal(t, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", dedup.ContentID("hello"))
	assert.NotEqual(t, dedup.ContentID("a"), dedup.ContentID("b"))
}

func BenchmarkWindow_PutGetAtSteadyState(b *testing.B) {
	var w dedup.Window[int]
	now := t0
	keys := make([]string, 1024)
	for i := range keys {
		keys[i] = dedup.ContentID(string(rune(i)))
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		now = now.Add(time.Second) // 300 entries live at any time
		k := keys[i%len(keys)]
		if _, ok := w.Get(k, now); !ok {
			w.Put(k, now, i)
		}
	}
}
