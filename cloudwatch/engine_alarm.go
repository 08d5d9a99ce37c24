package cloudwatch

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Alarm states.
const (
	stateOK           = "OK"
	stateAlarm        = "ALARM"
	stateInsufficient = "INSUFFICIENT_DATA"
)

// alarm is one metric alarm: its configuration (the PutMetricAlarm input,
// defaults applied) and its state.
type alarm struct {
	arn           string
	cfg           PutMetricAlarmInput
	period        int64
	n, m          int
	threshold     float64
	state         string
	reason        string
	reasonData    string
	updated       time.Time // StateUpdatedTimestamp
	transitioned  time.Time // StateTransitionedTimestamp
	configUpdated time.Time
	tags          map[string]string
}

// historyItem is one entry of a partition's alarm history.
type historyItem = AlarmHistoryItem

// view is the alarm as DescribeAlarms shows it.
func (a *alarm) view() MetricAlarm {
	c := a.cfg
	v := MetricAlarm{AlarmName: c.AlarmName, AlarmArn: a.arn, AlarmDescription: c.AlarmDescription,
		AlarmConfigurationUpdatedTimestamp: At(a.configUpdated), ActionsEnabled: *c.ActionsEnabled,
		OKActions: nonNil(c.OKActions), AlarmActions: nonNil(c.AlarmActions), InsufficientDataActions: nonNil(c.InsufficientDataActions),
		StateValue: a.state, StateReason: a.reason, StateReasonData: a.reasonData,
		StateUpdatedTimestamp: At(a.updated), StateTransitionedTimestamp: At(a.transitioned),
		MetricName: c.MetricName, Namespace: c.Namespace, Statistic: c.Statistic, ExtendedStatistic: c.ExtendedStatistic,
		Dimensions: nonNil(c.Dimensions), Period: c.Period, Unit: c.Unit, EvaluationPeriods: *c.EvaluationPeriods,
		DatapointsToAlarm: c.DatapointsToAlarm, Threshold: c.Threshold, ComparisonOperator: c.ComparisonOperator,
		TreatMissingData: c.TreatMissingData, EvaluateLowSampleCountPercentile: c.EvaluateLowSampleCountPercentile,
		Metrics: c.Metrics, ThresholdMetricId: c.ThresholdMetricId}
	if c.MetricName == "" {
		v.Period = nil // a metric math alarm's periods are its queries'
	}
	return v
}

// breaches reports whether v breaches the threshold by the operator.
func (a *alarm) breaches(v float64) bool {
	switch a.cfg.ComparisonOperator {
	case "GreaterThanOrEqualToThreshold":
		return v >= a.threshold
	case "GreaterThanThreshold":
		return v > a.threshold
	case "LessThanThreshold":
		return v < a.threshold
	}
	return v <= a.threshold
}

// operatorWords are the operators as AWS's state reasons spell them.
var operatorWords = map[string]string{
	"GreaterThanOrEqualToThreshold": "greater than or equal to", "GreaterThanThreshold": "greater than",
	"LessThanThreshold": "less than", "LessThanOrEqualToThreshold": "less than or equal to",
}

// point is one evaluated period: its start and value (ok false when the
// period has no data).
type point struct {
	t     time.Time
	v     float64
	n     float64
	ok    bool
	lowSC bool // a percentile over too few samples (EvaluateLowSampleCountPercentile)
}

// evalRange is how many periods an evaluation reads: EvaluationPeriods
// plus two, the range AWS's missing-data tables use (3 periods read over
// 5). This is the fake's rule; AWS says only that it reads more than
// EvaluationPeriods.
func (a *alarm) evalRange() int { return a.n + 2 }

// decide applies AWS's rule ("Configuring how CloudWatch alarms treat
// missing data") to the points of the evaluation range, newest first:
// with at least N real points, the newest N decide and TreatMissingData
// is not used; with fewer, the missing ones are filled as TreatMissingData
// says, as few times as possible, and every real point counts.
func (a *alarm) decide(pts []point) (state string, used []point, filled int) {
	var real []point
	for _, p := range pts {
		if p.ok && !p.lowSC {
			real = append(real, p)
		}
	}
	if len(real) >= a.n {
		real = real[:a.n]
		return a.verdict(real, 0, false), real, 0
	}
	fill := a.n - len(real)
	switch a.cfg.TreatMissingData {
	case "breaching":
		return a.verdict(real, fill, true), real, fill
	case "notBreaching":
		return a.verdict(real, fill, false), real, fill
	case "ignore":
		// As missing, except that too few breaching points keep the state.
		b := countBreaching(a, real)
		switch {
		case b >= a.m:
			return stateAlarm, real, 0
		case b < min(a.m, len(real)):
			return stateOK, real, 0
		}
		return "", real, 0
	}
	if len(real) == 0 {
		return stateInsufficient, nil, 0
	}
	if countBreaching(a, real) >= min(a.m, len(real)) {
		return stateAlarm, real, 0
	}
	return stateOK, real, 0
}

// verdict is ALARM when at least M of the real points and the filled ones
// (breaching or not) breach, else OK.
func (a *alarm) verdict(real []point, fill int, fillBreaches bool) string {
	b := countBreaching(a, real)
	if fillBreaches {
		b += fill
	}
	if b >= a.m {
		return stateAlarm
	}
	return stateOK
}

func countBreaching(a *alarm, pts []point) int {
	n := 0
	for _, p := range pts {
		if a.breaches(p.v) {
			n++
		}
	}
	return n
}

// reasonFor is the StateReason AWS gives a threshold evaluation.
func (a *alarm) reasonFor(state string, used []point, filled int) string {
	if state == stateInsufficient {
		return fmt.Sprintf("Insufficient Data: %s %s unknown.", plural(a.n, "datapoint"), wasWere(a.n))
	}
	if len(used) == 0 {
		treated := map[string]string{"breaching": "Breaching", "notBreaching": "NonBreaching"}[a.cfg.TreatMissingData]
		return fmt.Sprintf("Threshold Crossed: no datapoints were received for %s and %d missing %s %s treated as [%s].",
			plural(filled, "period"), filled, singular(filled, "datapoint"), wasWere(filled), treated)
	}
	var list []point
	for _, p := range used {
		if (state == stateAlarm) == a.breaches(p.v) {
			list = append(list, p)
		}
	}
	parts := make([]string, len(list))
	for i, p := range list {
		parts[i] = fmt.Sprintf("%s (%s)", fmtFloat(p.v), p.t.UTC().Format("02/01/06 15:04:05"))
	}
	not := ""
	if state == stateOK {
		not = "not "
	}
	words := operatorWords[a.cfg.ComparisonOperator]
	if a.n == 1 || len(list) == len(used) && filled == 0 && a.m == a.n && len(used) == 1 {
		return fmt.Sprintf("Threshold Crossed: %s [%s] %s %s%s the threshold (%s).", plural(len(list), "datapoint"),
			strings.Join(parts, ", "), wasWere(len(list)), not, words, fmtFloat(a.threshold))
	}
	need, transition := a.m, "OK -> ALARM"
	if state == stateOK {
		need, transition = a.n-a.m+1, "ALARM -> OK"
	}
	return fmt.Sprintf("Threshold Crossed: %d out of the last %d datapoints [%s] %s %s%s the threshold (%s) (minimum %d %s for %s transition).",
		len(list), len(used)+filled, strings.Join(parts, ", "), wasWere(len(list)), not, words, fmtFloat(a.threshold),
		need, singular(need, "datapoint"), transition)
}

// reasonDataFor is StateReasonData: the JSON AWS attaches to a threshold
// evaluation.
func (a *alarm) reasonDataFor(at time.Time, pts []point, used []point) string {
	type dp struct {
		Timestamp   string   `json:"timestamp"`
		SampleCount *float64 `json:"sampleCount,omitempty"`
		Value       *float64 `json:"value,omitempty"`
	}
	d := map[string]any{"version": "1.0", "queryDate": isoMillis(at), "statistic": a.statName(), "period": a.period,
		"threshold": a.threshold}
	if len(pts) > 0 {
		d["startDate"] = isoMillis(pts[len(pts)-1].t)
	}
	if a.cfg.Unit != "" {
		d["unit"] = a.cfg.Unit
	}
	recent := []float64{}
	var evaluated []dp
	for i := len(used) - 1; i >= 0; i-- {
		recent = append(recent, used[i].v)
	}
	for _, p := range pts[:min(a.n, len(pts))] {
		e := dp{Timestamp: isoMillis(p.t)}
		if p.ok {
			v, n := p.v, p.n
			e.Value, e.SampleCount = &v, &n
		}
		evaluated = append(evaluated, e)
	}
	d["recentDatapoints"] = recent
	d["evaluatedDatapoints"] = evaluated
	b, _ := json.Marshal(d)
	return string(b)
}

// statName is the alarm's statistic or extended statistic.
func (a *alarm) statName() string {
	if a.cfg.ExtendedStatistic != "" {
		return a.cfg.ExtendedStatistic
	}
	return a.cfg.Statistic
}

func isoMillis(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000+0000") }

func fmtFloat(v float64) string {
	s := fmt.Sprintf("%v", v)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

func plural(n int, word string) string { return fmt.Sprintf("%d %s", n, singular(n, word)) }

func singular(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func wasWere(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}
