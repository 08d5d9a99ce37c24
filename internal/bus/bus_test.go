package bus_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/record"
)

var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

const (
	queueA = "arn:aws:sqs:us-east-1:000000000000:a"
	queueB = "arn:aws:sqs:us-east-1:000000000000:b"
	fn     = "arn:aws:lambda:us-east-1:000000000000:function:f"
	topic  = "arn:aws:sns:us-east-1:000000000000:t"
)

// log records deliveries per target, in order.
type log struct {
	mu  sync.Mutex
	got map[string][]string
}

func (l *log) endpoint(ctx context.Context, target string, m bus.Message) ([]byte, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.got == nil {
		l.got = map[string][]string{}
	}
	l.got[target] = append(l.got[target], string(m.Body))
	return []byte("ok:" + string(m.Body)), nil
}

func (l *log) of(target string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.got[target]...)
}

func TestInvoke_RoutesByTheARNsService(t *testing.T) {
	b := bus.New(clock.NewFake(t0))
	defer b.Close()
	var sqsLog, lambdaLog log
	b.Register("sqs", sqsLog.endpoint)
	b.Register("lambda", lambdaLog.endpoint)

	out, err := b.Invoke(context.Background(), fn, bus.Message{Body: []byte("event")})
	require.NoError(t, err)
	assert.Equal(t, "ok:event", string(out))
	assert.Equal(t, []string{"event"}, lambdaLog.of(fn), "the endpoint sees the full target ARN")
	assert.Empty(t, sqsLog.of(fn))
}

func TestInvoke_UnknownServiceOrBadARNFails(t *testing.T) {
	b := bus.New(clock.NewFake(t0))
	defer b.Close()
	_, err := b.Invoke(context.Background(), topic, bus.Message{})
	assert.ErrorIs(t, err, bus.ErrNoEndpoint)
	for _, bad := range []string{"", "not-an-arn", "arn:aws:sqs", "arn::sqs:r:a:q", "urn:aws:sqs:r:a:q"} {
		_, err := b.Invoke(context.Background(), bad, bus.Message{})
		assert.Error(t, err, "%q", bad)
	}
}

func TestInvoke_ReturnsTheEndpointsError(t *testing.T) {
	b := bus.New(clock.NewFake(t0))
	defer b.Close()
	fe := &bus.FunctionError{Type: "Unhandled", Payload: []byte(`{"errorMessage":"boom"}`)}
	b.Register("lambda", func(context.Context, string, bus.Message) ([]byte, error) { return nil, fe })
	_, err := b.Invoke(context.Background(), fn, bus.Message{})
	var got *bus.FunctionError
	require.ErrorAs(t, err, &got)
	assert.Equal(t, "Unhandled", got.Type)
	assert.Contains(t, err.Error(), "boom")
}

func TestPost_DeliversToOneTargetInOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := bus.New(clock.Real())
		var l log
		b.Register("sqs", l.endpoint)
		var want []string
		for i := range 100 {
			body := fmt.Sprint(i)
			want = append(want, body)
			b.Post(queueA, bus.Message{Body: []byte(body)})
		}
		require.NoError(t, b.Settle(context.Background()))
		assert.Equal(t, want, l.of(queueA))
		assert.Empty(t, b.Failures())
		b.Close()
	})
}

func TestPost_DifferentTargetsRunConcurrently(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := bus.New(clock.Real())
		bDelivered := make(chan struct{})
		b.Register("sqs", func(ctx context.Context, target string, _ bus.Message) ([]byte, error) {
			if target == queueA {
				// Blocks until B's delivery runs: serial delivery would deadlock
				// the bubble and fail the test.
				<-bDelivered
				return nil, nil
			}
			close(bDelivered)
			return nil, nil
		})
		b.Post(queueA, bus.Message{})
		b.Post(queueB, bus.Message{})
		require.NoError(t, b.Settle(context.Background()))
		assert.Empty(t, b.Failures())
		b.Close()
	})
}

func TestSettle_WaitsForChainsOfDeliveries(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := bus.New(clock.Real())
		var l log
		// topic -> two queues -> function: each hop posts the next one after
		// a virtual delay, so Settle must wait for all three generations.
		b.Register("sns", func(ctx context.Context, target string, m bus.Message) ([]byte, error) {
			time.Sleep(time.Second)
			b.Post(queueA, m)
			b.Post(queueB, m)
			return l.endpoint(ctx, target, m)
		})
		b.Register("sqs", func(ctx context.Context, target string, m bus.Message) ([]byte, error) {
			time.Sleep(time.Second)
			b.Post(fn, bus.Message{Body: []byte(target)})
			return l.endpoint(ctx, target, m)
		})
		b.Register("lambda", l.endpoint)
		b.Post(topic, bus.Message{Body: []byte("hello")})
		require.NoError(t, b.Settle(context.Background()))
		assert.Equal(t, []string{"hello"}, l.of(queueA))
		assert.Equal(t, []string{"hello"}, l.of(queueB))
		assert.ElementsMatch(t, []string{queueA, queueB}, l.of(fn))
		b.Close()
	})
}

func TestSettle_WaitsForBeginWork(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := bus.New(clock.Real())
		done := b.Begin()
		settled := make(chan error, 1)
		go func() { settled <- b.Settle(context.Background()) }()
		synctest.Wait()
		select {
		case <-settled:
			t.Fatal("Settle returned while work was in progress")
		default:
		}
		done()
		done() // idempotent
		require.NoError(t, <-settled)
		require.NoError(t, b.Settle(context.Background()), "nothing pending")
		b.Close()
	})
}

func TestSettle_HonoursContext(t *testing.T) {
	b := bus.New(clock.NewFake(t0))
	defer b.Close()
	done := b.Begin()
	defer done()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for range 3 {
		assert.ErrorIs(t, b.Settle(ctx), context.Canceled)
	}
	// An abandoned Settle leaves nothing behind: a later one still returns
	// when the work is done.
	settled := make(chan error, 1)
	go func() { settled <- b.Settle(context.Background()) }()
	done()
	assert.NoError(t, <-settled)
}

func TestPost_FailedAndPanickingDeliveriesAreRecorded(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clk := clock.NewFake(t0)
		b := bus.New(clk)
		boom := errors.New("queue is gone")
		b.Register("sqs", func(context.Context, string, bus.Message) ([]byte, error) { return nil, boom })
		b.Register("lambda", func(context.Context, string, bus.Message) ([]byte, error) { panic("handler bug") })

		clk.Advance(time.Minute)
		m := bus.Message{Source: topic, Principal: "sns.amazonaws.com", Body: []byte("x")}
		b.Post(queueA, m)
		b.Post(fn, m)
		b.Post(topic, m) // nobody owns sns
		require.NoError(t, b.Settle(context.Background()))

		fs := b.Failures()
		require.Len(t, fs, 3)
		m.Async = true // as Post delivered it
		byTarget := map[string]bus.Failure{}
		for _, f := range fs {
			byTarget[f.Target] = f
			assert.Equal(t, m, f.Message)
			assert.Equal(t, t0.Add(time.Minute), f.At, "stamped by the bus's clock")
		}
		assert.ErrorIs(t, byTarget[queueA].Err, boom)
		assert.Contains(t, byTarget[fn].Err.Error(), "handler bug")
		assert.ErrorIs(t, byTarget[topic].Err, bus.ErrNoEndpoint)

		fs[0].Target = "mutated"
		assert.NotEqual(t, "mutated", b.Failures()[0].Target, "Failures returns a copy")
		b.Close()
	})
}

func TestReport_RecordsAFailureMadeOutsideTheBus(t *testing.T) {
	clk := clock.NewFake(t0)
	b := bus.New(clk)
	defer b.Close()
	clk.Advance(time.Second)
	m := bus.Message{Source: queueA, Body: []byte(`{"Records":[]}`)}
	missing := errors.New("no handler")
	b.Report(fn, m, missing)
	assert.Equal(t, []bus.Failure{{Target: fn, Message: m, Err: missing, At: t0.Add(time.Second)}}, b.Failures())
}

func TestClose_CancelsContextWaitsAndFailsWhatIsLeft(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := bus.New(clock.Real())
		started := make(chan struct{})
		var delivered int
		b.Register("sqs", func(ctx context.Context, _ string, _ bus.Message) ([]byte, error) {
			delivered++
			close(started)
			<-ctx.Done() // a long delivery that honours the bus's context
			return nil, ctx.Err()
		})
		b.Post(queueA, bus.Message{Body: []byte("1")})
		b.Post(queueA, bus.Message{Body: []byte("2")})
		<-started
		require.NoError(t, b.Context().Err())

		b.Close()
		assert.ErrorIs(t, b.Context().Err(), context.Canceled)
		assert.Equal(t, 1, delivered, "queued deliveries are not made after Close")
		require.NoError(t, b.Settle(context.Background()), "nothing is pending after Close")

		b.Post(queueA, bus.Message{Body: []byte("3")})
		fs := b.Failures()
		require.Len(t, fs, 3)
		assert.ErrorIs(t, fs[0].Err, context.Canceled)
		assert.ErrorIs(t, fs[1].Err, bus.ErrClosed)
		assert.Equal(t, "2", string(fs[1].Message.Body))
		assert.ErrorIs(t, fs[2].Err, bus.ErrClosed)
		assert.Equal(t, "3", string(fs[2].Message.Body))
		b.Close() // idempotent
		// synctest.Test fails if any worker goroutine outlives Close.
	})
}

// The failure record is bounded, so that a long-running server does not keep
// every refused body: it holds the last record.Keep failures, oldest first.
func TestFailures_KeepsTheLastTenThousand(t *testing.T) {
	b := bus.New(clock.NewFake(t0))
	b.Close() // every later Post is recorded as failed at once
	for i := range record.Keep + 1 {
		b.Post(queueA, bus.Message{Body: []byte(strconv.Itoa(i))})
	}
	fs := b.Failures()
	require.Len(t, fs, record.Keep)
	assert.Equal(t, "1", string(fs[0].Message.Body), "the oldest failure is forgotten")
	assert.Equal(t, strconv.Itoa(record.Keep), string(fs[len(fs)-1].Message.Body))
}

func TestBus_ConcurrentPostsAndSettle(t *testing.T) {
	b := bus.New(clock.NewFake(t0))
	var l log
	b.Register("sqs", l.endpoint)
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			target := fmt.Sprintf("arn:aws:sqs:us-east-1:000000000000:q%d", w%3)
			for i := range 50 {
				b.Post(target, bus.Message{Body: []byte(fmt.Sprint(w, i))})
			}
			done := b.Begin()
			done()
		}()
	}
	wg.Wait()
	require.NoError(t, b.Settle(context.Background()))
	total := 0
	for q := range 3 {
		total += len(l.of(fmt.Sprintf("arn:aws:sqs:us-east-1:000000000000:q%d", q)))
	}
	assert.Equal(t, 400, total)
	b.Close()
}

func TestPost_MarksDeliveriesAsyncAndInvokeKeepsTheCallersChoice(t *testing.T) {
	b := bus.New(clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)))
	defer b.Close()
	async := make(chan bool, 3)
	b.Register("lambda", func(_ context.Context, _ string, m bus.Message) ([]byte, error) {
		async <- m.Async
		return nil, nil
	})
	const target = "arn:aws:lambda:us-east-1:000000000000:function:f"
	b.Post(target, bus.Message{})
	require.NoError(t, b.Settle(context.Background()))
	assert.True(t, <-async, "a posted delivery is asynchronous")
	_, err := b.Invoke(context.Background(), target, bus.Message{})
	require.NoError(t, err)
	assert.False(t, <-async, "an Invoke is synchronous by default")
	_, err = b.Invoke(context.Background(), target, bus.Message{Async: true})
	require.NoError(t, err)
	assert.True(t, <-async, "a relayed posted message stays asynchronous")
}

// A posted message's Done hears its outcome before Settle returns: nil
// for a delivery, the error for a refusal or a target nobody owns.
func TestPost_DoneHearsTheOutcomeBeforeSettle(t *testing.T) {
	b := bus.New(clock.NewFake(t0))
	defer b.Close()
	refused := errors.New("refused")
	var l log
	b.Register("sqs", l.endpoint)
	b.Register("lambda", func(context.Context, string, bus.Message) ([]byte, error) { return nil, refused })
	var mu sync.Mutex
	got := map[string]error{}
	done := func(target string) func(error) {
		return func(err error) { mu.Lock(); got[target] = err; mu.Unlock() }
	}
	for _, target := range []string{queueA, fn, topic} {
		b.Post(target, bus.Message{Body: []byte("x"), Done: done(target)})
	}
	require.NoError(t, b.Settle(context.Background()))
	mu.Lock()
	defer mu.Unlock()
	assert.NoError(t, got[queueA])
	assert.ErrorIs(t, got[fn], refused)
	assert.ErrorIs(t, got[topic], bus.ErrNoEndpoint)
	assert.Len(t, got, 3)
}
