package cloudwatch

import (
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// maxStatPoints is GetMetricStatistics' limit on data points per call.
const maxStatPoints = 1440

// checkPeriod applies the Period rules: 1, 5, 10, 20, 30 or a multiple of
// 60; a multiple of 60 for data more than 3 hours old, of 300 past 15
// days, of 3,600 past 63 days (sdk api_op_GetMetricStatistics.go).
func checkPeriod(member string, period int32, start, now time.Time) error {
	if period < 1 {
		return invalidValue("The parameter %s must be greater than 0.", member)
	}
	if period%60 != 0 && !slices.Contains([]int32{1, 5, 10, 20, 30}, period) {
		return invalidValue("The parameter %s must be a multiple of 60.", member)
	}
	age := now.Sub(start)
	for _, r := range []struct {
		age  time.Duration
		mult int32
	}{{63 * 24 * time.Hour, 3600}, {15 * 24 * time.Hour, 300}, {3 * time.Hour, 60}} {
		if age > r.age && period%r.mult != 0 {
			return invalidValue("The parameter %s must be a multiple of %d for data older than %s.", member, r.mult, r.age)
		}
	}
	return nil
}

// roundStart rounds a start time down as AWS does by its age: to the
// minute under 15 days, to 5 minutes to 63 days, to the hour beyond.
func roundStart(start, now time.Time) time.Time {
	switch age := now.Sub(start); {
	case age > 63*24*time.Hour:
		return start.Truncate(time.Hour)
	case age > 15*24*time.Hour:
		return start.Truncate(5 * time.Minute)
	}
	return start.Truncate(time.Minute)
}

// GetMetricStatistics returns a metric's statistics over [StartTime,
// EndTime) by Period: a data point for each period with data, at most
// 1,440 of them. Without a Unit it returns the data of every unit, each
// data point naming its unit.
func (s *Service) GetMetricStatistics(ctx context.Context, in GetMetricStatisticsInput) (GetMetricStatisticsOutput, error) {
	sc, err := s.enter(ctx, "GetMetricStatistics")
	if err != nil {
		return GetMetricStatisticsOutput{}, err
	}
	now := s.now()
	start, end, err := checkStatistics(&in, now)
	if err != nil {
		return GetMetricStatisticsOutput{}, err
	}
	exts := make([]extStat, len(in.ExtendedStatistics))
	for i, e := range in.ExtendedStatistics {
		exts[i], _ = parseExt(e)
	}
	out := GetMetricStatisticsOutput{Label: in.MetricName, Datapoints: []Datapoint{}}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.drainLocked()
	m := s.partOf(sc).metrics[metricKey(in.Namespace, in.MetricName, sortedDims(in.Dimensions))]
	if m == nil {
		return out, nil
	}
	for _, unit := range sortedUnits(m, in.Unit) {
		tl := m.units[unit]
		tl.age(now.Unix())
		for _, b := range window([]*timeline{tl}, start, end, int64(*in.Period), len(exts) > 0) {
			dp := Datapoint{Timestamp: At(time.Unix(b.t, 0).UTC()), Unit: unit}
			for _, st := range in.Statistics {
				v := basic(&b, st)
				dp.set(st, v)
			}
			for i, e := range exts {
				if v, ok := e.value(&b); ok {
					if dp.ExtendedStatistics == nil {
						dp.ExtendedStatistics = map[string]float64{}
					}
					dp.ExtendedStatistics[in.ExtendedStatistics[i]] = v
				}
			}
			out.Datapoints = append(out.Datapoints, dp)
		}
	}
	return out, nil
}

// set stores one standard statistic.
func (dp *Datapoint) set(stat string, v float64) {
	switch stat {
	case "SampleCount":
		dp.SampleCount = &v
	case "Sum":
		dp.Sum = &v
	case "Minimum":
		dp.Minimum = &v
	case "Maximum":
		dp.Maximum = &v
	default:
		dp.Average = &v
	}
}

// sortedUnits is unit when given (if the metric has it), else every unit
// of m in order.
func sortedUnits(m *metric, unit string) []string {
	if unit != "" {
		if m.units[unit] == nil {
			return nil
		}
		return []string{unit}
	}
	out := make([]string, 0, len(m.units))
	for u := range m.units {
		out = append(out, u)
	}
	slices.Sort(out)
	return out
}

// checkStatistics validates a GetMetricStatistics request and returns its
// window in Unix seconds, the start rounded.
func checkStatistics(in *GetMetricStatisticsInput, now time.Time) (start, end int64, err error) {
	switch {
	case in.Namespace == "":
		return 0, 0, missing("Namespace")
	case in.MetricName == "":
		return 0, 0, missing("MetricName")
	case in.StartTime == nil:
		return 0, 0, missing("StartTime")
	case in.EndTime == nil:
		return 0, 0, missing("EndTime")
	case in.Period == nil:
		return 0, 0, missing("Period")
	case len(in.Statistics) == 0 && len(in.ExtendedStatistics) == 0:
		return 0, 0, missing("Statistics")
	case len(in.Statistics) > 0 && len(in.ExtendedStatistics) > 0:
		return 0, 0, combination("The parameters Statistics and ExtendedStatistics are mutually exclusive and you have specified both.")
	case len(in.Statistics) > 5:
		return 0, 0, invalidValue("The collection Statistics must not have a size greater than 5.")
	case len(in.ExtendedStatistics) > 10:
		return 0, 0, invalidValue("The collection ExtendedStatistics must not have a size greater than 10.")
	}
	for i, st := range in.Statistics {
		if !standardStats[st] {
			return 0, 0, validation("statistics."+strconv.Itoa(i+1), st,
				"Member must satisfy enum value set: [Maximum, SampleCount, Sum, Minimum, Average]")
		}
	}
	for _, e := range in.ExtendedStatistics {
		if _, ok := parseExt(e); !ok {
			return 0, 0, invalidValue("The value %s for parameter ExtendedStatistics is not supported.", e)
		}
	}
	if err := checkUnit("unit", in.Unit); err != nil {
		return 0, 0, err
	}
	if err := checkDims("Dimensions", in.Dimensions); err != nil {
		return 0, 0, err
	}
	return checkWindow(in.StartTime.Time, in.EndTime.Time, *in.Period, now)
}

// checkWindow checks a window and its period, rounds the start and
// refuses more than 1,440 data points.
func checkWindow(st, et time.Time, period int32, now time.Time) (start, end int64, err error) {
	if !st.Before(et) {
		return 0, 0, invalidValue("The parameter StartTime must be less than the parameter EndTime.")
	}
	if err := checkPeriod("Period", period, st, now); err != nil {
		return 0, 0, err
	}
	start, end = roundStart(st, now).Unix(), et.Unix()
	if n := (end - start + int64(period) - 1) / int64(period); n > maxStatPoints {
		return 0, 0, combination("You have requested up to %d datapoints, which exceeds the limit of %d. "+
			"You may reduce the datapoints requested by increasing Period, or decreasing the time range.", n, maxStatPoints)
	}
	return start, end, nil
}

// tokenOffset reads GetMetricData's token: the offset of the next data
// point over all the queries' results.
func tokenOffset(token string) (int, bool) {
	if token == "" {
		return 0, true
	}
	k, ok := pagetoken.Key(token)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(k)
	return n, err == nil && n >= 0
}
