package lambda

import (
	"time"

	"github.com/awsfake/awsfake/internal/awserr"
)

// AWS's asynchronous invocation rules ("How Lambda handles errors and retries
// with asynchronous invocation"): "by default Lambda attempts to run it two
// more times, with a one-minute wait between the first two attempts, and two
// minutes between the second and third attempts"; "For throttling errors
// (429) and system errors (500-series), Lambda returns the event to the
// queue and attempts to run the function again for up to 6 hours by default.
// The retry interval increases exponentially from 1 second after the first
// attempt to a maximum of 5 minutes."
const (
	defaultRetryAttempts = 2
	defaultMaxEventAge   = 6 * time.Hour
	firstRetryDelay      = time.Minute
	laterRetryDelay      = 2 * time.Minute
	throttleBackoffMin   = time.Second
	throttleBackoffMax   = 5 * time.Minute
)

// asyncEvent is an event in a function's asynchronous queue.
type asyncEvent struct {
	ref       ref
	payload   []byte
	id        string    // the request id, the same for every attempt
	received  time.Time // when it was queued, for MaximumEventAgeInSeconds
	attempts  int       // attempts that ran the function
	throttles int       // attempts refused for concurrency, for the backoff
	last      outcome   // the last attempt's outcome
	trace     string    // the caller's trace header, for every attempt
}

// attempt makes an attempt at ev, due at the instant at (now, or the
// instant a scheduler job was due). The invocation starts on the caller's
// goroutine, and a throttled attempt is rescheduled from at: a retry that
// is due already (the clock moved past it while the job waited for the
// scheduler's worker) is made at once, as the clock's callbacks did within
// one Advance. The attempt is work in progress for Settle until its outcome has
// decided what comes next (afterAttempt), on the goroutine that finishes
// the invocation: no goroutine waits for it.
func (s *Service) attempt(ev *asyncEvent, at time.Time) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	done := s.env.Bus.Begin()
	s.wg.Add(1)
	finish := func() {
		done()
		s.wg.Done()
	}
	f, err := s.lookupLocked(ev.ref)
	if err != nil {
		// The function was deleted: AWS drops its queued events.
		s.mu.Unlock()
		s.metricAsync(ev.ref, "AsyncEventsDropped", at)
		finish()
		return
	}
	cfg := s.eventConfigLocked(f, ev.ref.qualifier)
	now := at
	s.mu.Unlock()
	if now.Sub(ev.received) > cfg.maxAge {
		s.conclude(ev, cfg, conditionEventAgeExceeded)
		finish()
		return
	}
	err = s.start(invokeRequest{ref: ev.ref, payload: ev.payload, kind: typeEvent, requestID: ev.id, attempt: ev.attempts + 1,
		trace: ev.trace},
		func(o outcome) {
			defer finish()
			s.afterAttempt(ev, cfg, o)
		})
	if err == nil {
		s.metricEventAge(ev, now)
		return
	}
	if retryable(err) {
		ev.throttles++
		next := now.Add(min(throttleBackoffMin<<(ev.throttles-1), throttleBackoffMax))
		if next.After(s.now()) {
			s.retry(ev, next)
		} else {
			s.attempt(ev, next)
		}
	}
	// Otherwise closed, or the function or version is gone: nothing can
	// run the event.
	finish()
}

// afterAttempt decides what follows an attempt that ended with o: a retry on
// the clock, a destination, or nothing (the attempt was cut short by Close).
func (s *Service) afterAttempt(ev *asyncEvent, cfg eventConfig, o outcome) {
	if o.err != nil {
		return
	}
	ev.attempts++
	ev.last = o
	switch {
	case o.functionError == "":
		s.conclude(ev, cfg, conditionSuccess)
	case ev.attempts > cfg.retries:
		s.conclude(ev, cfg, conditionRetriesExhausted)
	case ev.attempts == 1:
		s.retry(ev, o.end.Add(firstRetryDelay))
	default:
		s.retry(ev, o.end.Add(laterRetryDelay))
	}
}

// retryable reports whether AWS puts an event back in the queue after err:
// throttling (the fake raises no other service error an attempt survives).
func retryable(err error) bool {
	return awserr.As(err).Status == 429
}

// retry schedules the next attempt at ev at the instant at.
func (s *Service) retry(ev *asyncEvent, at time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.afterLocked(at, func(at time.Time) { s.attempt(ev, at) })
}

// eventConfig is the asynchronous invocation configuration in force for a
// qualifier, with AWS's defaults.
type eventConfig struct {
	retries              int
	maxAge               time.Duration
	onSuccess, onFailure string
	deadLetter           string
	functionArn          string // qualified, as records name it
}

func (s *Service) eventConfigLocked(f *function, qualifier string) eventConfig {
	if qualifier == "" {
		qualifier = latest
	}
	c := eventConfig{retries: defaultRetryAttempts, maxAge: defaultMaxEventAge,
		functionArn: f.qualifiedARN(qualifier)}
	if v, err := s.versionLocked(f, ref{at: f.p.at, name: f.name, qualifier: qualifier}); err == nil && v.cfg.DeadLetterConfig != nil {
		c.deadLetter = v.cfg.DeadLetterConfig.TargetArn
	}
	if ic := f.invokeConfigs[qualifier]; ic != nil {
		if ic.MaximumRetryAttempts != nil {
			c.retries = int(*ic.MaximumRetryAttempts)
		}
		if ic.MaximumEventAgeInSeconds != nil {
			c.maxAge = time.Duration(*ic.MaximumEventAgeInSeconds) * time.Second
		}
		if d := ic.DestinationConfig; d != nil {
			if d.OnSuccess != nil {
				c.onSuccess = d.OnSuccess.Destination
			}
			if d.OnFailure != nil {
				c.onFailure = d.OnFailure.Destination
			}
		}
	}
	return c
}
