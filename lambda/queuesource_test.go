package lambda_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/lambda"
)

// fakeQueue is a QueueSource of one queue, without SQS. It keeps every
// notification registration until it is cancelled, so that a test can count
// the live ones.
type fakeQueue struct {
	mu         sync.Mutex
	msgs       []lambda.QueueMessage
	deleted    []string
	notify     map[int]func() // live registrations by number
	registered int            // Notify calls
	cancelled  int
	receiveErr error
	// gate, when set, makes the next Notify a slow one: it closes entered,
	// then waits for gate to be closed before it returns.
	gate, entered chan struct{}
}

func (q *fakeQueue) QueueAttributes(context.Context, string) (lambda.QueueAttributes, error) {
	return lambda.QueueAttributes{}, nil
}

func (q *fakeQueue) ReceiveMessages(_ context.Context, _ string, max int) ([]lambda.QueueMessage, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.receiveErr != nil {
		return nil, q.receiveErr
	}
	n := min(max, len(q.msgs))
	out := q.msgs[:n]
	q.msgs = q.msgs[n:]
	return out, nil
}

func (q *fakeQueue) DeleteMessages(_ context.Context, _ string, handles []string) error {
	q.mu.Lock()
	q.deleted = append(q.deleted, handles...)
	q.mu.Unlock()
	return nil
}

func (q *fakeQueue) Notify(_ string, fn func()) (func(), error) {
	q.mu.Lock()
	if q.notify == nil {
		q.notify = map[int]func(){}
	}
	q.registered++
	n := q.registered
	q.notify[n] = fn
	gate, entered := q.gate, q.entered
	q.gate, q.entered = nil, nil
	q.mu.Unlock()
	if gate != nil {
		close(entered)
		<-gate
	}
	return func() {
		q.mu.Lock()
		if _, ok := q.notify[n]; ok {
			delete(q.notify, n)
			q.cancelled++
		}
		q.mu.Unlock()
	}, nil
}

// live returns how many registrations are not cancelled.
func (q *fakeQueue) live() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.notify)
}

// slowNextNotify makes the next Notify wait for the returned release
// function; entered is closed once that Notify has begun.
func (q *fakeQueue) slowNextNotify() (entered <-chan struct{}, release func()) {
	gate, in := make(chan struct{}), make(chan struct{})
	q.mu.Lock()
	q.gate, q.entered = gate, in
	q.mu.Unlock()
	return in, func() { close(gate) }
}

// send adds messages and notifies, as SQS does on a send.
func (q *fakeQueue) send(ids ...string) {
	q.mu.Lock()
	for _, id := range ids {
		q.msgs = append(q.msgs, lambda.QueueMessage{MessageID: id, ReceiptHandle: "rh-" + id, Body: id})
	}
	fns := make([]func(), 0, len(q.notify))
	for _, fn := range q.notify {
		fns = append(fns, fn)
	}
	q.mu.Unlock()
	for _, fn := range fns {
		fn()
	}
}

func TestSQSMapping_PollerOnAQueueSource(t *testing.T) {
	svc, b, _ := newBare(t)
	ctx := context.Background()
	q := &fakeQueue{}
	svc.SetQueueSource(q)
	var mu sync.Mutex
	var got []int
	require.NoError(t, svc.RegisterHandler("h", func(ev sqsEvent) error {
		mu.Lock()
		got = append(got, len(ev.Records))
		mu.Unlock()
		return nil
	}))
	_, err := svc.CreateFunction(ctx, lambdaCreate("fn", "h"))
	require.NoError(t, err)
	q.send("a", "b", "c") // before the mapping: picked up when it starts
	m, err := svc.CreateEventSourceMapping(ctx, lambda.CreateEventSourceMappingInput{
		EventSourceArn: "arn:aws:sqs:us-east-1:000000000000:fake", FunctionName: "fn", BatchSize: int32p(2)})
	require.NoError(t, err)
	require.NoError(t, b.Settle(ctx))
	q.send("d")
	require.NoError(t, b.Settle(ctx))
	mu.Lock()
	assert.ElementsMatch(t, []int{2, 1, 1}, got)
	mu.Unlock()
	q.mu.Lock()
	assert.ElementsMatch(t, []string{"rh-a", "rh-b", "rh-c", "rh-d"}, q.deleted)
	q.receiveErr = errors.New("queue is on fire")
	q.mu.Unlock()

	q.send("e")
	require.NoError(t, b.Settle(ctx))
	g, err := svc.GetEventSourceMapping(ctx, m.UUID)
	require.NoError(t, err)
	assert.Equal(t, "PROBLEM: queue is on fire", g.LastProcessingResult)

	svc.Close()
	q.mu.Lock()
	assert.Equal(t, 1, q.cancelled, "Close cancels the queue notification")
	q.mu.Unlock()
}

func TestSQSMapping_ManyMessagesCostOnlyTheirBatches(t *testing.T) {
	svc, b, _ := newBare(t)
	ctx := context.Background()
	q := &fakeQueue{}
	svc.SetQueueSource(q)
	require.NoError(t, svc.RegisterHandler("h", func(sqsEvent) error { return nil }))
	_, err := svc.CreateFunction(ctx, lambdaCreate("fn", "h"))
	require.NoError(t, err)
	for i := range 1000 {
		q.msgs = append(q.msgs, lambda.QueueMessage{MessageID: fmt.Sprint(i), ReceiptHandle: fmt.Sprint(i)})
	}
	_, err = svc.CreateEventSourceMapping(ctx, lambda.CreateEventSourceMappingInput{
		EventSourceArn: "arn:aws:sqs:us-east-1:000000000000:fake", FunctionName: "fn"})
	require.NoError(t, err)
	require.NoError(t, b.Settle(ctx))
	assert.Len(t, q.deleted, 1000)
	assert.Len(t, svc.Invocations("fn"), 100, "batches of the default BatchSize of 10")
}

func int32p(n int32) *int32 { return &n }
