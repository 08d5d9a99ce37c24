package dedup

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// Expired entries are pruned from the head as time passes: what is kept is
// bounded by what was put within one interval, whatever ran before.
func TestWindow_PrunesExpiredEntries(t *testing.T) {
	start := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	var w Window[int]
	for i := range 10000 {
		now := start.Add(time.Duration(i) * time.Second)
		w.Put(string(rune(i)), now, i)
	}
	// Entries put in the last 300 seconds are live.
	assert.Len(t, w.byKey, 300)
	assert.LessOrEqual(t, len(w.order)-w.head, 300)
	assert.LessOrEqual(t, len(w.order), 600, "the pruned head is compacted away")
	w.Get("x", start.Add(time.Duration(10000)*time.Second+Interval))
	assert.Empty(t, w.byKey)
}
