package cloudwatch

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/tags"
)

// tagRules are CloudWatch's tag rules (TagResource: up to 50 tags).
var tagRules = tags.Rules{Max: 50, Reserved: true, Errors: func(v tags.Violation) error {
	return invalidValue("The value for parameter Tags is invalid.")
}}

// PutMetricAlarm creates an alarm, or replaces the configuration of the
// one of that name (its state is kept). A new alarm starts in
// INSUFFICIENT_DATA and is evaluated from the next minute boundary.
func (s *Service) PutMetricAlarm(ctx context.Context, in PutMetricAlarmInput) (PutMetricAlarmOutput, error) {
	sc, err := s.enter(ctx, "PutMetricAlarm")
	if err != nil {
		return PutMetricAlarmOutput{}, err
	}
	if err := checkAlarm(&in); err != nil {
		return PutMetricAlarmOutput{}, err
	}
	if err := tagRules.Check(toTags(in.Tags)); err != nil {
		return PutMetricAlarmOutput{}, err
	}
	if in.ActionsEnabled == nil {
		t := true
		in.ActionsEnabled = &t
	}
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.partOf(sc)
	a := p.alarms[in.AlarmName]
	summary := "Alarm \"" + in.AlarmName + "\" updated"
	if a == nil {
		a = &alarm{arn: sc.ARN(arnService, "alarm:"+in.AlarmName), state: stateInsufficient,
			reason: "Unchecked: Initial alarm creation", updated: now, transitioned: now, tags: tags.ToMap(toTags(in.Tags))}
		p.alarms[in.AlarmName] = a
		s.alarms++
		summary = "Alarm \"" + in.AlarmName + "\" created"
	} else if a.period < 60 {
		s.subMinute--
	}
	a.cfg, a.configUpdated = in, now
	a.period, a.n, a.threshold = int64(*in.Period), int(*in.EvaluationPeriods), *in.Threshold
	a.m = a.n
	if in.DatapointsToAlarm != nil {
		a.m = int(*in.DatapointsToAlarm)
	}
	if a.period < 60 {
		s.subMinute++
	}
	p.record(in.AlarmName, now, "ConfigurationUpdate", summary, "")
	s.armLocked(now)
	return PutMetricAlarmOutput{}, nil
}

func toTags(ts []Tag) []tags.Tag {
	out := make([]tags.Tag, len(ts))
	for i, t := range ts {
		out[i] = tags.Tag{Key: t.Key, Value: t.Value}
	}
	return out
}

// DeleteAlarms deletes the named alarms; names of no alarm are ignored.
// Their history stays, as AWS keeps it.
func (s *Service) DeleteAlarms(ctx context.Context, in DeleteAlarmsInput) error {
	sc, err := s.enter(ctx, "DeleteAlarms")
	if err != nil {
		return err
	}
	if len(in.AlarmNames) > 100 {
		return validation("alarmNames", "["+joinComma(in.AlarmNames)+"]", "Member must have length less than or equal to 100")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.partOf(sc)
	for _, name := range in.AlarmNames {
		if c := p.composites[name]; c != nil {
			if c.job != nil {
				c.job.Cancel()
			}
			delete(p.composites, name)
		}
		if a := p.alarms[name]; a != nil {
			delete(p.alarms, name)
			s.alarms--
			if a.period < 60 {
				s.subMinute--
			}
		}
	}
	s.armLocked(s.now())
	return nil
}

// SetAlarmState sets an alarm's state until its next evaluation, running
// its actions as a real transition does.
func (s *Service) SetAlarmState(ctx context.Context, in SetAlarmStateInput) error {
	sc, err := s.enter(ctx, "SetAlarmState")
	if err != nil {
		return err
	}
	switch {
	case in.AlarmName == "":
		return missing("AlarmName")
	case in.StateValue != stateOK && in.StateValue != stateAlarm && in.StateValue != stateInsufficient:
		return validation("stateValue", in.StateValue, "Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]")
	case len(in.StateReason) > 1023:
		return validation("stateReason", in.StateReason, "Member must have length less than or equal to 1023")
	}
	data := ""
	if in.StateReasonData != nil {
		data = *in.StateReasonData
		if !json.Valid([]byte(data)) {
			return errs.New("InvalidFormatFault", "Data was not syntactically valid JSON")
		}
	}
	now := s.now()
	s.mu.Lock()
	p := s.partOf(sc)
	a := p.alarms[in.AlarmName]
	if c := p.composites[in.AlarmName]; a == nil && c != nil {
		out := p.setComposite(c, now, in.StateValue, in.StateReason, data)
		s.mu.Unlock()
		s.deliver(out)
		return nil
	}
	if a == nil {
		s.mu.Unlock()
		return notFound("")
	}
	var out []delivery
	if a.state != in.StateValue {
		out = p.transition(a, now, in.StateValue, in.StateReason, data)
	} else {
		a.reason, a.reasonData, a.updated = in.StateReason, data, now
	}
	s.mu.Unlock()
	s.deliver(out)
	return nil
}

// EnableAlarmActions enables the actions of the named alarms.
func (s *Service) EnableAlarmActions(ctx context.Context, in AlarmActionsInput) error {
	sc, err := s.enter(ctx, "EnableAlarmActions")
	if err != nil {
		return err
	}
	s.setActions(sc.Account, sc.Region, in.AlarmNames, true)
	return nil
}

// DisableAlarmActions disables the actions of the named alarms: they
// change state but run no action.
func (s *Service) DisableAlarmActions(ctx context.Context, in AlarmActionsInput) error {
	sc, err := s.enter(ctx, "DisableAlarmActions")
	if err != nil {
		return err
	}
	s.setActions(sc.Account, sc.Region, in.AlarmNames, false)
	return nil
}

func (s *Service) setActions(account, region string, names []string, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sc := s.env.Scope()
	sc.Account, sc.Region = account, region
	p := s.partOf(sc)
	for _, name := range names {
		if a := p.alarms[name]; a != nil {
			v := on
			a.cfg.ActionsEnabled = &v
		}
	}
}

// sortedAlarms returns the partition's alarms by name.
func (p *partition) sortedAlarms() []*alarm {
	out := make([]*alarm, 0, len(p.alarms))
	for _, a := range p.alarms {
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b *alarm) int { return strings.Compare(a.cfg.AlarmName, b.cfg.AlarmName) })
	return out
}

func joinComma(l []string) string { return strings.Join(l, ", ") }

func itoa(n int32) string { return strconv.Itoa(int(n)) }
