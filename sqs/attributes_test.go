package sqs_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func (f *fixture) attributes(t testing.TB, url string, names ...types.QueueAttributeName) map[string]string {
	t.Helper()
	if len(names) == 0 {
		names = []types.QueueAttributeName{types.QueueAttributeNameAll}
	}
	out, err := f.client.GetQueueAttributes(ctx, &awssqs.GetQueueAttributesInput{QueueUrl: &url, AttributeNames: names})
	require.NoError(t, err)
	return out.Attributes
}

// The defaults of the CreateQueue docs: DelaySeconds 0, MaximumMessageSize
// 1,048,576, MessageRetentionPeriod 345,600, ReceiveMessageWaitTimeSeconds 0,
// VisibilityTimeout 30; FIFO queues add FifoQueue, ContentBasedDeduplication
// false, DeduplicationScope queue and FifoThroughputLimit perQueue.
func TestGetQueueAttributes_DefaultsAsAWS(t *testing.T) {
	f := newFixture(t)
	created := strconv.FormatInt(t0.Unix(), 10)
	std := f.attributes(t, f.createQueue(t, "std", nil))
	assert.Equal(t, map[string]string{
		"QueueArn": "arn:aws:sqs:us-east-1:000000000000:std", "ApproximateNumberOfMessages": "0",
		"ApproximateNumberOfMessagesNotVisible": "0", "ApproximateNumberOfMessagesDelayed": "0",
		"CreatedTimestamp": created, "LastModifiedTimestamp": created, "VisibilityTimeout": "30",
		"MaximumMessageSize": "1048576", "MessageRetentionPeriod": "345600", "DelaySeconds": "0",
		"ReceiveMessageWaitTimeSeconds": "0", "SqsManagedSseEnabled": "true",
	}, std)

	fifo := f.attributes(t, f.createQueue(t, "f.fifo", map[string]string{"FifoQueue": "true"}))
	assert.Equal(t, "true", fifo["FifoQueue"])
	assert.Equal(t, "false", fifo["ContentBasedDeduplication"])
	assert.Equal(t, "queue", fifo["DeduplicationScope"])
	assert.Equal(t, "perQueue", fifo["FifoThroughputLimit"])

	url := f.createQueue(t, "picked", nil)
	assert.Equal(t, map[string]string{"VisibilityTimeout": "30"}, f.attributes(t, url, types.QueueAttributeNameVisibilityTimeout))
	out, err := f.client.GetQueueAttributes(ctx, &awssqs.GetQueueAttributesInput{QueueUrl: &url})
	require.NoError(t, err)
	assert.Empty(t, out.Attributes, "no names, no attributes")
	_, err = f.client.GetQueueAttributes(ctx, &awssqs.GetQueueAttributesInput{QueueUrl: &url, AttributeNames: []types.QueueAttributeName{"Bogus"}})
	requireCode(t, err, "InvalidAttributeName")
}

// Each integer attribute's range, from the CreateQueue and SetQueueAttributes
// docs, checked just outside and at both ends, on create and on set. A
// refused value changes nothing.
func TestQueueAttributes_RangesAtTheirBoundaries(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	for _, tc := range []struct {
		name     string
		min, max int
	}{
		{"VisibilityTimeout", 0, 43200},
		{"DelaySeconds", 0, 900},
		{"MessageRetentionPeriod", 60, 1209600},
		{"MaximumMessageSize", 1024, 1048576},
		{"ReceiveMessageWaitTimeSeconds", 0, 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := f.attributes(t, url)[tc.name]
			for _, v := range []int{tc.min - 1, tc.max + 1} {
				_, err := f.client.SetQueueAttributes(ctx, &awssqs.SetQueueAttributesInput{QueueUrl: &url,
					Attributes: map[string]string{tc.name: strconv.Itoa(v)}})
				requireCode(t, err, "InvalidAttributeValue")
				assert.Equal(t, before, f.attributes(t, url)[tc.name])
				_, err = f.client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("other"),
					Attributes: map[string]string{tc.name: strconv.Itoa(v)}})
				requireCode(t, err, "InvalidAttributeValue")
			}
			for _, v := range []int{tc.min, tc.max} {
				_, err := f.client.SetQueueAttributes(ctx, &awssqs.SetQueueAttributesInput{QueueUrl: &url,
					Attributes: map[string]string{tc.name: strconv.Itoa(v)}})
				require.NoError(t, err)
				assert.Equal(t, strconv.Itoa(v), f.attributes(t, url)[tc.name])
			}
			_, err := f.client.SetQueueAttributes(ctx, &awssqs.SetQueueAttributesInput{QueueUrl: &url,
				Attributes: map[string]string{tc.name: "ten"}})
			requireCode(t, err, "InvalidAttributeValue")
		})
	}
}

func TestSetQueueAttributes_RefusesUnknownReadOnlyAndFifoOnlyAttributes(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	fifoURL := f.createQueue(t, "q.fifo", map[string]string{"FifoQueue": "true"})
	for _, tc := range []struct {
		url, name, value, code string
	}{
		{url, "Bogus", "1", "InvalidAttributeName"},
		{url, "QueueArn", "arn:aws:sqs:us-east-1:000000000000:x", "InvalidAttributeName"},
		{url, "ApproximateNumberOfMessages", "3", "InvalidAttributeName"},
		{url, "ContentBasedDeduplication", "true", "InvalidAttributeName"},
		{url, "DeduplicationScope", "messageGroup", "InvalidAttributeName"},
		{url, "FifoQueue", "true", "InvalidAttributeValue"},
		{fifoURL, "FifoQueue", "false", "InvalidAttributeValue"},
		{fifoURL, "DeduplicationScope", "everything", "InvalidAttributeValue"},
		{fifoURL, "FifoThroughputLimit", "perMessageGroupId", "InvalidAttributeValue"}, // needs messageGroup scope
		{fifoURL, "ContentBasedDeduplication", "maybe", "InvalidAttributeValue"},
		{url, "Policy", "{not json", "InvalidAttributeValue"},
	} {
		_, err := f.client.SetQueueAttributes(ctx, &awssqs.SetQueueAttributesInput{QueueUrl: &tc.url,
			Attributes: map[string]string{tc.name: tc.value}})
		requireCode(t, err, tc.code)
	}
	_, err := f.client.SetQueueAttributes(ctx, &awssqs.SetQueueAttributesInput{QueueUrl: &fifoURL,
		Attributes: map[string]string{"DeduplicationScope": "messageGroup", "FifoThroughputLimit": "perMessageGroupId",
			"ContentBasedDeduplication": "true"}})
	require.NoError(t, err, "high throughput mode")
	a := f.attributes(t, fifoURL)
	assert.Equal(t, "perMessageGroupId", a["FifoThroughputLimit"])
	assert.Equal(t, "true", a["ContentBasedDeduplication"])
}

func TestSetQueueAttributes_UpdatesLastModifiedAndStoresPolicy(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.clk.Advance(90 * time.Second)
	policy := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}]}`
	_, err := f.client.SetQueueAttributes(ctx, &awssqs.SetQueueAttributesInput{QueueUrl: &url,
		Attributes: map[string]string{"Policy": policy, "KmsMasterKeyId": "alias/aws/sqs"}})
	require.NoError(t, err)
	a := f.attributes(t, url)
	assert.Equal(t, strconv.FormatInt(t0.Unix(), 10), a["CreatedTimestamp"])
	assert.Equal(t, strconv.FormatInt(t0.Unix()+90, 10), a["LastModifiedTimestamp"])
	assert.Equal(t, policy, a["Policy"])
	assert.Equal(t, "alias/aws/sqs", a["KmsMasterKeyId"])
	assert.Equal(t, "300", a["KmsDataKeyReusePeriodSeconds"])
	assert.Equal(t, "false", a["SqsManagedSseEnabled"], "one server-side encryption option per queue")

	_, err = f.client.SetQueueAttributes(ctx, &awssqs.SetQueueAttributesInput{QueueUrl: &url, Attributes: map[string]string{"Policy": ""}})
	require.NoError(t, err)
	assert.NotContains(t, f.attributes(t, url), "Policy")
}

// The counters are exact in the fake, computed from the state at the
// instant of the clock: ApproximateNumberOfMessages (visible),
// ...NotVisible (in flight) and ...Delayed.
func TestGetQueueAttributes_ApproximateCountersFollowTheClock(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	send := func(delay int32) {
		_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("m"), DelaySeconds: delay})
		require.NoError(t, err)
	}
	counts := func() [3]string {
		a := f.attributes(t, url, types.QueueAttributeNameApproximateNumberOfMessages,
			types.QueueAttributeNameApproximateNumberOfMessagesNotVisible, types.QueueAttributeNameApproximateNumberOfMessagesDelayed)
		return [3]string{a["ApproximateNumberOfMessages"], a["ApproximateNumberOfMessagesNotVisible"], a["ApproximateNumberOfMessagesDelayed"]}
	}
	send(0)
	send(0)
	send(10)
	_, err := f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, VisibilityTimeout: 20})
	require.NoError(t, err)
	assert.Equal(t, [3]string{"1", "1", "1"}, counts())
	f.clk.Advance(10*time.Second - time.Nanosecond)
	assert.Equal(t, [3]string{"1", "1", "1"}, counts())
	f.clk.Advance(time.Nanosecond)
	assert.Equal(t, [3]string{"2", "1", "0"}, counts(), "the delay ended")
	f.clk.Advance(10 * time.Second)
	assert.Equal(t, [3]string{"3", "0", "0"}, counts(), "the visibility timeout ended")
}
