package sqs_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func (f *fixture) changeVisibility(url string, handle *string, vt int32) error {
	_, err := f.client.ChangeMessageVisibility(ctx, &awssqs.ChangeMessageVisibilityInput{QueueUrl: &url, ReceiptHandle: handle, VisibilityTimeout: vt})
	return err
}

// "the 10 seconds begin to count from the time that you make the
// ChangeMessageVisibility call".
func TestChangeMessageVisibility_RestartsTheTimeoutFromNow(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.send(t, url, "m")
	got := f.receive(t, url)
	require.Len(t, got, 1)
	f.clk.Advance(15 * time.Second)
	require.NoError(t, f.changeVisibility(url, got[0].ReceiptHandle, 10))
	f.clk.Advance(10*time.Second - time.Nanosecond)
	assert.Empty(t, f.receive(t, url))
	f.clk.Advance(time.Nanosecond)
	assert.Len(t, f.receive(t, url), 1)
}

// "Terminating a message's visibility timeout": a VisibilityTimeout of 0
// makes it visible at once.
func TestChangeMessageVisibility_ZeroMakesTheMessageVisibleAtOnce(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.send(t, url, "m")
	got := f.receive(t, url)
	require.NoError(t, f.changeVisibility(url, got[0].ReceiptHandle, 0))
	again := f.receive(t, url)
	require.Len(t, again, 1)
	assert.Equal(t, "2", again[0].Attributes["ApproximateReceiveCount"])
}

// "You can continue to call ChangeMessageVisibility to extend the visibility
// timeout to a maximum of 12 hours. If you try to extend the visibility
// timeout beyond 12 hours, your request is rejected." The 12 hours count from
// the receive.
func TestChangeMessageVisibility_TwelveHourCeilingFromTheReceive(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.send(t, url, "m")
	out, err := f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, VisibilityTimeout: 7200})
	require.NoError(t, err)
	h := out.Messages[0].ReceiptHandle
	f.clk.Advance(time.Hour)
	requireCode(t, f.changeVisibility(url, h, 11*3600+1), "InvalidParameterValue")
	require.NoError(t, f.changeVisibility(url, h, 11*3600), "exactly 12 hours in total")
	f.clk.Advance(11*time.Hour - time.Second)
	requireCode(t, f.changeVisibility(url, h, 2), "InvalidParameterValue")
	require.NoError(t, f.changeVisibility(url, h, 1))
	requireCode(t, f.changeVisibility(url, h, 43201), "InvalidParameterValue")
	require.NoError(t, f.changeVisibility(url, h, 0))
}

func TestChangeMessageVisibility_ErrorsForHandlesInvalidOrNotInFlight(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	other := f.createQueue(t, "other", nil)
	f.send(t, url, "m")
	f.send(t, other, "o")
	first := f.receive(t, url)[0].ReceiptHandle
	otherHandle := f.receive(t, other)[0].ReceiptHandle

	for _, h := range []string{"garbage", "AQEB" + "AAAA", aws.ToString(otherHandle)} {
		err := f.changeVisibility(url, aws.String(h), 10)
		var invalid *types.ReceiptHandleIsInvalid
		require.ErrorAs(t, err, &invalid, h)
	}

	f.clk.Advance(30 * time.Second)
	var notInFlight *types.MessageNotInflight
	require.ErrorAs(t, f.changeVisibility(url, first, 10), &notInFlight, "the timeout ended")
	assert.Equal(t, "AWS.SimpleQueueService.MessageNotInflight", notInFlight.ErrorCode())

	second := f.receive(t, url)[0].ReceiptHandle
	requireCode(t, f.changeVisibility(url, first, 10), "InvalidParameterValue") // replaced by a later receive
	require.NoError(t, f.changeVisibility(url, second, 10))
	_, err := f.client.DeleteMessage(ctx, &awssqs.DeleteMessageInput{QueueUrl: &url, ReceiptHandle: second})
	require.NoError(t, err)
	requireCode(t, f.changeVisibility(url, second, 10), "InvalidParameterValue") // the message is gone
}

func TestChangeMessageVisibilityBatch_ReportsEachEntry(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.send(t, url, "a")
	f.send(t, url, "b")
	got := f.receive(t, url)
	require.Len(t, got, 2)
	out, err := f.client.ChangeMessageVisibilityBatch(ctx, &awssqs.ChangeMessageVisibilityBatchInput{QueueUrl: &url,
		Entries: []types.ChangeMessageVisibilityBatchRequestEntry{
			{Id: aws.String("a"), ReceiptHandle: got[0].ReceiptHandle, VisibilityTimeout: 0},
			{Id: aws.String("b"), ReceiptHandle: got[1].ReceiptHandle, VisibilityTimeout: 50000},
			{Id: aws.String("c"), ReceiptHandle: aws.String("nope"), VisibilityTimeout: 5},
		}})
	require.NoError(t, err)
	require.Len(t, out.Successful, 1)
	assert.Equal(t, "a", aws.ToString(out.Successful[0].Id))
	require.Len(t, out.Failed, 2)
	assert.Equal(t, "InvalidParameterValue", aws.ToString(out.Failed[0].Code))
	assert.Equal(t, "ReceiptHandleIsInvalid", aws.ToString(out.Failed[1].Code))
	assert.Len(t, f.receive(t, url), 1, "only a is visible again")

	_, err = f.client.ChangeMessageVisibilityBatch(ctx, &awssqs.ChangeMessageVisibilityBatchInput{QueueUrl: &url,
		Entries: []types.ChangeMessageVisibilityBatchRequestEntry{}})
	var empty *types.EmptyBatchRequest
	require.ErrorAs(t, err, &empty)
}
