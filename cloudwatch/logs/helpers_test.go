package logs_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/cloudwatch/logs"
)

// t0 is where every fake clock of these tests starts.
var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

var ctx = context.Background()

// fixture is a cloud on a fake clock with a cloudwatchlogs client.
type fixture struct {
	cloud  *awsfake.Cloud
	clk    *clock.Fake
	client *sdk.Client
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk))
	return &fixture{cloud: cloud, clk: clk, client: sdk.NewFromConfig(cloud.AWSConfig())}
}

// group creates a log group and a stream in it.
func (f *fixture) group(t testing.TB, name string, streams ...string) {
	t.Helper()
	_, err := f.client.CreateLogGroup(ctx, &sdk.CreateLogGroupInput{LogGroupName: aws.String(name)})
	require.NoError(t, err)
	for _, s := range streams {
		_, err := f.client.CreateLogStream(ctx, &sdk.CreateLogStreamInput{LogGroupName: aws.String(name), LogStreamName: aws.String(s)})
		require.NoError(t, err)
	}
}

// put stores messages in a stream, each at the timestamp given (ms
// relative to the clock's now).
func (f *fixture) put(t testing.TB, group, stream string, evs ...ev) *sdk.PutLogEventsOutput {
	t.Helper()
	out, err := f.client.PutLogEvents(ctx, &sdk.PutLogEventsInput{LogGroupName: aws.String(group), LogStreamName: aws.String(stream),
		LogEvents: f.events(evs...)})
	require.NoError(t, err)
	return out
}

// ev is a message at an offset from the clock's now.
type ev struct {
	at  time.Duration
	msg string
}

func (f *fixture) events(evs ...ev) []types.InputLogEvent {
	out := make([]types.InputLogEvent, len(evs))
	for i, e := range evs {
		out[i] = types.InputLogEvent{Message: aws.String(e.msg), Timestamp: aws.Int64(f.clk.Now().Add(e.at).UnixMilli())}
	}
	return out
}

// advance moves the clock and waits for the work it made due.
func (f *fixture) advance(t testing.TB, d time.Duration) {
	t.Helper()
	f.clk.Advance(d)
	require.NoError(t, f.cloud.Settle(ctx))
}

// requireCode asserts that err is an AWS API error with the given code.
func requireCode(t testing.TB, err error, code string) smithy.APIError {
	t.Helper()
	return awsfake.CheckCode(t, err, code)
}

// messages are the messages of filtered events.
func messages(evs []types.FilteredLogEvent) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = aws.ToString(e.Message)
	}
	return out
}

// outMessages are the messages of GetLogEvents' events.
func outMessages(evs []types.OutputLogEvent) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = aws.ToString(e.Message)
	}
	return out
}

// eventsOf are the messages of a snapshot's events.
func eventsOf(evs []logs.Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.Message
	}
	return out
}

// putInput converts SDK events into the Go API's input.
func putInput(stream string, evs []types.InputLogEvent) logs.PutLogEventsInput {
	in := logs.PutLogEventsInput{LogGroupName: "g", LogStreamName: stream}
	for _, e := range evs {
		in.LogEvents = append(in.LogEvents, logs.InputLogEvent{Message: e.Message, Timestamp: e.Timestamp})
	}
	return in
}
