package sns_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/sns"
)

func TestCreateTopic_ReturnsTheArnAndIsIdempotent(t *testing.T) {
	f := newFixture(t, awsfake.WithAccountID("123456789012"))
	arn := f.topic(t, "orders", map[string]string{"DisplayName": "Orders"})
	assert.Equal(t, "arn:aws:sns:us-east-1:123456789012:orders", arn)
	again := f.topic(t, "orders", map[string]string{"DisplayName": "Orders"})
	assert.Equal(t, arn, again)
}

func TestCreateTopic_SameNameWithDifferentAttributesOrTagsIsInvalidParameter(t *testing.T) {
	f := newFixture(t)
	_, err := f.sns.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String("orders"),
		Attributes: map[string]string{"DisplayName": "A"}, Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("x")}}})
	require.NoError(t, err)

	_, err = f.sns.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String("orders"), Attributes: map[string]string{"DisplayName": "B"}})
	ae := requireCode(t, err, "InvalidParameter")
	assert.Equal(t, "Invalid parameter: Attributes Reason: Topic already exists with different attributes", ae.ErrorMessage())
	var typed *types.InvalidParameterException
	assert.ErrorAs(t, err, &typed)

	_, err = f.sns.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String("orders"),
		Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("y")}}})
	ae = requireCode(t, err, "InvalidParameter")
	assert.Equal(t, "Invalid parameter: Tags Reason: Topic already exists with different tags", ae.ErrorMessage())
}

func TestCreateTopic_RejectsInvalidNamesAndAttributes(t *testing.T) {
	f := newFixture(t)
	for name, in := range map[string]*awssns.CreateTopicInput{
		"empty name":            {Name: aws.String("")},
		"bad character":         {Name: aws.String("a b")},
		"257 characters":        {Name: aws.String(strings.Repeat("a", 257))},
		"fifo suffix, standard": {Name: aws.String("a.fifo")},
		"fifo without suffix":   {Name: aws.String("a"), Attributes: map[string]string{"FifoTopic": "true"}},
		"unknown attribute":     {Name: aws.String("a"), Attributes: map[string]string{"Color": "blue"}},
		"signature version 3":   {Name: aws.String("a"), Attributes: map[string]string{"SignatureVersion": "3"}},
		"max size too small":    {Name: aws.String("a"), Attributes: map[string]string{"MaximumMessageSize": "1023"}},
		"max size too large":    {Name: aws.String("a"), Attributes: map[string]string{"MaximumMessageSize": "1048577"}},
		"dedup on standard":     {Name: aws.String("a"), Attributes: map[string]string{"ContentBasedDeduplication": "true"}},
		"bad delivery policy":   {Name: aws.String("a"), Attributes: map[string]string{"DeliveryPolicy": `{"http":{"defaultHealthyRetryPolicy":{"numRetries":101}}}`}},
		"policy not json":       {Name: aws.String("a"), Attributes: map[string]string{"Policy": "{"}},
		"tracing config":        {Name: aws.String("a"), Attributes: map[string]string{"TracingConfig": "On"}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := f.sns.CreateTopic(f.ctx, in)
			requireCode(t, err, "InvalidParameter")
		})
	}
	out, err := f.sns.ListTopics(f.ctx, &awssns.ListTopicsInput{})
	require.NoError(t, err)
	assert.Empty(t, out.Topics, "a rejected CreateTopic creates nothing")
}

func TestCreateTopic_NameLimitsAtTheBoundary(t *testing.T) {
	f := newFixture(t)
	f.topic(t, strings.Repeat("a", 256), nil)
	f.topic(t, strings.Repeat("b", 251)+".fifo", map[string]string{"FifoTopic": "true"})
	_, err := f.sns.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String(strings.Repeat("c", 252) + ".fifo"),
		Attributes: map[string]string{"FifoTopic": "true"}})
	requireCode(t, err, "InvalidParameter")
}

func TestGetTopicAttributes_ReportsAWSDefaults(t *testing.T) {
	f := newFixture(t)
	arn := f.topic(t, "orders", nil)
	out, err := f.sns.GetTopicAttributes(f.ctx, &awssns.GetTopicAttributesInput{TopicArn: aws.String(arn)})
	require.NoError(t, err)
	a := out.Attributes
	assert.Equal(t, arn, a["TopicArn"])
	assert.Equal(t, "000000000000", a["Owner"])
	assert.Equal(t, "", a["DisplayName"])
	assert.Equal(t, "0", a["SubscriptionsConfirmed"])
	assert.Equal(t, "0", a["SubscriptionsPending"])
	assert.Equal(t, "0", a["SubscriptionsDeleted"])
	assert.JSONEq(t, `{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":20,"maxDelayTarget":20,"numRetries":3,
		"numMaxDelayRetries":0,"numNoDelayRetries":0,"numMinDelayRetries":0,"backoffFunction":"linear"},
		"disableSubscriptionOverrides":false,"defaultRequestPolicy":{"headerContentType":"text/plain; charset=UTF-8"}}}`,
		a["EffectiveDeliveryPolicy"])
	assert.JSONEq(t, fmt.Sprintf(`{"Version":"2008-10-17","Id":"__default_policy_ID","Statement":[{"Sid":"__default_statement_ID",
		"Effect":"Allow","Principal":{"AWS":"*"},"Action":["SNS:GetTopicAttributes","SNS:SetTopicAttributes","SNS:AddPermission",
		"SNS:RemovePermission","SNS:DeleteTopic","SNS:Subscribe","SNS:ListSubscriptionsByTopic","SNS:Publish"],
		"Resource":%q,"Condition":{"StringEquals":{"AWS:SourceOwner":"000000000000"}}}]}`, arn), a["Policy"])
	assert.NotContains(t, a, "FifoTopic")

	fifo := f.topic(t, "orders.fifo", map[string]string{"FifoTopic": "true"})
	out, err = f.sns.GetTopicAttributes(f.ctx, &awssns.GetTopicAttributesInput{TopicArn: aws.String(fifo)})
	require.NoError(t, err)
	assert.Equal(t, "true", out.Attributes["FifoTopic"])
	assert.Equal(t, "false", out.Attributes["ContentBasedDeduplication"])
}

func TestGetTopicAttributes_CountsSubscriptionsByState(t *testing.T) {
	f := newFixture(t)
	arn := f.topic(t, "orders", nil)
	_, q1 := f.queue(t, "q1", nil)
	_, q2 := f.queue(t, "q2", nil)
	f.subscribe(t, arn, "sqs", q1, nil)
	sub2 := f.subscribe(t, arn, "sqs", q2, nil)
	f.subscribe(t, arn, "email", "ops@example.com", nil)
	_, err := f.sns.Unsubscribe(f.ctx, &awssns.UnsubscribeInput{SubscriptionArn: aws.String(sub2)})
	require.NoError(t, err)

	out, err := f.sns.GetTopicAttributes(f.ctx, &awssns.GetTopicAttributesInput{TopicArn: aws.String(arn)})
	require.NoError(t, err)
	assert.Equal(t, "1", out.Attributes["SubscriptionsConfirmed"])
	assert.Equal(t, "1", out.Attributes["SubscriptionsPending"])
	assert.Equal(t, "1", out.Attributes["SubscriptionsDeleted"])
}

func TestGetTopicAttributes_MissingTopicIsNotFound(t *testing.T) {
	f := newFixture(t)
	_, err := f.sns.GetTopicAttributes(f.ctx, &awssns.GetTopicAttributesInput{TopicArn: aws.String("arn:aws:sns:us-east-1:000000000000:nope")})
	ae := requireCode(t, err, "NotFound")
	assert.Equal(t, "Topic does not exist", ae.ErrorMessage())
	var typed *types.NotFoundException
	assert.ErrorAs(t, err, &typed)

	for _, bad := range []string{"nope", "arn:aws:sns:eu-west-1:000000000000:nope", "arn:aws:sqs:us-east-1:000000000000:nope"} {
		_, err = f.sns.GetTopicAttributes(f.ctx, &awssns.GetTopicAttributesInput{TopicArn: aws.String(bad)})
		requireCode(t, err, "InvalidParameter")
	}
}

func TestSetTopicAttributes_StoresValidValuesAndRejectsOthersLeavingStateUntouched(t *testing.T) {
	f := newFixture(t)
	arn := f.topic(t, "orders", nil)
	set := func(name, value string) error {
		_, err := f.sns.SetTopicAttributes(f.ctx, &awssns.SetTopicAttributesInput{TopicArn: aws.String(arn),
			AttributeName: aws.String(name), AttributeValue: aws.String(value)})
		return err
	}
	require.NoError(t, set("DisplayName", "Orders"))
	require.NoError(t, set("SignatureVersion", "2"))
	require.NoError(t, set("DeliveryPolicy", `{"http":{"defaultHealthyRetryPolicy":{"numRetries":5}}}`))
	for _, bad := range [][2]string{
		{"FifoTopic", "true"}, {"SignatureVersion", "0"}, {"DeliveryPolicy", `{"http":{"bogus":1}}`},
		{"MaximumMessageSize", "x"}, {"ContentBasedDeduplication", "true"}, {"Nope", "1"},
	} {
		requireCode(t, set(bad[0], bad[1]), "InvalidParameter")
	}
	out, err := f.sns.GetTopicAttributes(f.ctx, &awssns.GetTopicAttributesInput{TopicArn: aws.String(arn)})
	require.NoError(t, err)
	assert.Equal(t, "Orders", out.Attributes["DisplayName"])
	assert.Equal(t, "2", out.Attributes["SignatureVersion"])
	assert.Contains(t, out.Attributes["EffectiveDeliveryPolicy"], `"numRetries":5`)
	assert.NotContains(t, out.Attributes, "MaximumMessageSize")

	require.NoError(t, set("DeliveryPolicy", ""))
	out, err = f.sns.GetTopicAttributes(f.ctx, &awssns.GetTopicAttributesInput{TopicArn: aws.String(arn)})
	require.NoError(t, err)
	assert.NotContains(t, out.Attributes, "DeliveryPolicy")
	assert.Contains(t, out.Attributes["EffectiveDeliveryPolicy"], `"numRetries":3`)
}

func TestDeleteTopic_DeletesItsSubscriptionsAndIsIdempotent(t *testing.T) {
	f := newFixture(t)
	arn := f.topic(t, "orders", nil)
	var subs []string
	for i := range 3 {
		_, q := f.queue(t, fmt.Sprint("q", i), nil)
		subs = append(subs, f.subscribe(t, arn, "sqs", q, nil))
	}
	for range 2 {
		_, err := f.sns.DeleteTopic(f.ctx, &awssns.DeleteTopicInput{TopicArn: aws.String(arn)})
		require.NoError(t, err)
	}
	for _, sub := range subs {
		_, err := f.sns.GetSubscriptionAttributes(f.ctx, &awssns.GetSubscriptionAttributesInput{SubscriptionArn: aws.String(sub)})
		requireCode(t, err, "NotFound")
	}
	list, err := f.sns.ListSubscriptions(f.ctx, &awssns.ListSubscriptionsInput{})
	require.NoError(t, err)
	assert.Empty(t, list.Subscriptions)
	_, err = f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(arn), Message: aws.String("x")})
	requireCode(t, err, "NotFound")
}

func TestListTopics_PagesOf100(t *testing.T) {
	f := newFixture(t)
	for i := range 150 {
		_, err := f.cloud.SNS().CreateTopic(f.ctx, sns.CreateTopicInput{Name: fmt.Sprintf("t%03d", i)})
		require.NoError(t, err)
	}
	var all []string
	p := awssns.NewListTopicsPaginator(f.sns, &awssns.ListTopicsInput{})
	pages := 0
	for p.HasMorePages() {
		out, err := p.NextPage(f.ctx)
		require.NoError(t, err)
		pages++
		for _, tp := range out.Topics {
			all = append(all, aws.ToString(tp.TopicArn))
		}
	}
	assert.Equal(t, 2, pages)
	require.Len(t, all, 150)
	assert.True(t, strings.HasSuffix(all[0], ":t000") && strings.HasSuffix(all[149], ":t149"))

	_, err := f.sns.ListTopics(f.ctx, &awssns.ListTopicsInput{NextToken: aws.String("!!")})
	requireCode(t, err, "InvalidParameter")
}

// Of several invalid attributes the one first in name order is reported,
// on every call, whatever the order in which Go iterates over the map.
func TestCreateTopic_SeveralInvalidAttributesAlwaysGiveTheSameError(t *testing.T) {
	f := newFixture(t)
	create := func(attrs map[string]string) string {
		_, err := f.sns.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String("a"), Attributes: attrs})
		return requireCode(t, err, "InvalidParameter").ErrorMessage()
	}
	first := create(map[string]string{"DeliveryPolicy": "{"})
	attrs := map[string]string{"TracingConfig": "On", "SignatureVersion": "3", "FifoTopic": "maybe", "DeliveryPolicy": "{"}
	for i := range 30 {
		require.Equal(t, first, create(attrs), "call %d", i)
	}
}

// Booleans in topic attributes are read one way, true or false in any case,
// as AWS reads them (boto3 sends Python's str(True), "True"; recorded: sns
// TestSNSSubscriptionSQSFifo::test_fifo_topic_to_regular_sqs[True], [False]),
// and stored as "true" or "false".
func TestTopicAttributes_BooleansAreCaseInsensitive(t *testing.T) {
	f := newFixture(t)
	for i, attrs := range []map[string]string{
		{"FifoTopic": "True", "ContentBasedDeduplication": "False"},
		{"FifoTopic": "TRUE", "ContentBasedDeduplication": "tRuE"},
	} {
		arn := f.topic(t, fmt.Sprintf("t%d.fifo", i), attrs)
		out, err := f.sns.GetTopicAttributes(f.ctx, &awssns.GetTopicAttributesInput{TopicArn: aws.String(arn)})
		require.NoError(t, err)
		assert.Equal(t, "true", out.Attributes["FifoTopic"])
		assert.Equal(t, strings.ToLower(attrs["ContentBasedDeduplication"]), out.Attributes["ContentBasedDeduplication"])
		again, err := f.sns.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String(fmt.Sprintf("t%d.fifo", i)),
			Attributes: map[string]string{"FifoTopic": "true", "ContentBasedDeduplication": strings.ToLower(attrs["ContentBasedDeduplication"])}})
		require.NoError(t, err, "the same value in another case is the same attribute")
		assert.Equal(t, arn, aws.ToString(again.TopicArn))
	}
	arn := f.topic(t, "std", map[string]string{"FifoTopic": "False"})
	assert.False(t, strings.HasSuffix(arn, ".fifo"))

	fifo := f.topic(t, "set.fifo", map[string]string{"FifoTopic": "true"})
	_, err := f.sns.SetTopicAttributes(f.ctx, &awssns.SetTopicAttributesInput{TopicArn: aws.String(fifo),
		AttributeName: aws.String("ContentBasedDeduplication"), AttributeValue: aws.String("TRUE")})
	require.NoError(t, err)
	out, err := f.sns.GetTopicAttributes(f.ctx, &awssns.GetTopicAttributesInput{TopicArn: aws.String(fifo)})
	require.NoError(t, err)
	assert.Equal(t, "true", out.Attributes["ContentBasedDeduplication"])

	for _, c := range []struct {
		topic string
		attrs map[string]string
		msg   string
	}{
		{"bad", map[string]string{"FifoTopic": "yes"}, "Invalid parameter: Attributes Reason: FifoTopic: Invalid value [yes]. Must be true or false."},
		{"bad.fifo", map[string]string{"FifoTopic": "true", "ContentBasedDeduplication": "1"},
			"Invalid parameter: Attributes Reason: ContentBasedDeduplication: Invalid value [1]. Must be true or false."},
	} {
		_, err := f.sns.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String(c.topic), Attributes: c.attrs})
		assert.Equal(t, c.msg, requireCode(t, err, "InvalidParameter").ErrorMessage())
	}
	_, err = f.sns.SetTopicAttributes(f.ctx, &awssns.SetTopicAttributesInput{TopicArn: aws.String(fifo),
		AttributeName: aws.String("ContentBasedDeduplication"), AttributeValue: aws.String("")})
	assert.Equal(t, "Invalid parameter: ContentBasedDeduplication: Invalid value []. Must be true or false.",
		requireCode(t, err, "InvalidParameter").ErrorMessage())
	out, err = f.sns.GetTopicAttributes(f.ctx, &awssns.GetTopicAttributesInput{TopicArn: aws.String(fifo)})
	require.NoError(t, err)
	assert.Equal(t, "true", out.Attributes["ContentBasedDeduplication"], "a refused value leaves the attribute as it was")
}
