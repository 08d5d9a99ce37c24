package record_test

import (
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
