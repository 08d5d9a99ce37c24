package cloudwatch

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
)

// regionNames are the long names AWS puts in alarm notifications.
var regionNames = map[string]string{
	"us-east-1": "US East (N. Virginia)", "us-east-2": "US East (Ohio)", "us-west-1": "US West (N. California)",
	"us-west-2": "US West (Oregon)", "eu-west-1": "EU (Ireland)", "eu-west-2": "EU (London)", "eu-west-3": "EU (Paris)",
	"eu-central-1": "EU (Frankfurt)", "eu-north-1": "EU (Stockholm)", "eu-south-1": "EU (Milan)",
	"ap-northeast-1": "Asia Pacific (Tokyo)", "ap-northeast-2": "Asia Pacific (Seoul)", "ap-northeast-3": "Asia Pacific (Osaka)",
	"ap-southeast-1": "Asia Pacific (Singapore)", "ap-southeast-2": "Asia Pacific (Sydney)", "ap-south-1": "Asia Pacific (Mumbai)",
	"ap-east-1": "Asia Pacific (Hong Kong)", "ca-central-1": "Canada (Central)", "sa-east-1": "South America (Sao Paulo)",
	"me-south-1": "Middle East (Bahrain)", "af-south-1": "Africa (Cape Town)",
}

func regionName(r string) string {
	if n, ok := regionNames[r]; ok {
		return n
	}
	return r
}

// action builds the delivery of one action ARN: SNS topics get AWS's
// notification, Lambda functions the alarm event; other actions (EC2,
// Auto Scaling, Systems Manager) are stored but not run.
func (p *partition) action(a *alarm, target, old, oldReason string, oldTime time.Time) (delivery, bool) {
	t, err := arn.Parse(target)
	if err != nil {
		return delivery{}, false
	}
	switch t.Service {
	case "sns":
		body, _ := json.Marshal(p.notification(a, old))
		subject := fmt.Sprintf("%s: \"%s\" in %s", a.state, a.cfg.AlarmName, regionName(p.scope.Region))
		return delivery{target, bus.Message{Source: a.arn, Principal: "cloudwatch.amazonaws.com", Body: body,
			Meta: map[string]string{bus.MetaSubject: subject}}}, true
	case "lambda":
		body, _ := json.Marshal(p.lambdaEvent(a, old, oldReason, oldTime))
		return delivery{target, bus.Message{Source: a.arn, Principal: "lambda.alarms.cloudwatch.amazonaws.com", Body: body,
			Meta: map[string]string{bus.MetaSourceAccount: p.scope.Account}}}, true
	}
	return delivery{}, false
}

// notification is the SNS message of a state change, as recorded
// (test_breaching_alarm_actions).
func (p *partition) notification(a *alarm, old string) map[string]any {
	c := a.cfg
	dims := make([]map[string]string, len(c.Dimensions))
	for i, d := range c.Dimensions {
		dims[i] = map[string]string{"value": d.Value, "name": d.Name}
	}
	trigger := map[string]any{"MetricName": c.MetricName, "Namespace": c.Namespace, "Unit": nullable(c.Unit),
		"Dimensions": dims, "Period": a.period, "EvaluationPeriods": a.n, "ComparisonOperator": c.ComparisonOperator,
		"Threshold": a.threshold, "TreatMissingData": c.TreatMissingData,
		"EvaluateLowSampleCountPercentile": c.EvaluateLowSampleCountPercentile}
	if c.DatapointsToAlarm != nil {
		trigger["DatapointsToAlarm"] = *c.DatapointsToAlarm
	}
	if c.ExtendedStatistic != "" {
		trigger["StatisticType"], trigger["ExtendedStatistic"] = "ExtendedStatistic", c.ExtendedStatistic
	} else {
		trigger["StatisticType"], trigger["Statistic"] = "Statistic", strings.ToUpper(c.Statistic)
	}
	var desc any
	if c.AlarmDescription != nil {
		desc = *c.AlarmDescription
	}
	return map[string]any{"AlarmName": c.AlarmName, "AlarmDescription": desc, "AWSAccountId": p.scope.Account,
		"AlarmConfigurationUpdatedTimestamp": isoMillis(a.configUpdated), "NewStateValue": a.state,
		"NewStateReason": a.reason, "StateChangeTime": isoMillis(a.updated), "Region": regionName(p.scope.Region),
		"AlarmArn": a.arn, "OldStateValue": old, "OKActions": nonNil(c.OKActions), "AlarmActions": nonNil(c.AlarmActions),
		"InsufficientDataActions": nonNil(c.InsufficientDataActions), "Trigger": trigger}
}

// nullable is s, or JSON null when empty.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// lambdaEvent is the event a Lambda action receives, as recorded
// (test_alarm_lambda_target).
func (p *partition) lambdaEvent(a *alarm, old, oldReason string, oldTime time.Time) map[string]any {
	c := a.cfg
	dims := map[string]string{}
	for _, d := range c.Dimensions {
		dims[d.Name] = d.Value
	}
	stat := map[string]any{"metric": map[string]any{"namespace": c.Namespace, "name": c.MetricName, "dimensions": dims},
		"period": a.period, "stat": a.statName()}
	if c.Unit != "" {
		stat["unit"] = c.Unit
	}
	state := map[string]any{"value": a.state, "reason": a.reason, "timestamp": isoMillis(a.updated)}
	if a.reasonData != "" {
		state["reasonData"] = a.reasonData
	}
	config := map[string]any{"metrics": []any{map[string]any{"id": a.metricID(), "metricStat": stat, "returnData": true}}}
	if c.AlarmDescription != nil {
		config["description"] = *c.AlarmDescription
	}
	return map[string]any{"source": "aws.cloudwatch", "alarmArn": a.arn, "accountId": p.scope.Account,
		"time": isoMillis(a.updated), "region": p.scope.Region,
		"alarmData": map[string]any{"alarmName": c.AlarmName, "state": state,
			"previousState": map[string]any{"value": old, "reason": oldReason, "timestamp": isoMillis(oldTime)},
			"configuration": config}}
}

// metricID is the id of the alarm's metric in its Lambda event: the
// query's Id for a Metrics alarm, else one derived from the ARN.
func (a *alarm) metricID() string {
	if len(a.cfg.Metrics) > 0 {
		return a.cfg.Metrics[0].Id
	}
	return fmt.Sprintf("%x", []byte(a.arn))[:32]
}

// stateHistory is the HistoryData of a state update.
func stateHistory(old, oldReason, state, reason, data string) string {
	o := map[string]any{"stateValue": old, "stateReason": oldReason}
	n := map[string]any{"stateValue": state, "stateReason": reason}
	if data != "" {
		n["stateReasonData"] = json.RawMessage(data)
	}
	b, _ := json.Marshal(map[string]any{"version": "1.0", "oldState": o, "newState": n})
	return string(b)
}
