package cloudwatch

import (
	"context"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// DescribeAlarms lists alarms by name, filtered by AlarmNames or
// AlarmNamePrefix, ActionPrefix and StateValue, MaxRecords (default 50) a
// page. It lists metric alarms unless AlarmTypes names only others;
// with CompositeAlarm in AlarmTypes it lists composite alarms (a
// page of them when it names only them, else all of them on the first
// page).
func (s *Service) DescribeAlarms(ctx context.Context, in DescribeAlarmsInput) (DescribeAlarmsOutput, error) {
	sc, err := s.enter(ctx, "DescribeAlarms")
	if err != nil {
		return DescribeAlarmsOutput{}, err
	}
	size, err := maxRecords(in.MaxRecords, 50)
	if err != nil {
		return DescribeAlarmsOutput{}, err
	}
	switch {
	case len(in.AlarmNames) > 0 && in.AlarmNamePrefix != "":
		return DescribeAlarmsOutput{}, combination("The parameters AlarmNames and AlarmNamePrefix are mutually exclusive and you have specified both.")
	case in.StateValue != "" && in.StateValue != stateOK && in.StateValue != stateAlarm && in.StateValue != stateInsufficient:
		return DescribeAlarmsOutput{}, validation("stateValue", in.StateValue, "Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]")
	}
	for _, t := range in.AlarmTypes {
		if t != "MetricAlarm" && t != "CompositeAlarm" {
			return DescribeAlarmsOutput{}, validation("alarmTypes", t, "Member must satisfy enum value set: [CompositeAlarm, MetricAlarm]")
		}
	}
	out := DescribeAlarmsOutput{MetricAlarms: []MetricAlarm{}, CompositeAlarms: []CompositeAlarm{}}
	s.mu.Lock()
	defer s.mu.Unlock()
	if slices.Contains(in.AlarmTypes, "CompositeAlarm") {
		if !slices.Contains(in.AlarmTypes, "MetricAlarm") {
			return s.partOf(sc).describeComposites(in, size, out)
		}
		if in.NextToken == "" {
			out.CompositeAlarms = s.partOf(sc).matchingComposites(in)
		}
	}
	var match []*alarm
	for _, a := range s.partOf(sc).sortedAlarms() {
		if a.matches(in) {
			match = append(match, a)
		}
	}
	page, next, ok := pagetoken.Page(match, func(a *alarm) string { return a.cfg.AlarmName }, in.NextToken, size)
	if !ok {
		return DescribeAlarmsOutput{}, errs.Default(codeInvalidNextToken)
	}
	for _, a := range page {
		out.MetricAlarms = append(out.MetricAlarms, a.view())
	}
	out.NextToken = next
	return out, nil
}

// maxRecords reads MaxRecords: 1–100, def when absent.
func maxRecords(n *int32, def int) (int, error) {
	if n == nil {
		return def, nil
	}
	if *n < 1 || *n > 100 {
		return 0, validation("maxRecords", itoa(*n), "Member must have value between 1 and 100")
	}
	return int(*n), nil
}

// matches reports whether a passes DescribeAlarms' filters.
func (a *alarm) matches(in DescribeAlarmsInput) bool {
	name := a.cfg.AlarmName
	switch {
	case len(in.AlarmNames) > 0 && !slices.Contains(in.AlarmNames, name):
		return false
	case !strings.HasPrefix(name, in.AlarmNamePrefix):
		return false
	case in.StateValue != "" && a.state != in.StateValue:
		return false
	}
	if in.ActionPrefix == "" {
		return true
	}
	for _, l := range [][]string{a.cfg.AlarmActions, a.cfg.OKActions, a.cfg.InsufficientDataActions} {
		for _, act := range l {
			if strings.HasPrefix(act, in.ActionPrefix) {
				return true
			}
		}
	}
	return false
}

// DescribeAlarmsForMetric lists the alarms on a metric (the same
// namespace, name and dimensions), filtered by statistic, period and unit.
func (s *Service) DescribeAlarmsForMetric(ctx context.Context, in DescribeAlarmsForMetricInput) (DescribeAlarmsForMetricOutput, error) {
	sc, err := s.enter(ctx, "DescribeAlarmsForMetric")
	if err != nil {
		return DescribeAlarmsForMetricOutput{}, err
	}
	switch {
	case in.Namespace == "":
		return DescribeAlarmsForMetricOutput{}, missing("Namespace")
	case in.MetricName == "":
		return DescribeAlarmsForMetricOutput{}, missing("MetricName")
	}
	key := metricKey(in.Namespace, in.MetricName, sortedDims(in.Dimensions))
	out := DescribeAlarmsForMetricOutput{MetricAlarms: []MetricAlarm{}}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.partOf(sc).sortedAlarms() {
		c := a.cfg
		switch {
		case metricKey(c.Namespace, c.MetricName, sortedDims(c.Dimensions)) != key,
			in.Statistic != "" && c.Statistic != in.Statistic,
			in.ExtendedStatistic != "" && c.ExtendedStatistic != in.ExtendedStatistic,
			in.Period != nil && *c.Period != *in.Period,
			in.Unit != "" && c.Unit != in.Unit:
			continue
		}
		out.MetricAlarms = append(out.MetricAlarms, a.view())
	}
	return out, nil
}
