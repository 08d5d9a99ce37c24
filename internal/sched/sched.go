// Package sched is the cloud-wide scheduler: the one home of every piece of
// scheduled work (alarm evaluations, schedules, retention, health checks,
// execution timers, Lambda pollers), so that no service arms timers of its
// own.
//
// A Scheduler keeps its jobs in a heap by due instant and arms one clock
// timer, at the earliest, lazily: nothing is armed while nothing is
// scheduled, and nothing runs while nothing is due. When the timer fires, the
// timer is re-armed for the next job and the due jobs run in due order (then
// in the order they were scheduled) in the timer's callback: on a fake
// clock, on the goroutine that advances it, so that a job that schedules
// another within the same Advance sees it run in that Advance, in order, as
// clock.AfterFuncAt callbacks do. Work that is due now (Run) goes to one
// worker goroutine, counted as work in progress for Settle, which exits when
// its queue is empty. Close stops the timer, drops the jobs and waits for
// running ones.
//
//	s := sched.New(clk, bus.Begin)
//	job := s.At(clk.Now().Add(time.Minute), func(at time.Time) { ... })
//	job.Cancel()
//
// A job runs without any lock of the scheduler's held; it may schedule or
// cancel jobs, its own included. Jobs run one at a time: a job must not
// block (it hands long work, such as a Lambda batch, to a goroutine counted
// by the bus's Begin, or posts it on the bus) and must not call Close.
package sched

import (
	"container/heap"
	"sync"
	"time"

	"github.com/awsfake/awsfake/clock"
)

// Scheduler runs jobs at instants on a clock. It is safe for concurrent use.
type Scheduler struct {
	clock clock.Clock
	begin func() (done func()) // counts the worker for Settle

	mu      sync.Mutex
	jobs    jobHeap
	seq     uint64
	timer   clock.Timer
	armedAt time.Time
	gen     uint64 // of the timer armed last
	queue   []*Job // Run's jobs, waiting for the worker
	working bool   // the worker runs
	running int    // jobs running, on the worker or in a timer callback
	closed  bool
	idle    sync.Cond // signalled when the worker exits; L is &mu
}

// Job is a scheduled piece of work.
type Job struct {
	s     *Scheduler
	at    time.Time
	seq   uint64
	fn    func(at time.Time)
	index int // in the heap; -1 once due, run or cancelled
	done  bool
}

// New returns a scheduler on clk; begin counts a piece of work in progress
// and returns the func that ends it (the bus's Begin, so that Settle waits
// for running jobs). It arms nothing and starts nothing.
func New(clk clock.Clock, begin func() (done func())) *Scheduler {
	s := &Scheduler{clock: clk, begin: begin}
	s.idle.L = &s.mu
	return s
}

// At schedules fn to run once the clock reaches at, with at as its
// argument. An instant already reached runs at the next firing of the
// scheduler's timer: on a fake clock, at the next Advance or Set, as a
// clock.AfterFuncAt callback does. After Close, At schedules nothing and
// returns a job that never runs.
func (s *Scheduler) At(at time.Time, fn func(at time.Time)) *Job {
	s.mu.Lock()
	defer s.mu.Unlock()
	j := &Job{s: s, at: at, fn: fn, index: -1}
	if s.closed {
		j.done = true
		return j
	}
	s.seq++
	j.seq = s.seq
	heap.Push(&s.jobs, j)
	s.armLocked()
	return j
}

// Run queues fn to run now, on the scheduler's worker after the jobs
// Run queued before, with the clock's current instant: work that a change makes
// due at once (a message sent to a queue a poller watches). After Close it
// runs nothing.
func (s *Scheduler) Run(fn func(at time.Time)) *Job {
	s.mu.Lock()
	defer s.mu.Unlock()
	j := &Job{s: s, at: s.clock.Now(), fn: fn, index: -1}
	if s.closed {
		j.done = true
		return j
	}
	s.queue = append(s.queue, j)
	s.startLocked()
	return j
}

// Due returns when the job is due.
func (j *Job) Due() time.Time { return j.at }

// Cancel stops the job from running. It reports whether the call stopped
// it: false when it had already run, started, or been cancelled.
func (j *Job) Cancel() bool {
	s := j.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if j.done {
		return false
	}
	j.done = true
	if j.index >= 0 {
		heap.Remove(&s.jobs, j.index)
		s.armLocked()
	}
	return true
}

// Pending returns how many jobs are scheduled and not yet due.
func (s *Scheduler) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.jobs)
}

// Close drops every job, stops the timer and waits for a running job to
// return. Jobs scheduled afterwards never run. It is idempotent.
func (s *Scheduler) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for _, j := range s.jobs {
		j.done, j.index = true, -1
	}
	s.jobs = nil
	for _, j := range s.queue {
		j.done = true
	}
	s.queue = nil
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	for s.running > 0 || s.working {
		s.idle.Wait()
	}
}

// armLocked keeps the one timer armed at the earliest job, or none.
func (s *Scheduler) armLocked() {
	if len(s.jobs) == 0 {
		if s.timer != nil {
			s.timer.Stop()
			s.timer = nil
		}
		return
	}
	next := s.jobs[0].at
	if s.timer != nil {
		if s.armedAt.Equal(next) {
			return
		}
		s.timer.Stop()
	}
	s.armedAt = next
	s.gen++
	gen := s.gen
	s.timer = s.clock.AfterFuncAt(next, func() { s.fire(gen) })
}

// fire re-arms the timer for the next job and runs the due jobs in order,
// counted as work in progress for Settle.
func (s *Scheduler) fire(gen uint64) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	if gen == s.gen {
		s.timer = nil // it has fired: armLocked arms the next
	}
	now := s.clock.Now()
	var due []*Job
	for len(s.jobs) > 0 && !s.jobs[0].at.After(now) {
		due = append(due, heap.Pop(&s.jobs).(*Job))
	}
	s.armLocked()
	s.mu.Unlock()
	if len(due) == 0 {
		return
	}
	done := s.begin()
	defer done()
	for _, j := range due {
		s.runJob(j)
	}
}

// startLocked starts the worker when Run's jobs are queued and it is not
// running.
func (s *Scheduler) startLocked() {
	if len(s.queue) > 0 && !s.working {
		s.working = true
		done := s.begin()
		go s.work(done)
	}
}

// work runs Run's jobs in order until the queue is empty.
func (s *Scheduler) work(done func()) {
	defer done()
	s.mu.Lock()
	for len(s.queue) > 0 && !s.closed {
		j := s.queue[0]
		s.queue = s.queue[1:]
		s.mu.Unlock()
		s.runJob(j)
		s.mu.Lock()
	}
	s.working = false
	s.idle.Broadcast()
	s.mu.Unlock()
}

// runJob runs j unless it was cancelled or the scheduler closed.
func (s *Scheduler) runJob(j *Job) {
	s.mu.Lock()
	if j.done || s.closed {
		s.mu.Unlock()
		return
	}
	j.done = true
	s.running++
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.running--
		s.idle.Broadcast()
		s.mu.Unlock()
	}()
	j.fn(j.at)
}

type jobHeap []*Job

func (h jobHeap) Len() int { return len(h) }
func (h jobHeap) Less(i, j int) bool {
	if !h[i].at.Equal(h[j].at) {
		return h[i].at.Before(h[j].at)
	}
	return h[i].seq < h[j].seq
}
func (h jobHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *jobHeap) Push(x any) {
	j := x.(*Job)
	j.index = len(*h)
	*h = append(*h, j)
}
func (h *jobHeap) Pop() any {
	old := *h
	j := old[len(old)-1]
	old[len(old)-1] = nil
	j.index = -1
	*h = old[:len(old)-1]
	return j
}
