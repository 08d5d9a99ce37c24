package logs

import "time"

// retentionDays are the values PutRetentionPolicy accepts
// (api_op_PutRetentionPolicy.go).
var retentionDays = map[int32]bool{1: true, 3: true, 5: true, 7: true, 14: true, 30: true, 60: true, 90: true,
	120: true, 150: true, 180: true, 365: true, 400: true, 545: true, 731: true, 1096: true, 1827: true,
	2192: true, 2557: true, 2922: true, 3288: true, 3653: true}

// armSweepLocked schedules the group's retention sweep at the instant its
// oldest event falls out of retention, unless one is already due earlier.
// Events out of retention are invisible at once to every read (cutoff);
// the sweep only frees them, as AWS deletes them later (within 72 hours,
// api_op_PutRetentionPolicy.go). It runs under the lock.
func (s *Service) armSweepLocked(g *group) {
	if g.retention <= 0 || s.closed {
		g.stopSweep()
		return
	}
	oldest, ok := g.oldest()
	if !ok {
		return
	}
	due := at(oldest + int64(g.retention)*dayMs + 1)
	if g.sweep != nil && !g.sweep.Due().After(due) {
		return
	}
	g.stopSweep()
	g.sweep = s.env.Sched.At(due, func(time.Time) { s.sweepGroup(g) })
}

// sweepGroup deletes the group's events out of retention and arms the next
// sweep.
func (s *Service) sweepGroup(g *group) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g.sweep = nil
	if s.closed || g.retention <= 0 {
		return
	}
	cut := g.cutoff(s.nowMs())
	for _, st := range g.streams {
		st.dropBefore(cut)
	}
	s.armSweepLocked(g)
}
