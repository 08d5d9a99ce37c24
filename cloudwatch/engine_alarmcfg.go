package cloudwatch

import (
	"slices"
	"strconv"
	"unicode"

	"github.com/awsfake/awsfake/internal/arn"
)

// comparisonOperators is the ComparisonOperator enum; the last three
// (anomaly detection bands) need ThresholdMetricId.
var comparisonOperators = []string{"GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold",
	"LessThanOrEqualToThreshold", "LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold",
	"GreaterThanUpperThreshold"}

var treatMissing = []string{"breaching", "notBreaching", "ignore", "missing"}

// checkAlarm validates a PutMetricAlarm request and normalises a Metrics
// alarm of one MetricStat into the single-metric form.
func checkAlarm(in *PutMetricAlarmInput) error {
	if err := checkAlarmName(in.AlarmName); err != nil {
		return err
	}
	switch {
	case in.EvaluationPeriods == nil:
		return missing("EvaluationPeriods")
	case *in.EvaluationPeriods < 1:
		return validation("evaluationPeriods", itoa(*in.EvaluationPeriods), "Member must have value greater than or equal to 1")
	case in.ComparisonOperator == "":
		return missing("ComparisonOperator")
	case !slices.Contains(comparisonOperators, in.ComparisonOperator):
		return validation("comparisonOperator", in.ComparisonOperator, "Member must satisfy enum value set: ["+
			"GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold, "+
			"LessThanLowerOrGreaterThanUpperThreshold, LessThanLowerThreshold, GreaterThanUpperThreshold]")
	case slices.Index(comparisonOperators, in.ComparisonOperator) >= 4 || in.ThresholdMetricId != "":
		return invalidValue("Anomaly detection alarms (ThresholdMetricId) are not modelled.")
	case in.Threshold == nil:
		return missing("Threshold")
	case in.TreatMissingData != "" && !slices.Contains(treatMissing, in.TreatMissingData):
		return invalidValue("The value %s is not valid for TreatMissingData.", in.TreatMissingData)
	case in.EvaluateLowSampleCountPercentile != "" && in.EvaluateLowSampleCountPercentile != "evaluate" &&
		in.EvaluateLowSampleCountPercentile != "ignore":
		return invalidValue("The value %s is not valid for EvaluateLowSampleCountPercentile.", in.EvaluateLowSampleCountPercentile)
	case in.AlarmDescription != nil && len(*in.AlarmDescription) > 1024:
		return validation("alarmDescription", *in.AlarmDescription, "Member must have length less than or equal to 1024")
	}
	if err := checkActions(in); err != nil {
		return err
	}
	if len(in.Metrics) > 0 {
		isMath, err := fromMetrics(in)
		if err != nil {
			return err
		}
		if isMath {
			return checkAlarmPeriod(in)
		}
	}
	return checkAlarmMetric(in)
}

// checkAlarmName checks an alarm name: 1–255 characters, no ASCII control
// characters.
func checkAlarmName(name string) error {
	if name == "" {
		return missing("AlarmName")
	}
	if len([]rune(name)) > 255 {
		return validation("alarmName", name, "Member must have length less than or equal to 255")
	}
	for _, r := range name {
		if r < 0x80 && unicode.IsControl(r) {
			return invalidValue("The parameter AlarmName must not contain ASCII control characters.")
		}
	}
	return nil
}

// checkActions checks the three action lists: at most 5 ARNs each.
func checkActions(in *PutMetricAlarmInput) error {
	for member, l := range map[string][]string{"OKActions": in.OKActions, "AlarmActions": in.AlarmActions,
		"InsufficientDataActions": in.InsufficientDataActions} {
		if len(l) > 5 {
			return validation(lowerPath(member), "["+joinComma(l)+"]", "Member must have length less than or equal to 5")
		}
		for _, a := range l {
			if _, err := arn.Parse(a); err != nil || len(a) > 1024 {
				return validation(lowerPath(member), a, "Member must be a valid ARN")
			}
		}
	}
	return nil
}

// fromMetrics turns a Metrics alarm of one MetricStat query into the
// single-metric form; a metric math alarm (isMath) is checked and keeps
// its queries, its Period set to the longest of their periods.
func fromMetrics(in *PutMetricAlarmInput) (isMath bool, err error) {
	if in.MetricName != "" || in.Namespace != "" || in.Statistic != "" || in.ExtendedStatistic != "" || in.Period != nil {
		return false, combination("The parameters Metrics and MetricName are mutually exclusive and you have specified both.")
	}
	if len(in.Metrics) != 1 || in.Metrics[0].MetricStat == nil || in.Metrics[0].Expression != "" {
		return true, checkMathAlarm(in)
	}
	ms := in.Metrics[0].MetricStat
	in.Namespace, in.MetricName, in.Dimensions = ms.Metric.Namespace, ms.Metric.MetricName, ms.Metric.Dimensions
	period := ms.Period
	in.Period, in.Unit = &period, ms.Unit
	if standardStats[ms.Stat] {
		in.Statistic = ms.Stat
	} else {
		in.ExtendedStatistic = ms.Stat
	}
	return false, nil
}

// checkMathAlarm checks the queries of a metric math alarm: valid Ids,
// unique, exactly one returning data, expressions that parse and refer
// to queries of the alarm, MetricStat queries with a period.
func checkMathAlarm(in *PutMetricAlarmInput) error {
	returned, period := 0, int32(0)
	ids := map[string]bool{}
	for i, q := range in.Metrics {
		member := "Metrics.member." + strconv.Itoa(i+1)
		switch {
		case q.Id == "":
			return missing(member + ".Id")
		case !queryID.MatchString(q.Id) || len(q.Id) > 255:
			return invalidValue("The value %s for parameter %s.Id is invalid.", q.Id, member)
		case ids[q.Id]:
			return invalidValue("The values for parameter Id in %s are not unique.", "Metrics")
		case q.Expression == "" && q.MetricStat == nil:
			return invalidValue("Exactly one of the parameters %s.MetricStat and %s.Expression must be specified.", member, member)
		case q.MetricStat != nil && (q.MetricStat.Metric.MetricName == "" || q.MetricStat.Metric.Namespace == ""):
			return missing(member + ".MetricStat.Metric.MetricName")
		}
		ids[q.Id] = true
		if q.ReturnData == nil || *q.ReturnData {
			returned++
		}
		if q.MetricStat != nil {
			period = max(period, q.MetricStat.Period)
		} else if err := checkExpression(member, q); err != nil {
			return err
		}
	}
	if returned != 1 {
		return invalidValue("Exactly one element of the metrics list should return data.")
	}
	for _, q := range in.Metrics {
		if q.Expression == "" || isInsights(q.Expression) {
			continue
		}
		n, _ := parseExpression(q.Expression)
		refs := map[string]bool{}
		n.names(refs)
		for r := range refs {
			if !ids[r] && !isKeyword(r) {
				return errs.New(codeValidation, "Error in expression %s: Unrecognized identifier %s", q.Id, r)
			}
		}
	}
	if period == 0 {
		return invalidValue("A metric math alarm needs a MetricStat query with a Period.")
	}
	in.Period = &period
	return nil
}

// checkAlarmMetric checks the metric, statistic and period of an alarm.
func checkAlarmMetric(in *PutMetricAlarmInput) error {
	switch {
	case in.MetricName == "":
		return missing("MetricName")
	case in.Namespace == "":
		return missing("Namespace")
	case in.Statistic != "" && in.ExtendedStatistic != "":
		return combination("The parameters Statistic and ExtendedStatistic are mutually exclusive and you have specified both.")
	case in.Statistic == "" && in.ExtendedStatistic == "":
		return missing("Statistic")
	case in.Statistic != "" && !standardStats[in.Statistic]:
		return validation("statistic", in.Statistic, "Member must satisfy enum value set: [Maximum, SampleCount, Sum, Minimum, Average]")
	case in.Period == nil:
		return missing("Period")
	}
	if in.ExtendedStatistic != "" {
		if _, ok := parseExt(in.ExtendedStatistic); !ok {
			return invalidValue("The value %s for parameter ExtendedStatistic is not supported.", in.ExtendedStatistic)
		}
	}
	if err := checkUnit("unit", in.Unit); err != nil {
		return err
	}
	if err := checkDims("Dimensions", in.Dimensions); err != nil {
		return err
	}
	return checkAlarmPeriod(in)
}

// checkAlarmPeriod checks the period, the evaluation periods and
// DatapointsToAlarm.
func checkAlarmPeriod(in *PutMetricAlarmInput) error {
	p, n := int64(*in.Period), int64(*in.EvaluationPeriods)
	switch {
	case p < 10 || p%60 != 0 && p != 10 && p != 20 && p != 30:
		return invalidValue("The parameter Period must be 10, 20, 30 or a multiple of 60.")
	case p*n > 7*86400:
		return validation("evaluationPeriods", itoa(*in.EvaluationPeriods),
			"Metrics cannot be checked across more than a week (EvaluationPeriods * Period must be <= 604800)")
	case p < 3600 && p*n > 86400:
		return validation("evaluationPeriods", itoa(*in.EvaluationPeriods),
			"Metrics cannot be checked across more than a day (EvaluationPeriods * Period must be <= 86400)")
	case in.DatapointsToAlarm != nil && (*in.DatapointsToAlarm < 1 || *in.DatapointsToAlarm > *in.EvaluationPeriods):
		return validation("datapointsToAlarm", itoa(*in.DatapointsToAlarm),
			"DatapointsToAlarm must be between 1 and EvaluationPeriods")
	}
	return nil
}
