package faults_test

import (
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
	return faults.New[struct{}](faults.NewOperations("svc", "Put", "Get"), clk), clk
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
		got = append(got, code(in.Enter("Put", struct{}{})))
	}
	assert.Equal(t, []string{"A", "B", "B", ""}, got)
	assert.NoError(t, in.Enter("Get", struct{}{}), "faults are per operation")
}

func TestInject_TimesZeroOrLessFailsEveryCallUntilClear(t *testing.T) {
	for _, times := range []int{0, -1} {
		in, _ := newInjector()
		in.Inject("Get", awserr.New("Forever", 500, "x"), times)
		in.Inject("Get", awserr.New("Never", 400, "held back"), 1)
		for range 3 {
			assert.Equal(t, "Forever", code(in.Enter("Get", struct{}{})))
		}
		in.Clear()
		assert.NoError(t, in.Enter("Get", struct{}{}), "Clear removes queued faults too")
	}
}

func TestEnter_ReturnsACopyOfTheInjectedError(t *testing.T) {
	in, _ := newInjector()
	injected := awserr.New("A", 400, "a")
	in.Inject("Put", injected, 2)
	first := in.Enter("Put", struct{}{})
	first.(*awserr.Error).Message = "changed by a caller"
	assert.Equal(t, "a", in.Enter("Put", struct{}{}).(*awserr.Error).Message)
	assert.Equal(t, "a", injected.Message)
}

func TestCalls_RecordEveryCallWithItsTimeAndFault(t *testing.T) {
	in, clk := newInjector()
	in.Inject("Get", awserr.New("A", 400, "a"), 1)
	require.NoError(t, in.Enter("Put", struct{}{}))
	clk.Advance(time.Second)
	fault := in.Enter("Get", struct{}{})
	require.Error(t, fault)
	assert.Equal(t, []faults.Call{
		{Operation: "Put", At: t0},
		{Operation: "Get", At: t0.Add(time.Second), Err: fault},
	}, in.Calls())
	in.Clear()
	assert.Len(t, in.Calls(), 2, "Clear keeps the log")
}

func TestEntries_CarryTheServiceDetail(t *testing.T) {
	in := faults.New[string](faults.NewOperations("s3", "GetObject"), clock.NewFake(t0))
	require.NoError(t, in.Enter("GetObject", "bucket/key"))
	assert.Equal(t, []faults.Entry[string]{{Call: faults.Call{Operation: "GetObject", At: t0}, Detail: "bucket/key"}}, in.Entries())
}

func TestCalls_KeepTheLastTenThousand(t *testing.T) {
	in, clk := newInjector()
	for range 2*record.Keep + 5 {
		require.NoError(t, in.Enter("Put", struct{}{}))
	}
	clk.Advance(time.Second)
	require.NoError(t, in.Enter("Get", struct{}{}))
	calls := in.Calls()
	require.Len(t, calls, record.Keep)
	assert.Equal(t, faults.Call{Operation: "Get", At: t0.Add(time.Second)}, calls[len(calls)-1])
}

func TestUnknownOperation_Panics(t *testing.T) {
	in, _ := newInjector()
	assert.PanicsWithValue(t, `svc.InjectFault: unknown operation "Fly"`, func() { in.Inject("Fly", awserr.New("A", 400, "a"), 1) })
	assert.PanicsWithValue(t, `svc.Enter: unknown operation "Fly"`, func() { _ = in.Enter("Fly", struct{}{}) })
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
				if in.Enter("Put", struct{}{}) != nil {
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
