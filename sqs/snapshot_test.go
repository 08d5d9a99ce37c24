package sqs_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/sqs"
)

func TestMessages_SnapshotsStateTimesAndReceiveCounts(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	id := f.send(t, url, "in flight")
	f.clk.Advance(time.Second)
	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("delayed"), DelaySeconds: 60,
		MessageAttributes: map[string]types.MessageAttributeValue{"k": strAttr("v")}})
	require.NoError(t, err)
	require.Len(t, f.receive(t, url), 1)
	f.send(t, url, "visible")

	msgs, err := f.cloud.SQS().Messages(url)
	require.NoError(t, err)
	require.Len(t, msgs, 3)
	assert.Equal(t, sqs.MessageSnapshot{MessageId: id, Body: "in flight", State: sqs.StateInFlight,
		VisibleAt: t0.Add(31 * time.Second), SentAt: t0, ReceiveCount: 1, FirstReceivedAt: t0.Add(time.Second)}, msgs[0])
	assert.Equal(t, sqs.StateDelayed, msgs[1].State)
	assert.Equal(t, t0.Add(61*time.Second), msgs[1].VisibleAt)
	assert.Equal(t, map[string]sqs.MessageAttributeValue{"k": {DataType: "String", StringValue: "v"}}, msgs[1].MessageAttributes)
	assert.Equal(t, sqs.StateVisible, msgs[2].State)
	assert.True(t, msgs[2].VisibleAt.IsZero())

	msgs[1].MessageAttributes["k"] = sqs.MessageAttributeValue{DataType: "String", StringValue: "changed"}
	again, _ := f.cloud.SQS().Messages(url)
	assert.Equal(t, "v", again[1].MessageAttributes["k"].StringValue, "snapshots are copies")

	_, err = f.cloud.SQS().Messages("http://awsfake.localhost/000000000000/missing")
	require.Error(t, err)
}
