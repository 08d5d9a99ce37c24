package sqs

// The effects of an operation on the queues it touched (long polls to wake,
// notifier jobs to move, notifiers to call), and the long polls parked on a
// queue.

// effects collects, during one operation under the lock, the queues whose
// timing changed and those where a message may have become receivable; done
// re-arms the notifier timers and wakes the long polls, and returns the
// notifier callbacks to run once the lock is released.
type effects struct {
	touched []*queue
	woken   []*queue
	buf     [4]*queue
}

// touch records that q's next delay or visibility end may have changed.
func (e *effects) touch(q *queue) {
	for _, t := range e.touched {
		if t == q {
			return
		}
	}
	if e.touched == nil {
		e.touched = e.buf[:0:2]
	}
	e.touched = append(e.touched, q)
}

// wake records that a message of q may have become receivable.
func (e *effects) wake(q *queue) {
	e.touch(q)
	for _, t := range e.woken {
		if t == q {
			return
		}
	}
	if e.woken == nil {
		e.woken = e.buf[2:2:4]
	}
	e.woken = append(e.woken, q)
}

// done applies the effects under the lock and returns the callbacks to run
// after it is released.
func (s *Service) done(e *effects) []func() {
	var fns []func()
	for _, q := range e.woken {
		q.wakeWaiters()
		if q.deleted {
			continue
		}
		for _, n := range s.notifiers[q.arn] {
			fns = append(fns, n.fn)
		}
	}
	for _, q := range e.touched {
		s.rearm(q)
		q.retimeWaiters()
	}
	return fns
}

// unlock releases the lock after applying e, then runs the notifier
// callbacks it produced.
func (s *Service) unlock(e *effects) {
	fns := s.done(e)
	s.mu.Unlock()
	for _, fn := range fns {
		fn()
	}
}

// waiter is a long poll parked on a queue until a signal on ch or the
// instant at, whichever comes first.
type waiter struct {
	ch chan struct{}
	at int64
}

// wakeWaiters signals every long poll parked on q. The channels are
// buffered, so this never blocks.
func (q *queue) wakeWaiters() {
	for _, w := range q.waiters {
		signal(w.ch)
	}
}

// retimeWaiters wakes the long polls whose timer is later than the queue's
// next delay or visibility end, so that they re-arm for it.
func (q *queue) retimeWaiters() {
	if len(q.waiters) == 0 {
		return
	}
	next, ok := q.nextEvent()
	if !ok {
		return
	}
	for _, w := range q.waiters {
		if next < w.at {
			signal(w.ch)
		}
	}
}

func signal(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}

func (q *queue) addWaiter(ch chan struct{}, at int64) { q.waiters = append(q.waiters, waiter{ch, at}) }

func (q *queue) removeWaiter(ch chan struct{}) {
	for i, w := range q.waiters {
		if w.ch == ch {
			q.waiters = append(q.waiters[:i], q.waiters[i+1:]...)
			return
		}
	}
}
