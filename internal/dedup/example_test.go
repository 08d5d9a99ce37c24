package dedup_test

import (
	"fmt"
	"time"

	"github.com/awsfake/awsfake/internal/dedup"
)

// A FIFO send is a duplicate when its deduplication id was seen within the
// last 5 minutes.
func ExampleWindow() {
	start := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	var seen dedup.Window[string] // deduplication id -> first message id
	id := dedup.ContentID("order 42")
	seen.Put(id, start, "message-1")

	first, dup := seen.Get(id, start.Add(4*time.Minute))
	fmt.Println(dup, first)
	_, dup = seen.Get(id, start.Add(5*time.Minute))
	fmt.Println(dup)
	// Output:
	// true message-1
	// false
}
