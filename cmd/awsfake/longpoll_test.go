package main

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// receiveResult is what a long poll returned.
type receiveResult struct {
	out *sqs.ReceiveMessageOutput
	err error
}

// longPoll creates queue name on s and starts a 20 s ReceiveMessage on it.
func longPoll(t *testing.T, s *testServer, name string) (*sqs.Client, string, <-chan receiveResult) {
	t.Helper()
	client := sqs.NewFromConfig(s.awsConfig(), func(o *sqs.Options) { o.RetryMaxAttempts = 1 })
	q, err := client.CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String(name)})
	require.NoError(t, err)
	done := make(chan receiveResult, 1)
	go func() {
		out, err := client.ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, WaitTimeSeconds: 20})
		done <- receiveResult{out, err}
	}()
	return client, aws.ToString(q.QueueUrl), done
}

// result waits for a long poll to return; a poll that nothing ends would
// wait for a clock that does not move.
func result(t *testing.T, done <-chan receiveResult) receiveResult {
	t.Helper()
	select {
	case r := <-done:
		return r
	case <-time.After(10 * time.Second):
		t.Fatal("the long poll did not return")
		return receiveResult{}
	}
}

// waitForWaiters waits until n long polls are parked on the server's fake
// clock, as GET /_awsfake/clock reports.
func waitForWaiters(t *testing.T, s *testServer, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, body := s.do(t, http.MethodGet, clockPath, "")
		if got := decode(t, body)["waiters"]; got == float64(n) {
			return
		} else if time.Now().After(deadline) {
			t.Fatalf("waiters = %v, want %d", got, n)
		}
		time.Sleep(time.Millisecond)
	}
}

// A long poll returns as soon as a delayed message becomes visible, when the
// fake clock is advanced to the end of the delay over HTTP.
func TestClock_AdvanceWakesALongPollForADelayedMessage(t *testing.T) {
	s := startServer(t, "-clock", "fake")
	client := sqs.NewFromConfig(s.awsConfig())
	ctx := context.Background()
	q, err := client.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs")})
	require.NoError(t, err)
	assert.Equal(t, s.url+"/000000000000/jobs", aws.ToString(q.QueueUrl), "queue URLs point at the server")
	_, err = client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("hello"), DelaySeconds: 10})
	require.NoError(t, err)

	done := make(chan receiveResult, 1)
	go func() {
		out, err := client.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, WaitTimeSeconds: 20})
		done <- receiveResult{out, err}
	}()
	waitForWaiters(t, s, 1)
	status, _ := s.do(t, http.MethodPost, clockPath, `{"advance":"9.999999999s"}`)
	require.Equal(t, http.StatusOK, status)
	select {
	case r := <-done:
		t.Fatalf("the long poll returned before the delay ended: %+v", r)
	default:
	}
	waitForWaiters(t, s, 1)

	status, _ = s.do(t, http.MethodPost, clockPath, `{"advance":"1ns"}`)
	require.Equal(t, http.StatusOK, status)
	r := result(t, done)
	require.NoError(t, r.err)
	require.Len(t, r.out.Messages, 1)
	assert.Equal(t, "hello", aws.ToString(r.out.Messages[0].Body))
}

func TestReset_EndsLongPollsOnTheOldCloud(t *testing.T) {
	s := startServer(t, "-clock", "fake")
	client, url, done := longPoll(t, s, "jobs")
	waitForWaiters(t, s, 1)

	status, _ := s.do(t, http.MethodPost, resetPath, "")
	require.Equal(t, http.StatusOK, status)
	r := result(t, done)
	require.NoError(t, r.err, "a reset ends a long poll as Close does: an empty 200, not a 500")
	assert.Empty(t, r.out.Messages)
	waitForWaiters(t, s, 0)

	_, err := client.GetQueueAttributes(context.Background(), &sqs.GetQueueAttributesInput{QueueUrl: aws.String(url)})
	var missing *types.QueueDoesNotExist
	assert.ErrorAs(t, err, &missing, "the fresh cloud has no queue")
}

func TestServer_ShutdownEndsLongPolls(t *testing.T) {
	s := startServer(t, "-clock", "fake")
	_, _, done := longPoll(t, s, "jobs")
	waitForWaiters(t, s, 1)

	require.NoError(t, s.stop())
	result(t, done)
	assert.NotContains(t, s.stderr.String(), "shutdown:", "the shutdown waited out its grace period")
}
