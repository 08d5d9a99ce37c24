package lambda_test

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/lambda"
)

const fakeQueueARN = "arn:aws:sqs:us-east-1:000000000000:fake"

// mappedFakeQueue builds a bare service whose function "fn" is mapped to a
// fakeQueue; enabled is the mapping's Enabled at creation.
func mappedFakeQueue(t *testing.T, enabled bool) (*lambda.Service, *fakeQueue, string) {
	t.Helper()
	svc, _, _ := newBare(t)
	ctx := context.Background()
	q := &fakeQueue{}
	svc.SetQueueSource(q)
	require.NoError(t, svc.RegisterHandler("h", func(sqsEvent) error { return nil }))
	_, err := svc.CreateFunction(ctx, lambdaCreate("fn", "h"))
	require.NoError(t, err)
	m, err := svc.CreateEventSourceMapping(ctx, lambda.CreateEventSourceMappingInput{
		EventSourceArn: fakeQueueARN, FunctionName: "fn", Enabled: &enabled})
	require.NoError(t, err)
	return svc, q, m.UUID
}

func setEnabled(t *testing.T, svc *lambda.Service, uuid string, enabled bool) {
	t.Helper()
	_, err := svc.UpdateEventSourceMapping(context.Background(), lambda.UpdateEventSourceMappingInput{UUID: uuid, Enabled: &enabled})
	require.NoError(t, err)
}

// Enabled=false pauses the poller: a mapping created disabled watches
// nothing, and starts watching its queue when it is enabled.
func TestSQSMapping_CreatedDisabledRegistersNoNotification(t *testing.T) {
	svc, q, uuid := mappedFakeQueue(t, false)
	q.mu.Lock()
	assert.Zero(t, q.registered, "a disabled mapping does not register with its queue")
	q.mu.Unlock()
	setEnabled(t, svc, uuid, true)
	assert.Equal(t, 1, q.live())
	setEnabled(t, svc, uuid, false)
	assert.Zero(t, q.live())
}

// A registration that completes after the mapping was disabled and enabled
// again is cancelled: only the newest one stays, and Delete cancels it.
func TestSQSMapping_ReEnablingDuringASlowRegistrationLeavesOne(t *testing.T) {
	svc, q, uuid := mappedFakeQueue(t, false)
	entered, release := q.slowNextNotify()
	done := make(chan struct{})
	go func() {
		defer close(done)
		setEnabled(t, svc, uuid, true) // blocks in the slow Notify
	}()
	<-entered
	setEnabled(t, svc, uuid, false)
	setEnabled(t, svc, uuid, true)
	release()
	<-done
	assert.Equal(t, 1, q.live(), "one registration for one enabled mapping")

	_, err := svc.DeleteEventSourceMapping(context.Background(), uuid)
	require.NoError(t, err)
	assert.Zero(t, q.live(), "Delete cancels the registration")
	svc.Close()
	assert.Zero(t, q.live())
	q.mu.Lock()
	assert.Equal(t, 2, q.registered, "none at the disabled creation")
	q.mu.Unlock()
}

// The same with the slow registration finishing while the mapping is
// disabled: it is cancelled at once.
func TestSQSMapping_RegistrationFinishingAfterDisableIsCancelled(t *testing.T) {
	svc, q, uuid := mappedFakeQueue(t, false)
	entered, release := q.slowNextNotify()
	done := make(chan struct{})
	go func() {
		defer close(done)
		setEnabled(t, svc, uuid, true)
	}()
	<-entered
	setEnabled(t, svc, uuid, false)
	release()
	<-done
	assert.Zero(t, q.live())
	g, err := svc.GetEventSourceMapping(context.Background(), uuid)
	require.NoError(t, err)
	assert.Equal(t, "Disabled", g.State)
}

// UpdateEventSourceMapping may be called from many goroutines at once: the
// mapping's state and its queue registration stay consistent (run with
// -race).
func TestSQSMapping_TogglingEnabledConcurrentlyIsSafe(t *testing.T) {
	svc, q, uuid := mappedFakeQueue(t, true)
	ctx := context.Background()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 2000 {
				enabled := (g+i)%2 == 0
				batch := int32(1 + i%10)
				_, err := svc.UpdateEventSourceMapping(ctx, lambda.UpdateEventSourceMappingInput{UUID: uuid,
					Enabled: &enabled, BatchSize: &batch})
				if !assert.NoError(t, err) {
					return
				}
			}
		})
	}
	wg.Wait()
	g, err := svc.GetEventSourceMapping(ctx, uuid)
	require.NoError(t, err)
	want := 0
	if g.State == "Enabled" {
		want = 1
	}
	assert.Equal(t, want, q.live(), "one registration while enabled, none while disabled")
	setEnabled(t, svc, uuid, true)
	assert.Equal(t, 1, q.live())
	_, err = svc.DeleteEventSourceMapping(ctx, uuid)
	require.NoError(t, err)
	assert.Zero(t, q.live())
}
