package sqs_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func redrive(dlqARN string, max int) map[string]string {
	return map[string]string{"RedrivePolicy": fmt.Sprintf(`{"deadLetterTargetArn":%q,"maxReceiveCount":"%d"}`, dlqARN, max)}
}

func queueARN(name string) string { return "arn:aws:sqs:us-east-1:000000000000:" + name }

// "maxReceiveCount – The number of times a message is delivered to the
// source queue before being moved to the dead-letter queue ... When the
// ReceiveCount for a message exceeds the maxReceiveCount for a queue, Amazon
// SQS moves the message to the dead-letter-queue." The move happens on the
// receive that would exceed it; the message keeps its id and receive count
// ("received across all queues") and gains DeadLetterQueueSourceArn.
func TestDeadLetter_MessageMovesOnTheReceiveThatWouldExceedMaxReceiveCount(t *testing.T) {
	f := newFixture(t)
	dlq := f.createQueue(t, "dlq", nil)
	src := f.createQueue(t, "src", redrive(queueARN("dlq"), 2))
	id := f.send(t, src, "poison")
	for i := 1; i <= 2; i++ {
		got := f.receive(t, src)
		require.Len(t, got, 1, "receive %d", i)
		f.clk.Advance(30 * time.Second)
	}
	assert.Empty(t, f.receive(t, src), "the third receive moves it instead")
	got := f.receive(t, dlq)
	require.Len(t, got, 1)
	assert.Equal(t, id, aws.ToString(got[0].MessageId))
	assert.Equal(t, "3", got[0].Attributes["ApproximateReceiveCount"])
	assert.Equal(t, queueARN("src"), got[0].Attributes["DeadLetterQueueSourceArn"])

	a := f.attributes(t, src)
	assert.Equal(t, `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":2}`, a["RedrivePolicy"])
}

// The redrive policy's rules: a JSON map with both parameters,
// maxReceiveCount 1 to 1000, a target that exists and is of the same type
// ("The dead-letter queue of a FIFO queue must also be a FIFO queue").
func TestDeadLetter_RedrivePolicyValidation(t *testing.T) {
	f := newFixture(t)
	f.createQueue(t, "dlq", nil)
	f.createQueue(t, "dlq.fifo", fifoAttrs)
	url := f.createQueue(t, "src", nil)
	for name, policy := range map[string]string{
		"not json":       `{`,
		"no target":      `{"maxReceiveCount":3}`,
		"no count":       fmt.Sprintf(`{"deadLetterTargetArn":%q}`, queueARN("dlq")),
		"count 0":        fmt.Sprintf(`{"deadLetterTargetArn":%q,"maxReceiveCount":0}`, queueARN("dlq")),
		"count 1001":     fmt.Sprintf(`{"deadLetterTargetArn":%q,"maxReceiveCount":1001}`, queueARN("dlq")),
		"missing target": fmt.Sprintf(`{"deadLetterTargetArn":%q,"maxReceiveCount":3}`, queueARN("nope")),
		"fifo target":    fmt.Sprintf(`{"deadLetterTargetArn":%q,"maxReceiveCount":3}`, queueARN("dlq.fifo")),
	} {
		_, err := f.client.SetQueueAttributes(ctx, &awssqs.SetQueueAttributesInput{QueueUrl: &url, Attributes: map[string]string{"RedrivePolicy": policy}})
		requireCode(t, err, "InvalidParameterValue")
		assert.NotContains(t, f.attributes(t, url), "RedrivePolicy", name)
	}
	for _, n := range []int{1, 1000} {
		_, err := f.client.SetQueueAttributes(ctx, &awssqs.SetQueueAttributesInput{QueueUrl: &url, Attributes: redrive(queueARN("dlq"), n)})
		require.NoError(t, err)
	}
	_, err := f.client.SetQueueAttributes(ctx, &awssqs.SetQueueAttributesInput{QueueUrl: &url, Attributes: map[string]string{"RedrivePolicy": ""}})
	require.NoError(t, err)
	assert.NotContains(t, f.attributes(t, url), "RedrivePolicy", "an empty policy removes it")
}

// RedriveAllowPolicy: "allowAll – (Default) Any source queues ... denyAll –
// No source queues can specify this queue as the dead-letter queue. byQueue
// – Only queues specified by the sourceQueueArns parameter".
func TestDeadLetter_RedriveAllowPolicyIsEnforced(t *testing.T) {
	f := newFixture(t)
	f.createQueue(t, "deny", map[string]string{"RedriveAllowPolicy": `{"redrivePermission":"denyAll"}`})
	f.createQueue(t, "only-a", map[string]string{"RedriveAllowPolicy": fmt.Sprintf(`{"redrivePermission":"byQueue","sourceQueueArns":[%q]}`, queueARN("a"))})
	_, err := f.client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("a"), Attributes: redrive(queueARN("deny"), 3)})
	requireCode(t, err, "InvalidParameterValue")
	f.createQueue(t, "a", redrive(queueARN("only-a"), 3))
	_, err = f.client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("b"), Attributes: redrive(queueARN("only-a"), 3)})
	requireCode(t, err, "InvalidParameterValue")

	for _, bad := range []string{`{"redrivePermission":"byQueue"}`, `{"redrivePermission":"allowAll","sourceQueueArns":["x"]}`,
		`{"redrivePermission":"sometimes"}`, `{}`, `[`} {
		_, err = f.client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("c"), Attributes: map[string]string{"RedriveAllowPolicy": bad}})
		requireCode(t, err, "InvalidParameterValue")
	}
}

func TestListDeadLetterSourceQueues_ListsTheQueuesRedrivingToIt(t *testing.T) {
	f := newFixture(t)
	dlq := f.createQueue(t, "dlq", nil)
	f.createQueue(t, "other", nil)
	for _, n := range []string{"s2", "s1", "s3"} {
		f.createQueue(t, n, redrive(queueARN("dlq"), 5))
	}
	out, err := f.client.ListDeadLetterSourceQueues(ctx, &awssqs.ListDeadLetterSourceQueuesInput{QueueUrl: &dlq})
	require.NoError(t, err)
	base := "http://awsfake.localhost/000000000000/"
	assert.Equal(t, []string{base + "s1", base + "s2", base + "s3"}, out.QueueUrls)
	assert.Nil(t, out.NextToken)

	page, err := f.client.ListDeadLetterSourceQueues(ctx, &awssqs.ListDeadLetterSourceQueuesInput{QueueUrl: &dlq, MaxResults: aws.Int32(2)})
	require.NoError(t, err)
	assert.Equal(t, []string{base + "s1", base + "s2"}, page.QueueUrls)
	rest, err := f.client.ListDeadLetterSourceQueues(ctx, &awssqs.ListDeadLetterSourceQueuesInput{QueueUrl: &dlq, MaxResults: aws.Int32(2), NextToken: page.NextToken})
	require.NoError(t, err)
	assert.Equal(t, []string{base + "s3"}, rest.QueueUrls)
}

// A FIFO message dead-lettered keeps its group in the FIFO dead-letter
// queue, and its retention restarts there.
func TestDeadLetter_FIFOMessagesMoveToAFIFODeadLetterQueue(t *testing.T) {
	f := newFixture(t)
	dlq := f.createQueue(t, "dlq.fifo", map[string]string{"FifoQueue": "true", "MessageRetentionPeriod": "60"})
	attrs := redrive(queueARN("dlq.fifo"), 1)
	attrs["FifoQueue"] = "true"
	src := f.createQueue(t, "src.fifo", attrs)
	f.sendFIFO(t, src, "g", "1", "first")
	f.sendFIFO(t, src, "g", "2", "second")
	require.Equal(t, []string{"first", "second"}, bodies(f.receive(t, src)))
	f.clk.Advance(time.Minute)
	assert.Empty(t, f.receive(t, src))
	got := f.receive(t, dlq)
	assert.Equal(t, []string{"first", "second"}, bodies(got))
	assert.Equal(t, "g", got[0].Attributes["MessageGroupId"])
}

// "For standard queues, the expiration of a message is always based on its
// original enqueue timestamp. When a message is moved to a dead-letter
// queue, the enqueue timestamp is unchanged."
func TestDeadLetter_StandardMessageKeepsItsEnqueueTimeForRetention(t *testing.T) {
	f := newFixture(t)
	dlq := f.createQueue(t, "dlq", map[string]string{"MessageRetentionPeriod": "60"})
	src := f.createQueue(t, "src", redrive(queueARN("dlq"), 1))
	f.send(t, src, "old") // enqueued at t0
	require.Len(t, f.receive(t, src), 1)
	f.clk.Advance(20 * time.Second)
	f.send(t, dlq, "newer") // enqueued at t0+20s
	f.clk.Advance(10 * time.Second)
	require.Empty(t, f.receive(t, src)) // t0+30s: "old" moves to the dead-letter queue

	f.clk.Advance(30*time.Second - time.Nanosecond)
	msgs, _ := f.cloud.SQS().Messages(dlq)
	assert.Len(t, msgs, 2)
	f.clk.Advance(time.Nanosecond) // t0+60s: "old" is 60 s old
	msgs, _ = f.cloud.SQS().Messages(dlq)
	require.Len(t, msgs, 1)
	assert.Equal(t, "newer", msgs[0].Body)
	f.clk.Advance(20 * time.Second)
	msgs, _ = f.cloud.SQS().Messages(dlq)
	assert.Empty(t, msgs)
}
