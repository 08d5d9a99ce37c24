package sns_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/sns"
)

func TestSubscribe_SQSQueueIsConfirmedAtOnceAndSubscribingAgainIsIdempotent(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	_, q := f.queue(t, "q", nil)
	out, err := f.sns.Subscribe(f.ctx, &awssns.SubscribeInput{TopicArn: aws.String(topic), Protocol: aws.String("sqs"), Endpoint: aws.String(q)})
	require.NoError(t, err)
	sub := aws.ToString(out.SubscriptionArn)
	assert.True(t, strings.HasPrefix(sub, topic+":"), sub)

	again := f.subscribe(t, topic, "sqs", q, nil)
	assert.Equal(t, sub, again)

	attrs, err := f.sns.GetSubscriptionAttributes(f.ctx, &awssns.GetSubscriptionAttributesInput{SubscriptionArn: aws.String(sub)})
	require.NoError(t, err)
	a := attrs.Attributes
	assert.Equal(t, "false", a["PendingConfirmation"])
	assert.Equal(t, "true", a["ConfirmationWasAuthenticated"])
	assert.Equal(t, "false", a["RawMessageDelivery"])
	assert.Equal(t, q, a["Endpoint"])
	assert.Equal(t, "sqs", a["Protocol"])
	assert.Equal(t, topic, a["TopicArn"])
	assert.Equal(t, "000000000000", a["Owner"])
	assert.NotContains(t, a, "FilterPolicyScope", "the scope is shown only with a filter policy")
}

func TestSubscribe_SameEndpointWithDifferentAttributesIsInvalidParameter(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	_, q := f.queue(t, "q", nil)
	f.subscribe(t, topic, "sqs", q, map[string]string{"RawMessageDelivery": "true"})
	_, err := f.sns.Subscribe(f.ctx, &awssns.SubscribeInput{TopicArn: aws.String(topic), Protocol: aws.String("sqs"),
		Endpoint: aws.String(q), Attributes: map[string]string{"RawMessageDelivery": "false"}})
	ae := requireCode(t, err, "InvalidParameter")
	assert.Equal(t, "Invalid parameter: Attributes Reason: Subscription already exists with different attributes", ae.ErrorMessage())
}

func TestSubscribe_RejectsBadProtocolsEndpointsAndAttributes(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	fifoTopic := f.topic(t, "orders.fifo", map[string]string{"FifoTopic": "true"})
	cases := []struct {
		name, topic, protocol, endpoint string
		attrs                           map[string]string
		code, message                   string
	}{
		{"unknown protocol", topic, "pigeon", "x", nil, "InvalidParameter", "Invalid parameter: Amazon SNS does not support this protocol string: pigeon"},
		{"http endpoint for https", topic, "https", "http://example.com/", nil, "InvalidParameter", "Invalid parameter: Endpoint must match the specified protocol"},
		{"not an email", topic, "email", "nobody", nil, "InvalidParameter", "Invalid parameter: Email address"},
		{"not a phone number", topic, "sms", "12ab", nil, "InvalidParameter", "Invalid SMS endpoint: 12ab"},
		{"not a queue ARN", topic, "sqs", "https://sqs/q", nil, "InvalidParameter", "Invalid parameter: SQS endpoint ARN"},
		{"not a function ARN", topic, "lambda", "fn", nil, "InvalidParameter", "Invalid parameter: Lambda endpoint ARN"},
		{"fifo queue on standard topic", topic, "sqs", "arn:aws:sqs:us-east-1:000000000000:q.fifo", nil, "InvalidParameter",
			"Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics"},
		{"http on fifo topic", fifoTopic, "https", "https://example.com/", nil, "InvalidParameter",
			"Invalid parameter: Protocol Reason: FIFO topics only support the sqs protocol"},
		{"missing topic", topic + "x", "sqs", "arn:aws:sqs:us-east-1:000000000000:q", nil, "NotFound", "Topic does not exist"},
		{"unknown attribute", topic, "sqs", "arn:aws:sqs:us-east-1:000000000000:q", map[string]string{"Color": "x"},
			"InvalidParameter", "Invalid parameter: Attributes Reason: AttributeName"},
		{"raw delivery to lambda", topic, "lambda", "arn:aws:lambda:us-east-1:000000000000:function:f", map[string]string{"RawMessageDelivery": "true"},
			"InvalidParameter", "Invalid parameter: Attributes Reason: Delivery protocol [lambda] does not support raw message delivery."},
		{"raw delivery not boolean", topic, "sqs", "arn:aws:sqs:us-east-1:000000000000:q", map[string]string{"RawMessageDelivery": "yes"},
			"InvalidParameter", "Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [yes]. Must be true or false."},
		{"bad filter scope", topic, "sqs", "arn:aws:sqs:us-east-1:000000000000:q", map[string]string{"FilterPolicyScope": "Body"},
			"InvalidParameter", "Invalid parameter: Attributes Reason: FilterPolicyScope: Invalid value [Body]. Please use either MessageBody or MessageAttributes"},
		{"filter not json", topic, "sqs", "arn:aws:sqs:us-east-1:000000000000:q", map[string]string{"FilterPolicy": "{"},
			"InvalidParameter", "Invalid parameter: Attributes Reason: FilterPolicy: failed to parse JSON."},
		{"nested filter in attribute scope", topic, "sqs", "arn:aws:sqs:us-east-1:000000000000:q", map[string]string{"FilterPolicy": `{"a":{"b":["c"]}}`},
			"InvalidParameter", "Invalid parameter: Attributes Reason: FilterPolicy: Filter policy scope MessageAttributes does not support nested filter policy"},
		{"dlq not an arn", topic, "sqs", "arn:aws:sqs:us-east-1:000000000000:q", map[string]string{"RedrivePolicy": `{"deadLetterTargetArn":"q"}`},
			"InvalidParameter", "Invalid parameter: Attributes Reason: RedrivePolicy: deadLetterTargetArn is an invalid arn"},
		{"delivery policy on sqs", topic, "sqs", "arn:aws:sqs:us-east-1:000000000000:q", map[string]string{"DeliveryPolicy": `{}`},
			"InvalidParameter", "Invalid parameter: Attributes Reason: DeliveryPolicy: Delivery protocol [sqs] does not support delivery policies."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.sns.Subscribe(f.ctx, &awssns.SubscribeInput{TopicArn: aws.String(c.topic), Protocol: aws.String(c.protocol),
				Endpoint: aws.String(c.endpoint), Attributes: c.attrs})
			ae := requireCode(t, err, c.code)
			assert.Equal(t, c.message, ae.ErrorMessage())
		})
	}
	out, err := f.sns.ListSubscriptions(f.ctx, &awssns.ListSubscriptionsInput{})
	require.NoError(t, err)
	assert.Empty(t, out.Subscriptions, "a rejected Subscribe creates nothing")
}

func TestSubscribe_EmailStaysPendingUntilConfirmedWithTheTokenFromTheConfirmationEmail(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "alerts", nil)
	out, err := f.sns.Subscribe(f.ctx, &awssns.SubscribeInput{TopicArn: aws.String(topic), Protocol: aws.String("email"),
		Endpoint: aws.String("ops@example.com")})
	require.NoError(t, err)
	assert.Equal(t, "pending confirmation", aws.ToString(out.SubscriptionArn))

	list, err := f.sns.ListSubscriptionsByTopic(f.ctx, &awssns.ListSubscriptionsByTopicInput{TopicArn: aws.String(topic)})
	require.NoError(t, err)
	require.Len(t, list.Subscriptions, 1)
	assert.Equal(t, "PendingConfirmation", aws.ToString(list.Subscriptions[0].SubscriptionArn))

	// Pending subscriptions receive nothing.
	_, err = f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("early")})
	require.NoError(t, err)

	box := f.cloud.SNS().Outbox()
	require.Len(t, box, 1)
	assert.Equal(t, "SubscriptionConfirmation", box[0].Type)
	assert.Equal(t, "ops@example.com", box[0].Endpoint)
	token := tokenOf(t, box[0].Body)

	_, err = f.sns.ConfirmSubscription(f.ctx, &awssns.ConfirmSubscriptionInput{TopicArn: aws.String(topic), Token: aws.String("bogus")})
	requireCode(t, err, "InvalidParameter")
	conf, err := f.sns.ConfirmSubscription(f.ctx, &awssns.ConfirmSubscriptionInput{TopicArn: aws.String(topic), Token: aws.String(token)})
	require.NoError(t, err)
	sub := aws.ToString(conf.SubscriptionArn)
	again, err := f.sns.ConfirmSubscription(f.ctx, &awssns.ConfirmSubscriptionInput{TopicArn: aws.String(topic), Token: aws.String(token)})
	require.NoError(t, err, "ConfirmSubscription is idempotent")
	assert.Equal(t, sub, aws.ToString(again.SubscriptionArn))

	_, err = f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("now"), Subject: aws.String("Alert")})
	require.NoError(t, err)
	box = f.cloud.SNS().Outbox()
	require.Len(t, box, 2)
	assert.Equal(t, sns.OutboxMessage{Protocol: "email", Endpoint: "ops@example.com", SubscriptionArn: sub, TopicArn: topic,
		Type: "Notification", MessageID: box[1].MessageID, Subject: "Alert", Body: "now", At: t0}, box[1])
}

// tokenOf finds the confirmation token in a confirmation email: the Token of
// an email-json document, or the Token of the SubscribeURL in an email.
func tokenOf(t *testing.T, body string) string {
	t.Helper()
	var doc struct{ Token string }
	if json.Unmarshal([]byte(body), &doc) == nil {
		return doc.Token
	}
	i := strings.Index(body, "http://")
	require.GreaterOrEqual(t, i, 0, body)
	u, err := url.Parse(strings.Fields(body[i:])[0])
	require.NoError(t, err)
	return u.Query().Get("Token")
}

func TestConfirmSubscription_TokenExpiresAfterThreeDays(t *testing.T) {
	for _, c := range []struct {
		name  string
		after time.Duration
		ok    bool
	}{
		{"just before", 72*time.Hour - time.Nanosecond, true},
		{"exactly at", 72 * time.Hour, false},
		{"just after", 72*time.Hour + time.Nanosecond, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			topic := f.topic(t, "alerts", nil)
			f.subscribe(t, topic, "email-json", "ops@example.com", nil)
			token := tokenOf(t, f.cloud.SNS().Outbox()[0].Body)
			f.clk.Advance(c.after)
			_, err := f.sns.ConfirmSubscription(f.ctx, &awssns.ConfirmSubscriptionInput{TopicArn: aws.String(topic), Token: aws.String(token)})
			if c.ok {
				require.NoError(t, err)
				return
			}
			ae := requireCode(t, err, "InvalidParameter")
			assert.Equal(t, "Invalid parameter: Token", ae.ErrorMessage())
		})
	}
}

func TestConfirmSubscription_TokenOfAnotherTopicIsRejected(t *testing.T) {
	f := newFixture(t)
	a := f.topic(t, "a", nil)
	b := f.topic(t, "b", nil)
	f.subscribe(t, a, "email", "ops@example.com", nil)
	token := tokenOf(t, f.cloud.SNS().Outbox()[0].Body)
	_, err := f.sns.ConfirmSubscription(f.ctx, &awssns.ConfirmSubscriptionInput{TopicArn: aws.String(b), Token: aws.String(token)})
	ae := requireCode(t, err, "InvalidParameter")
	assert.Equal(t, "Invalid parameter: Topic", ae.ErrorMessage())
}

func TestUnsubscribe_RemovesTheSubscriptionAndIsIdempotent(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	_, q := f.queue(t, "q", nil)
	sub := f.subscribe(t, topic, "sqs", q, nil)
	for range 2 {
		_, err := f.sns.Unsubscribe(f.ctx, &awssns.UnsubscribeInput{SubscriptionArn: aws.String(sub)})
		require.NoError(t, err)
	}
	_, err := f.sns.GetSubscriptionAttributes(f.ctx, &awssns.GetSubscriptionAttributesInput{SubscriptionArn: aws.String(sub)})
	ae := requireCode(t, err, "NotFound")
	assert.Equal(t, "Subscription does not exist", ae.ErrorMessage())

	_, err = f.sns.Unsubscribe(f.ctx, &awssns.UnsubscribeInput{SubscriptionArn: aws.String("nope")})
	ae = requireCode(t, err, "InvalidParameter")
	assert.Equal(t, "Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 1", ae.ErrorMessage())
	_, err = f.sns.Unsubscribe(f.ctx, &awssns.UnsubscribeInput{SubscriptionArn: aws.String(topic)})
	ae = requireCode(t, err, "InvalidParameter")
	assert.Equal(t, "Invalid parameter: SubscriptionId", ae.ErrorMessage())
}

func TestSetSubscriptionAttributes_ValidatesEachAttributeAndKeepsStateOnError(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	_, q := f.queue(t, "q", nil)
	sub := f.subscribe(t, topic, "sqs", q, nil)
	set := func(name, value string) error {
		_, err := f.sns.SetSubscriptionAttributes(f.ctx, &awssns.SetSubscriptionAttributesInput{SubscriptionArn: aws.String(sub),
			AttributeName: aws.String(name), AttributeValue: aws.String(value)})
		return err
	}
	require.NoError(t, set("RawMessageDelivery", "TRUE"))
	require.NoError(t, set("FilterPolicy", `{"store":["a"]}`))
	require.NoError(t, set("FilterPolicyScope", "MessageBody"))
	require.NoError(t, set("FilterPolicy", `{"order":{"kind":["x"]}}`))
	require.NoError(t, set("RedrivePolicy", `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq"}`))

	err := set("FilterPolicyScope", "MessageAttributes")
	ae := requireCode(t, err, "InvalidParameter")
	assert.Equal(t, "Invalid parameter: FilterPolicy: Filter policy scope MessageAttributes does not support nested filter policy", ae.ErrorMessage())
	// Recorded: sns TestSNSSubscriptionCrud::test_validate_set_sub_attributes.
	ae = requireCode(t, set("RawMessageDelivery", "test-ValUe"), "InvalidParameter")
	assert.Equal(t, "Invalid parameter: RawMessageDelivery: Invalid value [test-ValUe]. Must be true or false.", ae.ErrorMessage())
	ae = requireCode(t, set("RawMessageDelivery", ""), "InvalidParameter")
	assert.Equal(t, "Invalid parameter: RawMessageDelivery: Invalid value []. Must be true or false.", ae.ErrorMessage())
	ae = requireCode(t, set("Nope", "x"), "InvalidParameter")
	assert.Equal(t, "Invalid parameter: AttributeName", ae.ErrorMessage())
	requireCode(t, set("Endpoint", "x"), "InvalidParameter")
	requireCode(t, set("FilterPolicy", `{"a":[]}`), "InvalidParameter")

	out, err := f.sns.GetSubscriptionAttributes(f.ctx, &awssns.GetSubscriptionAttributesInput{SubscriptionArn: aws.String(sub)})
	require.NoError(t, err)
	a := out.Attributes
	assert.Equal(t, "true", a["RawMessageDelivery"])
	assert.Equal(t, `{"order":{"kind":["x"]}}`, a["FilterPolicy"])
	assert.Equal(t, "MessageBody", a["FilterPolicyScope"])
	assert.Equal(t, `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq"}`, a["RedrivePolicy"])

	_, err = f.sns.SetSubscriptionAttributes(f.ctx, &awssns.SetSubscriptionAttributesInput{
		SubscriptionArn: aws.String(topic + ":00000000-0000-0000-0000-000000000000"), AttributeName: aws.String("RawMessageDelivery"), AttributeValue: aws.String("true")})
	requireCode(t, err, "NotFound")
}

func TestListSubscriptions_PagesOf100AcrossTopics(t *testing.T) {
	f := newFixture(t)
	a := f.topic(t, "a", nil)
	b := f.topic(t, "b", nil)
	for i := range 120 {
		topic := a
		if i%2 == 1 {
			topic = b
		}
		f.subscribe(t, topic, "sms", "+1555000"+pad4(i), nil)
	}
	all := 0
	p := awssns.NewListSubscriptionsPaginator(f.sns, &awssns.ListSubscriptionsInput{})
	for p.HasMorePages() {
		out, err := p.NextPage(f.ctx)
		require.NoError(t, err)
		assert.LessOrEqual(t, len(out.Subscriptions), 100)
		all += len(out.Subscriptions)
	}
	assert.Equal(t, 120, all)
	byTopic, err := f.sns.ListSubscriptionsByTopic(f.ctx, &awssns.ListSubscriptionsByTopicInput{TopicArn: aws.String(b)})
	require.NoError(t, err)
	assert.Len(t, byTopic.Subscriptions, 60)
	assert.Nil(t, byTopic.NextToken)
}

func TestSubscribe_MoreThan200FilterPoliciesOnATopicIsFilterPolicyLimitExceeded(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	svc := f.cloud.SNS()
	for i := range 200 {
		_, err := svc.Subscribe(f.ctx, sns.SubscribeInput{TopicArn: topic, Protocol: "sms", Endpoint: "+1555100" + pad4(i),
			Attributes: map[string]string{"FilterPolicy": `{"a":["b"]}`}})
		require.NoError(t, err)
	}
	_, err := f.sns.Subscribe(f.ctx, &awssns.SubscribeInput{TopicArn: aws.String(topic), Protocol: aws.String("sms"),
		Endpoint: aws.String("+15559999999"), Attributes: map[string]string{"FilterPolicy": `{"a":["b"]}`}})
	requireCode(t, err, "FilterPolicyLimitExceeded")
	// Without a filter policy the subscription is still allowed.
	f.subscribe(t, topic, "sms", "+15559999999", nil)
}
