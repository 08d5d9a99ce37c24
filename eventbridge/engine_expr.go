package eventbridge

import (
	"strconv"
	"strings"
	"time"
)

// scheduleExpr is a schedule expression: rate(n unit), cron(...) or, for
// Scheduler, at(yyyy-mm-ddThh:mm:ss).
type scheduleExpr struct {
	rate time.Duration
	cron *cronSpec
	at   time.Time // a wall time, read in the schedule's zone
	isAt bool
}

// parseScheduleExpr parses a schedule expression; at() only when allowAt
// (Scheduler's one-time schedules; EventBridge rules refuse it). A rate's
// unit is singular for 1 and plural above, as AWS requires.
func parseScheduleExpr(s string, allowAt bool) (scheduleExpr, bool) {
	switch {
	case strings.HasPrefix(s, "rate(") && strings.HasSuffix(s, ")"):
		n, unit, ok := strings.Cut(s[5:len(s)-1], " ")
		v, err := strconv.Atoi(n)
		if !ok || err != nil || v <= 0 {
			return scheduleExpr{}, false
		}
		per, ok := map[string]time.Duration{"minute": time.Minute, "hour": time.Hour, "day": 24 * time.Hour}[strings.TrimSuffix(unit, "s")]
		if !ok || (v == 1) == strings.HasSuffix(unit, "s") {
			return scheduleExpr{}, false
		}
		return scheduleExpr{rate: time.Duration(v) * per}, true
	case strings.HasPrefix(s, "cron(") && strings.HasSuffix(s, ")"):
		c, err := parseCron(s[5 : len(s)-1])
		return scheduleExpr{cron: c}, err == nil
	case allowAt && strings.HasPrefix(s, "at(") && strings.HasSuffix(s, ")"):
		at, err := time.Parse("2006-01-02T15:04:05", s[3:len(s)-1])
		return scheduleExpr{at: at, isAt: true}, err == nil
	}
	return scheduleExpr{}, false
}

// next returns the first firing strictly after t, for a schedule whose
// rate counts from origin, in zone loc; false when it fires no more.
func (e scheduleExpr) next(t, origin time.Time, loc *time.Location) (time.Time, bool) {
	switch {
	case e.isAt:
		y, m, d := e.at.Date()
		at := time.Date(y, m, d, e.at.Hour(), e.at.Minute(), e.at.Second(), 0, loc).UTC()
		return at, at.After(t)
	case e.cron != nil:
		return e.cron.next(t, loc)
	}
	if t.Before(origin) {
		return origin.Add(e.rate), true
	}
	n := t.Sub(origin)/e.rate + 1
	return origin.Add(n * e.rate), true
}
