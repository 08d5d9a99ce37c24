package eventbridge

import (
	"encoding/json"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// armRule schedules a rule's next firing: one job on the cloud scheduler
// at its next due instant, replaced when it fires. A disabled rule or one
// without a schedule is not armed. It runs under the lock.
func (s *Service) armRule(r *rule) {
	r.disarm()
	if s.closed || r.state != RuleEnabled || r.scheduleSrc == "" {
		return
	}
	s.armRuleAfter(r, s.now())
}

func (s *Service) armRuleAfter(r *rule, after time.Time) {
	at, ok := r.schedule.next(after, r.origin, time.UTC)
	if !ok {
		return
	}
	r.job = s.env.Sched.At(at, func(at time.Time) { s.fireRule(r, at) })
}

// fireRule sends the scheduled event AWS sends to every target of the rule
// ("detail-type": "Scheduled Event", "source": "aws.events", the rule's
// ARN in resources), with the instant it was due as its time, then arms
// the next firing.
func (s *Service) fireRule(r *rule, at time.Time) {
	s.mu.Lock()
	if s.closed || r.bus.rules[r.name] != r || r.job == nil {
		s.mu.Unlock()
		return
	}
	var plan []delivery
	if len(r.targets) > 0 {
		sc := r.bus.sc
		ev := s.envelope(s.env.IDs.UUID(), "Scheduled Event", "aws.events", sc.Account, sc.Region, at, []string{r.arn}, json.RawMessage("{}"))
		plan = s.ruleDeliveries(r, ev, nil)
	}
	s.armRuleAfter(r, at)
	s.mu.Unlock()
	s.dispatch(plan)
}

// setRuleState enables or disables a rule and arms or disarms its
// schedule.
func (s *Service) setRuleState(sc faults.Scope, in EnableRuleInput, state string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, r, err := s.ruleNamed(sc, in.EventBusName, in.Name)
	if err != nil {
		return err
	}
	if r.state == state {
		return nil
	}
	r.state = state
	s.armRule(r)
	return nil
}
