package sched_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/sched"
)

var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

type fixture struct {
	clk *clock.Fake
	bus *bus.Bus
	s   *sched.Scheduler
	mu  sync.Mutex
	ran []string
}

func newFixture(t *testing.T) *fixture {
	clk := clock.NewFake(t0)
	b := bus.New(clk)
	f := &fixture{clk: clk, bus: b, s: sched.New(clk, b.Begin)}
	t.Cleanup(func() { f.s.Close(); b.Close() })
	return f
}

func (f *fixture) job(name string) func(time.Time) {
	return func(time.Time) {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.ran = append(f.ran, name)
	}
}

func (f *fixture) advance(t *testing.T, d time.Duration) []string {
	t.Helper()
	f.clk.Advance(d)
	require.NoError(t, f.bus.Settle(context.Background()))
	f.mu.Lock()
	defer f.mu.Unlock()
	out := f.ran
	f.ran = nil
	return out
}

func TestScheduler_ArmsNothingUntilAsked(t *testing.T) {
	f := newFixture(t)
	assert.Equal(t, 0, f.clk.Waiters())
	assert.Equal(t, 0, f.s.Pending())
}

func TestScheduler_RunsAJobExactlyAtItsInstant(t *testing.T) {
	f := newFixture(t)
	f.s.At(t0.Add(time.Minute), f.job("a"))
	assert.Empty(t, f.advance(t, time.Minute-time.Nanosecond), "just before: not due")
	assert.Equal(t, []string{"a"}, f.advance(t, time.Nanosecond), "exactly at: it runs")
	assert.Empty(t, f.advance(t, time.Hour), "just after: it ran once")
	assert.Equal(t, 0, f.s.Pending())
}

func TestScheduler_RunsDueJobsInOrderWithinOneAdvance(t *testing.T) {
	f := newFixture(t)
	f.s.At(t0.Add(3*time.Second), f.job("c"))
	f.s.At(t0.Add(time.Second), f.job("a"))
	f.s.At(t0.Add(2*time.Second), f.job("b1"))
	f.s.At(t0.Add(2*time.Second), f.job("b2"))
	assert.Equal(t, []string{"a", "b1", "b2", "c"}, f.advance(t, 10*time.Second))
}

func TestScheduler_AJobCanRescheduleItself(t *testing.T) {
	f := newFixture(t)
	var tick func(at time.Time)
	n := 0
	tick = func(at time.Time) {
		f.job(at.Sub(t0).String())(at)
		if n++; n < 3 {
			f.s.At(at.Add(time.Minute), tick)
		}
	}
	f.s.At(t0.Add(time.Minute), tick)
	assert.Equal(t, []string{"1m0s"}, f.advance(t, time.Minute))
	assert.Equal(t, []string{"2m0s"}, f.advance(t, time.Minute))
	assert.Equal(t, []string{"3m0s"}, f.advance(t, 10*time.Minute))
	assert.Empty(t, f.advance(t, time.Hour))
}

func TestScheduler_CancelledJobsDoNotRunAndDisarm(t *testing.T) {
	f := newFixture(t)
	a := f.s.At(t0.Add(time.Minute), f.job("a"))
	assert.Equal(t, t0.Add(time.Minute), a.Due())
	assert.True(t, a.Cancel())
	assert.False(t, a.Cancel(), "a second cancel stops nothing")
	assert.Equal(t, 0, f.s.Pending())
	b := f.s.At(t0.Add(2*time.Minute), f.job("b"))
	assert.Equal(t, []string{"b"}, f.advance(t, time.Hour))
	assert.False(t, b.Cancel(), "it has run")
}

func TestScheduler_SettleWaitsForARunningJob(t *testing.T) {
	f := newFixture(t)
	release := make(chan struct{})
	finished := make(chan struct{})
	f.s.Run(func(time.Time) { <-release; close(finished) }) // Run's jobs run on the worker, counted

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, f.bus.Settle(ctx), context.DeadlineExceeded, "the job is work in progress")
	close(release)
	require.NoError(t, f.bus.Settle(context.Background()))
	<-finished
}

func TestScheduler_CloseDropsJobsAndLeavesNothingArmed(t *testing.T) {
	f := newFixture(t)
	f.s.At(t0.Add(time.Minute), f.job("a"))
	f.s.Close()
	f.s.Close()
	late := f.s.At(t0.Add(time.Second), f.job("late"))
	assert.False(t, late.Cancel(), "a job scheduled after Close never runs")
	assert.Empty(t, f.advance(t, time.Hour))
	assert.Equal(t, 0, f.s.Pending())
}

func TestScheduler_ConcurrentUse(t *testing.T) {
	f := newFixture(t)
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			j := f.s.At(t0.Add(time.Duration(i%5+1)*time.Second), f.job("x"))
			if i%2 == 0 {
				j.Cancel()
			}
		}()
	}
	wg.Wait()
	assert.Len(t, f.advance(t, time.Minute), 25)
}

func TestScheduler_RunQueuesWorkNowWithoutAnAdvance(t *testing.T) {
	f := newFixture(t)
	f.s.At(t0, f.job("due-at-start"))
	j := f.s.Run(f.job("now"))
	assert.Equal(t, t0, j.Due())
	require.NoError(t, f.bus.Settle(context.Background()))
	f.mu.Lock()
	assert.Equal(t, []string{"now"}, f.ran, "Run does not wait for the clock; At(now) waits for the next Advance")
	f.ran = nil
	f.mu.Unlock()
	assert.Equal(t, []string{"due-at-start"}, f.advance(t, 0))
	f.s.Close()
	assert.False(t, f.s.Run(f.job("late")).Cancel(), "nothing runs after Close")
}

// A job that schedules another within the window of one Advance sees it
// run in that Advance, in order: the chain of a retry every second runs
// whole in a ten-second Advance, as clock.AfterFuncAt callbacks chain.
func TestScheduler_ChainsWithinOneAdvance(t *testing.T) {
	f := newFixture(t)
	var step func(at time.Time)
	n := 0
	step = func(at time.Time) {
		f.job(at.Sub(t0).String())(at)
		if n++; n < 5 {
			f.s.At(at.Add(time.Second), step)
		}
	}
	f.s.At(t0.Add(time.Second), step)
	f.clk.Advance(10 * time.Second)
	f.mu.Lock()
	defer f.mu.Unlock()
	assert.Equal(t, []string{"1s", "2s", "3s", "4s", "5s"}, f.ran, "without a Settle: the jobs ran inside Advance")
}
