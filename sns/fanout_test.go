package sns_test

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fan-out: one topic, several SQS queues, each with its own
// filter policy (on attributes or on the body) and raw delivery or not.
func TestFanOut_ToSeveralQueuesHonoursFilterPoliciesAndRawDelivery(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	allURL, all := f.queue(t, "all", nil)
	booksURL, books := f.queue(t, "books", nil)
	bigURL, big := f.queue(t, "big-orders", nil)
	euURL, eu := f.queue(t, "eu", nil)
	f.subscribe(t, topic, "sqs", all, nil)
	f.subscribe(t, topic, "sqs", books, map[string]string{"FilterPolicy": `{"category":["books"]}`, "RawMessageDelivery": "true"})
	f.subscribe(t, topic, "sqs", big, map[string]string{"FilterPolicy": `{"total":[{"numeric":[">=",100]}]}`})
	f.subscribe(t, topic, "sqs", eu, map[string]string{"FilterPolicyScope": "MessageBody",
		"FilterPolicy": `{"shipping":{"country":["FR","DE"]}}`, "RawMessageDelivery": "true"})

	publish := func(body, category, total string) {
		t.Helper()
		_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String(body),
			MessageAttributes: map[string]types.MessageAttributeValue{
				"category": {DataType: aws.String("String"), StringValue: aws.String(category)},
				"total":    {DataType: aws.String("Number"), StringValue: aws.String(total)},
			}})
		require.NoError(t, err)
	}
	publish(`{"id":1,"shipping":{"country":"FR"}}`, "books", "20")
	publish(`{"id":2,"shipping":{"country":"US"}}`, "games", "250")
	publish(`{"id":3,"shipping":{"country":"DE"}}`, "books", "100")
	f.settle(t)

	ids := func(url string, raw bool) []int {
		var out []int
		for _, m := range f.receive(t, url) {
			body := aws.ToString(m.Body)
			if !raw {
				var env struct{ Message string }
				require.NoError(t, json.Unmarshal([]byte(body), &env))
				body = env.Message
			}
			var doc struct{ ID int }
			require.NoError(t, json.Unmarshal([]byte(body), &doc))
			out = append(out, doc.ID)
		}
		return out
	}
	assert.ElementsMatch(t, []int{1, 2, 3}, ids(allURL, false))
	assert.ElementsMatch(t, []int{1, 3}, ids(booksURL, true))
	assert.ElementsMatch(t, []int{2, 3}, ids(bigURL, false))
	assert.ElementsMatch(t, []int{1, 3}, ids(euURL, true))
	assert.Empty(t, f.cloud.DeliveryFailures())
}

func TestFanOut_PendingAndUnsubscribedEndpointsReceiveNothing(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	url, q := f.queue(t, "q", nil)
	sub := f.subscribe(t, topic, "sqs", q, nil)
	_, err := f.sns.Unsubscribe(f.ctx, &awssns.UnsubscribeInput{SubscriptionArn: aws.String(sub)})
	require.NoError(t, err)
	_, err = f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x")})
	require.NoError(t, err)
	f.settle(t)
	assert.Empty(t, f.receive(t, url))
}

func TestFanOut_DeliveryToAMissingQueueIsRecordedAsAFailure(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	f.subscribe(t, topic, "sqs", "arn:aws:sqs:us-east-1:000000000000:gone", nil)
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x")})
	require.NoError(t, err)
	f.settle(t)
	fails := f.cloud.DeliveryFailures()
	require.Len(t, fails, 1)
	assert.Equal(t, "arn:aws:sqs:us-east-1:000000000000:gone", fails[0].Target)
	assert.Equal(t, topic, fails[0].Source)
}

func TestFanOut_RedrivePolicySendsUndeliverableMessagesToTheDeadLetterQueue(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	dlqURL, dlq := f.queue(t, "orders-dlq", nil)
	f.subscribe(t, topic, "sqs", "arn:aws:sqs:us-east-1:000000000000:gone",
		map[string]string{"RedrivePolicy": `{"deadLetterTargetArn":"` + dlq + `"}`, "RawMessageDelivery": "true"})
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("lost"),
		MessageAttributes: map[string]types.MessageAttributeValue{"k": {DataType: aws.String("String"), StringValue: aws.String("v")}}})
	require.NoError(t, err)
	f.settle(t)
	msgs := f.receive(t, dlqURL)
	require.Len(t, msgs, 1)
	assert.Equal(t, "lost", aws.ToString(msgs[0].Body))
	assert.Equal(t, "v", aws.ToString(msgs[0].MessageAttributes["k"].StringValue))
	assert.Empty(t, f.cloud.DeliveryFailures(), "a redriven message is not a failure")
}
