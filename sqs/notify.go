package sqs

import (
	"sync"
	"time"
)

// notifier is one callback registered with Notify or PollerNotify.
type notifier struct {
	id uint64
	fn func()
}

// Notify registers fn to be called whenever a message of the queue may have
// become receivable, so that a poller (Lambda's SQS event source mapping) can
// sleep until there is work instead of polling on a timer:
//
//   - synchronously, at the end of the operation that made it so: a send, a
//     ChangeMessageVisibility to an earlier time, a receive with a zero
//     visibility timeout, a delete that frees a FIFO message group, a
//     dead-letter move or a move task that brings messages in;
//   - and, while at least one notifier is registered, at the earliest instant
//     a delay or a visibility timeout of the queue ends, on the cloud's clock.
//     One job per queue on the cloud's scheduler serves that, moved as the
//     instant changes; there is none while no notifier is registered. The
//     scheduler calls fn on its worker once the clock reaches the instant:
//     the cloud's Settle waits for it.
//
// fn is called with no lock held; it may call the Go API. Calls may be
// spurious (nothing receivable by the time fn looks), but none is missed.
// cancel removes the registration; it is idempotent.
//
// The queue must exist (else QueueDoesNotExist), but the registration is
// for its ARN, as AWS's pollers address a queue: deleting the queue keeps
// it, and a queue created later with the same name is notified to fn.
func (s *Service) Notify(queueURL string, fn func()) (cancel func(), err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueByURL(s.env.Scope(), queueURL)
	if err != nil {
		return nil, err
	}
	return s.notifyLocked(q.arn, fn), nil
}

// notifyLocked registers fn for the queue ARN and arms the timer of the
// queue that has it now, if any.
func (s *Service) notifyLocked(queueARN string, fn func()) (cancel func()) {
	s.nextNotif++
	id := s.nextNotif
	s.notifiers[queueARN] = append(s.notifiers[queueARN], notifier{id: id, fn: fn})
	if q := s.findByARN(queueARN); q != nil {
		s.rearm(q)
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			ns := s.notifiers[queueARN]
			for i, n := range ns {
				if n.id == id {
					ns = append(ns[:i], ns[i+1:]...)
					break
				}
			}
			if len(ns) > 0 {
				s.notifiers[queueARN] = ns
				return
			}
			delete(s.notifiers, queueARN)
			if q := s.findByARN(queueARN); q != nil {
				q.stopTimer()
			}
		})
	}
}

// rearm keeps q's notifier job on the cloud's scheduler at the earliest
// end of a delay or visibility timeout, and none when q has no notifiers. A
// job due earlier than needed is kept: it runs, finds nothing, and re-arms.
func (s *Service) rearm(q *queue) {
	if len(s.notifiers[q.arn]) == 0 || s.closed || q.deleted {
		q.stopTimer()
		return
	}
	next, ok := q.nextEvent()
	if !ok || (q.timer != nil && q.timer.Due().UnixNano() <= next) {
		return
	}
	q.stopTimer()
	q.timerGen++
	gen := q.timerGen
	q.timer = s.env.Sched.At(unixNano(next), func(time.Time) { s.timerFired(q, gen) })
}

// timerFired runs on the scheduler when a delay or visibility timeout of q
// ends: it brings q up to date, calls the notifiers and re-arms.
func (s *Service) timerFired(q *queue, gen uint64) {
	s.mu.Lock()
	if q.timerGen != gen || q.timer == nil {
		s.mu.Unlock()
		return
	}
	q.timer = nil
	var e effects
	s.lookup(q)
	e.wake(q)
	s.unlock(&e)
}

// stopTimer cancels q's notifier job, if any.
func (q *queue) stopTimer() {
	if q.timer != nil {
		q.timer.Cancel()
		q.timer = nil
	}
}
