package cloudwatch

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// arithmeticMessage is the message AWS adds to a result whose points were
// dropped for a non-numeric value.
var arithmeticMessage = MessageData{Code: "ArithmeticError",
	Value: "One or more data points have been dropped due to non-numeric values (NaN, -Infinite, +Infinite)"}

// answer computes the returned queries of a GetMetricData request:
// MetricStat queries and metric math expressions over them. The caller
// holds s.mu.
func (p *partition) answer(queries []MetricDataQuery, start, end int64, ascending bool, now time.Time) ([]MetricDataResult, error) {
	env := p.mathEnv(queries, start, end, now)
	var results []MetricDataResult
	for i := range queries {
		q := &queries[i]
		if q.ReturnData != nil && !*q.ReturnData {
			continue
		}
		v, err := env.value(q.Id)
		if err != nil {
			return nil, errs.New(codeValidation, "Error in expression %s: %s", q.Id, err.Error())
		}
		for _, s := range env.seriesOf(q, v) {
			s.label = expandLabel(s.label, s)
			r := s.result(ascending)
			r.Id = q.Id
			if s.dropped {
				r.Messages = []MessageData{arithmeticMessage}
			}
			results = append(results, r)
		}
	}
	return results, nil
}

// mathEnv prepares the evaluation of queries over [start, end). The
// caller holds s.mu.
func (p *partition) mathEnv(queries []MetricDataQuery, start, end int64, now time.Time) *mathEnv {
	env := &mathEnv{queries: map[string]*MetricDataQuery{}, done: map[string]mval{}, busy: map[string]bool{},
		start: start, end: end, period: 60}
	maxPeriod := int64(0)
	for i := range queries {
		q := &queries[i]
		env.queries[q.Id] = q
		if q.MetricStat != nil {
			env.order = append(env.order, q.Id)
			maxPeriod = max(maxPeriod, int64(q.MetricStat.Period))
		}
	}
	if maxPeriod > 0 {
		env.period = maxPeriod
	}
	env.fetch = func(q *MetricDataQuery) series {
		label := q.Label
		if label == "" {
			label = q.MetricStat.Metric.MetricName
		}
		s := p.fetch(q.MetricStat, q.Id, label, start, end, now)
		s.label = expandLabel(s.label, s)
		return s
	}
	env.search = func(expr, stat string, period int64) ([]series, error) {
		return p.search(expr, stat, period, start, end, now)
	}
	env.insights = func(query string, period int64) ([]series, error) {
		return p.insights(query, period, start, end, now)
	}
	return env
}

// seriesOf is what a query returns: a series per series of its value (a
// scalar at every period of the window), labelled with the query's Label,
// else with the series' own label when the value is an array, else with
// the query's Id.
func (e *mathEnv) seriesOf(q *MetricDataQuery, v mval) []series {
	if v.kind == 'n' {
		if math.IsNaN(v.num) || math.IsInf(v.num, 0) {
			return []series{{label: labelOf(q, ""), dropped: true}}
		}
		return []series{e.constant(v.num, labelOf(q, ""))}
	}
	out := make([]series, len(v.arr))
	for i, s := range v.arr {
		own := s.label
		if s.props == nil {
			s.props = map[string]string{}
		}
		s.props["LABEL"] = own
		if !v.multi && q.MetricStat == nil {
			own = ""
		}
		s.label = labelOf(q, own)
		out[i] = s
	}
	return out
}

// labelOf is the query's Label, else own, else the query's Id.
func labelOf(q *MetricDataQuery, own string) string {
	switch {
	case q.Label != "":
		return q.Label
	case own != "":
		return own
	}
	return q.Id
}

// checkExpression validates an Expression query: its length and syntax.
// Unknown identifiers and type errors are found when it is evaluated.
func checkExpression(member string, q MetricDataQuery) error {
	if len(q.Expression) > maxExpression {
		return validation(lowerPath(member)+".expression", q.Expression,
			fmt.Sprintf("Member must have length less than or equal to %d", maxExpression))
	}
	if isInsights(q.Expression) {
		if _, err := parseInsights(q.Expression); err != nil {
			return errs.New(codeValidation, "Error in expression %s: %s", q.Id, err.Error())
		}
		return nil
	}
	if _, err := parseExpression(q.Expression); err != nil {
		return errs.New(codeValidation, "Error in expression %s: %s", q.Id, err.Error())
	}
	return nil
}

var labelVar = regexp.MustCompile(`\$\{(?:PROP\('([^']*)'\)|(LABEL|AVG|MIN|MAX|SUM|FIRST|LAST|DATAPOINT_COUNT))\}`)

// expandLabel fills a label's dynamic values: ${PROP('MetricName')} and
// the other properties of a metric's series, ${LABEL} (the series' own
// label), and ${AVG}, ${MIN}, ${MAX}, ${SUM}, ${FIRST}, ${LAST},
// ${DATAPOINT_COUNT} over its values. A property the series does not have
// is left empty.
func expandLabel(label string, s series) string {
	if !strings.Contains(label, "${") {
		return label
	}
	return labelVar.ReplaceAllStringFunc(label, func(m string) string {
		sub := labelVar.FindStringSubmatch(m)
		if sub[1] != "" {
			return s.props[sub[1]]
		}
		if sub[2] == "LABEL" {
			return s.props["LABEL"]
		}
		if sub[2] == "DATAPOINT_COUNT" {
			return strconv.Itoa(len(s.vs))
		}
		if len(s.vs) == 0 {
			return ""
		}
		v := map[string]func() float64{"FIRST": func() float64 { return s.vs[0] }, "LAST": func() float64 { return s.vs[len(s.vs)-1] },
			"AVG": func() float64 { return reducers["AVG"](s.vs) }, "MIN": func() float64 { return slices.Min(s.vs) },
			"MAX": func() float64 { return slices.Max(s.vs) }, "SUM": func() float64 { return reducersSum(s.vs) }}[sub[2]]()
		return strconv.FormatFloat(v, 'f', -1, 64)
	})
}
