package sqs

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// newTestService builds a service on a fake clock, outside any cloud.
func newTestService(t testing.TB) (*Service, *clock.Fake) {
	clk := clock.NewFake(t0)
	env := cloudenv.ForTest(clk)
	s := New(env)
	env.Attach(s.Describe())
	t.Cleanup(func() {
		env.Sched.Close()
		s.Close()
	})
	return s, clk
}

// timerAt is when q's notifier job is due, in Unix nanoseconds.
func timerAt(q *queue) int64 { return q.timer.Due().UnixNano() }

// advance moves the clock and waits for the scheduled work it made due.
func advance(t *testing.T, s *Service, clk *clock.Fake, d time.Duration) {
	t.Helper()
	clk.Advance(d)
	require.NoError(t, s.env.Bus.Settle(context.Background()))
}

// The notifier job exists only while a notifier is registered, and is due
// at the queue's earliest end of a delay or visibility timeout.
func TestNotify_OneTimerPerQueueOnlyWhileNotified(t *testing.T) {
	s, clk := newTestService(t)
	ctx := context.Background()
	out, err := s.CreateQueue(ctx, CreateQueueInput{QueueName: "q"})
	require.NoError(t, err)
	url := out.QueueUrl
	q := s.def.queues["q"]
	delay := func(d int32) {
		_, err := s.SendMessage(ctx, SendMessageInput{QueueUrl: url, MessageBody: "m", DelaySeconds: &d})
		require.NoError(t, err)
	}
	delay(30)
	assert.Nil(t, q.timer, "no notifier, no timer")
	cancel, err := s.Notify(url, func() {})
	require.NoError(t, err)
	require.NotNil(t, q.timer)
	assert.Equal(t, t0.Add(30*time.Second).UnixNano(), timerAt(q))
	delay(10)
	assert.Equal(t, t0.Add(10*time.Second).UnixNano(), timerAt(q), "re-armed earlier")
	first := q.timer
	delay(20)
	assert.Same(t, first, q.timer, "a later instant keeps the timer")
	advance(t, s, clk, 10*time.Second)
	assert.Equal(t, t0.Add(20*time.Second).UnixNano(), timerAt(q), "re-armed for the next end")
	cancel()
	assert.Nil(t, q.timer)
}

// Deleting a queue stops its timer; its namesake arms one of its own for
// the notifiers that outlived it.
func TestNotify_DeletedQueueKeepsNoTimer(t *testing.T) {
	s, clk := newTestService(t)
	ctx := context.Background()
	out, err := s.CreateQueue(ctx, CreateQueueInput{QueueName: "q"})
	require.NoError(t, err)
	_, err = s.Notify(out.QueueUrl, func() {})
	require.NoError(t, err)
	d := int32(30)
	_, err = s.SendMessage(ctx, SendMessageInput{QueueUrl: out.QueueUrl, MessageBody: "m", DelaySeconds: &d})
	require.NoError(t, err)
	old := s.def.queues["q"]
	require.NotNil(t, old.timer)
	require.NoError(t, s.DeleteQueue(ctx, DeleteQueueInput{QueueUrl: out.QueueUrl}))
	assert.Nil(t, old.timer)
	clk.Advance(time.Minute)
	_, err = s.CreateQueue(ctx, CreateQueueInput{QueueName: "q"})
	require.NoError(t, err)
	_, err = s.SendMessage(ctx, SendMessageInput{QueueUrl: out.QueueUrl, MessageBody: "m", DelaySeconds: &d})
	require.NoError(t, err)
	assert.NotNil(t, s.def.queues["q"].timer)
	assert.Equal(t, clk.Now().Add(30*time.Second).UnixNano(), timerAt(s.def.queues["q"]))
}
