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

// Values, Values+Counts and StatisticValues aggregate into one minute's
// statistics through the CBOR client.
func TestPutMetricData_EveryValueFormAggregates(t *testing.T) {
	f := newFixture(t)
	ts := t0.Add(-10 * time.Minute)
	_, err := f.client.PutMetricData(f.ctx, &awscw.PutMetricDataInput{Namespace: aws.String("app"), MetricData: []types.MetricDatum{
		{MetricName: aws.String("lat"), Value: aws.Float64(10), Timestamp: aws.Time(ts), Unit: types.StandardUnitMilliseconds},
		{MetricName: aws.String("lat"), Values: []float64{20, 30}, Counts: []float64{1, 2}, Timestamp: aws.Time(ts), Unit: types.StandardUnitMilliseconds},
		{MetricName: aws.String("lat"), StatisticValues: &types.StatisticSet{SampleCount: aws.Float64(2), Sum: aws.Float64(10), Minimum: aws.Float64(4), Maximum: aws.Float64(6)},
			Timestamp: aws.Time(ts), Unit: types.StandardUnitMilliseconds},
	}})
	require.NoError(t, err)
	out, err := f.client.GetMetricStatistics(f.ctx, &awscw.GetMetricStatisticsInput{Namespace: aws.String("app"), MetricName: aws.String("lat"),
		StartTime: aws.Time(t0.Add(-time.Hour)), EndTime: aws.Time(t0), Period: aws.Int32(60),
		Statistics: []types.Statistic{types.StatisticSum, types.StatisticSampleCount, types.StatisticMinimum, types.StatisticMaximum, types.StatisticAverage}})
	require.NoError(t, err)
	require.Len(t, out.Datapoints, 1)
	dp := out.Datapoints[0]
	assert.Equal(t, "lat", aws.ToString(out.Label))
	assert.Equal(t, ts, dp.Timestamp.UTC())
	assert.Equal(t, 100.0, *dp.Sum) // 10 + 20 + 60 + 10
	assert.Equal(t, 6.0, *dp.SampleCount)
	assert.Equal(t, 4.0, *dp.Minimum)
	assert.Equal(t, 30.0, *dp.Maximum)
	assert.InDelta(t, 100.0/6, *dp.Average, 1e-9)
	assert.Equal(t, types.StandardUnitMilliseconds, dp.Unit)
}

// The recorded validation errors (test_put_metric_data_validation).
func TestPutMetricData_Validation(t *testing.T) {
	f := newFixture(t)
	put := func(d types.MetricDatum) error {
		_, err := f.client.PutMetricData(f.ctx, &awscw.PutMetricDataInput{Namespace: aws.String("app"), MetricData: []types.MetricDatum{d}})
		return err
	}
	err := put(types.MetricDatum{MetricName: aws.String("m"), Value: aws.Float64(1), Values: []float64{1}})
	awsfake.CheckCode(t, err, "InvalidParameterCombination")
	assert.ErrorContains(t, err, "The parameters MetricData.member.1.Value and MetricData.member.1.Values are mutually exclusive and you have specified both.")
	var ipc *types.InvalidParameterCombinationException
	assert.ErrorAs(t, err, &ipc)
	err = put(types.MetricDatum{MetricName: aws.String("m"), Values: []float64{1, 2}, Counts: []float64{1}})
	assert.ErrorContains(t, err, "The parameters MetricData.member.1.Values and MetricData.member.1.Counts must be of the same size.")
	var ipv *types.InvalidParameterValueException
	assert.ErrorAs(t, err, &ipv)
	err = put(types.MetricDatum{MetricName: aws.String("m"), Value: aws.Float64(1), StatisticValues: &types.StatisticSet{
		SampleCount: aws.Float64(1), Sum: aws.Float64(1), Minimum: aws.Float64(1), Maximum: aws.Float64(1)}})
	assert.ErrorContains(t, err, "The parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues are mutually exclusive")

	_, err = f.client.PutMetricData(f.ctx, &awscw.PutMetricDataInput{Namespace: aws.String("AWS/SQS"),
		MetricData: []types.MetricDatum{{MetricName: aws.String("m"), Value: aws.Float64(1)}}})
	awsfake.CheckCode(t, err, "InvalidParameterValue")

	dims := make([]types.Dimension, 31)
	for i := range dims {
		dims[i] = types.Dimension{Name: aws.String(string(rune('a'+i%26)) + string(rune('a'+i/26))), Value: aws.String("v")}
	}
	awsfake.CheckCode(t, put(types.MetricDatum{MetricName: aws.String("m"), Value: aws.Float64(1), Dimensions: dims}), "InvalidParameterValue")
	require.NoError(t, put(types.MetricDatum{MetricName: aws.String("m"), Value: aws.Float64(1), Dimensions: dims[:30]}))
	awsfake.CheckCode(t, put(types.MetricDatum{MetricName: aws.String("m"), Value: aws.Float64(1), StorageResolution: aws.Int32(5)}), "InvalidParameterValue")
}

// The timestamp window: two weeks back, two hours ahead, at its bounds.
func TestPutMetricData_TimestampWindow(t *testing.T) {
	f := newFixture(t)
	put := func(ts time.Time) error {
		_, err := f.client.PutMetricData(f.ctx, &awscw.PutMetricDataInput{Namespace: aws.String("app"),
			MetricData: []types.MetricDatum{{MetricName: aws.String("m"), Value: aws.Float64(1), Timestamp: aws.Time(ts)}}})
		return err
	}
	require.NoError(t, put(t0.Add(-14*24*time.Hour)))
	awsfake.CheckCode(t, put(t0.Add(-14*24*time.Hour-time.Second)), "InvalidParameterValue")
	require.NoError(t, put(t0.Add(2*time.Hour)))
	awsfake.CheckCode(t, put(t0.Add(2*time.Hour+time.Second)), "InvalidParameterValue")
}

// The recorded limits of GetMetricStatistics (test_invalid_amount_of_datapoints):
// a day of 1-second periods is 86,400 data points; StartTime after EndTime.
func TestGetMetricStatistics_Limits(t *testing.T) {
	f := newFixture(t)
	get := func(start, end time.Time, period int32) error {
		_, err := f.client.GetMetricStatistics(f.ctx, &awscw.GetMetricStatisticsInput{Namespace: aws.String("app"),
			MetricName: aws.String("m"), StartTime: aws.Time(start), EndTime: aws.Time(end), Period: aws.Int32(period),
			Statistics: []types.Statistic{types.StatisticSum}})
		return err
	}
	err := get(t0.Add(-time.Hour), t0.Add(23*time.Hour), 1)
	awsfake.CheckCode(t, err, "InvalidParameterCombination")
	assert.ErrorContains(t, err, "You have requested up to 86400 datapoints, which exceeds the limit of 1440. "+
		"You may reduce the datapoints requested by increasing Period, or decreasing the time range.")
	err = get(t0, t0.Add(-time.Hour), 60)
	assert.ErrorContains(t, err, "The parameter StartTime must be less than the parameter EndTime.")
	require.NoError(t, get(t0.Add(-24*time.Hour), t0, 60)) // exactly 1,440
	awsfake.CheckCode(t, get(t0.Add(-24*time.Hour-time.Minute), t0, 60), "InvalidParameterCombination")
	// Data older than 3 hours is read by minutes.
	require.NoError(t, get(t0.Add(-3*time.Hour), t0, 10))
	awsfake.CheckCode(t, get(t0.Add(-3*time.Hour-time.Minute), t0.Add(-3*time.Hour), 10), "InvalidParameterValue")
	awsfake.CheckCode(t, get(t0.Add(-time.Hour), t0, 7), "InvalidParameterValue")
}

// Percentiles and the other extended statistics over 1..100.
func TestGetMetricStatistics_ExtendedStatistics(t *testing.T) {
	f := newFixture(t)
	vals := make([]float64, 100)
	for i := range vals {
		vals[i] = float64(i + 1)
	}
	ts := t0.Add(-5 * time.Minute)
	_, err := f.client.PutMetricData(f.ctx, &awscw.PutMetricDataInput{Namespace: aws.String("app"),
		MetricData: []types.MetricDatum{{MetricName: aws.String("m"), Values: vals, Timestamp: aws.Time(ts)}}})
	require.NoError(t, err)
	out, err := f.client.GetMetricStatistics(f.ctx, &awscw.GetMetricStatisticsInput{Namespace: aws.String("app"),
		MetricName: aws.String("m"), StartTime: aws.Time(t0.Add(-time.Hour)), EndTime: aws.Time(t0), Period: aws.Int32(3600),
		ExtendedStatistics: []string{"p90", "p99.9", "tm10:90", "TM(:50%)", "wm10:90", "tc10:90", "ts10:90", "PR(:25)", "IQM"}})
	require.NoError(t, err)
	require.Len(t, out.Datapoints, 1)
	got := out.Datapoints[0].ExtendedStatistics
	assert.Equal(t, map[string]float64{"p90": 90, "p99.9": 100, "tm10:90": 50.5, "TM(:50%)": 25.5,
		"wm10:90": 50.5, "tc10:90": 80, "ts10:90": 4040, "PR(:25)": 25, "IQM": 50.5}, got)

	// Percentiles are unavailable when values are negative or only
	// StatisticValues were sent.
	_, err = f.client.PutMetricData(f.ctx, &awscw.PutMetricDataInput{Namespace: aws.String("app"),
		MetricData: []types.MetricDatum{{MetricName: aws.String("neg"), Values: []float64{-1, 2}, Timestamp: aws.Time(ts)}}})
	require.NoError(t, err)
	out, err = f.client.GetMetricStatistics(f.ctx, &awscw.GetMetricStatisticsInput{Namespace: aws.String("app"),
		MetricName: aws.String("neg"), StartTime: aws.Time(t0.Add(-time.Hour)), EndTime: aws.Time(t0), Period: aws.Int32(3600),
		ExtendedStatistics: []string{"p50"}})
	require.NoError(t, err)
	require.Len(t, out.Datapoints, 1)
	assert.Empty(t, out.Datapoints[0].ExtendedStatistics)
}

// GetMetricData with MetricStat queries: labels, ReturnData, ScanBy and
// pagination by MaxDatapoints.
func TestGetMetricData_QueriesAndPages(t *testing.T) {
	f := newFixture(t)
	for i := range 5 {
		f.put(t, "m", float64(i), t0.Add(time.Duration(i-10)*time.Minute))
	}
	q := func(id, label string, ret bool) types.MetricDataQuery {
		return types.MetricDataQuery{Id: aws.String(id), Label: aws.String(label), ReturnData: aws.Bool(ret),
			MetricStat: &types.MetricStat{Metric: &types.Metric{Namespace: aws.String("app"), MetricName: aws.String("m")},
				Period: aws.Int32(60), Stat: aws.String("Sum")}}
	}
	in := &awscw.GetMetricDataInput{StartTime: aws.Time(t0.Add(-time.Hour)), EndTime: aws.Time(t0),
		MetricDataQueries: []types.MetricDataQuery{q("a", "first", true), q("hidden", "x", false), q("b", "", true)}}
	out, err := f.client.GetMetricData(f.ctx, in)
	require.NoError(t, err)
	require.Len(t, out.MetricDataResults, 2)
	assert.Equal(t, "first", aws.ToString(out.MetricDataResults[0].Label))
	assert.Equal(t, "m", aws.ToString(out.MetricDataResults[1].Label))
	assert.Equal(t, []float64{4, 3, 2, 1, 0}, out.MetricDataResults[0].Values)
	assert.Equal(t, t0.Add(-6*time.Minute), out.MetricDataResults[0].Timestamps[0].UTC())
	assert.Equal(t, types.StatusCodeComplete, out.MetricDataResults[0].StatusCode)

	in.ScanBy, in.MaxDatapoints = types.ScanByTimestampAscending, aws.Int32(3)
	var pages [][]float64
	for {
		out, err = f.client.GetMetricData(f.ctx, in)
		require.NoError(t, err)
		for _, r := range out.MetricDataResults {
			pages = append(pages, r.Values)
		}
		if out.NextToken == nil {
			break
		}
		in.NextToken = out.NextToken
	}
	assert.Equal(t, [][]float64{{0, 1, 2}, {3, 4}, {0}, {1, 2, 3}, {4}}, pages)
}

// ListMetrics filters by namespace, name and dimensions, and
// RecentlyActive PT3H reads the clock; metrics without data for two weeks
// are gone.
func TestListMetrics_FiltersAndRecentlyActive(t *testing.T) {
	f := newFixture(t)
	f.put(t, "a", 1, t0, types.Dimension{Name: aws.String("Q"), Value: aws.String("x")})
	f.put(t, "b", 1, t0)
	list := func(in *awscw.ListMetricsInput) []string {
		out, err := f.client.ListMetrics(f.ctx, in)
		require.NoError(t, err)
		var names []string
		for _, m := range out.Metrics {
			names = append(names, aws.ToString(m.MetricName))
		}
		return names
	}
	assert.Equal(t, []string{"a", "b"}, list(&awscw.ListMetricsInput{Namespace: aws.String("app")}))
	assert.Equal(t, []string{"a"}, list(&awscw.ListMetricsInput{Dimensions: []types.DimensionFilter{{Name: aws.String("Q")}}}))
	assert.Empty(t, list(&awscw.ListMetricsInput{Dimensions: []types.DimensionFilter{{Name: aws.String("Q"), Value: aws.String("y")}}}))
	f.advance(t, 3*time.Hour-time.Second)
	assert.Len(t, list(&awscw.ListMetricsInput{RecentlyActive: types.RecentlyActivePt3h}), 2)
	f.advance(t, time.Second)
	assert.Empty(t, list(&awscw.ListMetricsInput{RecentlyActive: types.RecentlyActivePt3h}))
	f.advance(t, 14*24*time.Hour-3*time.Hour-time.Second)
	assert.Len(t, list(&awscw.ListMetricsInput{}), 2)
	f.advance(t, time.Second)
	assert.Empty(t, list(&awscw.ListMetricsInput{}))
}
