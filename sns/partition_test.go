package sns_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/sns"
)

// snsFor is an SNS client of the fixture's cloud signing for region and
// account.
func (f *fixture) snsFor(region, account string) *awssns.Client {
	return awssns.NewFromConfig(f.cloud.AWSConfigFor(region, account))
}

func listTopics(t *testing.T, c *awssns.Client) []string {
	t.Helper()
	out, err := c.ListTopics(context.Background(), &awssns.ListTopicsInput{})
	require.NoError(t, err)
	var arns []string
	for _, tp := range out.Topics {
		arns = append(arns, aws.ToString(tp.TopicArn))
	}
	return arns
}

// The same topic name in two regions and two accounts: four topics, each
// with its own ARN, owner, attributes and subscriptions, each listed only
// in its own account and region.
func TestPartitions_SameTopicNameInTwoRegionsAndTwoAccountsHoldsDifferentState(t *testing.T) {
	f := newFixture(t)
	type part struct{ region, account string }
	parts := []part{{"us-east-1", "000000000000"}, {"eu-west-1", "000000000000"}, {"us-east-1", "111111111111"}, {"eu-west-1", "111111111111"}}
	arns := map[part]string{}
	for _, p := range parts {
		c := f.snsFor(p.region, p.account)
		out, err := c.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String("orders"),
			Attributes: map[string]string{"DisplayName": p.region + "/" + p.account}})
		require.NoError(t, err)
		arns[p] = aws.ToString(out.TopicArn)
		assert.Equal(t, "arn:aws:sns:"+p.region+":"+p.account+":orders", arns[p])
		_, err = c.Subscribe(f.ctx, &awssns.SubscribeInput{TopicArn: out.TopicArn, Protocol: aws.String("email"),
			Endpoint: aws.String(p.account + "@" + p.region + ".example.com")})
		require.NoError(t, err)
	}
	// The default client is us-east-1 of 000000000000.
	assert.Equal(t, []string{arns[parts[0]]}, listTopics(t, f.sns))
	for _, p := range parts {
		c := f.snsFor(p.region, p.account)
		assert.Equal(t, []string{arns[p]}, listTopics(t, c), "%v lists its own topic alone", p)
		a, err := c.GetTopicAttributes(f.ctx, &awssns.GetTopicAttributesInput{TopicArn: aws.String(arns[p])})
		require.NoError(t, err)
		assert.Equal(t, p.region+"/"+p.account, a.Attributes["DisplayName"])
		assert.Equal(t, p.account, a.Attributes["Owner"])
		assert.Equal(t, "1", a.Attributes["SubscriptionsPending"])
		assert.Contains(t, a.Attributes["Policy"], `"AWS:SourceOwner":"`+p.account+`"`)
		subs, err := c.ListSubscriptions(f.ctx, &awssns.ListSubscriptionsInput{})
		require.NoError(t, err)
		require.Len(t, subs.Subscriptions, 1)
		assert.Equal(t, arns[p], aws.ToString(subs.Subscriptions[0].TopicArn))
		assert.Equal(t, p.account, aws.ToString(subs.Subscriptions[0].Owner))
	}

	// Deleting one leaves the others.
	c := f.snsFor("eu-west-1", "111111111111")
	_, err := c.DeleteTopic(f.ctx, &awssns.DeleteTopicInput{TopicArn: aws.String(arns[parts[3]])})
	require.NoError(t, err)
	assert.Empty(t, listTopics(t, c))
	assert.Equal(t, []string{arns[parts[1]]}, listTopics(t, f.snsFor("eu-west-1", "000000000000")))

	// A topic is reached through its own region: a us-east-1 client naming
	// an eu-west-1 topic gets InvalidParameter, as from AWS.
	_, err = f.sns.GetTopicAttributes(f.ctx, &awssns.GetTopicAttributesInput{TopicArn: aws.String(arns[parts[1]])})
	requireCode(t, err, "InvalidParameter")
	// Another account's topic in the region is looked up in that account.
	a, err := f.sns.GetTopicAttributes(f.ctx, &awssns.GetTopicAttributesInput{TopicArn: aws.String(arns[parts[2]])})
	require.NoError(t, err)
	assert.Equal(t, "111111111111", a.Attributes["Owner"])
}

// SMS settings, opt-outs and platform applications are per account and
// region too.
func TestPartitions_SMSSettingsAndPlatformApplicationsArePerAccountAndRegion(t *testing.T) {
	f := newFixture(t)
	eu := f.snsFor("eu-west-1", "111111111111")
	_, err := eu.SetSMSAttributes(f.ctx, &awssns.SetSMSAttributesInput{Attributes: map[string]string{"DefaultSenderID": "EU"}})
	require.NoError(t, err)
	home, err := f.sns.GetSMSAttributes(f.ctx, &awssns.GetSMSAttributesInput{})
	require.NoError(t, err)
	assert.NotContains(t, home.Attributes, "DefaultSenderID")
	got, err := eu.GetSMSAttributes(f.ctx, &awssns.GetSMSAttributesInput{})
	require.NoError(t, err)
	assert.Equal(t, "EU", got.Attributes["DefaultSenderID"])

	f.cloud.SNS().OptOutPhoneNumberIn("111111111111", "eu-west-1", "+15550100")
	out, err := eu.CheckIfPhoneNumberIsOptedOut(f.ctx, &awssns.CheckIfPhoneNumberIsOptedOutInput{PhoneNumber: aws.String("+15550100")})
	require.NoError(t, err)
	assert.True(t, out.IsOptedOut)
	out, err = f.sns.CheckIfPhoneNumberIsOptedOut(f.ctx, &awssns.CheckIfPhoneNumberIsOptedOutInput{PhoneNumber: aws.String("+15550100")})
	require.NoError(t, err)
	assert.False(t, out.IsOptedOut)

	app, err := eu.CreatePlatformApplication(f.ctx, &awssns.CreatePlatformApplicationInput{Name: aws.String("mobile"),
		Platform: aws.String("GCM"), Attributes: map[string]string{"PlatformCredential": "key"}})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:sns:eu-west-1:111111111111:app/GCM/mobile", aws.ToString(app.PlatformApplicationArn))
	ep, err := eu.CreatePlatformEndpoint(f.ctx, &awssns.CreatePlatformEndpointInput{PlatformApplicationArn: app.PlatformApplicationArn,
		Token: aws.String("device")})
	require.NoError(t, err)
	assert.Regexp(t, `^arn:aws:sns:eu-west-1:111111111111:endpoint/GCM/mobile/[0-9a-f-]+$`, aws.ToString(ep.EndpointArn))
	apps, err := f.sns.ListPlatformApplications(f.ctx, &awssns.ListPlatformApplicationsInput{})
	require.NoError(t, err)
	assert.Empty(t, apps.PlatformApplications)
	apps, err = eu.ListPlatformApplications(f.ctx, &awssns.ListPlatformApplicationsInput{})
	require.NoError(t, err)
	assert.Len(t, apps.PlatformApplications, 1)
}

// A cn-north-1 client gets ARNs of the aws-cn partition.
func TestPartitions_ChinaRegionGetsAwsCnARNs(t *testing.T) {
	f := newFixture(t)
	cn := f.snsFor("cn-north-1", "222222222222")
	out, err := cn.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String("orders")})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws-cn:sns:cn-north-1:222222222222:orders", aws.ToString(out.TopicArn))
	sub, err := cn.Subscribe(f.ctx, &awssns.SubscribeInput{TopicArn: out.TopicArn, Protocol: aws.String("sqs"),
		Endpoint: aws.String("arn:aws-cn:sqs:cn-north-1:222222222222:q"), ReturnSubscriptionArn: true})
	require.NoError(t, err)
	a, err := cn.GetSubscriptionAttributes(f.ctx, &awssns.GetSubscriptionAttributesInput{SubscriptionArn: sub.SubscriptionArn})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws-cn:iam::222222222222:root", a.Attributes["SubscriptionPrincipal"])
	app, err := cn.CreatePlatformApplication(f.ctx, &awssns.CreatePlatformApplicationInput{Name: aws.String("m"),
		Platform: aws.String("GCM"), Attributes: map[string]string{"PlatformCredential": "key"}})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws-cn:sns:cn-north-1:222222222222:app/GCM/m", aws.ToString(app.PlatformApplicationArn))
}

// The Go API runs in the scope its ctx carries, and the cloud's default
// scope without one.
func TestPartitions_GoAPIRunsInTheScopeOfItsContext(t *testing.T) {
	f := newFixture(t)
	svc := f.cloud.SNS()
	ctx := faults.WithScope(f.ctx, faults.Scope{Account: "333333333333", Region: "ap-south-2", Partition: "aws"})
	out, err := svc.CreateTopic(ctx, sns.CreateTopicInput{Name: "t"})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:sns:ap-south-2:333333333333:t", out.TopicArn)
	list, err := svc.ListTopics(f.ctx, sns.ListInput{})
	require.NoError(t, err)
	assert.Empty(t, list.Topics)
	list, err = svc.ListTopics(ctx, sns.ListInput{})
	require.NoError(t, err)
	assert.Equal(t, []string{out.TopicArn}, list.Topics)
}

// A topic in us-east-1 of the default account fans out to a queue of
// account 111111111111 in eu-west-1: the delivery is posted on the bus to
// the queue's own ARN, untouched, from the topic.
func TestPartitions_CrossRegionCrossAccountFanOutToSQS(t *testing.T) {
	f := newFixture(t)
	euSQS := awssqs.NewFromConfig(f.cloud.AWSConfigFor("eu-west-1", "111111111111"))
	q, err := euSQS.CreateQueue(f.ctx, &awssqs.CreateQueueInput{QueueName: aws.String("inbox")})
	require.NoError(t, err)
	const queueArn = "arn:aws:sqs:eu-west-1:111111111111:inbox"
	topic := f.topic(t, "orders", nil)
	sub := f.subscribe(t, topic, "sqs", queueArn, map[string]string{"RawMessageDelivery": "true"})
	_, err = f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("order 1")})
	require.NoError(t, err)
	f.settle(t)

	d := f.cloud.SNS().CheckDelivered(t, sub, "order 1")
	assert.Equal(t, queueArn, d.Endpoint)
	assert.Equal(t, sns.DeliveryPosted, d.Status)

	// The queue of account 111111111111 in eu-west-1 holds it.
	recv, err := euSQS.ReceiveMessage(f.ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MaxNumberOfMessages: 10})
	require.NoError(t, err)
	require.Len(t, recv.Messages, 1)
	assert.Equal(t, "order 1", aws.ToString(recv.Messages[0].Body))
	assert.Empty(t, f.cloud.DeliveryFailures())
}

// The SubscribeURL and UnsubscribeURL of a topic in another region and
// account still find their subscription.
func TestPartitions_SubscribeAndUnsubscribeURLsFindTheirSubscription(t *testing.T) {
	f := newFixture(t)
	eu := f.snsFor("eu-west-1", "111111111111")
	topic, err := eu.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String("alerts")})
	require.NoError(t, err)
	sub, err := eu.Subscribe(f.ctx, &awssns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("email-json"),
		Endpoint: aws.String("ops@example.com"), ReturnSubscriptionArn: true})
	require.NoError(t, err)
	box := f.cloud.SNS().Outbox()
	require.Len(t, box, 1)
	var conf struct{ SubscribeURL string }
	require.NoError(t, json.Unmarshal([]byte(box[0].Body), &conf))
	get := func(u string) {
		t.Helper()
		resp, err := f.cloud.HTTPClient().Get(u)
		require.NoError(t, err)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	}
	get(conf.SubscribeURL)
	a, err := eu.GetSubscriptionAttributes(f.ctx, &awssns.GetSubscriptionAttributesInput{SubscriptionArn: sub.SubscriptionArn})
	require.NoError(t, err)
	assert.Equal(t, "false", a.Attributes["PendingConfirmation"])

	_, err = eu.Publish(f.ctx, &awssns.PublishInput{TopicArn: topic.TopicArn, Message: aws.String("hi")})
	require.NoError(t, err)
	box = f.cloud.SNS().Outbox()
	var note struct{ UnsubscribeURL string }
	require.NoError(t, json.Unmarshal([]byte(box[len(box)-1].Body), &note))
	get(note.UnsubscribeURL)
	_, err = eu.GetSubscriptionAttributes(f.ctx, &awssns.GetSubscriptionAttributesInput{SubscriptionArn: sub.SubscriptionArn})
	requireCode(t, err, "NotFound")
}
