package sqs_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// bubble runs test in a synctest bubble with a cloud on the real clock,
// whose time is then the bubble's virtual time, and a queue whose visibility
// timeout is 7 seconds. The fixture has no fake clock.
func bubble(t *testing.T, test func(t *testing.T, f *fixture, url string)) {
	synctest.Test(t, func(t *testing.T) {
		cloud := awsfake.New()
		defer cloud.Close()
		f := &fixture{cloud: cloud, client: awssqs.NewFromConfig(cloud.AWSConfig())}
		test(t, f, f.createQueue(t, "q", map[string]string{"VisibilityTimeout": "7"}))
	})
}

// longPoll makes a 20-second long poll and returns the messages it got.
func (f *fixture) longPoll(t *testing.T, url string) []types.Message {
	t.Helper()
	out, err := f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
	require.NoError(t, err)
	return out.Messages
}

func TestSynctest_LongPollReturnsEmptyExactlyWhenTheWaitEnds(t *testing.T) {
	bubble(t, func(t *testing.T, f *fixture, url string) {
		start := time.Now()
		assert.Empty(t, f.longPoll(t, url))
		assert.Equal(t, start.Add(20*time.Second), time.Now())
	})
}

func TestSynctest_LongPollReturnsWhenAMessageIsSent(t *testing.T) {
	bubble(t, func(t *testing.T, f *fixture, url string) {
		start := time.Now()
		go func() {
			time.Sleep(5 * time.Second)
			_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("hi")})
			assert.NoError(t, err)
		}()
		require.Len(t, f.longPoll(t, url), 1)
		assert.Equal(t, start.Add(5*time.Second), time.Now())
	})
}

func TestSynctest_MessageReturnsAfterVisibilityTimeout(t *testing.T) {
	bubble(t, func(t *testing.T, f *fixture, url string) {
		f.send(t, url, "m")
		require.Len(t, f.receive(t, url), 1)
		time.Sleep(7*time.Second - time.Nanosecond)
		assert.Empty(t, f.receive(t, url))
		time.Sleep(time.Nanosecond)
		assert.Len(t, f.receive(t, url), 1)
	})
}

func TestSynctest_LongPollReturnsWhenAVisibilityTimeoutEnds(t *testing.T) {
	bubble(t, func(t *testing.T, f *fixture, url string) {
		f.send(t, url, "m")
		f.receive(t, url)
		start := time.Now()
		require.Len(t, f.longPoll(t, url), 1)
		assert.Equal(t, start.Add(7*time.Second), time.Now())
	})
}

func TestSynctest_LongPollReturnsWhenADelayEnds(t *testing.T) {
	bubble(t, func(t *testing.T, f *fixture, url string) {
		start := time.Now()
		_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("m"), DelaySeconds: 3})
		require.NoError(t, err)
		require.Len(t, f.longPoll(t, url), 1)
		assert.Equal(t, start.Add(3*time.Second), time.Now())
	})
}

func TestSynctest_ChangeMessageVisibilityReleasesALongPoll(t *testing.T) {
	bubble(t, func(t *testing.T, f *fixture, url string) {
		f.send(t, url, "m")
		got := f.receive(t, url)
		start := time.Now()
		go func() {
			time.Sleep(2 * time.Second)
			_, err := f.client.ChangeMessageVisibility(ctx, &awssqs.ChangeMessageVisibilityInput{QueueUrl: &url,
				ReceiptHandle: got[0].ReceiptHandle, VisibilityTimeout: 0})
			assert.NoError(t, err)
		}()
		require.Len(t, f.longPoll(t, url), 1)
		assert.Equal(t, start.Add(2*time.Second), time.Now())
	})
}

func TestSynctest_CancellingTheRequestEndsTheWait(t *testing.T) {
	bubble(t, func(t *testing.T, f *fixture, url string) {
		c, cancel := context.WithTimeout(ctx, 4*time.Second)
		defer cancel()
		start := time.Now()
		_, err := f.client.ReceiveMessage(c, &awssqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
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
