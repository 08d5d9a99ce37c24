package sqs_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// deadLetter fills the dead-letter queue "dlq" with one message from each
// source queue, dead-lettered after one receive.
func (f *fixture) deadLetter(t testing.TB, sources ...string) string {
	t.Helper()
	dlq := f.createQueue(t, "dlq", nil)
	for _, name := range sources {
		url := f.createQueue(t, name, redrive(queueARN("dlq"), 1))
		f.send(t, url, "from "+name)
		require.Len(t, f.receive(t, url), 1)
	}
	f.clk.Advance(30 * time.Second)
	for _, name := range sources {
		url := "http://awsfake.localhost/000000000000/" + name
		require.Empty(t, f.receive(t, url))
	}
	return dlq
}

func (f *fixture) tasks(t testing.TB, source string, max int32) []types.ListMessageMoveTasksResultEntry {
	t.Helper()
	out, err := f.client.ListMessageMoveTasks(ctx, &awssqs.ListMessageMoveTasksInput{SourceArn: aws.String(source), MaxResults: aws.Int32(max)})
	require.NoError(t, err)
	return out.Results
}

// "If this field is left blank, the messages will be redriven back to their
// respective original source queues."
func TestStartMessageMoveTask_MovesEachMessageBackToItsSourceQueue(t *testing.T) {
	f := newFixture(t)
	dlq := f.deadLetter(t, "a", "b")
	out, err := f.client.StartMessageMoveTask(ctx, &awssqs.StartMessageMoveTaskInput{SourceArn: aws.String(queueARN("dlq"))})
	require.NoError(t, err)
	assert.NotEmpty(t, aws.ToString(out.TaskHandle))
	assert.Empty(t, f.receive(t, dlq))
	for _, name := range []string{"a", "b"} {
		got := f.receive(t, "http://awsfake.localhost/000000000000/"+name)
		require.Len(t, got, 1, name)
		assert.Equal(t, "from "+name, aws.ToString(got[0].Body))
		assert.Equal(t, "1", got[0].Attributes["ApproximateReceiveCount"], "it starts anew in its queue")
		assert.NotContains(t, got[0].Attributes, "DeadLetterQueueSourceArn")
	}
	list := f.tasks(t, queueARN("dlq"), 10)
	require.Len(t, list, 1)
	assert.Equal(t, "COMPLETED", aws.ToString(list[0].Status))
	assert.Equal(t, int64(2), list[0].ApproximateNumberOfMessagesMoved)
	assert.Equal(t, int64(2), aws.ToInt64(list[0].ApproximateNumberOfMessagesToMove))
	assert.Nil(t, list[0].TaskHandle, "only a running task has a handle")
	assert.Equal(t, t0.Add(30*time.Second).UnixMilli(), list[0].StartedTimestamp)
}

// MaxNumberOfMessagesPerSecond paces the move on the clock; cancelling
// stops it and keeps what moved.
func TestMessageMoveTask_RateOnTheClockAndCancel(t *testing.T) {
	f := newFixture(t)
	dlq := f.createQueue(t, "dlq", nil)
	f.createQueue(t, "src", redrive(queueARN("dlq"), 1))
	dst := f.createQueue(t, "dst", nil)
	for range 7 {
		f.send(t, dlq, "m")
	}
	out, err := f.client.StartMessageMoveTask(ctx, &awssqs.StartMessageMoveTaskInput{SourceArn: aws.String(queueARN("dlq")),
		DestinationArn: aws.String(queueARN("dst")), MaxNumberOfMessagesPerSecond: aws.Int32(2)})
	require.NoError(t, err)
	moved := func() int64 { return f.tasks(t, queueARN("dlq"), 1)[0].ApproximateNumberOfMessagesMoved }
	assert.Equal(t, int64(2), moved())
	f.clk.Advance(time.Second - time.Nanosecond)
	assert.Equal(t, int64(2), moved())
	f.clk.Advance(time.Nanosecond)
	assert.Equal(t, int64(4), moved())
	running := f.tasks(t, queueARN("dlq"), 1)[0]
	assert.Equal(t, "RUNNING", aws.ToString(running.Status))
	assert.Equal(t, out.TaskHandle, running.TaskHandle)
	assert.Equal(t, int32(2), aws.ToInt32(running.MaxNumberOfMessagesPerSecond))
	assert.Equal(t, queueARN("dst"), aws.ToString(running.DestinationArn))

	_, err = f.client.StartMessageMoveTask(ctx, &awssqs.StartMessageMoveTaskInput{SourceArn: aws.String(queueARN("dlq"))})
	requireCode(t, err, "InvalidParameterValue") // one running task per source

	c, err := f.client.CancelMessageMoveTask(ctx, &awssqs.CancelMessageMoveTaskInput{TaskHandle: out.TaskHandle})
	require.NoError(t, err)
	assert.Equal(t, int64(4), c.ApproximateNumberOfMessagesMoved)
	f.clk.Advance(10 * time.Second)
	assert.Equal(t, int64(4), moved())
	assert.Equal(t, "CANCELLED", aws.ToString(f.tasks(t, queueARN("dlq"), 1)[0].Status))
	assert.Equal(t, "4", f.attributes(t, dst)["ApproximateNumberOfMessages"])
	assert.Equal(t, "3", f.attributes(t, dlq)["ApproximateNumberOfMessages"])
	_, err = f.client.CancelMessageMoveTask(ctx, &awssqs.CancelMessageMoveTaskInput{TaskHandle: out.TaskHandle})
	requireCode(t, err, "InvalidParameterValue") // no longer running

	// A new task completes the move; the list shows the most recent first.
	_, err = f.client.StartMessageMoveTask(ctx, &awssqs.StartMessageMoveTaskInput{SourceArn: aws.String(queueARN("dlq")),
		DestinationArn: aws.String(queueARN("dst"))})
	require.NoError(t, err)
	list := f.tasks(t, queueARN("dlq"), 10)
	require.Len(t, list, 2)
	assert.Equal(t, "COMPLETED", aws.ToString(list[0].Status))
	assert.Equal(t, "CANCELLED", aws.ToString(list[1].Status))
}

func TestMessageMoveTask_Errors(t *testing.T) {
	f := newFixture(t)
	f.createQueue(t, "plain", nil)
	f.deadLetter(t, "a")
	var notFound *types.ResourceNotFoundException
	_, err := f.client.StartMessageMoveTask(ctx, &awssqs.StartMessageMoveTaskInput{SourceArn: aws.String(queueARN("missing"))})
	require.ErrorAs(t, err, &notFound)
	_, err = f.client.StartMessageMoveTask(ctx, &awssqs.StartMessageMoveTaskInput{SourceArn: aws.String(queueARN("plain"))})
	requireCode(t, err, "InvalidParameterValue") // not a dead-letter queue
	_, err = f.client.StartMessageMoveTask(ctx, &awssqs.StartMessageMoveTaskInput{SourceArn: aws.String(queueARN("dlq")),
		DestinationArn: aws.String(queueARN("missing"))})
	require.ErrorAs(t, err, &notFound)
	for _, rate := range []int32{0, 501} {
		_, err = f.client.StartMessageMoveTask(ctx, &awssqs.StartMessageMoveTaskInput{SourceArn: aws.String(queueARN("dlq")),
			MaxNumberOfMessagesPerSecond: aws.Int32(rate)})
		requireCode(t, err, "InvalidParameterValue")
	}
	_, err = f.client.CancelMessageMoveTask(ctx, &awssqs.CancelMessageMoveTaskInput{TaskHandle: aws.String("not-a-handle")})
	requireCode(t, err, "InvalidParameterValue")
	_, err = f.client.ListMessageMoveTasks(ctx, &awssqs.ListMessageMoveTasksInput{SourceArn: aws.String(queueARN("missing"))})
	require.ErrorAs(t, err, &notFound)
	_, err = f.client.ListMessageMoveTasks(ctx, &awssqs.ListMessageMoveTasksInput{SourceArn: aws.String("not-an-arn")})
	requireCode(t, err, "InvalidParameterValue")
	for _, max := range []int32{0, 11} {
		_, err = f.client.ListMessageMoveTasks(ctx, &awssqs.ListMessageMoveTasksInput{SourceArn: aws.String(queueARN("dlq")), MaxResults: aws.Int32(max)})
		requireCode(t, err, "InvalidParameterValue")
	}
	assert.Empty(t, f.tasks(t, queueARN("dlq"), 10))
}

// A paced task's later batches run on the cloud's scheduler when the clock
// reaches them: a long poll parked on the destination returns what they
// bring, with no other call made.
func TestMessageMoveTask_LaterBatchesWakeALongPollOnTheDestination(t *testing.T) {
	f := newFixture(t)
	dlq := f.createQueue(t, "dlq", nil)
	f.createQueue(t, "src", redrive(queueARN("dlq"), 1))
	dst := f.createQueue(t, "dst", nil)
	for range 3 {
		f.send(t, dlq, "m")
	}
	_, err := f.client.StartMessageMoveTask(ctx, &awssqs.StartMessageMoveTaskInput{SourceArn: aws.String(queueARN("dlq")),
		DestinationArn: aws.String(queueARN("dst")), MaxNumberOfMessagesPerSecond: aws.Int32(2)})
	require.NoError(t, err)
	require.Len(t, f.receiveAll(t, dst), 2, "the first batch moved at once")
	ch := f.receiveAsync(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &dst, WaitTimeSeconds: 20, MaxNumberOfMessages: 10})
	f.parked(t, 1)
	f.clk.Advance(time.Second)
	r := <-ch
	require.NoError(t, r.err)
	require.Len(t, r.out.Messages, 1, "the second batch")
	assert.Equal(t, "COMPLETED", aws.ToString(f.tasks(t, queueARN("dlq"), 1)[0].Status))
}
