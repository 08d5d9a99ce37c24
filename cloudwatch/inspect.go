package cloudwatch

import (
	"testing"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// AlarmState is an alarm as a test asserts on it.
type AlarmState struct {
	Name, State, Reason string
	// Transitioned is when the alarm last changed state.
	Transitioned time.Time
}

// Alarm returns the state of the named alarm (metric or composite) of the
// cloud's own account and region; ok is false when there is none.
func (s *Service) Alarm(name string) (AlarmState, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.own.alarms[name]
	if c := s.own.composites[name]; a == nil && c != nil {
		return AlarmState{Name: name, State: c.state, Reason: c.reason, Transitioned: c.transitioned}, true
	}
	if a == nil {
		return AlarmState{}, false
	}
	return AlarmState{Name: name, State: a.state, Reason: a.reason, Transitioned: a.transitioned}, true
}

// NextEvaluation returns when the alarms are next evaluated; ok is false
// when nothing is scheduled (there is no alarm).
func (s *Service) NextEvaluation() (at time.Time, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.job == nil {
		return time.Time{}, false
	}
	return s.job.Due(), true
}

// CheckAlarmState fails tb unless the named alarm (of the cloud's own
// account and region) is in state (OK, ALARM, INSUFFICIENT_DATA).
func (s *Service) CheckAlarmState(tb testing.TB, name, state string) {
	tb.Helper()
	a, ok := s.Alarm(name)
	switch {
	case !ok:
		tb.Errorf("cloudwatch: no alarm %q", name)
	case a.State != state:
		tb.Errorf("cloudwatch: alarm %q is %s (%s), want %s", name, a.State, a.Reason, state)
	}
}

// Datapoints returns the Sum of each minute of a metric of the cloud's own
// account and region in [start, end), oldest first, every unit merged.
func (s *Service) Datapoints(namespace, name string, dims []Dimension, start, end time.Time) []float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.drainLocked()
	return s.sums(s.own.scope, namespace, name, dims, start, end)
}

// sums is Datapoints in scope sc. The caller holds s.mu.
func (s *Service) sums(sc faults.Scope, namespace, name string, dims []Dimension, start, end time.Time) []float64 {
	m := s.partOf(sc).metrics[metricKey(namespace, name, sortedDims(dims))]
	if m == nil {
		return nil
	}
	var tls []*timeline
	for _, tl := range m.units {
		tls = append(tls, tl)
	}
	var out []float64
	for _, b := range window(tls, start.Unix(), end.Unix(), 60, false) {
		out = append(out, b.sum)
	}
	return out
}

// CheckMetricSum fails tb unless the Sum of a metric over [start, end)
// (the cloud's own account and region) is want.
func (s *Service) CheckMetricSum(tb testing.TB, namespace, name string, dims []Dimension, start, end time.Time, want float64) {
	tb.Helper()
	var got float64
	for _, v := range s.Datapoints(namespace, name, dims, start, end) {
		got += v
	}
	if got != want {
		tb.Errorf("cloudwatch: %s/%s sums %v over [%s, %s), want %v", namespace, name, got, start, end, want)
	}
}

// Dashboard returns the body of the named dashboard of the cloud's own
// account; ok is false when there is none.
func (s *Service) Dashboard(name string) (body string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.dashboards[s.own.scope.Account][name]
	if d == nil {
		return "", false
	}
	return d.body, true
}

// CheckDashboard fails tb unless the named dashboard exists.
func (s *Service) CheckDashboard(tb testing.TB, name string) {
	tb.Helper()
	if _, ok := s.Dashboard(name); !ok {
		tb.Errorf("cloudwatch: no dashboard %q", name)
	}
}
