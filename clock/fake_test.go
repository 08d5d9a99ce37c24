package clock_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
)

var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// fired records, in order, the instants at which callbacks ran and the clock's
// Now as each callback saw it.
type fired struct {
	mu    sync.Mutex
	names []string
	nows  []time.Time
}

func (f *fired) cb(c clock.Clock, name string) func() {
	return func() {
		now := c.Now() // must not deadlock: no lock is held during a callback
		f.mu.Lock()
		f.names = append(f.names, name)
		f.nows = append(f.nows, now)
		f.mu.Unlock()
	}
}

func (f *fired) got() ([]string, []time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.names...), append([]time.Time(nil), f.nows...)
}

func TestFake_NowIsStartUntilMoved(t *testing.T) {
	c := clock.NewFake(t0)
	assert.Equal(t, t0, c.Now())
	assert.Equal(t, time.Duration(0), clock.Since(c, t0))
	c.Advance(-time.Second) // negative is zero
	assert.Equal(t, t0, c.Now())
	c.Advance(90 * time.Second)
	assert.Equal(t, t0.Add(90*time.Second), c.Now())
	assert.Equal(t, 90*time.Second, clock.Since(c, t0))
}

func TestFake_AdvanceFiresInTimestampOrderWithTiesInArmingOrder(t *testing.T) {
	c := clock.NewFake(t0)
	var f fired
	c.AfterFuncAt(t0.Add(3*time.Second), f.cb(c, "c@3"))
	c.AfterFuncAt(t0.Add(1*time.Second), f.cb(c, "a@1"))
	c.AfterFuncAt(t0.Add(2*time.Second), f.cb(c, "b1@2"))
	c.AfterFuncAt(t0.Add(2*time.Second), f.cb(c, "b2@2"))
	c.AfterFuncAt(t0.Add(2*time.Second), f.cb(c, "b3@2"))
	c.AfterFuncAt(t0.Add(10*time.Second), f.cb(c, "late@10"))

	c.Advance(5 * time.Second)

	names, nows := f.got()
	assert.Equal(t, []string{"a@1", "b1@2", "b2@2", "b3@2", "c@3"}, names)
	assert.Equal(t, []time.Time{t0.Add(time.Second), t0.Add(2 * time.Second), t0.Add(2 * time.Second),
		t0.Add(2 * time.Second), t0.Add(3 * time.Second)}, nows, "each callback reads Now = its own instant")
	assert.Equal(t, t0.Add(5*time.Second), c.Now(), "the clock ends at the target")
}

func TestFake_TimerDueBoundary(t *testing.T) {
	for _, tc := range []struct {
		name    string
		advance time.Duration
		fires   bool
	}{
		{"just before", 10*time.Second - time.Nanosecond, false},
		{"exactly at", 10 * time.Second, true},
		{"just after", 10*time.Second + time.Nanosecond, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := clock.NewFake(t0)
			tm := c.TimerAt(t0.Add(10 * time.Second))
			var ran bool
			c.AfterFuncAt(t0.Add(10*time.Second), func() { ran = true })
			c.Advance(tc.advance)
			assert.Equal(t, tc.fires, ran)
			select {
			case at := <-tm.C():
				require.True(t, tc.fires, "channel timer fired early")
				assert.Equal(t, t0.Add(10*time.Second), at, "a channel timer delivers its own instant")
			default:
				require.False(t, tc.fires, "channel timer did not fire")
			}
		})
	}
}

func TestFake_CallbackArmingDueTimerFiresInSameAdvance(t *testing.T) {
	c := clock.NewFake(t0)
	var f fired
	c.AfterFuncAt(t0.Add(time.Second), func() {
		f.cb(c, "first")()
		// Due later within this Advance: fires in it, at its own instant.
		c.AfterFuncAt(t0.Add(3*time.Second), f.cb(c, "armed-later"))
		// Due now (in the past relative to nothing): fires in this Advance too.
		c.AfterFuncAt(t0, f.cb(c, "armed-past"))
		// Beyond the target: waits for the next Advance.
		c.AfterFuncAt(t0.Add(time.Minute), f.cb(c, "beyond"))
	})
	c.AfterFuncAt(t0.Add(2*time.Second), f.cb(c, "second"))

	c.Advance(5 * time.Second)
	names, nows := f.got()
	assert.Equal(t, []string{"first", "armed-past", "second", "armed-later"}, names)
	assert.Equal(t, []time.Time{t0.Add(time.Second), t0.Add(time.Second), t0.Add(2 * time.Second), t0.Add(3 * time.Second)}, nows)

	c.Advance(time.Minute)
	names, _ = f.got()
	assert.Equal(t, "beyond", names[len(names)-1])
}

func TestFake_CallbackMayUseTheClockWithoutDeadlock(t *testing.T) {
	c := clock.NewFake(t0)
	other := c.AfterFuncAt(t0.Add(2*time.Second), func() { t.Error("stopped timer fired") })
	var self clock.Timer
	var stoppedOther, stoppedSelf bool
	var ch <-chan time.Time
	self = c.AfterFuncAt(t0.Add(time.Second), func() {
		_ = c.Now()
		stoppedOther = other.Stop()
		stoppedSelf = self.Stop()
		ch = c.TimerAt(c.Now()).C() // already due: fires at once
		_ = c.Waiters()
	})
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.Advance(3 * time.Second)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Advance deadlocked: a callback ran under the clock's lock")
	}
	assert.True(t, stoppedOther, "stopping a pending timer from a callback stops it")
	assert.False(t, stoppedSelf, "a firing timer has already fired")
	require.NotNil(t, ch)
	assert.Equal(t, t0.Add(time.Second), <-ch)
}

func TestFake_Stop(t *testing.T) {
	c := clock.NewFake(t0)
	ran := 0
	a := c.AfterFuncAt(t0.Add(time.Second), func() { ran++ })
	b := c.TimerAt(t0.Add(time.Second))
	assert.Equal(t, 1, c.Waiters())

	assert.True(t, a.Stop(), "Stop before firing stops it")
	assert.False(t, a.Stop(), "a second Stop reports false")
	assert.True(t, b.Stop())
	assert.Equal(t, 0, c.Waiters(), "a stopped channel timer is no longer a waiter")
	c.Advance(time.Minute)
	assert.Zero(t, ran)
	select {
	case <-b.C():
		t.Fatal("a stopped channel timer fired")
	default:
	}

	d := c.AfterFuncAt(c.Now().Add(time.Second), func() { ran++ })
	e := c.TimerAt(c.Now().Add(time.Second))
	c.Advance(time.Second)
	assert.Equal(t, 1, ran)
	assert.False(t, d.Stop(), "Stop after firing reports false")
	assert.False(t, e.Stop())
	assert.Nil(t, d.C(), "a func timer has no channel")
}

func TestFake_ChannelTimerAlreadyDueFiresAtOnce(t *testing.T) {
	c := clock.NewFake(t0)
	for _, at := range []time.Time{t0, t0.Add(-time.Hour)} {
		tm := c.TimerAt(at)
		select {
		case got := <-tm.C():
			assert.Equal(t, t0, got, "a past instant fires at Now")
		default:
			t.Fatalf("timer at %v did not fire at once", at)
		}
		assert.False(t, tm.Stop())
	}
	assert.Zero(t, c.Waiters())
}

func TestFake_FuncTimerAlreadyDueRunsOnNextAdvanceNotOnArmingGoroutine(t *testing.T) {
	c := clock.NewFake(t0)
	ran := false
	c.AfterFuncAt(t0.Add(-time.Second), func() { ran = true })
	assert.False(t, ran, "callbacks never run on the arming goroutine")
	c.Advance(0)
	assert.True(t, ran)
	assert.Equal(t, t0, c.Now())
}

func TestFake_SetForwardFiresSetBackwardFiresNothing(t *testing.T) {
	c := clock.NewFake(t0)
	var f fired
	c.AfterFuncAt(t0.Add(time.Hour), f.cb(c, "hour"))
	c.AfterFuncAt(t0.Add(2*time.Hour), f.cb(c, "two"))

	c.Set(t0.Add(90 * time.Minute))
	names, nows := f.got()
	assert.Equal(t, []string{"hour"}, names)
	assert.Equal(t, []time.Time{t0.Add(time.Hour)}, nows)
	assert.Equal(t, t0.Add(90*time.Minute), c.Now())

	c.Set(t0) // backwards: nothing fires, the clock moves back
	names, _ = f.got()
	assert.Equal(t, []string{"hour"}, names)
	assert.Equal(t, t0, c.Now())

	c.Set(t0.Add(2 * time.Hour))
	names, _ = f.got()
	assert.Equal(t, []string{"hour", "two"}, names)
}

func TestFake_BlockUntilReturnsWhenNWaitersArePending(t *testing.T) {
	c := clock.NewFake(t0)
	ctx := context.Background()
	require.NoError(t, c.BlockUntil(ctx, 0), "zero waiters are always there")

	got := make(chan error, 1)
	go func() { got <- c.BlockUntil(ctx, 2) }()

	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-c.TimerAt(t0.Add(time.Duration(i+1) * time.Second)).C()
		}()
	}
	require.NoError(t, <-got)
	assert.Equal(t, 2, c.Waiters())
	c.Advance(2 * time.Second)
	wg.Wait()
	assert.Zero(t, c.Waiters())
}

func TestFake_BlockUntilHonoursContext(t *testing.T) {
	c := clock.NewFake(t0)
	ctx, cancel := context.WithCancel(context.Background())
	got := make(chan error, 1)
	go func() { got <- c.BlockUntil(ctx, 1) }()
	cancel()
	assert.ErrorIs(t, <-got, context.Canceled)

	// The abandoned watch is gone: a later BlockUntil still works.
	go func() { got <- c.BlockUntil(context.Background(), 1) }()
	c.TimerAt(t0.Add(time.Second))
	assert.NoError(t, <-got)
}

func TestFake_ConcurrentArmStopAdvance(t *testing.T) {
	c := clock.NewFake(t0)
	const workers, each = 8, 200
	var (
		mu   sync.Mutex
		last = map[int]time.Time{}
		wg   sync.WaitGroup
	)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				at := c.Now().Add(time.Duration(i%7) * time.Millisecond)
				switch i % 3 {
				case 0:
					c.AfterFuncAt(at, func() {
						now := c.Now()
						mu.Lock()
						if now.Before(last[w]) {
							t.Errorf("worker %d: callback went back in time", w)
						}
						last[w] = now
						mu.Unlock()
					})
				case 1:
					c.TimerAt(at).Stop()
				default:
					tm := c.TimerAt(at)
					_ = c.Waiters()
					tm.Stop()
				}
			}
		}()
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 500 {
			c.Advance(time.Millisecond)
		}
	}()
	wg.Wait()
	<-done
	c.Advance(time.Hour) // everything left fires
	assert.Zero(t, c.Waiters())
}

// A callback that advances the clock it runs on would deadlock (issue 14):
// it panics with a message instead, while another goroutine's Advance
// during a callback still waits its turn.
func TestFake_AdvanceFromACallbackPanics(t *testing.T) {
	start := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	f := clock.NewFake(start)
	var recovered any
	f.AfterFuncAt(start.Add(time.Second), func() {
		defer func() { recovered = recover() }()
		f.Advance(time.Second)
	})
	f.Advance(time.Minute)
	require.NotNil(t, recovered)
	assert.Contains(t, fmt.Sprint(recovered), "Fake.Advance called from a timer callback")
	assert.Equal(t, start.Add(time.Minute), f.Now(), "the outer Advance completes")

	other := make(chan struct{})
	f.AfterFuncAt(start.Add(2*time.Minute), func() {
		go func() { f.Advance(time.Second); close(other) }()
	})
	f.Advance(time.Minute)
	<-other
	assert.Equal(t, start.Add(2*time.Minute+time.Second), f.Now())

	f.AfterFuncAt(start.Add(3*time.Minute), func() {
		defer func() { recovered = recover() }()
		f.Set(start.Add(4 * time.Minute))
	})
	recovered = nil
	f.Advance(time.Minute)
	assert.Contains(t, fmt.Sprint(recovered), "Fake.Set called from a timer callback")
}

// BenchmarkFakeAdvance is an Advance that fires one timer: the cost a
// test pays per step of time, the goroutine check included.
func BenchmarkFakeAdvance(b *testing.B) {
	f := clock.NewFake(t0)
	b.ReportAllocs()
	for b.Loop() {
		f.AfterFuncAt(f.Now().Add(time.Second), func() {})
		f.Advance(time.Second)
	}
}
