package faults_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/record"
)

var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

func newInjector() (*faults.Injector[struct{}], *clock.Fake) {
	clk := clock.NewFake(t0)
	return faults.New[struct{}](faults.NewOperations("svc", "Put", "Get"), clk, testScope), clk
}

func code(err error) string {
	var e *awserr.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

func TestInject_FailsTheNextCallsInTheOrderInjected(t *testing.T) {
	in, _ := newInjector()
	in.Inject("Put", awserr.New("A", 400, "a"), 1)
	in.Inject("Put", awserr.New("B", 503, "b"), 2)
	var got []string
	for range 4 {
		got = append(got, code(enter(in, "Put", struct{}{})))
	}
	assert.Equal(t, []string{"A", "B", "B", ""}, got)
	assert.NoError(t, enter(in, "Get", struct{}{}), "faults are per operation")
}

func TestInject_TimesZeroOrLessFailsEveryCallUntilClear(t *testing.T) {
	for _, times := range []int{0, -1} {
		in, _ := newInjector()
		in.Inject("Get", awserr.New("Forever", 500, "x"), times)
		in.Inject("Get", awserr.New("Never", 400, "held back"), 1)
		for range 3 {
			assert.Equal(t, "Forever", code(enter(in, "Get", struct{}{})))
		}
		in.Clear()
		assert.NoError(t, enter(in, "Get", struct{}{}), "Clear removes queued faults too")
	}
}

func TestEnter_ReturnsACopyOfTheInjectedError(t *testing.T) {
	in, _ := newInjector()
	injected := awserr.New("A", 400, "a")
	in.Inject("Put", injected, 2)
	first := enter(in, "Put", struct{}{})
	first.(*awserr.Error).Message = "changed by a caller"
	assert.Equal(t, "a", enter(in, "Put", struct{}{}).(*awserr.Error).Message)
	assert.Equal(t, "a", injected.Message)
}

func TestCalls_RecordEveryCallWithItsTimeAndFault(t *testing.T) {
	in, clk := newInjector()
	in.Inject("Get", awserr.New("A", 400, "a"), 1)
	require.NoError(t, enter(in, "Put", struct{}{}))
	clk.Advance(time.Second)
	fault := enter(in, "Get", struct{}{})
	require.Error(t, fault)
	assert.Equal(t, []faults.Call{
		{Operation: "Put", At: t0},
		{Operation: "Get", At: t0.Add(time.Second), Err: fault},
	}, in.Calls())
	in.Clear()
	assert.Len(t, in.Calls(), 2, "Clear keeps the log")
}

func TestEntries_CarryTheServiceDetail(t *testing.T) {
	in := faults.New[string](faults.NewOperations("s3", "GetObject"), clock.NewFake(t0), testScope)
	require.NoError(t, enter(in, "GetObject", "bucket/key"))
	assert.Equal(t, []faults.Entry[string]{{Call: faults.Call{Operation: "GetObject", At: t0}, Detail: "bucket/key"}}, in.Entries())
}

func TestCalls_KeepTheLastTenThousand(t *testing.T) {
	in, clk := newInjector()
	for range 2*record.Keep + 5 {
		require.NoError(t, enter(in, "Put", struct{}{}))
	}
	clk.Advance(time.Second)
	require.NoError(t, enter(in, "Get", struct{}{}))
	calls := in.Calls()
	require.Len(t, calls, record.Keep)
	assert.Equal(t, faults.Call{Operation: "Get", At: t0.Add(time.Second)}, calls[len(calls)-1])
}

func TestUnknownOperation_Panics(t *testing.T) {
	in, _ := newInjector()
	assert.PanicsWithValue(t, `svc.InjectFault: unknown operation "Fly"`, func() { in.Inject("Fly", awserr.New("A", 400, "a"), 1) })
	assert.PanicsWithValue(t, `svc.Enter: unknown operation "Fly"`, func() { _ = enter(in, "Fly", struct{}{}) })
}

func TestInjector_IsSafeForConcurrentUse(t *testing.T) {
	in, clk := newInjector()
	in.Inject("Put", awserr.New("A", 400, "a"), 100)
	var wg sync.WaitGroup
	var mu sync.Mutex
	failed := 0
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if enter(in, "Put", struct{}{}) != nil {
					mu.Lock()
					failed++
					mu.Unlock()
				}
				_ = in.Calls()
			}
		})
	}
	wg.Go(func() {
		for range 50 {
			clk.Advance(time.Millisecond)
		}
	})
	wg.Wait()
	assert.Equal(t, 100, failed, "each injected failure is consumed once")
	assert.Len(t, in.Calls(), 400)
}

var testScope = faults.Scope{Account: "000000000000", Region: "us-east-1", Partition: "aws"}

// enter calls Enter with a background ctx and returns its error.
func enter[D any](in *faults.Injector[D], op string, detail D) error {
	_, err := in.Enter(context.Background(), op, detail)
	return err
}

func TestEnter_ResolvesTheScopeFromCtx(t *testing.T) {
	in, _ := newInjector()
	sc, err := in.Enter(context.Background(), "Put", struct{}{})
	require.NoError(t, err)
	assert.Equal(t, testScope, sc, "no scope in ctx: the cloud's own")
	other := faults.Scope{Account: "111111111111", Region: "eu-west-1", Partition: "aws"}
	sc, err = in.Enter(faults.WithScope(context.Background(), other), "Put", struct{}{})
	require.NoError(t, err)
	assert.Equal(t, other, sc)
	assert.Equal(t, "arn:aws:sqs:eu-west-1:111111111111:q", sc.ARN("sqs", "q"))
}

func TestInjectLatency_ParksOnTheClockUntilAdvanced(t *testing.T) {
	in, clk := newInjector()
	in.InjectLatency("Put", 5*time.Second)
	done := make(chan error, 1)
	go func() { done <- enter(in, "Put", struct{}{}) }()
	require.NoError(t, clk.BlockUntil(context.Background(), 1), "the call is a waiter on the clock")
	clk.Advance(5*time.Second - time.Nanosecond)
	select {
	case <-done:
		t.Fatal("the call went on before its latency was over")
	default:
	}
	clk.Advance(time.Nanosecond)
	require.NoError(t, <-done)
	calls := in.Calls()
	require.Len(t, calls, 1)
	assert.Equal(t, clk.Now(), calls[0].At, "the call is recorded when it runs")
	assert.NoError(t, enter(in, "Get", struct{}{}), "latency is per operation")
}

func TestInjectLatency_CtxEndsTheWait(t *testing.T) {
	in, clk := newInjector()
	in.InjectLatency("Put", time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- enter(in, "Put", struct{}{}) }()
	go func() { _, err := in.Enter(ctx, "Put", struct{}{}); done <- err }()
	require.NoError(t, clk.BlockUntil(context.Background(), 2))
	cancel()
	assert.ErrorIs(t, <-done, context.Canceled)
	in.Clear()
	clk.Advance(time.Hour)
	assert.NoError(t, <-done, "Clear does not release a parked call early; the clock does")
}

func TestInjectLatency_ZeroRemovesIt(t *testing.T) {
	in, _ := newInjector()
	in.InjectLatency("Put", time.Second)
	in.InjectLatency("Put", 0)
	assert.NoError(t, enter(in, "Put", struct{}{}), "no wait: the call runs at once")
	assert.Panics(t, func() { in.InjectLatency("Fly", time.Second) })
}
