package clock

import "time"

// Real returns the wall clock. Inside a testing/synctest bubble its time is the
// bubble's virtual time, so a cloud built with Real in a bubble travels in time
// as the bubble does.
func Real() Clock { return realClock{} }

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) TimerAt(at time.Time) Timer {
	return realTimer{t: time.NewTimer(time.Until(at))}
}

func (realClock) AfterFuncAt(at time.Time, f func()) Timer {
	return realTimer{t: time.AfterFunc(time.Until(at), f), fn: true}
}

type realTimer struct {
	t  *time.Timer
	fn bool
}

func (r realTimer) C() <-chan time.Time {
	if r.fn {
		return nil
	}
	return r.t.C
}

func (r realTimer) Stop() bool { return r.t.Stop() }
