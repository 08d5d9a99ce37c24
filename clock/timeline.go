package clock

import "time"

// Timeline is where client timestamps are compared (SigV4's X-Amz-Date, a
// presigned URL's expiry, skew windows): the wall time at which it was made,
// moved by the clock since. With Real it is the wall clock; with a Fake
// started in 2030, a request signed now is not skewed, and advancing the
// fake clock 16 minutes expires a 15-minute presigned URL.
type Timeline struct {
	clock Clock
	wall  time.Time // the wall clock when the timeline was made
	start time.Time // the clock then
}

// NewTimeline returns the timeline of c from now on.
func NewTimeline(c Clock) Timeline {
	return Timeline{clock: c, wall: time.Now(), start: c.Now()}
}

// Now returns the current instant on the timeline.
func (t Timeline) Now() time.Time {
	if _, real := t.clock.(realClock); real {
		return time.Now()
	}
	return t.wall.Add(t.clock.Now().Sub(t.start))
}
