package sns

import (
	"context"
	"fmt"
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

// failTB records what a Check helper fails with instead of failing the test.
type failTB struct {
	testing.TB
	failure string
}

func (f *failTB) Helper() {}
func (f *failTB) Fatalf(format string, args ...any) {
	f.failure = fmt.Sprintf(format, args...)
}

func TestCheckDelivered_FindsTheMessageWhateverTheProtocolWrapsItIn(t *testing.T) {
	s, _, b := newTestService(t)
	ctx := t.Context()
	topic, err := s.CreateTopic(ctx, CreateTopicInput{Name: "orders"})
	require.NoError(t, err)
	subscribe := func(protocol, endpoint string, attrs map[string]string) string {
		out, err := s.Subscribe(ctx, SubscribeInput{TopicArn: topic.TopicArn, Protocol: protocol, Endpoint: endpoint,
			Attributes: attrs, ReturnSubscriptionArn: true})
		require.NoError(t, err)
		return out.SubscriptionArn
	}
	raw := subscribe("sqs", "arn:aws:sqs:us-east-1:123456789012:raw", map[string]string{"RawMessageDelivery": "true"})
	wrapped := subscribe("sqs", "arn:aws:sqs:us-east-1:123456789012:wrapped", nil)
	lambda := subscribe("lambda", fn, nil)
	sms := subscribe("sms", "+15550100", nil)
	_, err = s.Publish(ctx, PublishInput{TopicArn: topic.TopicArn, Message: "order 1"})
	require.NoError(t, err)
	settle(t, b)

	for _, sub := range []string{raw, wrapped, lambda, sms} {
		d := s.CheckDelivered(t, sub, "order 1")
		assert.Equal(t, sub, d.SubscriptionArn)
	}
	s.CheckOutbox(t, "+15550100", "order 1")

	tb := &failTB{}
	s.CheckDelivered(tb, wrapped, "order 2")
	assert.Contains(t, tb.failure, `was not delivered "order 2"; it was sent Posted Notification "order 1"`)
	tb = &failTB{}
	s.CheckOutbox(tb, "+15550100", "order 2")
	assert.Contains(t, tb.failure, `the outbox holds no message "order 2" to +15550100; it holds ["order 1"]`)
	tb = &failTB{}
	s.CheckDeliveryStatus(tb, raw, DeliveryFailed)
	assert.Contains(t, tb.failure, "the last delivery to "+raw+" is Posted after 1 attempts")
	assert.Equal(t, DeliveryPosted, s.CheckDeliveryStatus(t, raw, DeliveryPosted).Status)
	tb = &failTB{}
	s.CheckDeliveryStatus(tb, raw+"-none", DeliveryPosted)
	assert.Contains(t, tb.failure, "was sent nothing")
}
