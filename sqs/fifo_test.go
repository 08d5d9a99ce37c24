package sqs_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var fifoAttrs = map[string]string{"FifoQueue": "true"}

func (f *fixture) sendFIFO(t testing.TB, url, group, dedup, body string) *awssqs.SendMessageOutput {
	t.Helper()
	out, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: &body,
		MessageGroupId: aws.String(group), MessageDeduplicationId: aws.String(dedup)})
	require.NoError(t, err)
	return out
}

func bodies(ms []types.Message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = aws.ToString(m.Body)
	}
	return out
}

// "Messages that belong to the same message group are processed in a FIFO
// manner"; "While messages with a particular MessageGroupId are invisible,
// no more messages belonging to the same MessageGroupId are returned until
// the visibility timeout expires. You can still receive messages with another
// MessageGroupId"; and SQS "first attempts to return as many messages with
// the same message group ID as possible".
func TestFIFO_OrderWithinAGroupAndAGroupInFlightBlocksIt(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q.fifo", fifoAttrs)
	for i := 1; i <= 3; i++ {
		f.sendFIFO(t, url, "A", "a"+strconv.Itoa(i), "A"+strconv.Itoa(i))
	}
	f.sendFIFO(t, url, "B", "b1", "B1")

	first, err := f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: 2})
	require.NoError(t, err)
	assert.Equal(t, []string{"A1", "A2"}, bodies(first.Messages), "as many of one group as possible, in order")

	assert.Equal(t, []string{"B1"}, bodies(f.receive(t, url)), "A is in flight: only B is served")
	assert.Empty(t, f.receive(t, url))

	require.NoError(t, f.deleteMessage(url, first.Messages[0].ReceiptHandle))
	assert.Empty(t, f.receive(t, url), "A2 is still in flight")
	require.NoError(t, f.deleteMessage(url, first.Messages[1].ReceiptHandle))
	assert.Equal(t, []string{"A3"}, bodies(f.receive(t, url)), "deleting the group's messages frees it")

	f.clk.Advance(30 * time.Second)
	assert.Equal(t, []string{"A3", "B1"}, bodies(f.receive(t, url)), "both timed out: the oldest group first")
}

// "If a message with a particular MessageDeduplicationId is sent
// successfully, any messages sent with the same MessageDeduplicationId are
// accepted successfully but aren't delivered during the 5-minute
// deduplication interval", even after the first is deleted; the duplicate
// send answers with the original MessageId.
func TestFIFO_DeduplicationWithinFiveMinutesOnTheClock(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q.fifo", fifoAttrs)
	orig := f.sendFIFO(t, url, "g", "d", "first")
	got := f.receive(t, url)
	require.Len(t, got, 1)
	require.NoError(t, f.deleteMessage(url, got[0].ReceiptHandle))

	f.clk.Advance(5*time.Minute - time.Nanosecond)
	dup := f.sendFIFO(t, url, "g", "d", "second")
	assert.Equal(t, aws.ToString(orig.MessageId), aws.ToString(dup.MessageId))
	assert.Equal(t, aws.ToString(orig.SequenceNumber), aws.ToString(dup.SequenceNumber))
	assert.Empty(t, f.receive(t, url), "the duplicate is not delivered")

	f.clk.Advance(time.Nanosecond)
	fresh := f.sendFIFO(t, url, "g", "d", "third")
	assert.NotEqual(t, aws.ToString(orig.MessageId), aws.ToString(fresh.MessageId))
	assert.Equal(t, []string{"third"}, bodies(f.receive(t, url)))
}

// ContentBasedDeduplication: "Amazon SQS uses a SHA-256 hash to generate the
// MessageDeduplicationId using the body of the message (but not the
// attributes of the message)"; an explicit id overrides it. Without either,
// the send fails.
func TestFIFO_ContentBasedDeduplication(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q.fifo", map[string]string{"FifoQueue": "true", "ContentBasedDeduplication": "true"})
	send := func(body string, attrs map[string]types.MessageAttributeValue, dedup *string) *awssqs.SendMessageOutput {
		out, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: &body,
			MessageGroupId: aws.String("g"), MessageAttributes: attrs, MessageDeduplicationId: dedup})
		require.NoError(t, err)
		return out
	}
	a := send("same", nil, nil)
	b := send("same", map[string]types.MessageAttributeValue{"x": strAttr("y")}, nil)
	assert.Equal(t, aws.ToString(a.MessageId), aws.ToString(b.MessageId), "attributes are not part of the hash")
	c := send("same", nil, aws.String("explicit"))
	assert.NotEqual(t, aws.ToString(a.MessageId), aws.ToString(c.MessageId))
	msgs, _ := f.cloud.SQS().Messages(url)
	assert.Len(t, msgs, 2)
	assert.Len(t, msgs[0].MessageDeduplicationId, 64, "the SHA-256 in hex")

	plain := f.createQueue(t, "plain.fifo", fifoAttrs)
	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &plain, MessageBody: aws.String("b"), MessageGroupId: aws.String("g")})
	requireCode(t, err, "InvalidParameterValue")
}

// DeduplicationScope messageGroup deduplicates within a message group only.
func TestFIFO_DeduplicationScopeMessageGroup(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q.fifo", map[string]string{"FifoQueue": "true", "DeduplicationScope": "messageGroup",
		"FifoThroughputLimit": "perMessageGroupId"})
	a := f.sendFIFO(t, url, "g1", "d", "one")
	b := f.sendFIFO(t, url, "g2", "d", "two")
	c := f.sendFIFO(t, url, "g1", "d", "three")
	assert.NotEqual(t, aws.ToString(a.MessageId), aws.ToString(b.MessageId))
	assert.Equal(t, aws.ToString(a.MessageId), aws.ToString(c.MessageId))
}

// "SequenceNumber continues to increase for a particular MessageGroupId";
// FIFO queues require a MessageGroupId and refuse a per-message DelaySeconds.
func TestFIFO_SequenceNumbersIncreaseAndSendRules(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q.fifo", fifoAttrs)
	var last uint64
	for i := range 5 {
		out := f.sendFIFO(t, url, "g", strconv.Itoa(i), "m")
		n, err := strconv.ParseUint(aws.ToString(out.SequenceNumber), 10, 64)
		require.NoError(t, err)
		assert.Greater(t, n, last)
		last = n
	}
	got := f.receive(t, url)
	require.Len(t, got, 5)
	assert.NotEmpty(t, got[0].Attributes["SequenceNumber"])
	assert.Equal(t, "g", got[0].Attributes["MessageGroupId"])
	assert.Equal(t, "0", got[0].Attributes["MessageDeduplicationId"])

	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("b"), MessageDeduplicationId: aws.String("x")})
	requireCode(t, err, "MissingParameter")
	_, err = f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("b"),
		MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String("y"), DelaySeconds: 5})
	requireCode(t, err, "InvalidParameterValue")
	_, err = f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("b"),
		MessageGroupId: aws.String("bad group"), MessageDeduplicationId: aws.String("y")})
	requireCode(t, err, "InvalidParameterValue")
}

// "For FIFO queues, the per-queue delay setting is retroactive—changing the
// setting affects the delay of messages already in the queue."
func TestFIFO_QueueDelayChangeIsRetroactive(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q.fifo", map[string]string{"FifoQueue": "true", "DelaySeconds": "60"})
	f.sendFIFO(t, url, "g", "d", "m")
	f.clk.Advance(10 * time.Second)
	_, err := f.client.SetQueueAttributes(ctx, &awssqs.SetQueueAttributesInput{QueueUrl: &url, Attributes: map[string]string{"DelaySeconds": "20"}})
	require.NoError(t, err)
	f.clk.Advance(10*time.Second - time.Nanosecond)
	assert.Empty(t, f.receive(t, url))
	f.clk.Advance(time.Nanosecond)
	assert.Len(t, f.receive(t, url), 1, "20 s after the send")

	std := f.createQueue(t, "std", map[string]string{"DelaySeconds": "60"})
	f.send(t, std, "m")
	_, err = f.client.SetQueueAttributes(ctx, &awssqs.SetQueueAttributesInput{QueueUrl: &std, Attributes: map[string]string{"DelaySeconds": "0"}})
	require.NoError(t, err)
	assert.Empty(t, f.receive(t, std), "a standard queue's change is not retroactive")
}

// "During a visibility timeout, subsequent calls with the same
// ReceiveRequestAttemptId return the same messages and receipt handles. If a
// retry occurs within the deduplication interval, it resets the visibility
// timeout."
func TestFIFO_ReceiveRequestAttemptIdReturnsTheSameMessages(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q.fifo", fifoAttrs)
	f.sendFIFO(t, url, "g", "1", "a")
	f.sendFIFO(t, url, "h", "2", "b")
	in := &awssqs.ReceiveMessageInput{QueueUrl: &url, ReceiveRequestAttemptId: aws.String("attempt-1")}
	first, err := f.client.ReceiveMessage(ctx, in)
	require.NoError(t, err)
	require.Len(t, first.Messages, 1)
	f.clk.Advance(20 * time.Second)
	retry, err := f.client.ReceiveMessage(ctx, in)
	require.NoError(t, err)
	assert.Equal(t, first.Messages, retry.Messages)
	f.clk.Advance(29 * time.Second)
	assert.Equal(t, []string{"b"}, bodies(f.receive(t, url)), "the retry restarted a's 30 s")

	require.NoError(t, f.deleteMessage(url, first.Messages[0].ReceiptHandle))
	other, err := f.client.ReceiveMessage(ctx, in)
	require.NoError(t, err)
	assert.Empty(t, other.Messages, "a deleted message is not returned again: a new receive, and b is in flight")
}

// On a FIFO queue a receipt handle whose message is no longer in flight has
// expired: deleting with it fails.
func TestFIFO_DeleteWithAnExpiredHandleFails(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q.fifo", fifoAttrs)
	f.sendFIFO(t, url, "g", "d", "m")
	h := f.receive(t, url)[0].ReceiptHandle
	f.clk.Advance(30 * time.Second)
	requireCode(t, f.deleteMessage(url, h), "InvalidParameterValue")
	h2 := f.receive(t, url)[0].ReceiptHandle
	requireCode(t, f.deleteMessage(url, h), "InvalidParameterValue")
	require.NoError(t, f.deleteMessage(url, h2))
}
