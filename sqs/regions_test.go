package sqs_test

import (
	"net/http"
	neturl "net/url"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	awssts "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/sqs"
)

// queueIn creates a queue through client and returns its URL and ARN.
func queueIn(t *testing.T, client *awssqs.Client, name string) (url, arn string) {
	t.Helper()
	out, err := client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String(name)})
	require.NoError(t, err)
	url = aws.ToString(out.QueueUrl)
	attrs, err := client.GetQueueAttributes(ctx, &awssqs.GetQueueAttributesInput{QueueUrl: &url,
		AttributeNames: []types.QueueAttributeName{types.QueueAttributeNameQueueArn}})
	require.NoError(t, err)
	return url, attrs.Attributes["QueueArn"]
}

// receiveBodies receives every visible message of the queue through client.
func receiveBodies(t *testing.T, client *awssqs.Client, url string) []string {
	t.Helper()
	out, err := client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: 10})
	require.NoError(t, err)
	var got []string
	for _, m := range out.Messages {
		got = append(got, aws.ToString(m.Body))
	}
	return got
}

// The same name in two regions and two accounts is four queues, each with
// its own ARN, URL and messages. The cloud's region keeps its URL form; the
// others carry their region in the path, so that any client, the Go API
// and the Check helpers find them by URL alone.
func TestRegions_SameNameInTwoRegionsAndTwoAccounts(t *testing.T) {
	f := newFixture(t)
	clients := []*awssqs.Client{
		f.client,
		awssqs.NewFromConfig(f.cloud.AWSConfigFor("eu-west-1", "000000000000")),
		awssqs.NewFromConfig(f.cloud.AWSConfigFor("us-east-1", "111111111111")),
		awssqs.NewFromConfig(f.cloud.AWSConfigFor("eu-west-1", "111111111111")),
	}
	wantARN := []string{
		"arn:aws:sqs:us-east-1:000000000000:q",
		"arn:aws:sqs:eu-west-1:000000000000:q",
		"arn:aws:sqs:us-east-1:111111111111:q",
		"arn:aws:sqs:eu-west-1:111111111111:q",
	}
	base := f.cloud.URL()
	wantURL := []string{
		base + "/000000000000/q",
		base + "/queue/eu-west-1/000000000000/q",
		base + "/111111111111/q",
		base + "/queue/eu-west-1/111111111111/q",
	}
	urls := make([]string, len(clients))
	for i, c := range clients {
		url, arn := queueIn(t, c, "q")
		assert.Equal(t, wantARN[i], arn)
		assert.Equal(t, wantURL[i], url)
		urls[i] = url
		_, err := c.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String(wantARN[i])})
		require.NoError(t, err)
	}
	for i, c := range clients {
		list, err := c.ListQueues(ctx, &awssqs.ListQueuesInput{})
		require.NoError(t, err)
		assert.Equal(t, []string{urls[i]}, list.QueueUrls, "each client lists its own partition")
		got, err := c.GetQueueUrl(ctx, &awssqs.GetQueueUrlInput{QueueName: aws.String("q")})
		require.NoError(t, err)
		assert.Equal(t, urls[i], aws.ToString(got.QueueUrl))
		f.cloud.SQS().CheckDepth(t, urls[i], 1, 0, 0) // the URL alone finds the queue
		assert.Equal(t, []string{wantARN[i]}, receiveBodies(t, c, urls[i]))
	}
	// An other-region URL leads to its queue whoever asks: the us-east-1
	// client reaches eu-west-1's queue by its URL (as the SDK does with an
	// AWS URL whose host names the region).
	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &urls[1], MessageBody: aws.String("by url")})
	require.NoError(t, err)
	f.cloud.SQS().CheckMessage(t, urls[1], "by url")
	aws1 := "https://sqs.eu-west-1.amazonaws.com/000000000000/q"
	_, err = f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &aws1, MessageBody: aws.String("by aws url")})
	require.NoError(t, err)
	f.cloud.SQS().CheckMessage(t, urls[1], "by aws url")
	f.cloud.SQS().CheckDepth(t, urls[0], 0, 1, 0)

	// Deleting one leaves its namesakes, and QueueDeletedRecently is the
	// deleted one's alone.
	_, err = clients[1].DeleteQueue(ctx, &awssqs.DeleteQueueInput{QueueUrl: &urls[1]})
	require.NoError(t, err)
	_, err = clients[1].CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("q")})
	requireCode(t, err, "QueueDeletedRecently")
	_, err = clients[3].DeleteQueue(ctx, &awssqs.DeleteQueueInput{QueueUrl: &urls[3]})
	require.NoError(t, err)
	f.cloud.SQS().CheckDepth(t, urls[0], 0, 1, 0)
	_, err = clients[1].GetQueueUrl(ctx, &awssqs.GetQueueUrlInput{QueueName: aws.String("q")})
	requireCode(t, err, "QueueDoesNotExist")
	_, err = clients[1].GetQueueUrl(ctx, &awssqs.GetQueueUrlInput{QueueName: aws.String("q"), QueueOwnerAWSAccountId: aws.String("111111111111")})
	requireCode(t, err, "QueueDoesNotExist")
	got, err := clients[0].GetQueueUrl(ctx, &awssqs.GetQueueUrlInput{QueueName: aws.String("q"), QueueOwnerAWSAccountId: aws.String("111111111111")})
	require.NoError(t, err)
	assert.Equal(t, urls[2], aws.ToString(got.QueueUrl))
}

// A cn-north-1 client gets aws-cn ARNs.
func TestRegions_ChinaPartitionARNs(t *testing.T) {
	f := newFixture(t)
	client := awssqs.NewFromConfig(f.cloud.AWSConfigFor("cn-north-1", "222222222222"))
	url, arn := queueIn(t, client, "q")
	assert.Equal(t, "arn:aws-cn:sqs:cn-north-1:222222222222:q", arn)
	assert.Equal(t, f.cloud.URL()+"/queue/cn-north-1/222222222222/q", url)
	// The bus finds it by its ARN; an aws ARN of that region names nothing.
	f.cloud.SQS().CheckDepth(t, url, 0, 0, 0)
	cancel, err := f.cloud.SQS().PollerNotify(arn, func() {})
	require.NoError(t, err)
	cancel()
	_, err = f.cloud.SQS().PollerNotify("arn:aws:sqs:cn-north-1:222222222222:q", func() {})
	requireCode(t, err, "QueueDoesNotExist")
}

// An SNS topic of the cloud's region and account fans out to a queue of
// another account in another region, through the bus by the queue's ARN.
func TestRegions_CrossRegionCrossAccountFanOut(t *testing.T) {
	f := newFixture(t)
	other := awssqs.NewFromConfig(f.cloud.AWSConfigFor("eu-west-1", "111111111111"))
	url, queueARN := queueIn(t, other, "fan")
	home, _ := queueIn(t, f.client, "fan") // a namesake in the cloud's partition gets nothing
	sns := awssns.NewFromConfig(f.cloud.AWSConfig())
	topic, err := sns.CreateTopic(ctx, &awssns.CreateTopicInput{Name: aws.String("t")})
	require.NoError(t, err)
	_, err = sns.Subscribe(ctx, &awssns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("sqs"),
		Endpoint: &queueARN, Attributes: map[string]string{"RawMessageDelivery": "true"}})
	require.NoError(t, err)
	_, err = sns.Publish(ctx, &awssns.PublishInput{TopicArn: topic.TopicArn, Message: aws.String("hello")})
	require.NoError(t, err)
	require.NoError(t, f.cloud.Settle(ctx))
	assert.Equal(t, []string{"hello"}, receiveBodies(t, other, url))
	f.cloud.SQS().CheckDepth(t, home, 0, 0, 0)
}

// Through the Go API, the scope of the ctx picks the partition; a ctx with
// none is the cloud's.
func TestRegions_GoAPIScope(t *testing.T) {
	f := newFixture(t)
	api := f.cloud.SQS()
	sc := faults.Scope{Account: "333333333333", Region: "ap-southeast-5", Partition: "aws"}
	out, err := api.CreateQueue(faults.WithScope(ctx, sc), sqs.CreateQueueInput{QueueName: "g"})
	require.NoError(t, err)
	assert.Equal(t, f.cloud.URL()+"/queue/ap-southeast-5/333333333333/g", out.QueueUrl)
	_, err = api.GetQueueUrl(ctx, sqs.GetQueueUrlInput{QueueName: "g"})
	requireCode(t, err, "QueueDoesNotExist")
}

// A dead-letter queue must be of the source's account and region, as AWS
// resolves the target there.
func TestRegions_DeadLetterTargetInTheSourcesPartition(t *testing.T) {
	f := newFixture(t)
	other := awssqs.NewFromConfig(f.cloud.AWSConfigFor("eu-west-1", "000000000000"))
	_, dlqARN := queueIn(t, other, "dlq")
	policy := `{"deadLetterTargetArn":"` + dlqARN + `","maxReceiveCount":1}`
	_, err := f.client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("src"), Attributes: map[string]string{"RedrivePolicy": policy}})
	requireCode(t, err, "InvalidParameterValue")
	src, err := other.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("src"), Attributes: map[string]string{"RedrivePolicy": policy}})
	require.NoError(t, err)
	dlqURL, err := other.GetQueueUrl(ctx, &awssqs.GetQueueUrlInput{QueueName: aws.String("dlq")})
	require.NoError(t, err)
	list, err := other.ListDeadLetterSourceQueues(ctx, &awssqs.ListDeadLetterSourceQueuesInput{QueueUrl: dlqURL.QueueUrl})
	require.NoError(t, err)
	assert.Equal(t, []string{aws.ToString(src.QueueUrl)}, list.QueueUrls)
}

// A Query form posted to an other-region queue's own path implies its
// QueueUrl, region included.
func TestRegions_QueryPostedToTheQueuePath(t *testing.T) {
	f := newFixture(t)
	other := awssqs.NewFromConfig(f.cloud.AWSConfigFor("eu-west-1", "000000000000"))
	url, _ := queueIn(t, other, "p")
	queueIn(t, f.client, "p") // its namesake of the cloud's region gets nothing
	status, body := postForm(t, f.cloud, "/queue/eu-west-1/000000000000/p", neturl.Values{"Action": {"SendMessage"}, "MessageBody": {"by path"}})
	require.Equal(t, http.StatusOK, status, "%s", body)
	f.cloud.SQS().CheckMessage(t, url, "by path")
	f.cloud.SQS().CheckDepth(t, f.cloud.URL()+"/000000000000/p", 0, 0, 0)
}

// The poller path of Lambda's event source mappings serves a queue of any
// region and account by its ARN, and its notifiers are the ARN's alone.
func TestRegions_PollerPathByARNOfAnotherRegion(t *testing.T) {
	f := newFixture(t)
	api := f.cloud.SQS()
	other := awssqs.NewFromConfig(f.cloud.AWSConfigFor("eu-west-1", "111111111111"))
	url, queueARN := queueIn(t, other, "w")
	homeURL, _ := queueIn(t, f.client, "w")
	var n, home int
	cancel, err := api.PollerNotify(queueARN, func() { n++ })
	require.NoError(t, err)
	t.Cleanup(cancel)
	cancelHome, err := api.Notify(homeURL, func() { home++ })
	require.NoError(t, err)
	t.Cleanup(cancelHome)
	_, err = other.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("m")})
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	assert.Equal(t, 0, home, "the namesake of the cloud's region is not notified")
	attrs, err := api.PollerAttributes(queueARN)
	require.NoError(t, err)
	assert.False(t, attrs.FIFO)
	got, err := api.PollerReceive(queueARN, 10)
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.NoError(t, api.PollerDelete(queueARN, []string{got[0].ReceiptHandle}))
	api.CheckDepth(t, url, 0, 0, 0)
}

// SenderId names who sent the message, as GetCallerIdentity does: the
// account for a long-term key, the assumed role's id for STS credentials.
func TestSenderId_AgreesWithTheCallersIdentity(t *testing.T) {
	f := newFixture(t)
	other := f.cloud.AWSConfigFor("us-east-1", "111111111111")
	q := f.createQueue(t, "senders", nil)
	_, err := awssqs.NewFromConfig(other).SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: aws.String(q), MessageBody: aws.String("from 1111")})
	require.NoError(t, err)
	role, err := awssts.NewFromConfig(f.cloud.AWSConfig()).AssumeRole(ctx, &awssts.AssumeRoleInput{
		RoleArn: aws.String("arn:aws:iam::000000000000:role/app"), RoleSessionName: aws.String("worker")})
	require.NoError(t, err)
	cfg := f.cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(role.Credentials.AccessKeyId),
		aws.ToString(role.Credentials.SecretAccessKey), aws.ToString(role.Credentials.SessionToken))
	_, err = awssqs.NewFromConfig(cfg).SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: aws.String(q), MessageBody: aws.String("from role")})
	require.NoError(t, err)
	out, err := f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: aws.String(q), MaxNumberOfMessages: 10,
		MessageSystemAttributeNames: []types.MessageSystemAttributeName{types.MessageSystemAttributeNameSenderId}})
	require.NoError(t, err)
	require.Len(t, out.Messages, 2)
	senders := map[string]string{}
	for _, m := range out.Messages {
		senders[aws.ToString(m.Body)] = m.Attributes["SenderId"]
	}
	assert.Equal(t, "111111111111", senders["from 1111"])
	assert.Equal(t, aws.ToString(role.AssumedRoleUser.AssumedRoleId), senders["from role"])
}
