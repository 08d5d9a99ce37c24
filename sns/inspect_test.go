package sns

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/record"
)

// What a subscription was sent is bounded, so that a long-running server
// does not grow without bound: the last record.Keep deliveries, oldest first.
// A deleted subscription's record goes with it.
func TestDeliveries_KeepTheLastTenThousandAndGoWithTheSubscription(t *testing.T) {
	s, _, b := newTestService(t)
	ctx := context.Background()
	topic, err := s.CreateTopic(ctx, CreateTopicInput{Name: "orders"})
	require.NoError(t, err)
	sub, err := s.Subscribe(ctx, SubscribeInput{TopicArn: topic.TopicArn, Protocol: "sqs",
		Endpoint: "arn:aws:sqs:us-east-1:123456789012:q", Attributes: map[string]string{"RawMessageDelivery": "true"}})
	require.NoError(t, err)
	for i := range record.Keep + 1 {
		_, err := s.Publish(ctx, PublishInput{TopicArn: topic.TopicArn, Message: strconv.Itoa(i)})
		require.NoError(t, err)
	}
	settle(t, b)

	ds := s.Deliveries(sub.SubscriptionArn)
	require.Len(t, ds, record.Keep)
	assert.Equal(t, "1", ds[0].Body, "the oldest delivery is forgotten")
	assert.Equal(t, strconv.Itoa(record.Keep), ds[len(ds)-1].Body)

	require.NoError(t, s.Unsubscribe(ctx, SubscriptionInput{SubscriptionArn: sub.SubscriptionArn}))
	assert.Empty(t, s.Deliveries(sub.SubscriptionArn), "dropped with the subscription")
}

// The outbox keeps the last record.Keep messages, oldest first.
func TestOutbox_KeepsTheLastTenThousand(t *testing.T) {
	s, _, _ := newTestService(t)
	ctx := context.Background()
	for i := range record.Keep + 1 {
		_, err := s.Publish(ctx, PublishInput{PhoneNumber: "+15550100", Message: strconv.Itoa(i)})
		require.NoError(t, err)
	}
	box := s.Outbox()
	require.Len(t, box, record.Keep)
	assert.Equal(t, "1", box[0].Body, "the oldest message is forgotten")
	assert.Equal(t, strconv.Itoa(record.Keep), box[len(box)-1].Body)
}
