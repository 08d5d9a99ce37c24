package sqs_test

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// The CreateQueue docs: "A queue name can have up to 80 characters. Valid
// values: alphanumeric characters, hyphens (-), and underscores (_). A FIFO
// queue name must end with the .fifo suffix", which counts towards the 80.
func TestCreateQueue_NameRules(t *testing.T) {
	f := newFixture(t)
	fifo := map[string]string{"FifoQueue": "true"}
	for _, tc := range []struct {
		name  string
		attrs map[string]string
		ok    bool
	}{
		{"a", nil, true},
		{strings.Repeat("a", 80), nil, true},
		{strings.Repeat("a", 81), nil, false},
		{"with-dash_and_underscore", nil, true},
		{"bad.char", nil, false},
		{"bad char", nil, false},
		{"standard.fifo", nil, false},
		{"x.fifo", fifo, true},
		{strings.Repeat("a", 75) + ".fifo", fifo, true},
		{strings.Repeat("a", 76) + ".fifo", fifo, false},
		{"no-suffix", fifo, false},
		{".fifo", fifo, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String(tc.name), Attributes: tc.attrs})
			if tc.ok {
				require.NoError(t, err)
				return
			}
			requireCode(t, err, "InvalidParameterValue")
			_, err = f.client.GetQueueUrl(ctx, &awssqs.GetQueueUrlInput{QueueName: aws.String(tc.name)})
			var dne *types.QueueDoesNotExist
			require.ErrorAs(t, err, &dne, "a rejected name creates nothing")
		})
	}
}

func TestCreateQueue_URLAndARNFormsAreAWSs(t *testing.T) {
	f := newFixture(t, awsfake.WithAccountID("123456789012"), awsfake.WithRegion("eu-west-1"))
	url := f.createQueue(t, "orders", nil)
	assert.Equal(t, awsfake.DefaultURL+"/123456789012/orders", url)
	out, err := f.client.GetQueueAttributes(ctx, &awssqs.GetQueueAttributesInput{QueueUrl: &url,
		AttributeNames: []types.QueueAttributeName{types.QueueAttributeNameQueueArn}})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:sqs:eu-west-1:123456789012:orders", out.Attributes["QueueArn"])
}

// "If you specify the name of an existing queue and provide the exact same
// names and values for all its attributes, CreateQueue returns the URL of
// the existing queue ... with different attribute names or values, it
// returns an error."
func TestCreateQueue_IdempotentForIdenticalAttributesQueueNameExistsOtherwise(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", map[string]string{"VisibilityTimeout": "60", "DelaySeconds": "5"})

	again := f.createQueue(t, "q", map[string]string{"VisibilityTimeout": "60", "DelaySeconds": "5"})
	assert.Equal(t, url, again)
	assert.Equal(t, url, f.createQueue(t, "q", nil), "no attributes: nothing differs")
	assert.Equal(t, url, f.createQueue(t, "q", map[string]string{"MaximumMessageSize": "1048576"}), "a default value matches")

	_, err := f.client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("q"),
		Attributes: map[string]string{"VisibilityTimeout": "61"}})
	var exists *types.QueueNameExists
	require.ErrorAs(t, err, &exists)
	assert.Equal(t, "QueueAlreadyExists", exists.ErrorCode())
	assert.Contains(t, exists.ErrorMessage(), "VisibilityTimeout")
}

func TestGetQueueUrl_FindsQueueByNameAndOwner(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	out, err := f.client.GetQueueUrl(ctx, &awssqs.GetQueueUrlInput{QueueName: aws.String("q")})
	require.NoError(t, err)
	assert.Equal(t, url, aws.ToString(out.QueueUrl))
	out, err = f.client.GetQueueUrl(ctx, &awssqs.GetQueueUrlInput{QueueName: aws.String("q"), QueueOwnerAWSAccountId: aws.String("000000000000")})
	require.NoError(t, err)
	assert.Equal(t, url, aws.ToString(out.QueueUrl))

	for _, in := range []*awssqs.GetQueueUrlInput{
		{QueueName: aws.String("missing")},
		{QueueName: aws.String("q"), QueueOwnerAWSAccountId: aws.String("111111111111")},
	} {
		_, err = f.client.GetQueueUrl(ctx, in)
		var dne *types.QueueDoesNotExist
		require.ErrorAs(t, err, &dne)
		assert.Equal(t, "AWS.SimpleQueueService.NonExistentQueue", dne.ErrorCode())
	}
}

func TestQueueURL_AnyHostNamesTheSameQueue(t *testing.T) {
	f := newFixture(t)
	f.createQueue(t, "q", nil)
	for _, u := range []string{
		"https://sqs.us-east-1.amazonaws.com/000000000000/q",
		"http://localhost:4566/000000000000/q",
		"http://sqs.us-east-1.localhost.localstack.cloud:4566/000000000000/q/",
	} {
		_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: aws.String(u), MessageBody: aws.String("x")})
		require.NoError(t, err, u)
	}
	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: aws.String("http://h/111111111111/q"), MessageBody: aws.String("x")})
	var dne *types.QueueDoesNotExist
	require.ErrorAs(t, err, &dne, "another account's queue")
	_, err = f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: aws.String("http://h/q"), MessageBody: aws.String("x")})
	var bad *types.InvalidAddress
	require.ErrorAs(t, err, &bad, "no account in the path")
}

// ListQueues: "Only those queues whose name begins with the specified
// string are returned ... If you set MaxResults and there are additional
// results to display, the response includes a value for NextToken"; without
// MaxResults, up to 1,000 and no token.
func TestListQueues_FiltersByPrefixAndPages(t *testing.T) {
	f := newFixture(t)
	for _, n := range []string{"b-2", "a-1", "b-1", "b-3", "c"} {
		f.createQueue(t, n, nil)
	}
	all, err := f.client.ListQueues(ctx, &awssqs.ListQueuesInput{})
	require.NoError(t, err)
	assert.Len(t, all.QueueUrls, 5)
	assert.Nil(t, all.NextToken)

	var got []string
	in := &awssqs.ListQueuesInput{QueueNamePrefix: aws.String("b-"), MaxResults: aws.Int32(2)}
	p := awssqs.NewListQueuesPaginator(f.client, in)
	pages := 0
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		require.NoError(t, err)
		got = append(got, out.QueueUrls...)
		pages++
	}
	assert.Equal(t, 2, pages)
	base := awsfake.DefaultURL + "/000000000000/"
	assert.Equal(t, []string{base + "b-1", base + "b-2", base + "b-3"}, got)

	none, err := f.client.ListQueues(ctx, &awssqs.ListQueuesInput{QueueNamePrefix: aws.String("zzz")})
	require.NoError(t, err)
	assert.Empty(t, none.QueueUrls)

	for _, max := range []int32{0, 1001} {
		_, err = f.client.ListQueues(ctx, &awssqs.ListQueuesInput{MaxResults: aws.Int32(max)})
		requireCode(t, err, "InvalidParameterValue")
	}
	_, err = f.client.ListQueues(ctx, &awssqs.ListQueuesInput{MaxResults: aws.Int32(1000)})
	require.NoError(t, err)
	_, err = f.client.ListQueues(ctx, &awssqs.ListQueuesInput{NextToken: aws.String("!!not a token")})
	requireCode(t, err, "InvalidParameterValue")
}

// "If you delete a queue, you must wait at least 60 seconds before creating
// a queue with the same name." The fake follows the documented rule, on the
// clock: 60 s after the delete the name is free again, and the new queue
// shares nothing with the old one.
func TestDeleteQueue_NameReusableExactly60SecondsLater(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("old")})
	require.NoError(t, err)
	rcv, err := f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url})
	require.NoError(t, err)
	_, err = f.client.DeleteQueue(ctx, &awssqs.DeleteQueueInput{QueueUrl: &url})
	require.NoError(t, err)

	_, err = f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("x")})
	var dne *types.QueueDoesNotExist
	require.ErrorAs(t, err, &dne)
	_, err = f.client.DeleteQueue(ctx, &awssqs.DeleteQueueInput{QueueUrl: &url})
	require.ErrorAs(t, err, &dne)

	f.clk.Advance(60*time.Second - time.Nanosecond)
	_, err = f.client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("q")})
	var recently *types.QueueDeletedRecently
	require.ErrorAs(t, err, &recently)
	assert.Equal(t, "AWS.SimpleQueueService.QueueDeletedRecently", recently.ErrorCode())

	f.clk.Advance(time.Nanosecond)
	assert.Equal(t, url, f.createQueue(t, "q", nil))
	empty, err := f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url})
	require.NoError(t, err)
	assert.Empty(t, empty.Messages)
	_, err = f.client.DeleteMessage(ctx, &awssqs.DeleteMessageInput{QueueUrl: &url, ReceiptHandle: rcv.Messages[0].ReceiptHandle})
	var invalid *types.ReceiptHandleIsInvalid
	require.ErrorAs(t, err, &invalid, "a handle of the deleted queue is not one of the new queue's")
}

// PurgeQueue "Deletes available messages in a queue (including in-flight
// messages)"; "Only one PurgeQueue operation ... is allowed every 60
// seconds" (PurgeQueueInProgress, HTTP 403).
func TestPurgeQueue_RemovesWhatWasSentBeforeAndAllowsOnePurgeEvery60Seconds(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	for _, b := range []string{"visible", "in-flight", "delayed"} {
		in := &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String(b)}
		if b == "delayed" {
			in.DelaySeconds = 60
		}
		_, err := f.client.SendMessage(ctx, in)
		require.NoError(t, err)
		if b == "visible" {
			_, err = f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url})
			require.NoError(t, err)
		}
	}
	_, err := f.client.PurgeQueue(ctx, &awssqs.PurgeQueueInput{QueueUrl: &url})
	require.NoError(t, err)
	_, err = f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("after")})
	require.NoError(t, err)
	msgs, err := f.cloud.SQS().Messages(url)
	require.NoError(t, err)
	require.Len(t, msgs, 1)
	assert.Equal(t, "after", msgs[0].Body)

	f.clk.Advance(60*time.Second - time.Nanosecond)
	_, err = f.client.PurgeQueue(ctx, &awssqs.PurgeQueueInput{QueueUrl: &url})
	var busy *types.PurgeQueueInProgress
	require.ErrorAs(t, err, &busy)
	assert.Equal(t, "AWS.SimpleQueueService.PurgeQueueInProgress", busy.ErrorCode())
	msgs, _ = f.cloud.SQS().Messages(url)
	assert.Len(t, msgs, 1, "a refused purge leaves the queue alone")

	f.clk.Advance(time.Nanosecond)
	_, err = f.client.PurgeQueue(ctx, &awssqs.PurgeQueueInput{QueueUrl: &url})
	require.NoError(t, err)
	msgs, _ = f.cloud.SQS().Messages(url)
	assert.Empty(t, msgs)
}

// AWS takes a queue's name where a QueueUrl goes, in the caller's account
// and region: LocalStack's AWS-validated test_posting_to_queue_via_queue_name
// sends with one, the peer's AWS-verified tests send, receive and change
// visibility with one. Every operation that takes a QueueUrl resolves it.
func TestQueueURL_ABareNameIsTheCallersQueue(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "jobs", nil)
	name := aws.String("jobs")
	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: name, MessageBody: aws.String("a")})
	require.NoError(t, err)
	_, err = f.client.SendMessageBatch(ctx, &awssqs.SendMessageBatchInput{QueueUrl: name,
		Entries: []types.SendMessageBatchRequestEntry{{Id: aws.String("b"), MessageBody: aws.String("b")}}})
	require.NoError(t, err)
	got, err := f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: name, MaxNumberOfMessages: 10})
	require.NoError(t, err)
	require.Len(t, got.Messages, 2)
	require.NoError(t, f.changeVisibility("jobs", got.Messages[0].ReceiptHandle, 0))
	_, err = f.client.ChangeMessageVisibilityBatch(ctx, &awssqs.ChangeMessageVisibilityBatchInput{QueueUrl: name,
		Entries: []types.ChangeMessageVisibilityBatchRequestEntry{{Id: aws.String("b"), ReceiptHandle: got.Messages[1].ReceiptHandle, VisibilityTimeout: 60}}})
	require.NoError(t, err)
	f.cloud.SQS().CheckDepth(t, url, 1, 1, 0)
	require.NoError(t, f.deleteMessage("jobs", got.Messages[1].ReceiptHandle))
	_, err = f.client.DeleteMessageBatch(ctx, &awssqs.DeleteMessageBatchInput{QueueUrl: name,
		Entries: []types.DeleteMessageBatchRequestEntry{{Id: aws.String("a"), ReceiptHandle: got.Messages[0].ReceiptHandle}}})
	require.NoError(t, err)
	assert.Equal(t, "0", f.attributes(t, "jobs")["ApproximateNumberOfMessages"])
	f.send(t, "jobs", "c")

	_, err = f.client.SetQueueAttributes(ctx, &awssqs.SetQueueAttributesInput{QueueUrl: name, Attributes: map[string]string{"DelaySeconds": "5"}})
	require.NoError(t, err)
	_, err = f.client.TagQueue(ctx, &awssqs.TagQueueInput{QueueUrl: name, Tags: map[string]string{"k": "v"}})
	require.NoError(t, err)
	tags, err := f.client.ListQueueTags(ctx, &awssqs.ListQueueTagsInput{QueueUrl: name})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"k": "v"}, tags.Tags)
	_, err = f.client.PurgeQueue(ctx, &awssqs.PurgeQueueInput{QueueUrl: name})
	require.NoError(t, err)
	f.cloud.SQS().CheckDepth(t, url, 0, 0, 0)
	_, err = f.client.DeleteQueue(ctx, &awssqs.DeleteQueueInput{QueueUrl: name})
	require.NoError(t, err)
	_, err = f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: name, MessageBody: aws.String("x")})
	var dne *types.QueueDoesNotExist
	require.ErrorAs(t, err, &dne, "the name names no queue now")
}

// A bare name resolves in the caller's account and region, never the
// cloud's: the same name elsewhere is another queue.
func TestQueueURL_ABareNameResolvesInTheCallersAccountAndRegion(t *testing.T) {
	f := newFixture(t)
	home := f.createQueue(t, "jobs", nil)
	for _, cfg := range []aws.Config{f.cloud.AWSConfigFor("eu-west-1", "000000000000"), f.cloud.AWSConfigFor("us-east-1", "111111111111")} {
		c := awssqs.NewFromConfig(cfg)
		_, err := c.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: aws.String("jobs"), MessageBody: aws.String("x")})
		var dne *types.QueueDoesNotExist
		require.ErrorAs(t, err, &dne, "no queue jobs in %s of %s yet", cfg.Region)
		there, _ := queueIn(t, c, "jobs")
		_, err = c.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: aws.String("jobs"), MessageBody: aws.String(there)})
		require.NoError(t, err)
		f.cloud.SQS().CheckMessage(t, there, there)
	}
	f.cloud.SQS().CheckDepth(t, home, 0, 0, 0)
}
