package cloudwatch_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// stat is a MetricStat query of app/<name>, Sum over a minute.
func stat(id, name string, returned bool) types.MetricDataQuery {
	return types.MetricDataQuery{Id: aws.String(id), ReturnData: aws.Bool(returned), MetricStat: &types.MetricStat{
		Metric: &types.Metric{Namespace: aws.String("app"), MetricName: aws.String(name)}, Period: aws.Int32(60), Stat: aws.String("Sum")}}
}

func expr(id, e string) types.MetricDataQuery {
	return types.MetricDataQuery{Id: aws.String(id), Expression: aws.String(e)}
}

// getData runs GetMetricData over [t0-10m, t0), oldest first.
func (f *fixture) getData(t *testing.T, qs ...types.MetricDataQuery) []types.MetricDataResult {
	t.Helper()
	out, err := f.client.GetMetricData(f.ctx, &awscw.GetMetricDataInput{MetricDataQueries: qs,
		StartTime: aws.Time(t0.Add(-10 * time.Minute)), EndTime: aws.Time(t0), ScanBy: types.ScanByTimestampAscending})
	require.NoError(t, err)
	return out.MetricDataResults
}

// minute is t0 - 10m + i minutes.
func minute(i int) time.Time { return t0.Add(time.Duration(i-10) * time.Minute) }

// series sends values of name at minutes 0, 1, ...; NaN-free, a negative
// value skips the minute.
func (f *fixture) series(t *testing.T, name string, vs ...float64) {
	for i, v := range vs {
		if v >= 0 {
			f.put(t, name, v, minute(i))
		}
	}
}

// utc returns ts in UTC (the SDK decodes them in the local zone).
func utc(ts []time.Time) []time.Time {
	out := make([]time.Time, len(ts))
	for i, t := range ts {
		out[i] = t.UTC()
	}
	return out
}

func times(n ...int) []time.Time {
	out := make([]time.Time, len(n))
	for i, m := range n {
		out[i] = minute(m)
	}
	return out
}

// m1/m2*100 meets the two series at the minutes both have; the minute
// where m2 is 0 is dropped and the result says so (AWS's ArithmeticError).
func TestMetricMath_DivisionByZeroDropsThePoint(t *testing.T) {
	f := newFixture(t)
	f.series(t, "errors", 1, 2, 3, 4)
	f.series(t, "calls", 10, 0, 30, -1)
	rs := f.getData(t, stat("m1", "errors", false), stat("m2", "calls", false), expr("e1", "m1/m2*100"))
	require.Len(t, rs, 1)
	assert.Equal(t, "e1", aws.ToString(rs[0].Id))
	assert.Equal(t, "e1", aws.ToString(rs[0].Label))
	assert.Equal(t, []float64{10, 10}, rs[0].Values)
	assert.Equal(t, times(0, 2), utc(rs[0].Timestamps))
	require.Len(t, rs[0].Messages, 1)
	assert.Equal(t, "ArithmeticError", aws.ToString(rs[0].Messages[0].Code))
}

// SUM(METRICS()) adds the series at each minute any of them has;
// METRICS("err") keeps those whose Id contains err.
func TestMetricMath_MetricsSums(t *testing.T) {
	f := newFixture(t)
	f.series(t, "a", 1, 2, -1)
	f.series(t, "b", 10, -1, 30)
	f.series(t, "c", 100, 100, 100)
	rs := f.getData(t, stat("err1", "a", false), stat("err2", "b", false), stat("ok", "c", false),
		expr("all", "SUM(METRICS())"), expr("errs", `SUM(METRICS("err"))`), expr("each", `METRICS("err") * 2`))
	require.Len(t, rs, 4)
	assert.Equal(t, []float64{111, 102, 130}, rs[0].Values)
	assert.Equal(t, []float64{11, 2, 30}, rs[1].Values)
	assert.Equal(t, times(0, 1, 2), utc(rs[1].Timestamps))
	// An array answers one result per series, each with the series' label.
	assert.Equal(t, "each", aws.ToString(rs[2].Id))
	assert.Equal(t, "a", aws.ToString(rs[2].Label))
	assert.Equal(t, []float64{2, 4}, rs[2].Values)
	assert.Equal(t, "b", aws.ToString(rs[3].Label))
	assert.Equal(t, []float64{20, 60}, rs[3].Values)
}

// FILL with a value, REPEAT and LINEAR fills the window's empty minutes.
func TestMetricMath_Fill(t *testing.T) {
	f := newFixture(t)
	f.series(t, "a", -1, 2, -1, -1, 8, -1, -1, -1, -1, -1)
	rs := f.getData(t, stat("m", "a", false), expr("z", "FILL(m, 0)"), expr("r", "FILL(m, REPEAT)"), expr("l", "FILL(m, LINEAR)"))
	require.Len(t, rs, 3)
	assert.Equal(t, []float64{0, 2, 0, 0, 8, 0, 0, 0, 0, 0}, rs[0].Values)
	assert.Equal(t, []float64{2, 2, 2, 2, 8, 8, 8, 8, 8, 8}, rs[1].Values)
	assert.Equal(t, []float64{2, 4, 6, 8}, rs[2].Values) // between the points only
	assert.Equal(t, times(1, 2, 3, 4), utc(rs[2].Timestamps))
}

// RATE is the change per second against the point before; DIFF the
// change; the first point has none.
func TestMetricMath_RateAndDiff(t *testing.T) {
	f := newFixture(t)
	f.series(t, "a", 60, 120, -1, 300)
	rs := f.getData(t, stat("m", "a", false), expr("r", "RATE(m)"), expr("d", "DIFF(m)"), expr("dt", "DIFF_TIME(m)"),
		expr("rs", "RUNNING_SUM(m)"), expr("n", "DATAPOINT_COUNT(m) + PERIOD(m) * 0"))
	assert.Equal(t, []float64{1, 1.5}, rs[0].Values) // (120-60)/60, (300-120)/120
	assert.Equal(t, times(1, 3), utc(rs[0].Timestamps))
	assert.Equal(t, []float64{60, 180}, rs[1].Values)
	assert.Equal(t, []float64{60, 120}, rs[2].Values)
	assert.Equal(t, []float64{60, 180, 480}, rs[3].Values)
	assert.Len(t, rs[4].Values, 10) // a scalar is returned at every period
	assert.Equal(t, 3.0, rs[4].Values[0])
}

// IF, comparisons, logic and the one-argument functions.
func TestMetricMath_IfAndFunctions(t *testing.T) {
	f := newFixture(t)
	f.series(t, "a", 1, 5, 10)
	rs := f.getData(t, stat("m", "a", false), expr("i", "IF(m > 4, m, 0)"), expr("j", "IF(m >= 5 AND NOT (m == 10), 1)"),
		expr("k", "ABS(-m) + CEIL(0.5) + FLOOR(1.5) + LOG10(100) + 2^2"), expr("l", "MAX([m, m*2]) - MIN(m)"))
	assert.Equal(t, []float64{0, 5, 10}, rs[0].Values)
	assert.Equal(t, []float64{1}, rs[1].Values)
	assert.Equal(t, times(1), utc(rs[1].Timestamps))
	assert.Equal(t, []float64{9, 13, 18}, rs[2].Values)
	assert.Equal(t, []float64{1, 9, 19}, rs[3].Values)
}

// SORT, SLICE, FIRST and LAST order and cut arrays of series.
func TestMetricMath_SortSlice(t *testing.T) {
	f := newFixture(t)
	f.series(t, "a", 1)
	f.series(t, "b", 3)
	f.series(t, "c", 2)
	rs := f.getData(t, stat("a", "a", false), stat("b", "b", false), stat("c", "c", false),
		expr("s", "SLICE(SORT(METRICS(), MAX, DESC), 0, 2)"), expr("f", "FIRST(SORT(METRICS(), SUM, ASC))"))
	require.Len(t, rs, 3)
	assert.Equal(t, []string{"b", "c", "f"}, []string{aws.ToString(rs[0].Label), aws.ToString(rs[1].Label), aws.ToString(rs[2].Label)})
	assert.Equal(t, []float64{1}, rs[2].Values) // FIRST of the ascending sort is a
}

// SEARCH finds the stored metrics by schema and terms.
func TestMetricMath_Search(t *testing.T) {
	f := newFixture(t)
	q := func(v string) types.Dimension {
		return types.Dimension{Name: aws.String("Queue"), Value: aws.String(v)}
	}
	f.put(t, "Sent", 1, minute(0), q("orders"))
	f.put(t, "Sent", 2, minute(0), q("billing"))
	f.put(t, "Sent", 5, minute(0))
	f.put(t, "Deleted", 4, minute(0), q("orders"))
	rs := f.getData(t, expr("s", `SEARCH('{app,Queue} MetricName="Sent"', 'Sum', 60)`))
	require.Len(t, rs, 2)
	assert.Equal(t, "billing Sent", aws.ToString(rs[0].Label))
	assert.Equal(t, []float64{2}, rs[0].Values)
	assert.Equal(t, "orders Sent", aws.ToString(rs[1].Label))
	rs = f.getData(t, expr("s", `SUM(SEARCH('orders', 'Sum', 60))`))
	require.Len(t, rs, 1)
	assert.Equal(t, []float64{5}, rs[0].Values)
}

// A bad expression is AWS's ValidationError; an unknown Id too.
func TestMetricMath_BadExpressions(t *testing.T) {
	f := newFixture(t)
	for _, e := range []string{"m1 +", "FOO(m1)", "nope * 2", "(m1", "SUM(m1, m1)", "e1"} {
		_, err := f.client.GetMetricData(f.ctx, &awscw.GetMetricDataInput{MetricDataQueries: []types.MetricDataQuery{
			stat("m1", "a", false), expr("e1", e)}, StartTime: aws.Time(minute(0)), EndTime: aws.Time(t0)})
		awsfake.CheckCode(t, err, "ValidationError")
		assert.ErrorContains(t, err, "Error in expression e1")
	}
}

// A Metrics Insights query answers the stored data: the function over
// every data point of the matched metrics, by group, ordered and cut.
func TestMetricMath_MetricsInsights(t *testing.T) {
	f := newFixture(t)
	host := func(v string) types.Dimension { return types.Dimension{Name: aws.String("Host"), Value: aws.String(v)} }
	f.put(t, "cpu", 10, minute(0), host("a"))
	f.put(t, "cpu", 30, minute(0), host("b"))
	f.put(t, "cpu", 50, minute(0), host("c"))
	f.put(t, "cpu", 70, minute(1), host("c"))
	f.put(t, "mem", 99, minute(0), host("a"))
	q := func(e string) types.MetricDataQuery {
		return types.MetricDataQuery{Id: aws.String("q"), Expression: aws.String(e), Period: aws.Int32(60)}
	}
	rs := f.getData(t, q(`SELECT AVG(cpu) FROM SCHEMA(app, Host)`))
	require.Len(t, rs, 1)
	assert.Equal(t, []float64{30, 70}, rs[0].Values)
	rs = f.getData(t, q(`SELECT MAX(cpu) FROM app WHERE Host != 'a' GROUP BY Host ORDER BY MAX() DESC LIMIT 1`))
	require.Len(t, rs, 1)
	assert.Equal(t, "c", aws.ToString(rs[0].Label))
	assert.Equal(t, []float64{50, 70}, rs[0].Values)
	rs = f.getData(t, q(`SELECT SUM(cpu) FROM app WHERE Host = 'a' AND Host = 'b'`))
	assert.Empty(t, rs)
	_, err := f.client.GetMetricData(f.ctx, &awscw.GetMetricDataInput{MetricDataQueries: []types.MetricDataQuery{q("SELECT cpu FROM app")},
		StartTime: aws.Time(minute(0)), EndTime: aws.Time(t0)})
	awsfake.CheckCode(t, err, "ValidationError")
}

// Labels take dynamic values: ${PROP('...')} of a metric, ${LABEL} of a
// series, and statistics of the values shown.
func TestMetricMath_DynamicLabels(t *testing.T) {
	f := newFixture(t)
	f.put(t, "cpu", 10, minute(0), types.Dimension{Name: aws.String("Host"), Value: aws.String("web-1")})
	f.put(t, "cpu", 30, minute(1), types.Dimension{Name: aws.String("Host"), Value: aws.String("web-1")})
	m := stat("m1", "cpu", true)
	m.MetricStat.Metric.Dimensions = []types.Dimension{{Name: aws.String("Host"), Value: aws.String("web-1")}}
	m.Label = aws.String("${PROP('Dim.Host')} ${PROP('MetricName')} max ${MAX} of ${DATAPOINT_COUNT}")
	e := expr("e1", "METRICS() * 2")
	e.Label = aws.String("double ${LABEL} avg ${AVG}")
	rs := f.getData(t, m, e)
	require.Len(t, rs, 2)
	assert.Equal(t, "web-1 cpu max 30 of 2", aws.ToString(rs[0].Label))
	assert.Equal(t, "double web-1 cpu max 30 of 2 avg 40", aws.ToString(rs[1].Label))
}
