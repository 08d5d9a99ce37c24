package sns_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func fifoFixture(t *testing.T, topicAttrs map[string]string) (*fixture, string, string) {
	t.Helper()
	f := newFixture(t)
	attrs := map[string]string{"FifoTopic": "true"}
	for k, v := range topicAttrs {
		attrs[k] = v
	}
	topic := f.topic(t, "orders.fifo", attrs)
	url, q := f.queue(t, "orders.fifo", map[string]string{"FifoQueue": "true"})
	f.subscribe(t, topic, "sqs", q, map[string]string{"RawMessageDelivery": "true"})
	return f, topic, url
}

func TestFIFO_TopicToFIFOQueueKeepsPublishOrder(t *testing.T) {
	f, topic, url := fifoFixture(t, nil)
	var seqs []string
	for i := range 25 {
		out, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String(fmt.Sprint(i)),
			MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String(fmt.Sprint("d", i))})
		require.NoError(t, err)
		seqs = append(seqs, aws.ToString(out.SequenceNumber))
	}
	batch := []types.PublishBatchRequestEntry{}
	for i := 25; i < 30; i++ {
		batch = append(batch, types.PublishBatchRequestEntry{Id: aws.String(fmt.Sprint("e", i)), Message: aws.String(fmt.Sprint(i)),
			MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String(fmt.Sprint("d", i))})
	}
	out, err := f.sns.PublishBatch(f.ctx, &awssns.PublishBatchInput{TopicArn: aws.String(topic), PublishBatchRequestEntries: batch})
	require.NoError(t, err)
	for _, s := range out.Successful {
		seqs = append(seqs, aws.ToString(s.SequenceNumber))
	}
	for i := 1; i < len(seqs); i++ {
		require.Len(t, seqs[i], 20)
		assert.Greater(t, seqs[i], seqs[i-1], "sequence numbers increase")
	}
	f.settle(t)

	var got []string
	for _, m := range f.receive(t, url) {
		got = append(got, aws.ToString(m.Body))
		assert.Equal(t, "g", m.Attributes["MessageGroupId"])
		// The queue's message must be deleted before the group's next one is
		// visible.
		_, err := f.sqs.DeleteMessage(f.ctx, deleteInput(url, m.ReceiptHandle))
		require.NoError(t, err)
	}
	for len(got) < 30 {
		msgs := f.receive(t, url)
		require.NotEmpty(t, msgs, "got %v", got)
		for _, m := range msgs {
			got = append(got, aws.ToString(m.Body))
			_, err := f.sqs.DeleteMessage(f.ctx, deleteInput(url, m.ReceiptHandle))
			require.NoError(t, err)
		}
	}
	want := make([]string, 30)
	for i := range want {
		want[i] = fmt.Sprint(i)
	}
	assert.Equal(t, want, got)
}

func TestFIFO_RequiresMessageGroupIdAndADeduplicationId(t *testing.T) {
	f, topic, _ := fifoFixture(t, nil)
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x"), MessageDeduplicationId: aws.String("d")})
	ae := requireCode(t, err, "InvalidParameter")
	assert.Equal(t, "Invalid parameter: The MessageGroupId parameter is required for FIFO topics", ae.ErrorMessage())
	_, err = f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x"), MessageGroupId: aws.String("g")})
	ae = requireCode(t, err, "InvalidParameter")
	assert.Equal(t, "Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly", ae.ErrorMessage())
}

// "subsequent messages within the deduplication scope and interval, with the
// same MessageDeduplicationId, are accepted successfully but aren't
// delivered"; the interval is five minutes.
func TestFIFO_DeduplicatesByIdForFiveMinutes(t *testing.T) {
	for _, c := range []struct {
		name      string
		after     time.Duration
		delivered int
	}{
		{"just before five minutes", 5*time.Minute - time.Nanosecond, 1},
		{"exactly at five minutes", 5 * time.Minute, 2},
		{"just after five minutes", 5*time.Minute + time.Nanosecond, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, topic, url := fifoFixture(t, nil)
			first, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("a"),
				MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String("same")})
			require.NoError(t, err)
			f.settle(t) // delivered to the queue before the clock moves on
			f.clk.Advance(c.after)
			second, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("b"),
				MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String("same")})
			require.NoError(t, err, "a duplicate is accepted")
			if c.delivered == 1 {
				assert.Equal(t, aws.ToString(first.MessageId), aws.ToString(second.MessageId))
				assert.Equal(t, aws.ToString(first.SequenceNumber), aws.ToString(second.SequenceNumber))
			}
			f.settle(t)
			n := 0
			for {
				msgs := f.receive(t, url)
				if len(msgs) == 0 {
					break
				}
				for _, m := range msgs {
					n++
					_, err := f.sqs.DeleteMessage(f.ctx, deleteInput(url, m.ReceiptHandle))
					require.NoError(t, err)
				}
			}
			assert.Equal(t, c.delivered, n)
		})
	}
}

func TestFIFO_ContentBasedDeduplicationHashesTheBodyNotTheAttributes(t *testing.T) {
	f, topic, _ := fifoFixture(t, map[string]string{"ContentBasedDeduplication": "true"})
	publish := func(body, attr string) string {
		out, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String(body), MessageGroupId: aws.String("g"),
			MessageAttributes: map[string]types.MessageAttributeValue{"a": {DataType: aws.String("String"), StringValue: aws.String(attr)}}})
		require.NoError(t, err)
		return aws.ToString(out.MessageId)
	}
	a := publish("same", "1")
	assert.Equal(t, a, publish("same", "2"), "attributes do not count")
	assert.NotEqual(t, a, publish("other", "1"))
}

func TestFIFO_MessageGroupScopeDeduplicatesPerGroup(t *testing.T) {
	f, topic, _ := fifoFixture(t, map[string]string{"FifoThroughputScope": "MessageGroup"})
	publish := func(group string) string {
		out, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x"),
			MessageGroupId: aws.String(group), MessageDeduplicationId: aws.String("d")})
		require.NoError(t, err)
		return aws.ToString(out.MessageId)
	}
	a := publish("g1")
	assert.NotEqual(t, a, publish("g2"))
	assert.Equal(t, a, publish("g1"))
}

// A FIFO topic delivers to a standard queue too, with the envelope AWS
// sends for a FIFO topic (a SequenceNumber, no signature), and deduplicates
// before it delivers. The topic is created with ContentBasedDeduplication
// "True" or "False", as boto3 sends Python's str(bool). Recorded: sns
// test_sns.py::TestSNSSubscriptionSQSFifo::test_fifo_topic_to_regular_sqs[True]
// and [False].
func TestFIFO_TopicDeliversToAStandardQueue(t *testing.T) {
	for _, cbd := range []string{"True", "False"} {
		t.Run(cbd, func(t *testing.T) {
			f := newFixture(t)
			topic := f.topic(t, "topic.fifo", map[string]string{"FifoTopic": "true", "ContentBasedDeduplication": cbd})
			url, q := f.queue(t, "queue", nil)
			sub := f.subscribe(t, topic, "sqs", q, nil)
			in := &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("Test"), MessageGroupId: aws.String("message-group-id-1")}
			if cbd == "False" {
				in.MessageDeduplicationId = aws.String("message-deduplication-id-1")
			}
			_, err := f.sns.Publish(f.ctx, in)
			require.NoError(t, err)
			f.settle(t)
			msgs := f.receive(t, url)
			require.Len(t, msgs, 1)
			assert.ElementsMatch(t, []string{"ApproximateFirstReceiveTimestamp", "ApproximateReceiveCount", "SenderId", "SentTimestamp"},
				slices.Collect(maps.Keys(msgs[0].Attributes)))
			var body map[string]string
			require.NoError(t, json.Unmarshal([]byte(aws.ToString(msgs[0].Body)), &body))
			assert.ElementsMatch(t, []string{"Type", "MessageId", "SequenceNumber", "TopicArn", "Message", "Timestamp", "UnsubscribeURL"},
				slices.Collect(maps.Keys(body)))
			assert.Equal(t, "Notification", body["Type"])
			assert.Equal(t, "Test", body["Message"])
			assert.Equal(t, topic, body["TopicArn"])
			assert.True(t, strings.HasSuffix(body["UnsubscribeURL"], "/?Action=Unsubscribe&SubscriptionArn="+sub), body["UnsubscribeURL"])
			_, err = f.sqs.DeleteMessage(f.ctx, deleteInput(url, msgs[0].ReceiptHandle))
			require.NoError(t, err)

			_, err = f.sns.Publish(f.ctx, in) // the same again: deduplicated
			require.NoError(t, err)
			f.settle(t)
			assert.Empty(t, f.receive(t, url), "dedup-messages")
		})
	}
}
