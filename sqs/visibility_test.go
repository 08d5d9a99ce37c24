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

// A handle the queue did not issue is ReceiptHandleIsInvalid; one of a
// message that is gone is InvalidParameterValue with AWS's reason (LocalStack's
// AWS-validated test_change_visibility_on_deleted_message_raises_invalid_parameter_value).
func TestChangeMessageVisibility_ErrorsForHandlesInvalidOrGone(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	other := f.createQueue(t, "other", nil)
	f.send(t, url, "m")
	f.send(t, other, "o")
	h := f.receive(t, url)[0].ReceiptHandle
	otherHandle := f.receive(t, other)[0].ReceiptHandle

	for _, bad := range []string{"garbage", "AQEB" + "AAAA", aws.ToString(otherHandle)} {
		err := f.changeVisibility(url, aws.String(bad), 10)
		var invalid *types.ReceiptHandleIsInvalid
		require.ErrorAs(t, err, &invalid, bad)
	}
	require.NoError(t, f.deleteMessage(url, h))
	e := requireCode(t, f.changeVisibility(url, h, 10), "InvalidParameterValue")
	assert.Equal(t, "Value "+aws.ToString(h)+" for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not "+
		"available for visibility timeout change.", e.ErrorMessage())
}

// On a standard queue, a change with a handle whose visibility timeout has
// ended is answered OK and changes nothing: the message stays visible
// (recorded: sqs test_change_message_visibility_after_visibility_timeout_expiration,
// 200 with an empty answer; "AWS simply sends back an OK and does nothing",
// localstack#9632). Just before the end the change applies.
func TestChangeMessageVisibility_AfterTheTimeoutEndsIsOKAndChangesNothing(t *testing.T) {
	for _, tc := range []struct {
		name     string
		at       time.Duration
		inFlight bool
	}{
		{"just before the end", 30*time.Second - time.Nanosecond, true},
		{"at the end", 30 * time.Second, false},
		{"after the end", 30*time.Second + time.Nanosecond, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			url := f.createQueue(t, "q", nil) // VisibilityTimeout 30
			f.send(t, url, "m")
			h := f.receive(t, url)[0].ReceiptHandle
			f.clk.Advance(tc.at)
			require.NoError(t, f.changeVisibility(url, h, 60))
			if !tc.inFlight {
				out, err := f.client.ChangeMessageVisibilityBatch(ctx, &awssqs.ChangeMessageVisibilityBatchInput{QueueUrl: &url,
					Entries: []types.ChangeMessageVisibilityBatchRequestEntry{{Id: aws.String("a"), ReceiptHandle: h, VisibilityTimeout: 60}}})
				require.NoError(t, err)
				assert.Len(t, out.Successful, 1, "a batch entry answers as the single call")
				f.cloud.SQS().CheckDepth(t, url, 1, 0, 0)
				require.Len(t, f.receive(t, url), 1, "visible: the change did nothing")
				return
			}
			f.cloud.SQS().CheckDepth(t, url, 0, 1, 0)
			f.clk.Advance(60*time.Second - time.Nanosecond)
			assert.Empty(t, f.receive(t, url))
			f.clk.Advance(time.Nanosecond)
			assert.Len(t, f.receive(t, url), 1, "the 60 s count from the change")
		})
	}
}

// On a standard queue an older receipt handle of a message received again
// acts on the receive in flight (AWS-validated in LocalStack's
// test_terminate_visibility_timeout_after_receive: the first receive's handle
// with VisibilityTimeout 0 makes the second receive's message visible); the
// 12 hours count from that receive.
func TestChangeMessageVisibility_AnOlderHandleActsOnTheReceiveInFlight(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.send(t, url, "m")
	first := f.receive(t, url)[0].ReceiptHandle
	require.NoError(t, f.changeVisibility(url, first, 0))
	require.Len(t, f.receive(t, url), 1)
	require.NoError(t, f.changeVisibility(url, first, 0), "the first handle ends the second receive's timeout")
	f.cloud.SQS().CheckDepth(t, url, 1, 0, 0)

	third := f.receive(t, url)
	require.Len(t, third, 1)
	assert.Equal(t, "3", third[0].Attributes["ApproximateReceiveCount"])
	require.NoError(t, f.changeVisibility(url, first, 100))
	f.clk.Advance(100*time.Second - time.Nanosecond)
	assert.Empty(t, f.receive(t, url))
	f.clk.Advance(time.Nanosecond)
	fourth := f.receive(t, url)
	require.Len(t, fourth, 1)

	f.clk.Advance(time.Second)
	requireCode(t, f.changeVisibility(url, first, 43200), "InvalidParameterValue")
	require.NoError(t, f.changeVisibility(url, first, 43199), "12 hours from the fourth receive")
}

// On a FIFO queue only the handle of the receive in flight changes the
// timeout: after the timeout ends, or once a later receive replaced it, a
// handle has expired, as DeleteMessage answers (recorded:
// test_fifo_delete_after_visibility_timeout).
func TestChangeMessageVisibility_FIFOHandlesExpireWithTheirReceive(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q.fifo", map[string]string{"FifoQueue": "true"})
	f.sendFIFO(t, url, "g", "d", "m")
	first := f.receive(t, url)[0].ReceiptHandle
	f.clk.Advance(30*time.Second - time.Nanosecond)
	require.NoError(t, f.changeVisibility(url, first, 1), "just before the end")
	f.clk.Advance(time.Second)
	e := requireCode(t, f.changeVisibility(url, first, 10), "InvalidParameterValue")
	assert.Contains(t, e.ErrorMessage(), "Reason: The receipt handle has expired.")
	f.cloud.SQS().CheckDepth(t, url, 1, 0, 0)

	second := f.receive(t, url)[0].ReceiptHandle
	requireCode(t, f.changeVisibility(url, first, 10), "InvalidParameterValue")
	require.NoError(t, f.changeVisibility(url, second, 0))
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
