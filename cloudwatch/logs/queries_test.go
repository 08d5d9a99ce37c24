package logs_test

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
	lsdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// putAt stores messages in a stream at absolute instants.
func (f *fixture) putAt(t testing.TB, group, stream string, at []time.Time, msgs ...string) {
	t.Helper()
	evs := make([]types.InputLogEvent, len(msgs))
	for i, m := range msgs {
		evs[i] = types.InputLogEvent{Message: aws.String(m), Timestamp: aws.Int64(at[i].UnixMilli())}
	}
	_, err := f.client.PutLogEvents(ctx, &sdk.PutLogEventsInput{LogGroupName: aws.String(group), LogStreamName: aws.String(stream), LogEvents: evs})
	require.NoError(t, err)
}

// query starts a query over [t0, t0+2h] on groups, moves the clock until
// it completes and returns its rows as field maps, in order.
func (f *fixture) query(t testing.TB, q string, groups ...string) ([]map[string]string, *sdk.GetQueryResultsOutput) {
	t.Helper()
	start, err := f.client.StartQuery(ctx, &sdk.StartQueryInput{LogGroupNames: groups, QueryString: aws.String(q),
		StartTime: aws.Int64(t0.Unix()), EndTime: aws.Int64(t0.Add(2 * time.Hour).Unix())})
	require.NoError(t, err)
	f.advance(t, 500*time.Millisecond)
	out, err := f.client.GetQueryResults(ctx, &sdk.GetQueryResultsInput{QueryId: start.QueryId})
	require.NoError(t, err)
	require.Equal(t, types.QueryStatusComplete, out.Status)
	return rowsOf(out.Results), out
}

func rowsOf(results [][]types.ResultField) []map[string]string {
	rows := make([]map[string]string, len(results))
	for i, r := range results {
		rows[i] = map[string]string{}
		for _, fld := range r {
			if aws.ToString(fld.Field) == "@ptr" {
				continue
			}
			rows[i][aws.ToString(fld.Field)] = aws.ToString(fld.Value)
		}
	}
	return rows
}

// latencies stores six JSON events at 0, 1, 4, 5, 9m59s and 10 minutes
// after t0 with latencies 10 to 60 and paths /a or /b.
func latencies(t *testing.T, f *fixture) {
	f.group(t, "/app", "s")
	offsets := []time.Duration{0, time.Minute, 4 * time.Minute, 5 * time.Minute, 9*time.Minute + 59*time.Second, 10 * time.Minute}
	at := make([]time.Time, len(offsets))
	msgs := make([]string, len(offsets))
	for i, o := range offsets {
		at[i] = t0.Add(o)
		msgs[i] = fmt.Sprintf(`{"latency":%d,"path":"/%c","req":{"id":"r%d"}}`, 10*(i+1), 'a'+i%2, i)
	}
	f.clk.Advance(time.Hour)
	f.putAt(t, "/app", "s", at, msgs...)
}

// stats by bin(5m) over known events, each value computed by hand.
func TestInsights_StatsByBinComputedByHand(t *testing.T) {
	f := newFixture(t)
	latencies(t, f)
	rows, out := f.query(t, `stats count(*) as n, sum(latency), avg(latency), min(latency), max(latency) by bin(5m)`, "/app")
	require.Equal(t, []map[string]string{
		{"bin(5m)": "2030-01-01 00:00:00.000", "n": "3", "sum(latency)": "60", "avg(latency)": "20", "min(latency)": "10", "max(latency)": "30"},
		{"bin(5m)": "2030-01-01 00:05:00.000", "n": "2", "sum(latency)": "90", "avg(latency)": "45", "min(latency)": "40", "max(latency)": "50"},
		{"bin(5m)": "2030-01-01 00:10:00.000", "n": "1", "sum(latency)": "60", "avg(latency)": "60", "min(latency)": "60", "max(latency)": "60"},
	}, rows)
	assert.Equal(t, "bin(5m)", aws.ToString(out.Results[0][0].Field), "the by column comes first")
	assert.Equal(t, 6.0, out.Statistics.RecordsMatched)
	assert.Equal(t, 6.0, out.Statistics.RecordsScanned)
	assert.Positive(t, out.Statistics.BytesScanned)

	// pct is the nearest rank, stddev the sample's: mean 35, squares 1750 over 5.
	rows, _ = f.query(t, `stats pct(latency, 50) as p50, stddev(latency) as sd, count_distinct(path) as paths, earliest(req.id) as first, latest(req.id) as last`, "/app")
	require.Equal(t, []map[string]string{{"p50": "30", "sd": strconv.FormatFloat(math.Sqrt(350), 'f', -1, 64),
		"paths": "2", "first": "r0", "last": "r5"}}, rows)

	rows, out = f.query(t, `filter latency >= 20 and latency < 60 and path = "/b" | stats count(*) as n by path`, "/app")
	require.Equal(t, []map[string]string{{"path": "/b", "n": "2"}}, rows, "latencies 20 and 40 on /b")
	assert.Equal(t, 2.0, out.Statistics.RecordsMatched)
}

// The query over a Lambda's own logs: the REPORT lines of real
// invocations give @type, @maxMemoryUsed (bytes) and @duration.
func TestInsights_LambdaReportQuery(t *testing.T) {
	f := newFixture(t)
	lc := f.createFunction(t, "worker", func(ctx context.Context) error { return nil }, nil)
	for range 3 {
		_, err := lc.Invoke(ctx, &lsdk.InvokeInput{FunctionName: aws.String("worker")})
		require.NoError(t, err)
	}
	require.NoError(t, f.cloud.Settle(ctx))
	rows, out := f.query(t, `filter @type = "REPORT" | stats max(@maxMemoryUsed), avg(@duration), count(*) by bin(5m)`, "/aws/lambda/worker")
	// The fake's invocations take 0 ms and use a fixed 32 MB (lambda/doc.go).
	require.Equal(t, []map[string]string{{"bin(5m)": "2030-01-01 00:00:00.000", "max(@maxMemoryUsed)": "32000000",
		"avg(@duration)": "0", "count(*)": "3"}}, rows)
	assert.Equal(t, 3.0, out.Statistics.RecordsMatched)
	assert.Equal(t, 9.0, out.Statistics.RecordsScanned, "START, END and REPORT of each")

	rows, _ = f.query(t, `filter @type = "REPORT" | fields @requestId, @memorySize / 1000 / 1000 as mb, @billedDuration | limit 1`, "/aws/lambda/worker")
	require.Len(t, rows, 1)
	assert.Equal(t, "128", rows[0]["mb"])
	assert.Equal(t, "1", rows[0]["@billedDuration"])
	assert.Regexp(t, `^[0-9a-f-]{36}$`, rows[0]["@requestId"])
}

// parse with a regex's named captures and with a glob pattern.
func TestInsights_Parse(t *testing.T) {
	f := newFixture(t)
	f.group(t, "/app", "s")
	f.putAt(t, "/app", "s", []time.Time{t0, t0.Add(time.Second), t0.Add(2 * time.Second), t0.Add(3 * time.Second)},
		"user=alice action=login", "user=bob action=logout", "user=alice action=logout", "no user here")
	rows, _ := f.query(t, `parse @message /user=(?<user>\w+) action=(?<action>\w+)/ | filter action = "logout" | stats count(*) as n by user`, "/app")
	require.Equal(t, []map[string]string{{"user": "alice", "n": "1"}, {"user": "bob", "n": "1"}}, rows)

	rows, _ = f.query(t, `parse @message "user=* action=*" as u, a | filter ispresent(u) | sort u asc, a desc | display u, a`, "/app")
	require.Equal(t, []map[string]string{{"u": "alice", "a": "logout"}, {"u": "alice", "a": "login"}, {"u": "bob", "a": "logout"}}, rows)
}

// One query over two groups: @log names each row's group.
func TestInsights_TwoGroups(t *testing.T) {
	f := newFixture(t)
	f.group(t, "/a", "s1")
	f.group(t, "/b", "s2")
	f.putAt(t, "/a", "s1", []time.Time{t0, t0.Add(2 * time.Second)}, "a first", "a second")
	f.putAt(t, "/b", "s2", []time.Time{t0.Add(time.Second)}, "b only")
	rows, out := f.query(t, `fields @message, @logStream, @log | sort @timestamp asc`, "/a", "/b")
	require.Len(t, rows, 3)
	assert.Equal(t, []string{"a first", "b only", "a second"}, []string{rows[0]["@message"], rows[1]["@message"], rows[2]["@message"]})
	assert.True(t, strings.HasSuffix(rows[1]["@log"], ":/b"), rows[1]["@log"])
	assert.Equal(t, "s2", rows[1]["@logStream"])
	assert.Equal(t, 3.0, out.Statistics.RecordsScanned)

	// Each event row ends with its @ptr, which GetLogRecord reads back.
	last := out.Results[0][len(out.Results[0])-1]
	require.Equal(t, "@ptr", aws.ToString(last.Field))
	rec, err := f.client.GetLogRecord(ctx, &sdk.GetLogRecordInput{LogRecordPointer: last.Value})
	require.NoError(t, err)
	assert.Equal(t, "a first", rec.LogRecord["@message"])
	assert.Equal(t, "s1", rec.LogRecord["@logStream"])
	assert.Equal(t, strconv.FormatInt(t0.UnixMilli(), 10), rec.LogRecord["@timestamp"])
	_, err = f.client.GetLogRecord(ctx, &sdk.GetLogRecordInput{LogRecordPointer: aws.String("not a pointer")})
	requireCode(t, err, "InvalidParameterException")
}

// The status moves on the clock: Scheduled for 100 ms, Running until
// 500 ms, then Complete; rows and statistics only once Complete.
func TestInsights_StatusOnTheClock(t *testing.T) {
	f := newFixture(t)
	f.group(t, "/app", "s")
	f.putAt(t, "/app", "s", []time.Time{t0}, "hello")
	start, err := f.client.StartQuery(ctx, &sdk.StartQueryInput{LogGroupName: aws.String("/app"), QueryString: aws.String("fields @message"),
		StartTime: aws.Int64(t0.Unix()), EndTime: aws.Int64(t0.Unix())})
	require.NoError(t, err)
	status := func() *sdk.GetQueryResultsOutput {
		out, err := f.client.GetQueryResults(ctx, &sdk.GetQueryResultsInput{QueryId: start.QueryId})
		require.NoError(t, err)
		return out
	}
	for _, step := range []struct {
		advance time.Duration
		want    types.QueryStatus
		rows    int
	}{
		{0, types.QueryStatusScheduled, 0},
		{99 * time.Millisecond, types.QueryStatusScheduled, 0},
		{time.Millisecond, types.QueryStatusRunning, 0},
		{399 * time.Millisecond, types.QueryStatusRunning, 0},
		{time.Millisecond, types.QueryStatusComplete, 1},
		{time.Millisecond, types.QueryStatusComplete, 1},
	} {
		f.clk.Advance(step.advance)
		out := status()
		require.Equal(t, step.want, out.Status, "at %v", f.clk.Now().Sub(t0))
		require.Len(t, out.Results, step.rows)
	}
	stop, err := f.client.StopQuery(ctx, &sdk.StopQueryInput{QueryId: start.QueryId})
	require.NoError(t, err)
	assert.False(t, stop.Success, "a completed query is not stopped")

	second, err := f.client.StartQuery(ctx, &sdk.StartQueryInput{LogGroupName: aws.String("/app"), QueryString: aws.String("fields @message"),
		StartTime: aws.Int64(t0.Unix()), EndTime: aws.Int64(t0.Unix())})
	require.NoError(t, err)
	f.clk.Advance(200 * time.Millisecond)
	stop, err = f.client.StopQuery(ctx, &sdk.StopQueryInput{QueryId: second.QueryId})
	require.NoError(t, err)
	assert.True(t, stop.Success)
	f.clk.Advance(time.Second)
	out, err := f.client.GetQueryResults(ctx, &sdk.GetQueryResultsInput{QueryId: second.QueryId})
	require.NoError(t, err)
	assert.Equal(t, types.QueryStatusCancelled, out.Status)
	assert.Empty(t, out.Results)

	// DescribeQueries, newest first, by status; AWS's query string has a
	// SOURCE command in front (test_logs_queries test_describe_queries,
	// test_describe_queries_with_status_filter).
	all, err := f.client.DescribeQueries(ctx, &sdk.DescribeQueriesInput{})
	require.NoError(t, err)
	require.Len(t, all.Queries, 2)
	assert.Equal(t, second.QueryId, all.Queries[0].QueryId)
	q := all.Queries[1]
	assert.Equal(t, fmt.Sprintf(`SOURCE "/app" START=%d000 END=%d999 | fields @message`, t0.Unix(), t0.Unix()), aws.ToString(q.QueryString))
	assert.Equal(t, types.QueryLanguageCwli, q.QueryLanguage)
	assert.Equal(t, "/app", aws.ToString(q.LogGroupName))
	assert.Equal(t, types.QueryStatusComplete, q.Status)
	done, err := f.client.DescribeQueries(ctx, &sdk.DescribeQueriesInput{Status: types.QueryStatusComplete})
	require.NoError(t, err)
	require.Len(t, done.Queries, 1)
	sched, err := f.client.DescribeQueries(ctx, &sdk.DescribeQueriesInput{Status: types.QueryStatusScheduled})
	require.NoError(t, err)
	assert.Empty(t, sched.Queries)
	page, err := f.client.DescribeQueries(ctx, &sdk.DescribeQueriesInput{MaxResults: aws.Int32(1)})
	require.NoError(t, err)
	require.Len(t, page.Queries, 1)
	require.NotNil(t, page.NextToken)
}

// Bad input answers AWS's error and starts no query.
func TestInsights_Errors(t *testing.T) {
	f := newFixture(t)
	f.group(t, "/app", "s")
	start := func(in sdk.StartQueryInput) error {
		if in.StartTime == nil {
			in.StartTime, in.EndTime = aws.Int64(t0.Unix()), aws.Int64(t0.Unix()+60)
		}
		if in.QueryString == nil {
			in.QueryString = aws.String("fields @message")
		}
		_, err := f.client.StartQuery(ctx, &in)
		return err
	}
	// test_logs_queries test_start_query_log_group_not_found
	err := start(sdk.StartQueryInput{LogGroupName: aws.String("/missing")})
	e := requireCode(t, err, "ResourceNotFoundException")
	assert.Equal(t, "Log group '/missing' does not exist for account ID '000000000000'", e.ErrorMessage())
	for _, q := range []string{"", "bogus @message", "fields", "filter (a = 1", "stats nope(x)", "limit 0", "limit 10001",
		`parse @message "no star" as a`, "filter x like 3", "sort", `filter @message like /(/`, "fields a |", "stats pct(x, 101)"} {
		err := start(sdk.StartQueryInput{LogGroupName: aws.String("/app"), QueryString: aws.String(q)})
		if err == nil {
			t.Fatalf("%q: no error", q)
		}
		requireCode(t, err, "MalformedQueryException")
	}
	requireCode(t, start(sdk.StartQueryInput{}), "InvalidParameterException")
	requireCode(t, start(sdk.StartQueryInput{LogGroupName: aws.String("/app"), LogGroupNames: []string{"/app"}}), "InvalidParameterException")
	requireCode(t, start(sdk.StartQueryInput{LogGroupName: aws.String("/app"), StartTime: aws.Int64(10), EndTime: aws.Int64(9)}), "InvalidParameterException")
	requireCode(t, start(sdk.StartQueryInput{LogGroupName: aws.String("/app"), Limit: aws.Int32(10001)}), "InvalidParameterException")
	out, err := f.client.DescribeQueries(ctx, &sdk.DescribeQueriesInput{})
	require.NoError(t, err)
	assert.Empty(t, out.Queries)
	_, err = f.client.GetQueryResults(ctx, &sdk.GetQueryResultsInput{QueryId: aws.String("12345678-1234-1234-1234-123456789012")})
	requireCode(t, err, "ResourceNotFoundException")
}

// At most 100 queries Scheduled or Running at once; one that completes
// or is stopped frees its place (api_op_StartQuery.go).
func TestInsights_ConcurrentQueryLimit(t *testing.T) {
	f := newFixture(t)
	f.group(t, "/app", "s")
	start := func() (*sdk.StartQueryOutput, error) {
		return f.client.StartQuery(ctx, &sdk.StartQueryInput{LogGroupName: aws.String("/app"), QueryString: aws.String("fields @message"),
			StartTime: aws.Int64(t0.Unix()), EndTime: aws.Int64(t0.Unix())})
	}
	first, err := start()
	require.NoError(t, err)
	for range 99 {
		_, err := start()
		require.NoError(t, err)
	}
	_, err = start()
	requireCode(t, err, "LimitExceededException")
	f.clk.Advance(499 * time.Millisecond)
	_, err = start()
	requireCode(t, err, "LimitExceededException")
	_, err = f.client.StopQuery(ctx, &sdk.StopQueryInput{QueryId: first.QueryId})
	require.NoError(t, err)
	_, err = start()
	require.NoError(t, err, "the stopped query freed its place")
	_, err = start()
	requireCode(t, err, "LimitExceededException")
	f.clk.Advance(time.Millisecond)
	_, err = start()
	require.NoError(t, err, "the first hundred completed at 500 ms")
}
