package cloudwatch

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// GetMetricData limits (sdk api_op_GetMetricData.go).
const (
	maxQueries       = 500
	defaultMaxPoints = 100800
)

var queryID = regexp.MustCompile(`^[a-z][a-zA-Z0-9_]*$`)

// GetMetricData returns the data of MetricStat queries over [StartTime,
// EndTime): each query's timestamps and values, newest first unless ScanBy
// is TimestampAscending, at most MaxDatapoints data points a page over all
// queries. Queries with ReturnData false are computed but not returned.
// Expression queries are metric math (math_*.go).
func (s *Service) GetMetricData(ctx context.Context, in GetMetricDataInput) (GetMetricDataOutput, error) {
	sc, err := s.enter(ctx, "GetMetricData")
	if err != nil {
		return GetMetricDataOutput{}, err
	}
	now := s.now()
	if err := checkMetricData(&in, now); err != nil {
		return GetMetricDataOutput{}, err
	}
	offset, ok := tokenOffset(in.NextToken)
	if !ok {
		return GetMetricDataOutput{}, errs.Default(codeInvalidNextToken)
	}
	limit := defaultMaxPoints
	if in.MaxDatapoints != nil && *in.MaxDatapoints > 0 {
		limit = int(*in.MaxDatapoints)
	}
	start := roundStart(in.StartTime.Time, now).Unix()
	end := in.EndTime.Time.Unix()
	s.mu.Lock()
	s.drainLocked()
	p := s.partOf(sc)
	results, err := p.answer(in.MetricDataQueries, start, end, in.ScanBy == "TimestampAscending", now)
	s.mu.Unlock()
	if err != nil {
		return GetMetricDataOutput{}, err
	}
	return page(results, offset, limit), nil
}

// page returns the page of results that starts at data point offset (over
// every result in order) and holds at most limit of them; a result cut
// short is PartialData and the token names where the next page starts.
func page(results []MetricDataResult, offset, limit int) GetMetricDataOutput {
	out := GetMetricDataOutput{MetricDataResults: []MetricDataResult{}, Messages: []MessageData{}}
	base, taken := 0, 0
	for _, r := range results {
		n := len(r.Values)
		skip := min(max(offset-base, 0), n)
		base += n
		if skip == n && n > 0 {
			continue // wholly on an earlier page
		}
		take := min(n-skip, limit-taken)
		r.Timestamps, r.Values = r.Timestamps[skip:skip+take], r.Values[skip:skip+take]
		taken += take
		if skip+take < n {
			r.StatusCode = "PartialData"
			out.MetricDataResults = append(out.MetricDataResults, r)
			out.NextToken = pagetoken.Of(strconv.Itoa(offset + taken))
			return out
		}
		out.MetricDataResults = append(out.MetricDataResults, r)
	}
	return out
}

// fetch computes one MetricStat over [start, end): its non-empty periods
// in time order. The caller holds s.mu.
func (p *partition) fetch(ms *MetricStat, id, label string, start, end int64, now time.Time) series {
	out := series{id: id, label: label, props: map[string]string{"MetricName": ms.Metric.MetricName,
		"Namespace": ms.Metric.Namespace, "Stat": ms.Stat, "Period": strconv.Itoa(int(ms.Period))}}
	for _, d := range ms.Metric.Dimensions {
		out.props["Dim."+d.Name] = d.Value
	}
	m := p.metrics[metricKey(ms.Metric.Namespace, ms.Metric.MetricName, sortedDims(ms.Metric.Dimensions))]
	if m == nil {
		return out
	}
	var tls []*timeline
	for _, u := range sortedUnits(m, ms.Unit) {
		m.units[u].age(now.Unix())
		tls = append(tls, m.units[u])
	}
	ext, isExt := parseExt(ms.Stat)
	n := periodsHeld(tls, start, end, int64(ms.Period))
	out.ts, out.vs = make([]int64, 0, n), make([]float64, 0, n)
	periods(tls, start, end, int64(ms.Period), isExt, func(b *bucket) {
		v, ok := basic(b, ms.Stat), true
		if isExt {
			v, ok = ext.value(b)
		}
		if ok {
			out.ts, out.vs = append(out.ts, b.t), append(out.vs, v)
		}
	})
	return out
}

// result renders a series as a MetricDataResult, newest first unless
// ascending.
func (s series) result(ascending bool) MetricDataResult {
	r := MetricDataResult{Id: s.id, Label: s.label, StatusCode: "Complete", Timestamps: make([]Time, len(s.ts)), Values: slices.Clone(s.vs)}
	if r.Values == nil {
		r.Values = []float64{}
	}
	for i, t := range s.ts {
		r.Timestamps[i] = Time{time.Unix(t, 0).UTC()}
	}
	if !ascending {
		slices.Reverse(r.Timestamps)
		slices.Reverse(r.Values)
	}
	return r
}

// checkMetricData validates a GetMetricData request.
func checkMetricData(in *GetMetricDataInput, now time.Time) error {
	switch {
	case len(in.MetricDataQueries) == 0:
		return missing("MetricDataQueries")
	case len(in.MetricDataQueries) > maxQueries:
		return invalidValue("The collection MetricDataQueries must not have a size greater than %d.", maxQueries)
	case in.StartTime == nil:
		return missing("StartTime")
	case in.EndTime == nil:
		return missing("EndTime")
	case !in.StartTime.Before(in.EndTime.Time):
		return invalidValue("The parameter StartTime must be less than the parameter EndTime.")
	case in.ScanBy != "" && in.ScanBy != "TimestampDescending" && in.ScanBy != "TimestampAscending":
		return validation("scanBy", in.ScanBy, "Member must satisfy enum value set: [TimestampDescending, TimestampAscending]")
	}
	ids := map[string]bool{}
	for i, q := range in.MetricDataQueries {
		member := "MetricDataQueries.member." + strconv.Itoa(i+1)
		if err := checkQuery(member, q, in.StartTime.Time, now); err != nil {
			return err
		}
		if ids[q.Id] {
			return invalidValue("The values for parameter Id in %s are not unique.", "MetricDataQueries")
		}
		ids[q.Id] = true
	}
	return nil
}

// checkQuery validates one MetricStat query.
func checkQuery(member string, q MetricDataQuery, start, now time.Time) error {
	switch {
	case q.Id == "":
		return missing(member + ".Id")
	case !queryID.MatchString(q.Id) || len(q.Id) > 255:
		return invalidValue("The value %s for parameter %s.Id is invalid.", q.Id, member)
	case q.Expression != "" && q.MetricStat != nil:
		return invalidValue("The parameters %s.MetricStat and %s.Expression are mutually exclusive and you have specified both.", member, member)
	case q.Expression != "":
		return checkExpression(member, q)
	case q.MetricStat == nil:
		return missing(member + ".MetricStat")
	case q.MetricStat.Metric.Namespace == "" || q.MetricStat.Metric.MetricName == "":
		return missing(member + ".MetricStat.Metric.MetricName")
	}
	ms := q.MetricStat
	if _, ok := parseExt(ms.Stat); !ok && !standardStats[ms.Stat] {
		return invalidValue("The value %s for parameter %s.MetricStat.Stat is invalid.", ms.Stat, member)
	}
	if err := checkUnit(lowerPath(member)+".metricStat.unit", ms.Unit); err != nil {
		return err
	}
	return checkPeriod(member+".MetricStat.Period", ms.Period, start, now)
}
