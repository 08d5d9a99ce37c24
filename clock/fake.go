package clock

import (
	"container/heap"
	"context"
	"runtime"
	"strings"
	"sync"
	"time"
)

// Fake is a Clock that moves only when told to. Advance and Set fire every
// timer that falls due, one at a time in order of their instants (ties in the
// order they were armed), setting the clock to each timer's instant as it
// fires. A callback that arms a timer already due makes it fire within the same
// Advance. Callbacks run on the advancing goroutine with no lock held.
type Fake struct {
	mu      sync.Mutex
	now     time.Time
	timers  timerHeap
	seq     uint64
	waiters int          // channel timers armed and not yet fired or stopped
	watch   []blockWatch // BlockUntil callers
	advance sync.Mutex   // serialises Advance and Set
}

type blockWatch struct {
	n  int
	ch chan struct{}
}

// NewFake returns a Fake clock that reads start until it is moved.
func NewFake(start time.Time) *Fake { return &Fake{now: start} }

// Now returns the fake's current instant.
func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

// TimerAt arms a channel timer that fires when the fake reaches at.
func (f *Fake) TimerAt(at time.Time) Timer {
	t := &fakeTimer{clock: f, at: at, ch: make(chan time.Time, 1)}
	f.arm(t)
	return t
}

// AfterFuncAt arms a timer that calls fn when the fake reaches at.
func (f *Fake) AfterFuncAt(at time.Time, fn func()) Timer {
	t := &fakeTimer{clock: f, at: at, fn: fn}
	f.arm(t)
	return t
}

// Advance moves the clock forward by d, firing every timer due on the way.
// A negative d is treated as zero.
func (f *Fake) Advance(d time.Duration) {
	if d < 0 {
		d = 0
	}
	f.lockAdvance("Advance")
	defer f.advance.Unlock()
	f.mu.Lock()
	target := f.now.Add(d)
	f.mu.Unlock()
	f.runUntil(target)
}

// Set moves the clock to t, firing every timer due on the way. Setting a time
// before Now moves the clock back and fires nothing.
func (f *Fake) Set(t time.Time) {
	f.lockAdvance("Set")
	defer f.advance.Unlock()
	f.mu.Lock()
	if t.Before(f.now) {
		f.now = t
		f.mu.Unlock()
		return
	}
	f.mu.Unlock()
	f.runUntil(t)
}

// lockAdvance takes the right to move the clock, waiting for another
// goroutine's Advance or Set to finish. Called from a timer callback of the
// goroutine that holds it, it would wait for itself: it panics with what to
// do instead. The check costs nothing unless the right is taken.
func (f *Fake) lockAdvance(op string) {
	if f.advance.TryLock() {
		return
	}
	if insideRunUntil() {
		panic("clock: Fake." + op + " called from a timer callback while the clock is advancing on the same " +
			"goroutine, which would wait for itself for ever; arm a timer at the instant instead (AfterFuncAt), " +
			"or move the clock from the test's own goroutine")
	}
	f.advance.Lock()
}

// insideRunUntil reports whether the caller runs within a Fake's runUntil,
// that is in a callback of an Advance or Set on its own goroutine. (A
// callback of one Fake that advances another Fake while a third goroutine
// advances it is taken for the same case: the clocks of a cloud are one.)
func insideRunUntil() bool {
	pcs := make([]uintptr, 512)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	for {
		fr, more := frames.Next()
		if strings.HasSuffix(fr.Function, "clock.(*Fake).runUntil") {
			return true
		}
		if !more {
			return false
		}
	}
}

// BlockUntil waits until at least n channel timers are armed on the fake and
// not yet fired or stopped: the goroutines parked on the clock, such as long
// polls. It returns ctx.Err() if ctx ends first.
func (f *Fake) BlockUntil(ctx context.Context, n int) error {
	f.mu.Lock()
	if f.waiters >= n {
		f.mu.Unlock()
		return nil
	}
	w := blockWatch{n: n, ch: make(chan struct{})}
	f.watch = append(f.watch, w)
	f.mu.Unlock()
	select {
	case <-w.ch:
		return nil
	case <-ctx.Done():
		f.mu.Lock()
		for i := range f.watch {
			if f.watch[i].ch == w.ch {
				f.watch = append(f.watch[:i], f.watch[i+1:]...)
				break
			}
		}
		f.mu.Unlock()
		return ctx.Err()
	}
}

// Waiters reports how many channel timers are armed and pending.
func (f *Fake) Waiters() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.waiters
}

// runUntil fires due timers in order and leaves the clock at target.
func (f *Fake) runUntil(target time.Time) {
	for {
		f.mu.Lock()
		if len(f.timers) == 0 || f.timers[0].at.After(target) {
			f.now = target
			f.mu.Unlock()
			return
		}
		t := heap.Pop(&f.timers).(*fakeTimer)
		t.index = -1
		if t.at.After(f.now) {
			f.now = t.at
		}
		now := f.now
		if t.ch != nil {
			f.waiters--
		}
		f.mu.Unlock()
		if t.ch != nil {
			select {
			case t.ch <- now:
			default:
			}
		} else {
			t.fn()
		}
	}
}

func (f *Fake) arm(t *fakeTimer) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !t.at.After(f.now) {
		t.at = f.now
		if t.ch != nil {
			// A channel timer for an instant already reached fires at once,
			// as time.NewTimer(0) does. Callbacks wait for the next Advance or
			// Set, so that they never run on the arming goroutine.
			t.index = -1
			t.ch <- f.now
			return
		}
	}
	f.seq++
	t.seq = f.seq
	heap.Push(&f.timers, t)
	if t.ch != nil {
		f.waiters++
		f.notifyWatchers()
	}
}

func (f *Fake) notifyWatchers() {
	kept := f.watch[:0]
	for _, w := range f.watch {
		if f.waiters >= w.n {
			close(w.ch)
			continue
		}
		kept = append(kept, w)
	}
	f.watch = kept
}

type fakeTimer struct {
	clock *Fake
	at    time.Time
	seq   uint64
	index int
	ch    chan time.Time
	fn    func()
}

func (t *fakeTimer) C() <-chan time.Time { return t.ch }

func (t *fakeTimer) Stop() bool {
	f := t.clock
	f.mu.Lock()
	defer f.mu.Unlock()
	if t.index < 0 {
		return false
	}
	heap.Remove(&f.timers, t.index)
	t.index = -1
	if t.ch != nil {
		f.waiters--
	}
	return true
}

// timerHeap orders timers by instant, then by arming order.
type timerHeap []*fakeTimer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if !h[i].at.Equal(h[j].at) {
		return h[i].at.Before(h[j].at)
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*fakeTimer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	return t
}
