// Package clock is the only source of time in awsfake.
//
// Every engine reads the time through a Clock and arms timers through it, so a
// test can swap the wall clock for a Fake and move time by hand, or run the
// whole cloud inside a testing/synctest bubble with Real, whose time is then
// virtual.
//
// Timers are armed at absolute instants (TimerAt, AfterFuncAt): a caller that
// reads Now, computes a deadline and arms a timer cannot be made late by an
// Advance that happens between the two calls.
package clock

import "time"

// Clock tells the time and arms timers. Implementations are safe for
// concurrent use.
type Clock interface {
	// Now returns the current instant.
	Now() time.Time
	// TimerAt returns a timer whose channel receives once the clock reaches at.
	// An instant in the past fires at once.
	TimerAt(at time.Time) Timer
	// AfterFuncAt runs f in its own call once the clock reaches at. On a Fake
	// it runs on the goroutine that advances the clock, never under a lock,
	// and a callback armed for an instant already reached runs at the next
	// Advance or Set, not at once (Real runs it at once): work that is due now
	// is done by its caller, never handed to a timer.
	AfterFuncAt(at time.Time, f func()) Timer
}

// Timer is a pending timer armed on a Clock.
type Timer interface {
	// C is the channel on which a channel timer delivers its instant; it is
	// nil for a timer made by AfterFuncAt. It is buffered, so the clock never
	// blocks on a reader that has gone away.
	C() <-chan time.Time
	// Stop prevents the timer from firing. It reports whether the call
	// stopped it, false when it had already fired or been stopped.
	Stop() bool
}

// Since returns the time elapsed on c since t.
func Since(c Clock, t time.Time) time.Duration { return c.Now().Sub(t) }
