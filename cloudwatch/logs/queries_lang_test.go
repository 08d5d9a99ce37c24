package logs_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// levels stores four events one second apart from t0.
func levels(t *testing.T, f *fixture) {
	f.group(t, "/app", "s")
	msgs := []string{
		`{"level":"INFO","msg":"started","n":1,"tags":["x","y"]}`,
		`{"level":"ERROR","msg":"Disk Full","n":2}`,
		`plain text ERROR line`,
		`{"level":"WARN","msg":"slow","n":3,"ok":true}`,
	}
	at := make([]time.Time, len(msgs))
	for i := range msgs {
		at[i] = t0.Add(time.Duration(i) * time.Second)
	}
	f.putAt(t, "/app", "s", at, msgs...)
}

// column is one field of every row, in order.
func column(rows []map[string]string, name string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r[name]
	}
	return out
}

// The filter operators and the functions users write first, over JSON
// fields flattened with dots.
func TestInsights_FilterAndFunctions(t *testing.T) {
	f := newFixture(t)
	levels(t, f)
	for _, tc := range []struct {
		q     string
		field string
		want  []string
	}{
		{`filter level = "ERROR" | fields msg`, "msg", []string{"Disk Full"}},
		{`filter level != "ERROR" | fields msg`, "msg", []string{"slow", "started"}},
		{`filter n > 1 and n <= 3 | sort n asc | fields n`, "n", []string{"2", "3"}},
		{`filter @message like "ERROR" | sort @timestamp asc | fields @message`, "@message", []string{`{"level":"ERROR","msg":"Disk Full","n":2}`, "plain text ERROR line"}},
		{`filter @message like /(?i)disk full/ | fields level`, "level", []string{"ERROR"}},
		{`filter @message =~ /plain/ | fields @message`, "@message", []string{"plain text ERROR line"}},
		{`filter @message not like /level/ | fields @message`, "@message", []string{"plain text ERROR line"}},
		{`filter level in ["INFO", "WARN"] | sort @timestamp | fields level`, "level", []string{"INFO", "WARN"}},
		{`filter level not in ["INFO", "WARN"] | fields level`, "level", []string{"ERROR"}},
		{`filter not ispresent(level) | fields @message`, "@message", []string{"plain text ERROR line"}},
		{`filter level = "INFO" or ok = true | sort n desc | fields msg`, "msg", []string{"slow", "started"}},
		{`filter ispresent(tags.1) | fields tags.0`, "tags.0", []string{"x"}},
		{`filter n = 2 | fields toupper(msg) as up`, "up", []string{"DISK FULL"}},
		{`filter n = 2 | fields strlen(msg) as len, tolower(level) as low`, "len", []string{"9"}},
		{`filter n = 2 | fields concat(level, ":", msg) as c`, "c", []string{"ERROR:Disk Full"}},
		{`filter n = 2 | fields substr(msg, 0, 4) as s`, "s", []string{"Disk"}},
		{`filter n = 2 | fields replace(msg, "Full", "Empty") as s`, "s", []string{"Disk Empty"}},
		{`filter n = 3 | fields abs(-n) * 2 + 1 as x`, "x", []string{"7"}},
		{`filter n = 3 | fields floor(n / 2) as a, ceil(n / 2) as b`, "a", []string{"1"}},
		{`filter n = 3 | fields ceil(n / 2) as b`, "b", []string{"2"}},
		{`filter n = 3 | fields datefloor(@timestamp, 1m) as d`, "d", []string{"2030-01-01 00:00:00.000"}},
		{`filter n = 3 | fields fromMillis(toMillis(@timestamp) + 1000) as d`, "d", []string{"2030-01-01 00:00:04.000"}},
		{`filter n = 1 | fields greatest(n, 5, 2) as g, least(n, 5) as l`, "g", []string{"5"}},
		{`fields level | dedup level | sort level asc`, "level", []string{"ERROR", "INFO", "WARN", ""}}, // a row without level is kept, and sorts last
		{`sort @timestamp asc | limit 2 | fields n`, "n", []string{"1", "2"}},
		{`stats count(*) by level | sort count(*) desc, level asc | limit 1`, "level", []string{"ERROR"}},
		{`stats count() as c by level | filter c = 1 and level = "WARN"`, "c", []string{"1"}},
		{`fields @timestamp | sort @timestamp desc | limit 1`, "@timestamp", []string{"2030-01-01 00:00:03.000"}},
		{`filter n = 1 # a comment
		  | fields msg`, "msg", []string{"started"}},
	} {
		rows, _ := f.query(t, tc.q, "/app")
		require.Equal(t, tc.want, column(rows, tc.field), tc.q)
	}
}

// Without fields, display or stats, a row has the event's fields; the
// default order is newest first; fields then display shows only display's.
func TestInsights_DefaultFieldsAndDisplay(t *testing.T) {
	f := newFixture(t)
	levels(t, f)
	rows, out := f.query(t, `filter n = 2`, "/app")
	require.Len(t, rows, 1)
	assert.Equal(t, "ERROR", rows[0]["level"])
	assert.Equal(t, "2030-01-01 00:00:01.000", rows[0]["@timestamp"])
	assert.Equal(t, "s", rows[0]["@logStream"])
	got := out.Results[0]
	assert.Equal(t, "@timestamp", aws.ToString(got[0].Field))
	assert.Equal(t, "@message", aws.ToString(got[1].Field))
	assert.Equal(t, "@ptr", aws.ToString(got[len(got)-1].Field))

	rows, _ = f.query(t, `fields msg, level | display level`, "/app")
	assert.Equal(t, []map[string]string{{"level": "WARN"}, {}, {"level": "ERROR"}, {"level": "INFO"}}, rows)
}

// Without a limit a query returns 1,000 rows (CWL_QuerySyntax-Limit);
// StartQuery's limit overrides that; stats are not cut by it.
func TestInsights_DefaultLimit(t *testing.T) {
	f := newFixture(t)
	f.group(t, "/app", "s")
	msgs := make([]string, 1200)
	at := make([]time.Time, len(msgs))
	for i := range msgs {
		msgs[i], at[i] = fmt.Sprintf("event %d", i), t0.Add(time.Duration(i)*time.Millisecond)
	}
	f.putAt(t, "/app", "s", at, msgs...)
	rows, out := f.query(t, `fields @message`, "/app")
	require.Len(t, rows, 1000)
	assert.Equal(t, "event 1199", rows[0]["@message"], "newest first")
	assert.Equal(t, 1200.0, out.Statistics.RecordsMatched)
	rows, _ = f.query(t, `stats count(*) as n`, "/app")
	assert.Equal(t, []map[string]string{{"n": "1200"}}, rows)

	start, err := f.client.StartQuery(ctx, &sdk.StartQueryInput{LogGroupName: aws.String("/app"), QueryString: aws.String("fields @message"),
		StartTime: aws.Int64(t0.Unix()), EndTime: aws.Int64(t0.Unix()), Limit: aws.Int32(5)})
	require.NoError(t, err)
	f.advance(t, time.Second)
	res, err := f.client.GetQueryResults(ctx, &sdk.GetQueryResultsInput{QueryId: start.QueryId})
	require.NoError(t, err)
	assert.Len(t, res.Results, 5)
	// The time range is in seconds, both ends inclusive: t0's second holds
	// events 0 to 999 only.
	assert.Equal(t, 1000.0, res.Statistics.RecordsScanned)
}

// Query definitions: saved, listed by name prefix, replaced, deleted.
func TestInsights_QueryDefinitions(t *testing.T) {
	f := newFixture(t)
	put, err := f.client.PutQueryDefinition(ctx, &sdk.PutQueryDefinitionInput{Name: aws.String("errors/by-bin"),
		QueryString: aws.String(`filter level = "ERROR" | stats count(*) by bin(5m)`), LogGroupNames: []string{"/app"}})
	require.NoError(t, err)
	_, err = f.client.PutQueryDefinition(ctx, &sdk.PutQueryDefinitionInput{Name: aws.String("other"), QueryString: aws.String("fields @message")})
	require.NoError(t, err)
	list, err := f.client.DescribeQueryDefinitions(ctx, &sdk.DescribeQueryDefinitionsInput{QueryDefinitionNamePrefix: aws.String("errors/")})
	require.NoError(t, err)
	require.Len(t, list.QueryDefinitions, 1)
	d := list.QueryDefinitions[0]
	assert.Equal(t, put.QueryDefinitionId, d.QueryDefinitionId)
	assert.Equal(t, []string{"/app"}, d.LogGroupNames)
	assert.Equal(t, t0.UnixMilli(), aws.ToInt64(d.LastModified))

	_, err = f.client.PutQueryDefinition(ctx, &sdk.PutQueryDefinitionInput{Name: aws.String("errors/renamed"), QueryString: aws.String("fields x"),
		QueryDefinitionId: put.QueryDefinitionId})
	require.NoError(t, err)
	list, err = f.client.DescribeQueryDefinitions(ctx, &sdk.DescribeQueryDefinitionsInput{})
	require.NoError(t, err)
	require.Len(t, list.QueryDefinitions, 2)
	assert.Equal(t, "errors/renamed", aws.ToString(list.QueryDefinitions[0].Name))

	del, err := f.client.DeleteQueryDefinition(ctx, &sdk.DeleteQueryDefinitionInput{QueryDefinitionId: put.QueryDefinitionId})
	require.NoError(t, err)
	assert.True(t, del.Success)
	_, err = f.client.DeleteQueryDefinition(ctx, &sdk.DeleteQueryDefinitionInput{QueryDefinitionId: put.QueryDefinitionId})
	requireCode(t, err, "ResourceNotFoundException")
	_, err = f.client.PutQueryDefinition(ctx, &sdk.PutQueryDefinitionInput{Name: aws.String(""), QueryString: aws.String("fields x")})
	requireCode(t, err, "InvalidParameterException")
	list, err = f.client.DescribeQueryDefinitions(ctx, &sdk.DescribeQueryDefinitionsInput{})
	require.NoError(t, err)
	assert.Len(t, list.QueryDefinitions, 1)
}
