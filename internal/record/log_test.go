package record_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/record"
)

func TestLog_ZeroValueIsEmpty(t *testing.T) {
	var l record.Log[int]
	assert.Empty(t, l.All())
}

func TestLog_KeepsTheLastKeepEntriesOldestFirst(t *testing.T) {
	var l record.Log[int]
	for i := range record.Keep {
		l.Add(i)
	}
	all := l.All()
	require.Len(t, all, record.Keep)
	assert.Equal(t, 0, all[0])

	for i := record.Keep; i < 2*record.Keep+3; i++ { // past the end, around the ring twice
		l.Add(i)
	}
	all = l.All()
	require.Len(t, all, record.Keep)
	for i, v := range all {
		require.Equal(t, record.Keep+3+i, v, "entry %d", i)
	}
}

func TestLog_AllIsACopy(t *testing.T) {
	var l record.Log[int]
	l.Add(1)
	l.All()[0] = 42
	assert.Equal(t, []int{1}, l.All())
}

func size(n int) int64 { return int64(n) }

func TestBudget_JustUnderAtAndJustOverTheLimit(t *testing.T) {
	b := record.NewBudget(100)
	var l record.Log[int]
	l.Bind(b, size)
	l.Add(40)
	l.Add(59) // 99: just under
	assert.Equal(t, []int{40, 59}, l.All())
	assert.Equal(t, int64(99), b.Used())

	var m record.Log[int]
	m.Bind(b, size)
	m.Add(1) // 100: at the limit, nothing forgotten
	assert.Equal(t, []int{40, 59}, l.All())
	assert.Equal(t, []int{1}, m.All())
	assert.Equal(t, int64(100), b.Used())

	l.Add(1) // 101: just over; l forgets its own oldest, never m's
	assert.Equal(t, []int{59, 1}, l.All())
	assert.Equal(t, []int{1}, m.All())
	assert.Equal(t, int64(61), b.Used())
	assert.Equal(t, int64(60), l.Bytes())
}

func TestBudget_TheEntryJustAddedIsKept(t *testing.T) {
	b := record.NewBudget(10)
	var l record.Log[int]
	l.Bind(b, size)
	l.Add(5)
	l.Add(50) // bigger than the whole budget on its own
	assert.Equal(t, []int{50}, l.All())
	assert.Equal(t, int64(50), b.Used())
	l.Add(3)
	assert.Equal(t, []int{3}, l.All())
	assert.Equal(t, int64(3), b.Used())
}

func TestBudget_CountCapStillHolds(t *testing.T) {
	b := record.NewBudget(1 << 40)
	var l record.Log[int]
	l.Bind(b, func(int) int64 { return 1 })
	for i := range record.Keep + 5 {
		l.Add(i)
	}
	assert.Equal(t, record.Keep, l.Len())
	assert.Equal(t, 5, l.All()[0])
	assert.Equal(t, int64(record.Keep), b.Used())
}

func TestBudget_DropReturnsTheBytes(t *testing.T) {
	b := record.NewBudget(100)
	var l record.Log[int]
	l.Bind(b, size)
	l.Add(30)
	l.Add(30)
	l.Drop()
	assert.Zero(t, b.Used())
	assert.Empty(t, l.All())
	l.Add(500) // after Drop: kept, charged to no budget
	assert.Equal(t, []int{500}, l.All())
	assert.Zero(t, b.Used())
}

func TestBudget_DefaultLimit(t *testing.T) {
	assert.Equal(t, record.DefaultBytes, record.NewBudget(0).Limit())
	assert.Equal(t, int64(64<<20), record.DefaultBytes)
}

// Logs on one budget, each under its own owner's lock, added to from many
// goroutines: what the budget counts is what the logs hold, and once they
// are done it is over its limit by at most one entry per log (a log evicts
// only its own entries and always keeps the one just added, so a log whose
// last Add left it holding just that entry cannot make room for another
// log's later one).
func TestBudget_ConcurrentAdds(t *testing.T) {
	const limit = 10000
	b := record.NewBudget(limit)
	type owned struct {
		mu  sync.Mutex
		log record.Log[int]
	}
	logs := make([]*owned, 8)
	for i := range logs {
		logs[i] = &owned{}
		logs[i].log.Bind(b, size)
	}
	var wg sync.WaitGroup
	for g := range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o := logs[g%len(logs)]
			for i := range 2000 {
				o.mu.Lock()
				o.log.Add(1 + (g+i)%100)
				o.mu.Unlock()
			}
		}()
	}
	wg.Wait()
	var held int64
	for _, o := range logs {
		held += o.log.Bytes()
		assert.Positive(t, o.log.Len())
	}
	assert.Equal(t, held, b.Used())
	assert.LessOrEqual(t, b.Used(), int64(limit)+int64(len(logs))*size(100))
}
