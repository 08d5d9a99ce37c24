package sqs_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// bubble runs f in a synctest bubble with a cloud on the real clock, whose
// time is then the bubble's virtual time.
func bubble(t *testing.T, f func(t *testing.T, client *awssqs.Client, url string)) {
	synctest.Test(t, func(t *testing.T) {
		cloud := awsfake.New()
		defer cloud.Close()
		client := awssqs.NewFromConfig(cloud.AWSConfig())
		out, err := client.CreateQueue(context.Background(), &awssqs.CreateQueueInput{QueueName: aws.String("q"),
			Attributes: map[string]string{"VisibilityTimeout": "7"}})
		require.NoError(t, err)
		f(t, client, aws.ToString(out.QueueUrl))
	})
}

func TestSynctest_LongPollReturnsEmptyExactlyWhenTheWaitEnds(t *testing.T) {
	bubble(t, func(t *testing.T, client *awssqs.Client, url string) {
		start := time.Now()
		out, err := client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
		require.NoError(t, err)
		assert.Empty(t, out.Messages)
		assert.Equal(t, start.Add(20*time.Second), time.Now())
	})
}

func TestSynctest_LongPollReturnsWhenAMessageIsSent(t *testing.T) {
	bubble(t, func(t *testing.T, client *awssqs.Client, url string) {
		start := time.Now()
		go func() {
			time.Sleep(5 * time.Second)
			_, err := client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("hi")})
			assert.NoError(t, err)
		}()
		out, err := client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
		require.NoError(t, err)
		require.Len(t, out.Messages, 1)
		assert.Equal(t, start.Add(5*time.Second), time.Now())
	})
}

func TestSynctest_MessageReturnsAfterVisibilityTimeout(t *testing.T) {
	bubble(t, func(t *testing.T, client *awssqs.Client, url string) {
		_, err := client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("m")})
		require.NoError(t, err)
		first, err := client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url})
		require.NoError(t, err)
		require.Len(t, first.Messages, 1)
		time.Sleep(7*time.Second - time.Nanosecond)
		out, err := client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url})
		require.NoError(t, err)
		assert.Empty(t, out.Messages)
		time.Sleep(time.Nanosecond)
		out, err = client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url})
		require.NoError(t, err)
		assert.Len(t, out.Messages, 1)
	})
}

func TestSynctest_LongPollReturnsWhenAVisibilityTimeoutEnds(t *testing.T) {
	bubble(t, func(t *testing.T, client *awssqs.Client, url string) {
		_, err := client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("m")})
		require.NoError(t, err)
		_, err = client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url})
		require.NoError(t, err)
		start := time.Now()
		out, err := client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
		require.NoError(t, err)
		require.Len(t, out.Messages, 1)
		assert.Equal(t, start.Add(7*time.Second), time.Now())
	})
}

func TestSynctest_LongPollReturnsWhenADelayEnds(t *testing.T) {
	bubble(t, func(t *testing.T, client *awssqs.Client, url string) {
		start := time.Now()
		_, err := client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("m"), DelaySeconds: 3})
		require.NoError(t, err)
		out, err := client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
		require.NoError(t, err)
		require.Len(t, out.Messages, 1)
		assert.Equal(t, start.Add(3*time.Second), time.Now())
	})
}

func TestSynctest_ChangeMessageVisibilityReleasesALongPoll(t *testing.T) {
	bubble(t, func(t *testing.T, client *awssqs.Client, url string) {
		_, err := client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("m")})
		require.NoError(t, err)
		got, err := client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url})
		require.NoError(t, err)
		start := time.Now()
		go func() {
			time.Sleep(2 * time.Second)
			_, err := client.ChangeMessageVisibility(ctx, &awssqs.ChangeMessageVisibilityInput{QueueUrl: &url,
				ReceiptHandle: got.Messages[0].ReceiptHandle, VisibilityTimeout: 0})
			assert.NoError(t, err)
		}()
		out, err := client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
		require.NoError(t, err)
		require.Len(t, out.Messages, 1)
		assert.Equal(t, start.Add(2*time.Second), time.Now())
	})
}

func TestSynctest_CancellingTheRequestEndsTheWait(t *testing.T) {
	bubble(t, func(t *testing.T, client *awssqs.Client, url string) {
		c, cancel := context.WithTimeout(ctx, 4*time.Second)
		defer cancel()
		start := time.Now()
		_, err := client.ReceiveMessage(c, &awssqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, start.Add(4*time.Second), time.Now())
	})
}

// Notify's clock timer works in a bubble too, and Close stops it: the
// bubble would fail on a leaked timer goroutine.
func TestSynctest_NotifyFiresOnTheVirtualClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		cloud := awsfake.New()
		defer cloud.Close()
		api := cloud.SQS()
		client := awssqs.NewFromConfig(cloud.AWSConfig())
		out, err := client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("q")})
		require.NoError(t, err)
		url := aws.ToString(out.QueueUrl)
		fired := make(chan time.Time, 4)
		_, err = api.Notify(url, func() { fired <- time.Now() })
		require.NoError(t, err)
		start := time.Now()
		_, err = client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("m"), DelaySeconds: 9})
		require.NoError(t, err)
		assert.Equal(t, start.Add(9*time.Second), <-fired)
	})
}
