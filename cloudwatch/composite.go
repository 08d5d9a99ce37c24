package cloudwatch

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/pagetoken"
	"github.com/awsfake/awsfake/internal/sched"
	"github.com/awsfake/awsfake/internal/tags"
)

// compositeNesting bounds how deep a change cascades through composite
// alarms of composite alarms.
const compositeNesting = 10

// composite is one composite alarm: its configuration, its parsed rule,
// its state and the actions it holds back while its suppressor says so.
type composite struct {
	arn           string
	cfg           PutCompositeAlarmInput
	rule          *rule
	state         string
	reason        string
	reasonData    string
	updated       time.Time
	transitioned  time.Time
	configUpdated time.Time
	// suppressedBy is WaitPeriod, ExtensionPeriod or Alarm while the
	// actions of the last transition are held back (pending), and job the
	// timer that releases them.
	suppressedBy, suppressedReason string
	pending                        bool
	pendingOld                     string
	job                            *sched.Job
	tags                           map[string]string
}

// PutCompositeAlarm creates or replaces a composite alarm: its AlarmRule
// (ALARM(), OK(), INSUFFICIENT_DATA() of alarms by name or ARN, AND, OR,
// NOT, TRUE, FALSE, parentheses) is evaluated now and whenever an alarm it
// names changes state; ALARM when the rule is true, else OK.
func (s *Service) PutCompositeAlarm(ctx context.Context, in PutCompositeAlarmInput) error {
	sc, err := s.enter(ctx, "PutCompositeAlarm")
	if err != nil {
		return err
	}
	r, err := checkComposite(&in)
	if err != nil {
		return err
	}
	now := s.now()
	s.mu.Lock()
	p := s.partOf(sc)
	var missingRefs []string
	for _, ref := range r.refs(nil) {
		if p.stateOf(ref) == "" {
			missingRefs = append(missingRefs, ref)
		}
	}
	if len(missingRefs) > 0 {
		s.mu.Unlock()
		return invalidValue("Could not save the composite alarm as alarms [%s] in the alarm rule do not exist", strings.Join(missingRefs, ", "))
	}
	if p.alarms[in.AlarmName] != nil {
		s.mu.Unlock()
		return invalidValue("The alarm %s is a metric alarm; a composite alarm cannot have its name.", in.AlarmName)
	}
	c := p.composites[in.AlarmName]
	if c == nil {
		c = &composite{arn: sc.ARN(arnService, "alarm:"+in.AlarmName), state: stateInsufficient,
			reason: "Unchecked: Initial alarm creation", updated: now, transitioned: now, tags: tags.ToMap(toTags(in.Tags))}
		p.composites[in.AlarmName] = c
	}
	c.cfg, c.rule, c.configUpdated = in, r, now
	p.record(in.AlarmName, now, "ConfigurationUpdate", "Alarm \""+in.AlarmName+"\" updated", "")
	p.history[len(p.history)-1].AlarmType = "CompositeAlarm"
	out := p.evalComposite(s, c, now, "", 0)
	s.mu.Unlock()
	s.deliver(out)
	return nil
}

// checkComposite validates a PutCompositeAlarm request and parses its
// rule.
func checkComposite(in *PutCompositeAlarmInput) (*rule, error) {
	if err := checkAlarmName(in.AlarmName); err != nil {
		return nil, err
	}
	switch {
	case in.AlarmRule == "":
		return nil, missing("AlarmRule")
	case len(in.AlarmRule) > maxAlarmRule:
		return nil, validation("alarmRule", in.AlarmRule, fmt.Sprintf("Member must have length less than or equal to %d", maxAlarmRule))
	case in.AlarmDescription != nil && len(*in.AlarmDescription) > 1024:
		return nil, validation("alarmDescription", *in.AlarmDescription, "Member must have length less than or equal to 1024")
	case in.ActionsSuppressor != "" && (in.ActionsSuppressorWaitPeriod == nil || in.ActionsSuppressorExtensionPeriod == nil):
		return nil, invalidValue("ActionsSuppressorWaitPeriod and ActionsSuppressorExtensionPeriod are required when ActionsSuppressor is specified.")
	case in.ActionsSuppressor == "" && (in.ActionsSuppressorWaitPeriod != nil || in.ActionsSuppressorExtensionPeriod != nil):
		return nil, invalidValue("ActionsSuppressorWaitPeriod and ActionsSuppressorExtensionPeriod are only valid with ActionsSuppressor.")
	case in.ActionsSuppressorWaitPeriod != nil && *in.ActionsSuppressorWaitPeriod < 0,
		in.ActionsSuppressorExtensionPeriod != nil && *in.ActionsSuppressorExtensionPeriod < 0:
		return nil, invalidValue("ActionsSuppressorWaitPeriod and ActionsSuppressorExtensionPeriod must not be negative.")
	}
	if err := tagRules.Check(toTags(in.Tags)); err != nil {
		return nil, err
	}
	m := PutMetricAlarmInput{OKActions: in.OKActions, AlarmActions: in.AlarmActions, InsufficientDataActions: in.InsufficientDataActions}
	if err := checkActions(&m); err != nil {
		return nil, err
	}
	r, err := parseRule(in.AlarmRule)
	if err != nil {
		return nil, invalidValue("AlarmRule is invalid: %s", err.Error())
	}
	if in.ActionsEnabled == nil {
		t := true
		in.ActionsEnabled = &t
	}
	return r, nil
}

// stateOf is the state of the alarm (metric or composite) named by name
// or ARN, "" when there is none. The caller holds s.mu.
func (p *partition) stateOf(ref string) string {
	name := ref
	if strings.HasPrefix(ref, "arn:") {
		i := strings.Index(ref, ":alarm:")
		if i < 0 {
			return ""
		}
		name = ref[i+len(":alarm:"):]
	}
	if a := p.alarms[name]; a != nil && (name == ref || a.arn == ref) {
		return a.state
	}
	if c := p.composites[name]; c != nil && (name == ref || c.arn == ref) {
		return c.state
	}
	return ""
}

// names reports whether ref (a name or an ARN) is the alarm name/arn.
func names(ref, name, arn string) bool { return ref == name || ref == arn }

// childChanged re-evaluates the composites whose rule or suppressor names
// the alarm that changed, at at. The caller holds s.mu.
func (p *partition) childChanged(s *Service, name, arn string, at time.Time, depth int) []delivery {
	if depth > compositeNesting {
		return nil
	}
	var out []delivery
	for _, c := range p.composites {
		if names(c.cfg.ActionsSuppressor, name, arn) {
			out = append(out, p.suppressorChanged(s, c, at)...)
		}
		for _, ref := range c.rule.refs(nil) {
			if names(ref, name, arn) {
				out = append(out, p.evalComposite(s, c, at, arn, depth)...)
				break
			}
		}
	}
	return out
}

// evalComposite evaluates c's rule and moves it to ALARM or OK. The
// caller holds s.mu.
func (p *partition) evalComposite(s *Service, c *composite, at time.Time, trigger string, depth int) []delivery {
	state := stateOK
	if c.rule.eval(p.stateOf) {
		state = stateAlarm
	}
	if state == c.state {
		return nil
	}
	old, oldReason := c.state, c.reason
	c.state, c.updated, c.transitioned = state, at, at
	c.reason = "Composite alarm rule evaluated to " + map[string]string{stateAlarm: "TRUE", stateOK: "FALSE"}[state]
	data := map[string]any{"triggeringAlarms": []any{}}
	if trigger != "" {
		c.reason = fmt.Sprintf("%s transitioned to %s at %s", trigger, p.stateOf(trigger), at.UTC().Format("Monday 02 January, 2006 15:04:05 UTC"))
		data["triggeringAlarms"] = []any{map[string]any{"arn": trigger, "state": map[string]any{"value": p.stateOf(trigger),
			"timestamp": isoMillis(at)}}}
	}
	b, _ := json.Marshal(data)
	c.reasonData = string(b)
	p.record(c.cfg.AlarmName, at, "StateUpdate", "Alarm updated from "+old+" to "+state, stateHistory(old, oldReason, state, c.reason, c.reasonData))
	p.history[len(p.history)-1].AlarmType = "CompositeAlarm"
	out := p.compositeActions(s, c, old, at)
	return append(out, p.childChanged(s, c.cfg.AlarmName, c.arn, at, depth+1)...)
}

// compositeActions runs the actions of c's new state, unless its
// suppressor holds them back: while the suppressor is in ALARM, and, on a
// change to ALARM, for the wait period in which the suppressor may go to
// ALARM. The caller holds s.mu.
func (p *partition) compositeActions(s *Service, c *composite, old string, at time.Time) []delivery {
	if c.job != nil {
		c.job.Cancel()
		c.job = nil
	}
	c.pending, c.suppressedBy, c.suppressedReason = false, "", ""
	if !*c.cfg.ActionsEnabled {
		return nil
	}
	if c.cfg.ActionsSuppressor != "" {
		switch {
		case p.stateOf(c.cfg.ActionsSuppressor) == stateAlarm:
			c.pending, c.pendingOld = true, old
			c.suppressedBy, c.suppressedReason = "Alarm", "Alarm is in ALARM state."
			return nil
		case c.state == stateAlarm:
			c.pending, c.pendingOld = true, old
			c.suppressedBy, c.suppressedReason = "WaitPeriod", "Actions suppressed by WaitPeriod"
			c.job = p.release(s, c, at.Add(time.Duration(*c.cfg.ActionsSuppressorWaitPeriod)*time.Second))
			return nil
		}
	}
	return p.runComposite(c, old, at)
}

// suppressorChanged follows c's suppressor: going to ALARM it holds the
// pending actions back; leaving ALARM it releases them after the extension
// period. The caller holds s.mu.
func (p *partition) suppressorChanged(s *Service, c *composite, at time.Time) []delivery {
	if !c.pending {
		return nil
	}
	if c.job != nil {
		c.job.Cancel()
		c.job = nil
	}
	if p.stateOf(c.cfg.ActionsSuppressor) == stateAlarm {
		c.suppressedBy, c.suppressedReason = "Alarm", "Alarm is in ALARM state."
		return nil
	}
	c.suppressedBy, c.suppressedReason = "ExtensionPeriod", "Actions suppressed by ExtensionPeriod"
	c.job = p.release(s, c, at.Add(time.Duration(*c.cfg.ActionsSuppressorExtensionPeriod)*time.Second))
	return nil
}

// release schedules the pending actions of c at due.
func (p *partition) release(s *Service, c *composite, due time.Time) *sched.Job {
	var job *sched.Job
	job = s.env.Sched.At(due, func(at time.Time) {
		s.mu.Lock()
		var out []delivery
		if c.job == job && c.pending && !s.closed {
			c.job, c.pending, c.suppressedBy, c.suppressedReason = nil, false, "", ""
			out = p.runComposite(c, c.pendingOld, at)
		}
		s.mu.Unlock()
		s.deliver(out)
	})
	return job
}

// runComposite posts the actions of c's state. The caller holds s.mu.
func (p *partition) runComposite(c *composite, old string, at time.Time) []delivery {
	targets := c.cfg.InsufficientDataActions
	switch c.state {
	case stateAlarm:
		targets = c.cfg.AlarmActions
	case stateOK:
		targets = c.cfg.OKActions
	}
	var out []delivery
	for _, t := range targets {
		if d, ok := p.compositeAction(c, t, old); ok {
			out = append(out, d)
			p.record(c.cfg.AlarmName, at, "Action", "Successfully executed action "+t, "")
			p.history[len(p.history)-1].AlarmType = "CompositeAlarm"
		}
	}
	return out
}

// compositeAction is the delivery of one action: SNS topics get the
// notification of the change, with the rule; Lambda functions the alarm
// event. Other actions are stored, not run.
func (p *partition) compositeAction(c *composite, target, old string) (delivery, bool) {
	var desc any
	if c.cfg.AlarmDescription != nil {
		desc = *c.cfg.AlarmDescription
	}
	switch {
	case strings.HasPrefix(target, "arn:aws:sns:") || strings.Contains(target, ":sns:"):
		body, _ := json.Marshal(map[string]any{"AlarmName": c.cfg.AlarmName, "AlarmDescription": desc, "AWSAccountId": p.scope.Account,
			"NewStateValue": c.state, "NewStateReason": c.reason, "StateChangeTime": isoMillis(c.updated),
			"Region": regionName(p.scope.Region), "AlarmArn": c.arn, "OldStateValue": old, "AlarmRule": c.cfg.AlarmRule,
			"OKActions": nonNil(c.cfg.OKActions), "AlarmActions": nonNil(c.cfg.AlarmActions),
			"InsufficientDataActions": nonNil(c.cfg.InsufficientDataActions)})
		subject := fmt.Sprintf("%s: \"%s\" in %s", c.state, c.cfg.AlarmName, regionName(p.scope.Region))
		return delivery{target, bus.Message{Source: c.arn, Principal: "cloudwatch.amazonaws.com", Body: body,
			Meta: map[string]string{bus.MetaSubject: subject}}}, true
	case strings.Contains(target, ":lambda:"):
		body, _ := json.Marshal(map[string]any{"source": "aws.cloudwatch", "alarmArn": c.arn, "accountId": p.scope.Account,
			"time": isoMillis(c.updated), "region": p.scope.Region, "alarmData": map[string]any{"alarmName": c.cfg.AlarmName,
				"state":         map[string]any{"value": c.state, "reason": c.reason, "timestamp": isoMillis(c.updated)},
				"previousState": map[string]any{"value": old},
				"configuration": map[string]any{"alarmRule": c.cfg.AlarmRule, "description": desc}}})
		return delivery{target, bus.Message{Source: c.arn, Principal: "lambda.alarms.cloudwatch.amazonaws.com", Body: body,
			Meta: map[string]string{bus.MetaSourceAccount: p.scope.Account}}}, true
	}
	return delivery{}, false
}

// view is the composite as DescribeAlarms shows it.
func (c *composite) view() CompositeAlarm {
	v := CompositeAlarm{AlarmName: c.cfg.AlarmName, AlarmArn: c.arn, AlarmDescription: c.cfg.AlarmDescription,
		AlarmRule: c.cfg.AlarmRule, ActionsEnabled: *c.cfg.ActionsEnabled, AlarmActions: nonNil(c.cfg.AlarmActions),
		OKActions: nonNil(c.cfg.OKActions), InsufficientDataActions: nonNil(c.cfg.InsufficientDataActions),
		AlarmConfigurationUpdatedTimestamp: At(c.configUpdated), StateValue: c.state, StateReason: c.reason,
		StateReasonData: c.reasonData, StateUpdatedTimestamp: At(c.updated), StateTransitionedTimestamp: At(c.transitioned),
		ActionsSuppressor: c.cfg.ActionsSuppressor, ActionsSuppressorWaitPeriod: c.cfg.ActionsSuppressorWaitPeriod,
		ActionsSuppressorExtensionPeriod: c.cfg.ActionsSuppressorExtensionPeriod}
	if c.pending {
		v.ActionsSuppressedBy, v.ActionsSuppressedReason = c.suppressedBy, c.suppressedReason
	}
	return v
}

// setComposite is SetAlarmState on a composite: the state until the next
// change of a child, with its actions and what it causes. The caller
// holds s.mu.
func (p *partition) setComposite(c *composite, at time.Time, state, reason, data string) []delivery {
	if state == c.state {
		c.reason, c.reasonData, c.updated = reason, data, at
		return nil
	}
	old, oldReason := c.state, c.reason
	c.state, c.reason, c.reasonData, c.updated, c.transitioned = state, reason, data, at, at
	p.record(c.cfg.AlarmName, at, "StateUpdate", "Alarm updated from "+old+" to "+state, stateHistory(old, oldReason, state, reason, data))
	p.history[len(p.history)-1].AlarmType = "CompositeAlarm"
	out := p.compositeActions(p.svc, c, old, at)
	return append(out, p.childChanged(p.svc, c.cfg.AlarmName, c.arn, at, 1)...)
}

// matchingComposites returns the composites that pass DescribeAlarms'
// filters, by name. The caller holds s.mu.
func (p *partition) matchingComposites(in DescribeAlarmsInput) []CompositeAlarm {
	out := []CompositeAlarm{}
	for _, name := range slices.Sorted(maps.Keys(p.composites)) {
		c := p.composites[name]
		switch {
		case len(in.AlarmNames) > 0 && !slices.Contains(in.AlarmNames, name),
			!strings.HasPrefix(name, in.AlarmNamePrefix),
			in.StateValue != "" && c.state != in.StateValue:
			continue
		}
		out = append(out, c.view())
	}
	return out
}

// describeComposites is DescribeAlarms of composite alarms only, a page
// of size. The caller holds s.mu.
func (p *partition) describeComposites(in DescribeAlarmsInput, size int, out DescribeAlarmsOutput) (DescribeAlarmsOutput, error) {
	page, next, ok := pagetoken.Page(p.matchingComposites(in), func(c CompositeAlarm) string { return c.AlarmName }, in.NextToken, size)
	if !ok {
		return DescribeAlarmsOutput{}, errs.Default(codeInvalidNextToken)
	}
	out.CompositeAlarms, out.NextToken = append(out.CompositeAlarms, page...), next
	return out, nil
}
