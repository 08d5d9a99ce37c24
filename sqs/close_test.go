package sqs_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/sqs"
)

// Close stops the notifier timers and the move tasks and wakes the long
// polls: on the real clock, nothing of the service is left running.
func TestClose_LeavesNoGoroutineBehind(t *testing.T) {
	before := runtime.NumGoroutine()
	cloud := awsfake.New()
	client := awssqs.NewFromConfig(cloud.AWSConfig())
	out, err := client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("dlq")})
	require.NoError(t, err)
	dlq := aws.ToString(out.QueueUrl)
	_, err = client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("src"), Attributes: redrive(queueARN("dlq"), 1)})
	require.NoError(t, err)
	for range 3 {
		_, err = client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &dlq, MessageBody: aws.String("m"), DelaySeconds: 0})
		require.NoError(t, err)
	}
	_, err = cloud.SQS().Notify(dlq, func() {})
	require.NoError(t, err)
	_, err = client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &dlq, MessageBody: aws.String("later"), DelaySeconds: 900})
	require.NoError(t, err)
	_, err = client.StartMessageMoveTask(ctx, &awssqs.StartMessageMoveTaskInput{SourceArn: aws.String(queueARN("dlq")),
		DestinationArn: aws.String(queueARN("src")), MaxNumberOfMessagesPerSecond: aws.Int32(1)})
	require.NoError(t, err)
	polled := make(chan error, 1)
	empty, err := client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("empty")})
	require.NoError(t, err)
	go func() {
		_, err := client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: empty.QueueUrl, WaitTimeSeconds: 20})
		polled <- err
	}()
	for sqs.LongPolls(cloud.SQS(), "000000000000", "us-east-1", "empty") == 0 {
		time.Sleep(time.Millisecond) // until the poll is parked: Close must find it there
	}

	require.NoError(t, cloud.Close())
	select {
	case err := <-polled:
		assert.NoError(t, err, "a long poll on a closed cloud returns empty")
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not end the long poll")
	}
	after := runtime.NumGoroutine()
	for deadline := time.Now().Add(2 * time.Second); after > before && time.Now().Before(deadline); after = runtime.NumGoroutine() {
		time.Sleep(10 * time.Millisecond)
	}
	assert.LessOrEqual(t, after, before, "goroutines left running")
}
