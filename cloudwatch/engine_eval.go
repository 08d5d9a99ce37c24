package cloudwatch

import (
	"time"

	"github.com/awsfake/awsfake/internal/bus"
)

// The evaluation schedule: one job on the cloud scheduler for all alarms,
// at the next minute boundary (the next 10-second one while an alarm has a
// period under a minute); nothing is scheduled while there is no alarm.

// armLocked schedules the evaluation job after now. The caller holds s.mu.
func (s *Service) armLocked(now time.Time) {
	if s.closed || s.alarms == 0 {
		if s.job != nil {
			s.job.Cancel()
			s.job = nil
		}
		return
	}
	step := time.Minute
	if s.subMinute > 0 {
		step = 10 * time.Second
	}
	next := now.Truncate(step).Add(step)
	if s.job != nil {
		if !s.job.Due().After(next) {
			return
		}
		s.job.Cancel()
	}
	s.job = s.env.Sched.At(next, s.evaluateAll)
}

// evaluateAll evaluates every alarm due at at, then posts the actions of
// the alarms that changed state and schedules the next evaluation.
func (s *Service) evaluateAll(at time.Time) {
	at = at.UTC()
	s.mu.Lock()
	s.job = nil
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.drainLocked()
	var out []delivery
	minute := at.Unix()%60 == 0
	for _, p := range s.allParts() {
		for _, a := range p.alarms {
			if a.period < 60 || minute {
				out = append(out, p.evaluate(a, at)...)
			}
		}
	}
	s.armLocked(at)
	s.mu.Unlock()
	s.deliver(out)
}

// delivery is one alarm action to post on the bus.
type delivery struct {
	target string
	msg    bus.Message
}

// deliver posts the deliveries, outside the lock.
func (s *Service) deliver(out []delivery) {
	for _, d := range out {
		s.env.Bus.Post(d.target, d.msg)
	}
}

// evaluate evaluates a at at: the most recent complete periods of its
// evaluation range, newest first, decided by decide. The caller holds
// s.mu.
func (p *partition) evaluate(a *alarm, at time.Time) []delivery {
	pts := p.points(a, at)
	if a.cfg.EvaluateLowSampleCountPercentile == "ignore" && len(pts) > 0 && pts[0].lowSC {
		return nil
	}
	state, used, filled := a.decide(pts)
	if state == "" || state == a.state {
		return nil
	}
	return p.transition(a, at, state, a.reasonFor(state, used, filled), a.reasonDataFor(at, pts, used))
}

// points reads the alarm's evaluation range at at, newest first.
func (p *partition) points(a *alarm, at time.Time) []point {
	r := int64(a.evalRange())
	end := at.Unix() - mod(at.Unix(), a.period)
	start := end - r*a.period
	pts := make([]point, r)
	for i := range pts {
		pts[i].t = time.Unix(end-int64(i+1)*a.period, 0).UTC()
	}
	if a.cfg.MetricName == "" {
		return p.mathPoints(a, pts, start, end, at)
	}
	m := p.metrics[metricKey(a.cfg.Namespace, a.cfg.MetricName, sortedDims(a.cfg.Dimensions))]
	if m == nil {
		return pts
	}
	var tls []*timeline
	for _, u := range sortedUnits(m, a.cfg.Unit) {
		m.units[u].age(at.Unix())
		tls = append(tls, m.units[u])
	}
	ext, isExt := parseExt(a.cfg.ExtendedStatistic)
	for _, b := range window(tls, start, end, a.period, isExt) {
		i := (end - b.t) / a.period
		if i < 1 || i > r {
			continue
		}
		pt := &pts[i-1]
		pt.n = b.n
		if isExt {
			v, ok := ext.value(&b)
			pt.v, pt.ok = v, ok
			if ext.kind == "p" && ext.hi < 100 && a.cfg.EvaluateLowSampleCountPercentile == "ignore" {
				pt.lowSC = b.n < 1/(1-ext.hi/100)
			}
			continue
		}
		pt.v, pt.ok = basic(&b, a.cfg.Statistic), true
	}
	return pts
}

// transition moves a to state at at, records the history and returns the
// actions to post. The caller holds s.mu.
func (p *partition) transition(a *alarm, at time.Time, state, reason, data string) []delivery {
	old, oldReason, oldTime := a.state, a.reason, a.updated
	a.state, a.reason, a.reasonData = state, reason, data
	a.updated, a.transitioned = at, at
	p.record(a.cfg.AlarmName, at, "StateUpdate", "Alarm updated from "+old+" to "+state,
		stateHistory(old, oldReason, state, reason, data))
	children := p.changed(a, at)
	if !*a.cfg.ActionsEnabled {
		return children
	}
	var targets []string
	switch state {
	case stateAlarm:
		targets = a.cfg.AlarmActions
	case stateOK:
		targets = a.cfg.OKActions
	default:
		targets = a.cfg.InsufficientDataActions
	}
	var out []delivery
	for _, t := range targets {
		if d, ok := p.action(a, t, old, oldReason, oldTime); ok {
			out = append(out, d)
			p.record(a.cfg.AlarmName, at, "Action", "Successfully executed action "+t, "")
		}
	}
	return append(out, children...)
}

// changed is what a metric alarm's change of state causes: the composite
// alarms that name it are evaluated. The caller holds s.mu.
func (p *partition) changed(a *alarm, at time.Time) []delivery {
	return p.childChanged(p.svc, a.cfg.AlarmName, a.arn, at, 0)
}

// maxHistory bounds a partition's alarm history; items older than two
// weeks go too (AWS keeps alarm history for two weeks).
const maxHistory = 10000

// record appends a history item.
func (p *partition) record(name string, at time.Time, typ, summary, data string) {
	if len(p.history) >= maxHistory {
		p.history = p.history[1:]
	}
	cut := at.Add(-maxPast)
	for len(p.history) > 0 && p.history[0].Timestamp.Before(cut) {
		p.history = p.history[1:]
	}
	p.history = append(p.history, historyItem{AlarmName: name, AlarmType: "MetricAlarm", Timestamp: Time{at},
		HistoryItemType: typ, HistorySummary: summary, HistoryData: data})
}

// mathPoints fills the evaluation range of a metric math alarm from the
// series its returned query computes; an expression that fails to compute
// leaves the periods without data. The caller holds s.mu.
func (p *partition) mathPoints(a *alarm, pts []point, start, end int64, at time.Time) []point {
	results, err := p.answer(a.cfg.Metrics, start, end, true, at)
	if err != nil || len(results) == 0 {
		return pts
	}
	r := results[0]
	for j, ts := range r.Timestamps {
		i := (end - ts.Unix()) / a.period
		if i < 1 || i > int64(len(pts)) {
			continue
		}
		pts[i-1].n, pts[i-1].v, pts[i-1].ok = 1, r.Values[j], true
	}
	return pts
}
