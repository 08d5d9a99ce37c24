package eventbridge

import (
	"strings"
	"testing"
	"time"
)

// NextFiring returns when a scheduled rule (by its ARN) or a Scheduler
// schedule (by its ARN) next fires on the cloud's clock: its next due
// instant (a schedule's flexible window may run it later), and false when
// it is not armed (disabled, finished, or not scheduled).
func (s *Service) NextFiring(resourceARN string) (time.Time, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := parseARN(resourceARN)
	if !ok {
		return time.Time{}, false
	}
	p := s.partitions[partKey{a.Account, a.Region}]
	if p == nil {
		return time.Time{}, false
	}
	kind, rest, _ := strings.Cut(a.Resource, "/")
	switch kind {
	case "rule":
		busName, name, custom := strings.Cut(rest, "/")
		if !custom {
			busName, name = defaultBus, rest
		}
		if b := p.buses[busName]; b != nil {
			if r := b.rules[name]; r != nil && r.job != nil {
				at, ok := r.schedule.next(s.now(), r.origin, time.UTC)
				return at, ok
			}
		}
	case "schedule":
		group, name, _ := strings.Cut(rest, "/")
		if g := p.groups[group]; g != nil {
			if sch := g.schedules[name]; sch != nil && sch.job != nil {
				return sch.due, true
			}
		}
	}
	return time.Time{}, false
}

// CheckNextFiring fails tb unless the rule or schedule resourceARN is
// armed to fire next at want.
func (s *Service) CheckNextFiring(tb testing.TB, resourceARN string, want time.Time) {
	tb.Helper()
	got, ok := s.NextFiring(resourceARN)
	switch {
	case !ok:
		tb.Errorf("eventbridge: %s is not armed; want it to fire at %s", resourceARN, want.UTC().Format(time.RFC3339Nano))
	case !got.Equal(want):
		tb.Errorf("eventbridge: %s fires next at %s, want %s", resourceARN, got.UTC().Format(time.RFC3339Nano), want.UTC().Format(time.RFC3339Nano))
	}
}

// RuleSnapshot is a copy of a rule and its targets, for assertions.
type RuleSnapshot struct {
	Rule
	Targets []Target
}

// Rules returns the rules of a bus of the cloud's own account and region
// ("" is the default bus), by name.
func (s *Service) Rules(busName string) []RuleSnapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.busNamed(s.env.Scope(), busName)
	if err != nil {
		return nil
	}
	var out []RuleSnapshot
	for _, n := range sortedNames(b.rules) {
		r := b.rules[n]
		out = append(out, RuleSnapshot{Rule: r.view(), Targets: append([]Target(nil), r.targets...)})
	}
	return out
}

// CheckRuleCount fails tb unless the bus has want rules.
func (s *Service) CheckRuleCount(tb testing.TB, busName string, want int) {
	tb.Helper()
	if got := len(s.Rules(busName)); got != want {
		tb.Errorf("eventbridge: bus %q has %d rules, want %d", busName, got, want)
	}
}
