package sqs_test

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/sqs"
)

// The poller path addresses a queue by ARN and reports what a mapping
// checks of it.
func TestPoller_AttributesByARN(t *testing.T) {
	f := newFixture(t)
	f.createQueue(t, "q", map[string]string{"VisibilityTimeout": "45"})
	f.createQueue(t, "q.fifo", fifoAttrs)
	api := f.cloud.SQS()
	got, err := api.PollerAttributes(queueARN("q"))
	require.NoError(t, err)
	assert.Equal(t, sqs.PollerQueue{VisibilityTimeout: 45 * time.Second}, got)
	got, err = api.PollerAttributes(queueARN("q.fifo"))
	require.NoError(t, err)
	assert.Equal(t, sqs.PollerQueue{FIFO: true, VisibilityTimeout: 30 * time.Second}, got)

	for _, bad := range []string{queueARN("missing"), "arn:aws:sqs:eu-west-1:000000000000:q",
		"arn:aws:sqs:us-east-1:111111111111:q", "arn:aws:sns:us-east-1:000000000000:q", "not an arn"} {
		_, err := api.PollerAttributes(bad)
		requireCode(t, err, "QueueDoesNotExist")
		_, err = api.PollerReceive(bad, 1)
		requireCode(t, err, "QueueDoesNotExist")
		requireCode(t, api.PollerDelete(bad, []string{"h"}), "QueueDoesNotExist")
	}
}

// PollerReceive is a short poll with every attribute: the messages become
// invisible for the queue's visibility timeout, as ReceiveMessage would make
// them; MaxNumberOfMessages' range is AWS's.
func TestPoller_ReceiveIsAShortPollWithEveryAttribute(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("m"),
		MessageAttributes: map[string]types.MessageAttributeValue{"k": strAttr("v")}})
	require.NoError(t, err)
	api := f.cloud.SQS()
	for _, max := range []int{0, 11} {
		_, err := api.PollerReceive(queueARN("q"), max)
		requireCode(t, err, "InvalidParameterValueException")
	}
	got, err := api.PollerReceive(queueARN("q"), 10)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, "1", got[0].Attributes["ApproximateReceiveCount"])
	assert.Equal(t, "v", got[0].MessageAttributes["k"].StringValue)
	assert.NotEmpty(t, got[0].MD5OfMessageAttributes)
	again, err := api.PollerReceive(queueARN("q"), 10)
	require.NoError(t, err)
	assert.Empty(t, again, "in flight")
	f.clk.Advance(30 * time.Second)
	again, err = api.PollerReceive(queueARN("q"), 10)
	require.NoError(t, err)
	assert.Len(t, again, 1, "back after the visibility timeout")
}

// PollerDelete deletes every handle it is given, however many, and goes on
// past the ones that fail, returning their errors joined.
func TestPoller_DeleteGoesOnPastFailuresAndJoinsThem(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	for range 25 {
		f.send(t, url, "m")
	}
	api := f.cloud.SQS()
	var handles []string
	for range 3 {
		got, err := api.PollerReceive(queueARN("q"), 10)
		require.NoError(t, err)
		for _, m := range got {
			handles = append(handles, m.ReceiptHandle)
		}
	}
	require.Len(t, handles, 25)
	mixed := append([]string{"AQEBbogus", ""}, handles...)
	err := api.PollerDelete(queueARN("q"), mixed)
	require.Error(t, err)
	assert.ErrorContains(t, err, "is not a valid receipt handle")
	assert.ErrorContains(t, err, "ReceiptHandle")
	attrs := f.attributes(t, url, "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")
	assert.Equal(t, "0", attrs["ApproximateNumberOfMessages"])
	assert.Equal(t, "0", attrs["ApproximateNumberOfMessagesNotVisible"], "all 25 deleted")
	assert.NoError(t, api.PollerDelete(queueARN("q"), handles), "deleting what is gone succeeds, as DeleteMessage does")
}

// The poller's calls are the cloud's own: they are not recorded and do not
// consume the faults injected for the test's client.
func TestPoller_CallsAreNotRecordedAndSkipInjectedFaults(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.send(t, url, "m")
	api := f.cloud.SQS()
	api.InjectFault("ReceiveMessage", "InternalFailure", 1)
	api.InjectFault("DeleteMessageBatch", "InternalFailure", 1)
	before := len(api.Calls())
	got, err := api.PollerReceive(queueARN("q"), 1)
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.NoError(t, api.PollerDelete(queueARN("q"), []string{got[0].ReceiptHandle}))
	_, err = api.PollerAttributes(queueARN("q"))
	require.NoError(t, err)
	assert.Len(t, api.Calls(), before)
	_, err = api.ReceiveMessage(ctx, sqs.ReceiveMessageInput{QueueUrl: url})
	requireCode(t, err, "InternalFailure")
}

// PollerNotify watches an ARN, whether or not its queue exists: a queue
// created later with it wakes the poller on a send and when a delay ends.
func TestPoller_NotifyWatchesTheARNBeforeTheQueueExists(t *testing.T) {
	f := newFixture(t)
	api := f.cloud.SQS()
	var n atomic.Int32
	cancel, err := api.PollerNotify(queueARN("later"), func() { n.Add(1) })
	require.NoError(t, err)
	t.Cleanup(cancel)
	url := f.createQueue(t, "later", nil)
	f.send(t, url, "m")
	assert.Equal(t, int32(1), n.Load())
	_, err = f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("d"), DelaySeconds: 2})
	require.NoError(t, err)
	f.advance(t, 2*time.Second-time.Nanosecond)
	assert.Equal(t, int32(1), n.Load())
	f.advance(t, time.Nanosecond)
	assert.Equal(t, int32(2), n.Load(), "the delay ended")

	// Any region and account (issue 9); a partition that is not the
	// region's cannot name a queue.
	other, err := api.PollerNotify("arn:aws:sqs:eu-west-1:111111111111:q", func() {})
	require.NoError(t, err)
	other()
	for _, bad := range []string{"arn:aws-cn:sqs:eu-west-1:000000000000:q", "arn:aws:sns:us-east-1:000000000000:q", "x"} {
		_, err := api.PollerNotify(bad, func() {})
		requireCode(t, err, "QueueDoesNotExist")
	}
}
