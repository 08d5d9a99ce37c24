package sqs_test

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/sqs"
)

// notifications counts the calls of a notifier.
func (f *fixture) notifications(t testing.TB, url string) *atomic.Int32 {
	t.Helper()
	var n atomic.Int32
	cancel, err := f.cloud.SQS().Notify(url, func() { n.Add(1) })
	require.NoError(t, err)
	t.Cleanup(cancel)
	return &n
}

func TestNotify_CalledSynchronouslyBySendAndByChangeToAnEarlierTime(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	n := f.notifications(t, url)
	f.send(t, url, "m")
	assert.Equal(t, int32(1), n.Load(), "inside the send")
	h := f.receive(t, url)[0].ReceiptHandle
	before := n.Load()
	require.NoError(t, f.changeVisibility(url, h, 60))
	assert.Equal(t, before, n.Load(), "a later end makes nothing receivable")
	require.NoError(t, f.changeVisibility(url, h, 5))
	assert.Equal(t, before+1, n.Load(), "an earlier end is announced")
	require.NoError(t, f.changeVisibility(url, h, 0))
	assert.Equal(t, before+2, n.Load())
}

// While a notifier is registered, one clock timer per queue fires at the
// earliest end of a delay or a visibility timeout.
func TestNotify_CalledOnTheClockWhenAVisibilityTimeoutOrDelayEnds(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.send(t, url, "a")
	_, err := f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, VisibilityTimeout: 10})
	require.NoError(t, err)
	n := f.notifications(t, url)
	_, err = f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("b"), DelaySeconds: 4})
	require.NoError(t, err)
	assert.Equal(t, int32(0), n.Load(), "a delayed message is not receivable yet")

	f.advance(t, 4*time.Second-time.Nanosecond)
	assert.Equal(t, int32(0), n.Load())
	f.advance(t, time.Nanosecond)
	assert.Equal(t, int32(1), n.Load(), "the delay ended")
	f.advance(t, 6*time.Second-time.Nanosecond)
	assert.Equal(t, int32(1), n.Load())
	f.advance(t, time.Nanosecond)
	assert.Equal(t, int32(2), n.Load(), "the visibility timeout ended")
	f.advance(t, time.Hour)
	assert.Equal(t, int32(2), n.Load(), "nothing else is due")
}

// A FIFO group whose message in flight is deleted can serve its next
// message: that is announced too.
func TestNotify_CalledWhenADeleteFreesAFIFOGroup(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q.fifo", fifoAttrs)
	f.sendFIFO(t, url, "g", "1", "a")
	f.sendFIFO(t, url, "g", "2", "b")
	out, err := f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url})
	require.NoError(t, err)
	n := f.notifications(t, url)
	require.NoError(t, f.deleteMessage(url, out.Messages[0].ReceiptHandle))
	assert.Equal(t, int32(1), n.Load())
}

// The callback runs with no lock held: it may call the Go API, as Lambda's
// poller does. Cancelling stops the calls.
func TestNotify_CallbackMayUseTheAPIAndCancelStopsIt(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	api := f.cloud.SQS()
	var got atomic.Int32
	cancel, err := api.Notify(url, func() {
		out, err := api.ReceiveMessage(ctx, sqs.ReceiveMessageInput{QueueUrl: url, WaitTimeSeconds: aws.Int32(0)})
		if err == nil {
			got.Add(int32(len(out.Messages)))
		}
	})
	require.NoError(t, err)
	f.send(t, url, "m")
	assert.Equal(t, int32(1), got.Load())
	cancel()
	cancel()
	f.send(t, url, "m")
	assert.Equal(t, int32(1), got.Load())

	_, err = api.Notify("http://awsfake.localhost/000000000000/missing", func() {})
	require.Error(t, err)
}

// Notifiers are registered for the queue's ARN, as AWS's pollers address a
// queue: deleting the queue keeps them, and the queue created with its name
// once the 60 seconds have passed notifies them, on a send and on the clock.
func TestNotify_SurvivesDeleteQueueAndServesTheQueueCreatedAgain(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	n := f.notifications(t, url)
	_, err := f.client.DeleteQueue(ctx, &awssqs.DeleteQueueInput{QueueUrl: &url})
	require.NoError(t, err)
	f.advance(t, 60*time.Second)
	again := f.createQueue(t, "q", nil)
	assert.Equal(t, int32(0), n.Load())
	f.send(t, again, "m")
	assert.Equal(t, int32(1), n.Load(), "a send to the new queue")
	_, err = f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &again, MessageBody: aws.String("d"), DelaySeconds: 3})
	require.NoError(t, err)
	f.advance(t, 3*time.Second)
	assert.Equal(t, int32(2), n.Load(), "a delay of the new queue ends")
}
