package sqs_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/sqs"
)

type received struct {
	out *awssqs.ReceiveMessageOutput
	err error
}

// receiveAsync starts a ReceiveMessage on its own goroutine.
func (f *fixture) receiveAsync(c context.Context, in *awssqs.ReceiveMessageInput) <-chan received {
	ch := make(chan received, 1)
	go func() {
		out, err := f.client.ReceiveMessage(c, in)
		ch <- received{out, err}
	}()
	return ch
}

// parked waits until n long polls are parked on the fake clock.
func (f *fixture) parked(t testing.TB, n int) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	require.NoError(t, f.clk.BlockUntil(c, n))
}

func (f *fixture) send(t testing.TB, url, body string) string {
	t.Helper()
	out, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: &body})
	require.NoError(t, err)
	return aws.ToString(out.MessageId)
}

func (f *fixture) receive(t testing.TB, url string) []types.Message {
	t.Helper()
	out, err := f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: 10,
		MessageSystemAttributeNames: []types.MessageSystemAttributeName{"All"}})
	require.NoError(t, err)
	return out.Messages
}

func requireReturned(t testing.TB, ch <-chan received) received {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(5 * time.Second):
		t.Fatal("the long poll did not return")
	}
	return received{}
}

func requireStillWaiting(t testing.TB, ch <-chan received) {
	t.Helper()
	select {
	case r := <-ch:
		t.Fatalf("the long poll returned early: %+v", r)
	default:
	}
}

// requireReturnsAfter advances the clock to a nanosecond before d, checks
// that the long poll still waits, then to d exactly and returns what the long
// poll returned, which must not be an error.
func (f *fixture) requireReturnsAfter(t testing.TB, ch <-chan received, d time.Duration) []types.Message {
	t.Helper()
	f.clk.Advance(d - time.Nanosecond)
	requireStillWaiting(t, ch)
	f.clk.Advance(time.Nanosecond)
	r := requireReturned(t, ch)
	require.NoError(t, r.err)
	return r.out.Messages
}

// MaxNumberOfMessages "Valid values: 1 to 10"; WaitTimeSeconds 0 to 20;
// VisibilityTimeout 0 to 43200.
func TestReceiveMessage_ParameterBounds(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	for i := 0; i < 12; i++ {
		f.send(t, url, "m")
	}
	for _, in := range []*awssqs.ReceiveMessageInput{
		{MaxNumberOfMessages: -1}, {MaxNumberOfMessages: 11}, {WaitTimeSeconds: 21}, {WaitTimeSeconds: -1},
		{VisibilityTimeout: 43201}, {VisibilityTimeout: -1},
	} {
		in.QueueUrl = &url
		_, err := f.client.ReceiveMessage(ctx, in)
		requireCode(t, err, "InvalidParameterValue")
	}
	out, err := f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url})
	require.NoError(t, err)
	assert.Len(t, out.Messages, 1, "the default is 1")
	out, err = f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: 10})
	require.NoError(t, err)
	assert.Len(t, out.Messages, 10)
}

// "A message is considered to be in flight after it is received ... If the
// message is not deleted ... before the timeout expires, it becomes visible
// again." The queue's 30 s default, at the boundary.
func TestReceive_MessageReturnsAfterVisibilityTimeout(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	id := f.send(t, url, "m")
	first := f.receive(t, url)
	require.Len(t, first, 1)
	assert.Equal(t, id, aws.ToString(first[0].MessageId))
	assert.Equal(t, "1", first[0].Attributes["ApproximateReceiveCount"])

	f.clk.Advance(30*time.Second - time.Nanosecond)
	assert.Empty(t, f.receive(t, url), "still in flight just before the timeout ends")
	f.clk.Advance(time.Nanosecond)
	again := f.receive(t, url)
	require.Len(t, again, 1, "visible exactly when the timeout ends")
	assert.Equal(t, "2", again[0].Attributes["ApproximateReceiveCount"])
	assert.NotEqual(t, aws.ToString(first[0].ReceiptHandle), aws.ToString(again[0].ReceiptHandle), "every receive gets a new handle")
	assert.Equal(t, first[0].Attributes["ApproximateFirstReceiveTimestamp"], again[0].Attributes["ApproximateFirstReceiveTimestamp"])
	assert.Equal(t, first[0].Attributes["SentTimestamp"], again[0].Attributes["SentTimestamp"])
}

func TestReceive_VisibilityTimeoutOverridesTheQueueDefaultForThatReceive(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", map[string]string{"VisibilityTimeout": "100"})
	f.send(t, url, "m")
	out, err := f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, VisibilityTimeout: 5})
	require.NoError(t, err)
	require.Len(t, out.Messages, 1)
	f.clk.Advance(5*time.Second - time.Nanosecond)
	assert.Empty(t, f.receive(t, url))
	f.clk.Advance(time.Nanosecond)
	require.Len(t, f.receive(t, url), 1)
	f.clk.Advance(100*time.Second - time.Nanosecond)
	assert.Empty(t, f.receive(t, url), "the next receive uses the queue's 100 s again")
	f.clk.Advance(time.Nanosecond)
	assert.Len(t, f.receive(t, url), 1)
}

// DelaySeconds of the queue and of a message: the message becomes visible
// when the delay ends.
func TestReceive_DelayedMessageVisibleWhenItsDelayEnds(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", map[string]string{"DelaySeconds": "10"})
	f.send(t, url, "queue delay")
	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("own delay"), DelaySeconds: 3})
	require.NoError(t, err)
	f.clk.Advance(3*time.Second - time.Nanosecond)
	assert.Empty(t, f.receive(t, url))
	f.clk.Advance(time.Nanosecond)
	got := f.receive(t, url)
	require.Len(t, got, 1)
	assert.Equal(t, "own delay", aws.ToString(got[0].Body))
	f.clk.Advance(7*time.Second - time.Nanosecond)
	assert.Empty(t, f.receive(t, url))
	f.clk.Advance(time.Nanosecond)
	got = f.receive(t, url)
	require.Len(t, got, 1)
	assert.Equal(t, "queue delay", aws.ToString(got[0].Body))
}

func TestLongPoll_ReturnsAsSoonAsAMessageIsSent(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	ch := f.receiveAsync(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
	f.parked(t, 1)
	f.clk.Advance(5 * time.Second)
	requireStillWaiting(t, ch)
	f.send(t, url, "hello")
	r := requireReturned(t, ch)
	require.NoError(t, r.err)
	require.Len(t, r.out.Messages, 1)
	assert.Equal(t, "hello", aws.ToString(r.out.Messages[0].Body))
	assert.Equal(t, t0.Add(5*time.Second), f.clk.Now())
}

func TestLongPoll_ReturnsWhenAVisibilityTimeoutEnds(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", map[string]string{"VisibilityTimeout": "7"})
	f.send(t, url, "m")
	require.Len(t, f.receive(t, url), 1)
	ch := f.receiveAsync(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
	f.parked(t, 1)
	assert.Len(t, f.requireReturnsAfter(t, ch, 7*time.Second), 1)
}

func TestLongPoll_ReturnsWhenADelayEnds(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	ch := f.receiveAsync(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
	f.parked(t, 1)
	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("m"), DelaySeconds: 4})
	require.NoError(t, err)
	f.parked(t, 1) // re-parked on the delay's end
	assert.Len(t, f.requireReturnsAfter(t, ch, 4*time.Second), 1)
}

func TestLongPoll_ReturnsWhenChangeMessageVisibilityReleasesAMessage(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.send(t, url, "m")
	got := f.receive(t, url)
	require.Len(t, got, 1)
	ch := f.receiveAsync(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
	f.parked(t, 1)
	_, err := f.client.ChangeMessageVisibility(ctx, &awssqs.ChangeMessageVisibilityInput{QueueUrl: &url,
		ReceiptHandle: got[0].ReceiptHandle, VisibilityTimeout: 0})
	require.NoError(t, err)
	r := requireReturned(t, ch)
	require.NoError(t, r.err)
	assert.Len(t, r.out.Messages, 1)
}

func TestLongPoll_ReturnsEmptyExactlyWhenTheWaitEnds(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	ch := f.receiveAsync(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
	f.parked(t, 1)
	f.clk.Advance(20*time.Second - time.Nanosecond)
	requireStillWaiting(t, ch)
	assert.Equal(t, 1, f.clk.Waiters())
	f.clk.Advance(time.Nanosecond)
	r := requireReturned(t, ch)
	require.NoError(t, r.err)
	assert.Empty(t, r.out.Messages)
}

// "ReceiveMessageWaitTimeSeconds – The length of time, in seconds, for which
// a ReceiveMessage action waits for a message to arrive", when the request
// sets no WaitTimeSeconds.
func TestLongPoll_UsesTheQueuesReceiveMessageWaitTimeSeconds(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", map[string]string{"ReceiveMessageWaitTimeSeconds": "12"})
	ch := f.receiveAsync(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url})
	f.parked(t, 1)
	assert.Empty(t, f.requireReturnsAfter(t, ch, 12*time.Second))
}

func TestLongPoll_CancellingTheRequestEndsTheWait(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	c, cancel := context.WithCancel(ctx)
	ch := f.receiveAsync(c, &awssqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
	f.parked(t, 1)
	cancel()
	r := requireReturned(t, ch)
	require.ErrorIs(t, r.err, context.Canceled)
	f.send(t, url, "m")
	assert.Len(t, f.receive(t, url), 1, "the cancelled poll took nothing")
	assert.Equal(t, 0, f.clk.Waiters(), "its timer is stopped")
}

func TestLongPoll_DeletingTheQueueEndsTheWait(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	ch := f.receiveAsync(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
	f.parked(t, 1)
	_, err := f.client.DeleteQueue(ctx, &awssqs.DeleteQueueInput{QueueUrl: &url})
	require.NoError(t, err)
	r := requireReturned(t, ch)
	var dne *types.QueueDoesNotExist
	require.ErrorAs(t, r.err, &dne)
}

// The Go API distinguishes an explicit WaitTimeSeconds 0 from none: 0
// never blocks, whatever the queue's ReceiveMessageWaitTimeSeconds (what
// Lambda's poller relies on).
func TestReceiveMessage_WaitTimeSecondsZeroNeverBlocks(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", map[string]string{"ReceiveMessageWaitTimeSeconds": "20"})
	out, err := f.cloud.SQS().ReceiveMessage(ctx, sqs.ReceiveMessageInput{QueueUrl: url, WaitTimeSeconds: aws.Int32(0)})
	require.NoError(t, err)
	assert.Empty(t, out.Messages)
	assert.Equal(t, 0, f.clk.Waiters())
}

// "Amazon SQS automatically deletes messages left in a queue longer than the
// retention period configured for the queue", in flight or not.
func TestRetention_MessagesDisappearAtTheRetentionPeriodEvenInFlight(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", map[string]string{"MessageRetentionPeriod": "60", "VisibilityTimeout": "120"})
	f.send(t, url, "in flight")
	require.Len(t, f.receive(t, url), 1)
	f.send(t, url, "visible")
	f.clk.Advance(60*time.Second - time.Nanosecond)
	msgs, err := f.cloud.SQS().Messages(url)
	require.NoError(t, err)
	assert.Len(t, msgs, 2)
	f.clk.Advance(time.Nanosecond)
	msgs, err = f.cloud.SQS().Messages(url)
	require.NoError(t, err)
	assert.Empty(t, msgs)
	assert.Equal(t, "0", f.attributes(t, url)["ApproximateNumberOfMessagesNotVisible"])
}

// Lowering MessageRetentionPeriod applies to the messages already stored.
func TestRetention_ShorterPeriodAppliesToStoredMessages(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.send(t, url, "old")
	f.clk.Advance(2 * time.Minute)
	_, err := f.client.SetQueueAttributes(ctx, &awssqs.SetQueueAttributesInput{QueueUrl: &url,
		Attributes: map[string]string{"MessageRetentionPeriod": "60"}})
	require.NoError(t, err)
	assert.Empty(t, f.receive(t, url))
}

// "For most standard queues ... there can be a maximum of approximately
// 120,000 in flight messages ... If you reach this quota while using short
// polling, Amazon SQS returns the OverLimit error message. If you use long
// polling, Amazon SQS returns no error messages." FIFO queues return no
// error either.
func TestReceive_InFlightLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("fills a queue with 120,000 messages in flight")
	}
	f := newFixture(t)
	api := f.cloud.SQS()
	for _, tc := range []struct {
		name  string
		attrs map[string]string
		fifo  bool
	}{{"std", nil, false}, {"f.fifo", map[string]string{"FifoQueue": "true", "ContentBasedDeduplication": "true"}, true}} {
		url := f.createQueue(t, tc.name, tc.attrs)
		for i := 0; i < 120001; i += 10 {
			entries := make([]sqs.SendMessageBatchRequestEntry, 10)
			for j := range entries {
				body := strconv.Itoa(i + j)
				entries[j] = sqs.SendMessageBatchRequestEntry{Id: "e" + strconv.Itoa(j), MessageBody: body}
				if tc.fifo {
					entries[j].MessageGroupId = body // one group each: a group in flight serves nothing else
				}
			}
			out, err := api.SendMessageBatch(ctx, sqs.SendMessageBatchInput{QueueUrl: url, Entries: entries})
			require.NoError(t, err)
			require.Empty(t, out.Failed)
		}
		ten := aws.Int32(10)
		for i := 0; i < 120000; i += 10 {
			out, err := api.ReceiveMessage(ctx, sqs.ReceiveMessageInput{QueueUrl: url, MaxNumberOfMessages: ten})
			require.NoError(t, err)
			require.Len(t, out.Messages, 10)
		}
		out, err := api.ReceiveMessage(ctx, sqs.ReceiveMessageInput{QueueUrl: url, WaitTimeSeconds: aws.Int32(0)})
		if !tc.fifo {
			var ae interface{ ErrorCode() string }
			require.True(t, errors.As(err, &ae), "%v", err)
			assert.Equal(t, "OverLimit", ae.ErrorCode())
			_, err = f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url})
			var over *types.OverLimit
			require.ErrorAs(t, err, &over)
		} else {
			require.NoError(t, err)
			assert.Empty(t, out.Messages)
		}
		ch := make(chan error, 1)
		go func() {
			out, err := api.ReceiveMessage(ctx, sqs.ReceiveMessageInput{QueueUrl: url, WaitTimeSeconds: aws.Int32(1)})
			if err == nil && len(out.Messages) > 0 {
				err = errors.New("got messages past the limit")
			}
			ch <- err
		}()
		f.parked(t, 1)
		f.clk.Advance(time.Second)
		require.NoError(t, <-ch, "a long poll gets no error, and nothing")
		err = api.PurgeQueue(ctx, sqs.PurgeQueueInput{QueueUrl: url})
		require.NoError(t, err)
	}
}
