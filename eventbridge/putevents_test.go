package eventbridge_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// A matching event reaches an SQS target in AWS's envelope, in AWS's
// member order (recorded: TestEvents::test_put_events_with_time_field).
func TestPutEvents_MatchingEventReachesTheQueueInTheEnvelope(t *testing.T) {
	f := newFixture(t)
	url, arn := f.queue(t, "q", nil)
	f.ruleToQueue(t, "r", `{"source":["my.app"]}`, arn, ebtypes.Target{})
	out := f.put(t, "my.app", "thing happened", `{"a": 1}`)
	require.Zero(t, out.FailedEntryCount)
	f.put(t, "other.app", "thing happened", `{"a": 1}`)
	got := f.bodies(t, url)
	require.Len(t, got, 1)
	want := `{"version":"0","id":"` + *out.Entries[0].EventId + `","detail-type":"thing happened","source":"my.app",` +
		`"account":"000000000000","time":"2026-11-30T00:00:00Z","region":"us-east-1","resources":[],"detail":{"a":1}}`
	assert.Equal(t, want, got[0])
}

// Entries failing AWS's checks fail alone, each with its code (recorded:
// TestEvents::test_put_events_without_source, test_put_event_without_detail,
// test_put_event_without_detail_type, test_put_event_malformed_detail).
func TestPutEvents_PerEntryErrors(t *testing.T) {
	f := newFixture(t)
	e := func(src, dt, d string) ebtypes.PutEventsRequestEntry {
		return ebtypes.PutEventsRequestEntry{Source: aws.String(src), DetailType: aws.String(dt), Detail: aws.String(d)}
	}
	out, err := f.eb.PutEvents(ctx, &awseb.PutEventsInput{Entries: []ebtypes.PutEventsRequestEntry{
		e("", "t", "{}"), e("s", "", "{}"), e("s", "t", ""), e("s", "t", `"str"`), e("s", "t", "[1]"), e("s", "t", "{}")}})
	require.NoError(t, err)
	assert.Equal(t, int32(5), out.FailedEntryCount)
	codes := []string{}
	for _, r := range out.Entries {
		codes = append(codes, aws.ToString(r.ErrorCode))
	}
	assert.Equal(t, []string{"InvalidArgument", "InvalidArgument", "InvalidArgument", "MalformedDetail", "MalformedDetail", ""}, codes)
	assert.Equal(t, "Parameter Source is not valid. Reason: Source is a required argument.", *out.Entries[0].ErrorMessage)
	assert.NotEmpty(t, out.Entries[5].EventId)
}

// More than ten entries, or more than 1 MB in all, fails the request
// (recorded: TestEvents::test_put_events_exceed_limit_ten_entries,
// test_put_event_with_too_big_detail).
func TestPutEvents_RequestLimits(t *testing.T) {
	f := newFixture(t)
	entries := make([]ebtypes.PutEventsRequestEntry, 11)
	for i := range entries {
		entries[i] = ebtypes.PutEventsRequestEntry{Source: aws.String("s"), DetailType: aws.String("t"), Detail: aws.String("{}")}
	}
	_, err := f.eb.PutEvents(ctx, &awseb.PutEventsInput{Entries: entries})
	awsfake.CheckCode(t, err, "ValidationException")
	big := `{"a":"` + strings.Repeat("x", 1<<20) + `"}`
	_, err = f.eb.PutEvents(ctx, &awseb.PutEventsInput{Entries: entries[:1:1]})
	require.NoError(t, err)
	entries[0].Detail = &big
	_, err = f.eb.PutEvents(ctx, &awseb.PutEventsInput{Entries: entries[:1]})
	awsfake.CheckCode(t, err, "ValidationException")
}

// A FIFO queue target gets the target's MessageGroupId and the event id as
// its deduplication id.
func TestPutEvents_FIFOQueueTarget(t *testing.T) {
	f := newFixture(t)
	url, arn := f.queue(t, "q.fifo", map[string]string{"FifoQueue": "true"})
	f.ruleToQueue(t, "r", `{"source":["my.app"]}`, arn, ebtypes.Target{SqsParameters: &ebtypes.SqsParameters{MessageGroupId: aws.String("g1")}})
	f.put(t, "my.app", "t", `{"n":1}`)
	f.put(t, "my.app", "t", `{"n":2}`)
	require.NoError(t, f.cloud.Settle(ctx))
	r, err := f.sqs.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: 10, MessageSystemAttributeNames: []sqstypes.MessageSystemAttributeName{"MessageGroupId"}})
	require.NoError(t, err)
	require.Len(t, r.Messages, 2)
	for i, m := range r.Messages {
		assert.Equal(t, "g1", m.Attributes["MessageGroupId"])
		assert.Equal(t, float64(i+1), decode(t, *m.Body)["detail"].(map[string]any)["n"])
	}
}

// An event bus target forwards the event as it is to the other bus's
// rules (recorded: TestEventBus::test_put_events_bus_to_bus).
func TestPutEvents_BusToBus(t *testing.T) {
	f := newFixture(t)
	url, arn := f.queue(t, "q", nil)
	bus, err := f.eb.CreateEventBus(ctx, &awseb.CreateEventBusInput{Name: aws.String("other")})
	require.NoError(t, err)
	_, err = f.eb.PutRule(ctx, &awseb.PutRuleInput{Name: aws.String("fwd"), EventPattern: aws.String(`{"source":["a"]}`)})
	require.NoError(t, err)
	_, err = f.eb.PutTargets(ctx, &awseb.PutTargetsInput{Rule: aws.String("fwd"), Targets: []ebtypes.Target{{Id: aws.String("b"), Arn: bus.EventBusArn}}})
	require.NoError(t, err)
	_, err = f.eb.PutRule(ctx, &awseb.PutRuleInput{Name: aws.String("in"), EventBusName: aws.String("other"), EventPattern: aws.String(`{"source":["a"]}`)})
	require.NoError(t, err)
	_, err = f.eb.PutTargets(ctx, &awseb.PutTargetsInput{Rule: aws.String("in"), EventBusName: aws.String("other"), Targets: []ebtypes.Target{{Id: aws.String("q"), Arn: &arn}}})
	require.NoError(t, err)
	out := f.put(t, "a", "t", "{}")
	got := f.bodies(t, url)
	require.Len(t, got, 1)
	assert.Equal(t, *out.Entries[0].EventId, decode(t, got[0])["id"])
}
