package sns_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/sns"
)

// Deliveries takes a subscription's ARN or a topic's: a topic's gives the
// deliveries to all its subscriptions (issue 14); any other ARN none.
func TestDeliveries_OfATopicOrASubscription(t *testing.T) {
	cloud := awsfake.NewT(t)
	ctx := context.Background()
	a, b := cloud.SQS().QueueT(t, "a", nil), cloud.SQS().QueueT(t, "b", nil)
	topic := cloud.SNS().TopicT(t, "news", sns.Subscriber{Protocol: "sqs", Endpoint: a.ARN},
		sns.Subscriber{Protocol: "sqs", Endpoint: b.ARN, Attributes: map[string]string{"RawMessageDelivery": "true"}})
	_, err := cloud.SNS().Publish(ctx, sns.PublishInput{TopicArn: topic.ARN, Message: "extra"})
	require.NoError(t, err)
	require.NoError(t, cloud.Settle(ctx))

	all := cloud.SNS().Deliveries(topic.ARN)
	require.Len(t, all, 2)
	assert.ElementsMatch(t, topic.Subscriptions, []string{all[0].SubscriptionArn, all[1].SubscriptionArn})
	one := cloud.SNS().Deliveries(topic.Subscriptions[1])
	require.Len(t, one, 1)
	assert.Equal(t, "extra", one[0].Body, "the raw delivery")
	assert.Empty(t, cloud.SNS().Deliveries("arn:aws:sns:us-east-1:000000000000:no-such-topic"))
}
