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

func (f *fixture) deleteMessage(url string, handle *string) error {
	_, err := f.client.DeleteMessage(ctx, &awssqs.DeleteMessageInput{QueueUrl: &url, ReceiptHandle: handle})
	return err
}

func TestDeleteMessage_RemovesTheMessageForGood(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.send(t, url, "m")
	h := f.receive(t, url)[0].ReceiptHandle
	require.NoError(t, f.deleteMessage(url, h))
	require.NoError(t, f.deleteMessage(url, h), "deleting a deleted message succeeds")
	f.clk.Advance(time.Hour)
	assert.Empty(t, f.receive(t, url))

	var invalid *types.ReceiptHandleIsInvalid
	require.ErrorAs(t, f.deleteMessage(url, aws.String("not-a-handle")), &invalid)
	assert.Equal(t, "ReceiptHandleIsInvalid", invalid.ErrorCode())
}

// "If you receive the same message more than once ... you must use the
// ReceiptHandle from the most recent time you received the message. If you
// use an old ReceiptHandle, the request will succeed, but the message might
// not be deleted." On a standard queue the fake deletes it.
func TestDeleteMessage_OldHandleOfAStandardMessageSucceeds(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", map[string]string{"VisibilityTimeout": "1"})
	f.send(t, url, "m")
	old := f.receive(t, url)[0].ReceiptHandle
	f.clk.Advance(time.Second)
	require.Len(t, f.receive(t, url), 1)
	require.NoError(t, f.deleteMessage(url, old))
	msgs, _ := f.cloud.SQS().Messages(url)
	assert.Empty(t, msgs)
}

func TestDeleteMessageBatch_ReportsEachEntry(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.send(t, url, "a")
	f.send(t, url, "b")
	got := f.receive(t, url)
	out, err := f.client.DeleteMessageBatch(ctx, &awssqs.DeleteMessageBatchInput{QueueUrl: &url,
		Entries: []types.DeleteMessageBatchRequestEntry{
			{Id: aws.String("a"), ReceiptHandle: got[0].ReceiptHandle},
			{Id: aws.String("b"), ReceiptHandle: got[1].ReceiptHandle},
			{Id: aws.String("x"), ReceiptHandle: aws.String("bad")},
		}})
	require.NoError(t, err)
	assert.Len(t, out.Successful, 2)
	require.Len(t, out.Failed, 1)
	assert.Equal(t, types.BatchResultErrorEntry{Id: aws.String("x"), Code: aws.String("ReceiptHandleIsInvalid"),
		Message: out.Failed[0].Message, SenderFault: true}, out.Failed[0])
	msgs, _ := f.cloud.SQS().Messages(url)
	assert.Empty(t, msgs)

	entries := make([]types.DeleteMessageBatchRequestEntry, 11)
	for i := range entries {
		entries[i] = types.DeleteMessageBatchRequestEntry{Id: aws.String(string(rune('a' + i))), ReceiptHandle: aws.String("h")}
	}
	_, err = f.client.DeleteMessageBatch(ctx, &awssqs.DeleteMessageBatchInput{QueueUrl: &url, Entries: entries})
	var tooMany *types.TooManyEntriesInBatchRequest
	require.ErrorAs(t, err, &tooMany)
}
