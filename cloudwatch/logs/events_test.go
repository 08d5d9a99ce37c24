package logs_test

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A batch out of chronological order fails whole (test_logs_events
// test_put_log_events_wrong_order); a missing stream or group is
// ResourceNotFoundException (test_resource_does_not_exist).
func TestPutLogEvents_Errors(t *testing.T) {
	f := newFixture(t)
	f.group(t, "g", "s")
	_, err := f.client.PutLogEvents(ctx, &sdk.PutLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"),
		LogEvents: f.events(ev{0, "b"}, ev{-time.Second, "a"})})
	e := requireCode(t, err, "InvalidParameterException")
	assert.Equal(t, "Log events in a single PutLogEvents request must be in chronological order.", e.ErrorMessage())
	_, err = f.client.PutLogEvents(ctx, &sdk.PutLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("nope"),
		LogEvents: f.events(ev{0, "a"})})
	e = requireCode(t, err, "ResourceNotFoundException")
	assert.Equal(t, "The specified log stream does not exist.", e.ErrorMessage())
	_, err = f.client.PutLogEvents(ctx, &sdk.PutLogEventsInput{LogGroupName: aws.String("nope"), LogStreamName: aws.String("s"),
		LogEvents: f.events(ev{0, "a"})})
	e = requireCode(t, err, "ResourceNotFoundException")
	assert.Equal(t, "The specified log group does not exist.", e.ErrorMessage())

	// 1,048,576 bytes counting 26 per event: exactly at the limit passes,
	// one byte more fails.
	big := strings.Repeat("x", 1_048_576-26)
	_, err = f.client.PutLogEvents(ctx, &sdk.PutLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"),
		LogEvents: f.events(ev{0, big + "y"})})
	requireCode(t, err, "InvalidParameterException")
	f.put(t, "g", "s", ev{0, big})

	// The valid events of a batch span at most 24 hours.
	_, err = f.client.PutLogEvents(ctx, &sdk.PutLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"),
		LogEvents: f.events(ev{-24*time.Hour - time.Millisecond, "a"}, ev{0, "b"})})
	requireCode(t, err, "InvalidParameterException")
	f.put(t, "g", "s", ev{-24 * time.Hour, "a"}, ev{0, "b"})

	_, err = f.client.PutLogEvents(ctx, &sdk.PutLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"),
		LogEvents: []types.InputLogEvent{}})
	requireCode(t, err, "InvalidParameterException")
	// Only the accepted batches were stored; a page holds at most 1 MB.
	head, err := f.client.GetLogEvents(ctx, &sdk.GetLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"), StartFromHead: aws.Bool(true)})
	require.NoError(t, err)
	assert.Equal(t, []string{"a"}, outMessages(head.Events), "a at -24h, then the 1 MB event which does not fit with it")
	tail, err := f.client.GetLogEvents(ctx, &sdk.GetLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s")})
	require.NoError(t, err)
	assert.Equal(t, []string{"b"}, outMessages(tail.Events))
	mid, err := f.client.GetLogEvents(ctx, &sdk.GetLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"), NextToken: tail.NextBackwardToken})
	require.NoError(t, err)
	require.Len(t, mid.Events, 1)
	assert.Len(t, aws.ToString(mid.Events[0].Message), len(big))
}

// Events more than 2 hours ahead, older than 14 days, or older than the
// retention are rejected one by one and the rest stored (test_logs_events
// test_put_log_events_too_old, test_put_log_events_too_new); the
// boundaries are inclusive of the window.
func TestPutLogEvents_PartlyRejectedBatch(t *testing.T) {
	f := newFixture(t)
	f.group(t, "g", "s")
	out := f.put(t, "g", "s",
		ev{-14*24*time.Hour - time.Millisecond, "too old"},
		ev{0, "now"},
		ev{2 * time.Hour, "newest kept"},
		ev{2*time.Hour + time.Millisecond, "too new"})
	require.NotNil(t, out.RejectedLogEventsInfo)
	assert.Equal(t, int32(1), aws.ToInt32(out.RejectedLogEventsInfo.TooOldLogEventEndIndex))
	assert.Equal(t, int32(3), aws.ToInt32(out.RejectedLogEventsInfo.TooNewLogEventStartIndex))
	assert.Nil(t, out.RejectedLogEventsInfo.ExpiredLogEventEndIndex)
	assert.NotEmpty(t, aws.ToString(out.NextSequenceToken))
	got, err := f.client.GetLogEvents(ctx, &sdk.GetLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"), StartFromHead: aws.Bool(true)})
	require.NoError(t, err)
	assert.Equal(t, []string{"now", "newest kept"}, outMessages(got.Events))
	out = f.put(t, "g", "s", ev{-14 * 24 * time.Hour, "exactly 14 days old"})
	assert.Nil(t, out.RejectedLogEventsInfo, "the 14-day boundary is kept")

	// With a one-day retention, an event older than a day is expired.
	_, err = f.client.PutRetentionPolicy(ctx, &sdk.PutRetentionPolicyInput{LogGroupName: aws.String("g"), RetentionInDays: aws.Int32(1)})
	require.NoError(t, err)
	out = f.put(t, "g", "s", ev{-24*time.Hour - time.Millisecond, "expired"}, ev{0, "fresh"})
	assert.Equal(t, int32(1), aws.ToInt32(out.RejectedLogEventsInfo.ExpiredLogEventEndIndex))
	assert.Nil(t, out.RejectedLogEventsInfo.TooOldLogEventEndIndex)

	// A sequence token is accepted and ignored.
	_, err = f.client.PutLogEvents(ctx, &sdk.PutLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"),
		LogEvents: f.events(ev{0, "x"}), SequenceToken: aws.String("anything")})
	require.NoError(t, err)
}

// GetLogEvents reads the newest page by default, the oldest with
// startFromHead, pages forward to the end, where the token passed comes
// back unchanged, and backward.
func TestGetLogEvents_PagingToTheRepeatedToken(t *testing.T) {
	f := newFixture(t)
	f.group(t, "g", "s")
	for i := range 5 {
		f.put(t, "g", "s", ev{time.Duration(i) * time.Second, string(rune('a' + i))})
	}
	in := func(tok *string, head bool) *sdk.GetLogEventsInput {
		return &sdk.GetLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"), Limit: aws.Int32(2),
			NextToken: tok, StartFromHead: aws.Bool(head)}
	}
	tail, err := f.client.GetLogEvents(ctx, in(nil, false))
	require.NoError(t, err)
	assert.Equal(t, []string{"d", "e"}, outMessages(tail.Events))

	var pages [][]string
	tok := (*string)(nil)
	for range 10 {
		out, err := f.client.GetLogEvents(ctx, in(tok, true))
		require.NoError(t, err)
		if tok != nil && aws.ToString(out.NextForwardToken) == aws.ToString(tok) {
			assert.Empty(t, out.Events)
			break
		}
		pages = append(pages, outMessages(out.Events))
		tok = out.NextForwardToken
	}
	assert.Equal(t, [][]string{{"a", "b"}, {"c", "d"}, {"e"}}, pages)

	// New events after the end are read from the repeated token.
	f.put(t, "g", "s", ev{10 * time.Second, "f"})
	more, err := f.client.GetLogEvents(ctx, in(tok, true))
	require.NoError(t, err)
	assert.Equal(t, []string{"f"}, outMessages(more.Events))

	back, err := f.client.GetLogEvents(ctx, in(tail.NextBackwardToken, false))
	require.NoError(t, err)
	assert.Equal(t, []string{"b", "c"}, outMessages(back.Events))

	window, err := f.client.GetLogEvents(ctx, &sdk.GetLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"),
		StartTime: aws.Int64(t0.Add(time.Second).UnixMilli()), EndTime: aws.Int64(t0.Add(3 * time.Second).UnixMilli()), StartFromHead: aws.Bool(true)})
	require.NoError(t, err)
	assert.Equal(t, []string{"b", "c"}, outMessages(window.Events), "start inclusive, end exclusive")

	// test_logs_events test_get_log_events_invalid_token, _limit_validation.
	_, err = f.client.GetLogEvents(ctx, in(aws.String("f/bogus"), true))
	e := requireCode(t, err, "InvalidParameterException")
	assert.Equal(t, "The specified nextToken is invalid.", e.ErrorMessage())
	_, err = f.client.GetLogEvents(ctx, &sdk.GetLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"), Limit: aws.Int32(10001)})
	e = requireCode(t, err, "InvalidParameterException")
	assert.Equal(t, "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000", e.ErrorMessage())
}

// An empty stream gives tokens that come back unchanged.
func TestGetLogEvents_EmptyStream(t *testing.T) {
	f := newFixture(t)
	f.group(t, "g", "s")
	out, err := f.client.GetLogEvents(ctx, &sdk.GetLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"), StartFromHead: aws.Bool(true)})
	require.NoError(t, err)
	assert.Empty(t, out.Events)
	again, err := f.client.GetLogEvents(ctx, &sdk.GetLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"), NextToken: out.NextForwardToken})
	require.NoError(t, err)
	assert.Equal(t, aws.ToString(out.NextForwardToken), aws.ToString(again.NextForwardToken))
}

// FilterLogEvents interleaves the streams in timestamp order, selects
// streams by name or prefix, matches the pattern and pages.
func TestFilterLogEvents_InterleavesAndPages(t *testing.T) {
	f := newFixture(t)
	f.group(t, "g", "web-1", "web-2", "db")
	f.put(t, "g", "web-1", ev{1 * time.Second, "ERROR w1 a"}, ev{4 * time.Second, "INFO w1 b"})
	f.put(t, "g", "web-2", ev{2 * time.Second, "ERROR w2 c"}, ev{3 * time.Second, "ERROR w2 d"})
	f.put(t, "g", "db", ev{0, "ERROR db e"})
	all, err := f.client.FilterLogEvents(ctx, &sdk.FilterLogEventsInput{LogGroupName: aws.String("g")})
	require.NoError(t, err)
	assert.Equal(t, []string{"ERROR db e", "ERROR w1 a", "ERROR w2 c", "ERROR w2 d", "INFO w1 b"}, messages(all.Events))
	assert.Equal(t, "db", aws.ToString(all.Events[0].LogStreamName))
	assert.Len(t, aws.ToString(all.Events[0].EventId), 56)

	var pages [][]string
	p := sdk.NewFilterLogEventsPaginator(f.client, &sdk.FilterLogEventsInput{LogGroupName: aws.String("g"),
		LogStreamNamePrefix: aws.String("web-"), FilterPattern: aws.String("ERROR"), Limit: aws.Int32(2)})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		require.NoError(t, err)
		pages = append(pages, messages(out.Events))
	}
	assert.Equal(t, [][]string{{"ERROR w1 a", "ERROR w2 c"}, {"ERROR w2 d"}}, pages)

	named, err := f.client.FilterLogEvents(ctx, &sdk.FilterLogEventsInput{LogGroupName: aws.String("g"), LogStreamNames: []string{"db", "web-1"},
		StartTime: aws.Int64(t0.UnixMilli()), EndTime: aws.Int64(t0.Add(4 * time.Second).UnixMilli())})
	require.NoError(t, err)
	assert.Equal(t, []string{"ERROR db e", "ERROR w1 a"}, messages(named.Events))

	_, err = f.client.FilterLogEvents(ctx, &sdk.FilterLogEventsInput{LogGroupName: aws.String("g"), LogStreamNames: []string{"db"}, LogStreamNamePrefix: aws.String("w")})
	requireCode(t, err, "InvalidParameterException")
	_, err = f.client.FilterLogEvents(ctx, &sdk.FilterLogEventsInput{LogGroupName: aws.String("g"), NextToken: aws.String("unknown")})
	e := requireCode(t, err, "InvalidParameterException")
	assert.Equal(t, "The specified nextToken is invalid.", e.ErrorMessage(), "test_logs_filter_events test_filter_log_events_unknown_token")
	_, err = f.client.FilterLogEvents(ctx, &sdk.FilterLogEventsInput{LogGroupName: aws.String("g"), FilterPattern: aws.String("{ $.a = ")})
	requireCode(t, err, "InvalidParameterException")
}

// Streams are described by name or by last event time, either way up.
func TestDescribeLogStreams_Ordering(t *testing.T) {
	f := newFixture(t)
	f.group(t, "g", "b", "a", "c")
	f.put(t, "g", "a", ev{3 * time.Second, "x"})
	f.put(t, "g", "b", ev{1 * time.Second, "x"})
	f.put(t, "g", "c", ev{2 * time.Second, "x"})
	names := func(in *sdk.DescribeLogStreamsInput) []string {
		out, err := f.client.DescribeLogStreams(ctx, in)
		require.NoError(t, err)
		var n []string
		for _, s := range out.LogStreams {
			n = append(n, aws.ToString(s.LogStreamName))
		}
		return n
	}
	assert.Equal(t, []string{"a", "b", "c"}, names(&sdk.DescribeLogStreamsInput{LogGroupName: aws.String("g")}))
	assert.Equal(t, []string{"c", "b", "a"}, names(&sdk.DescribeLogStreamsInput{LogGroupName: aws.String("g"), Descending: aws.Bool(true)}))
	assert.Equal(t, []string{"b", "c", "a"}, names(&sdk.DescribeLogStreamsInput{LogGroupName: aws.String("g"), OrderBy: types.OrderByLastEventTime}))
	assert.Equal(t, []string{"a", "c", "b"}, names(&sdk.DescribeLogStreamsInput{LogGroupName: aws.String("g"), OrderBy: types.OrderByLastEventTime, Descending: aws.Bool(true)}))
	assert.Equal(t, []string{"a"}, names(&sdk.DescribeLogStreamsInput{LogGroupIdentifier: aws.String("arn:aws:logs:us-east-1:000000000000:log-group:g"), LogStreamNamePrefix: aws.String("a")}))

	out, err := f.client.DescribeLogStreams(ctx, &sdk.DescribeLogStreamsInput{LogGroupName: aws.String("g"), LogStreamNamePrefix: aws.String("a")})
	require.NoError(t, err)
	s := out.LogStreams[0]
	assert.Equal(t, "arn:aws:logs:us-east-1:000000000000:log-group:g:log-stream:a", aws.ToString(s.Arn))
	assert.Equal(t, t0.Add(3*time.Second).UnixMilli(), aws.ToInt64(s.FirstEventTimestamp))
	assert.Equal(t, t0.UnixMilli(), aws.ToInt64(s.LastIngestionTime))

	var pages [][]string
	p := sdk.NewDescribeLogStreamsPaginator(f.client, &sdk.DescribeLogStreamsInput{LogGroupName: aws.String("g"), OrderBy: types.OrderByLastEventTime, Descending: aws.Bool(true), Limit: aws.Int32(2)})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		require.NoError(t, err)
		var n []string
		for _, s := range out.LogStreams {
			n = append(n, aws.ToString(s.LogStreamName))
		}
		pages = append(pages, n)
	}
	assert.Equal(t, [][]string{{"a", "c"}, {"b"}}, pages)

	// test_logs_streams test_describe_log_streams_with_log_group_identifier.
	_, err = f.client.DescribeLogStreams(ctx, &sdk.DescribeLogStreamsInput{LogGroupName: aws.String("g"), LogGroupIdentifier: aws.String("g")})
	e := requireCode(t, err, "ValidationException")
	assert.Equal(t, "LogGroup name and LogGroup ARN are mutually exclusive parameters.", e.ErrorMessage())
	_, err = f.client.DescribeLogStreams(ctx, &sdk.DescribeLogStreamsInput{LogGroupName: aws.String("g"), OrderBy: types.OrderByLastEventTime, LogStreamNamePrefix: aws.String("a")})
	requireCode(t, err, "InvalidParameterException")
	_, err = f.client.CreateLogStream(ctx, &sdk.CreateLogStreamInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("a")})
	e = requireCode(t, err, "ResourceAlreadyExistsException")
	assert.Equal(t, "The specified log stream already exists", e.ErrorMessage())
	_, err = f.client.DeleteLogStream(ctx, &sdk.DeleteLogStreamInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("a")})
	require.NoError(t, err)
	assert.Equal(t, []string{"b", "c"}, names(&sdk.DescribeLogStreamsInput{LogGroupName: aws.String("g")}))
}
