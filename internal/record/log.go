// Package record keeps bounded records for assertions: the last entries of
// a call log, a notification log, a failure log, so that a long-running
// server does not grow without bound.
//
// Every Log keeps its newest entries within two bounds: a count (Keep) and,
// when bound to one (Bind), the byte budget of its cloud, which all the
// cloud's logs that hold bodies share. Past either bound a log forgets its
// own oldest entries, never the entry just added: the newest record, which
// is what a test asserts on, is always there.
package record

import "sync/atomic"

// Keep is how many entries a Log remembers: the oldest are forgotten past
// that, so that a long-running server does not grow without bound.
const Keep = 10000

// DefaultBytes is the byte budget of a cloud's records unless the cloud is
// given another (awsfake.WithRecordBytes): 64 MiB.
const DefaultBytes int64 = 64 << 20

// Overhead is the bytes a size function adds to what an entry's bodies
// hold, for its fixed fields, strings and bookkeeping.
const Overhead = 256

// Budget is the byte budget shared by the record logs of one cloud: the
// bytes their entries hold (as their size functions count them) stay at or
// under Limit, each log forgetting its own oldest entries past it. It is
// safe for concurrent use.
type Budget struct {
	limit int64
	used  atomic.Int64
}

// NewBudget returns a budget of limit bytes; a limit of zero or less is
// DefaultBytes.
func NewBudget(limit int64) *Budget {
	if limit <= 0 {
		limit = DefaultBytes
	}
	return &Budget{limit: limit}
}

// Limit is the budget's limit in bytes.
func (b *Budget) Limit() int64 { return b.limit }

// Used is the bytes the entries of the budget's logs hold now.
func (b *Budget) Used() int64 { return b.used.Load() }

// over reports whether the logs hold more than the limit.
func (b *Budget) over() bool { return b.used.Load() > b.limit }

type item[T any] struct {
	v T
	n int64 // the bytes charged to the budget for v
}

// Log is a record of the newest entries, oldest first: the call log of a
// fault injector, and every other record services keep for assertions
// (notifications, deliveries, invocations, failed bus deliveries). It keeps
// at most Keep entries and, once bound to a Budget, forgets its oldest while
// the budget is exceeded. Its zero value is an empty log bound to no budget
// (a count cap alone). It is not safe for concurrent use: its owner's lock
// guards it; the budget it shares with other logs is.
type Log[T any] struct {
	ring   []item[T] // a ring whose oldest entry is at head; grows up to Keep
	head   int
	n      int
	budget *Budget
	size   func(T) int64
}

// Bind charges the log's entries to b, each as size counts it (the bytes
// of the bodies it keeps plus Overhead). Bind an empty log, before its
// first Add.
func (l *Log[T]) Bind(b *Budget, size func(T) int64) {
	l.budget, l.size = b, size
}

// Add appends v, forgetting the oldest entries while the log holds more
// than Keep or its budget is exceeded; v itself is always kept. A log
// evicts only its own entries: logs added to concurrently may leave the
// budget over by at most the newest entry of each.
func (l *Log[T]) Add(v T) {
	it := item[T]{v: v}
	if l.budget != nil {
		it.n = l.size(v)
		l.budget.used.Add(it.n)
	}
	if l.n == Keep {
		l.evict()
	}
	if l.n == len(l.ring) {
		l.grow()
	}
	l.ring[(l.head+l.n)%len(l.ring)] = it
	l.n++
	for l.budget != nil && l.n > 1 && l.budget.over() {
		l.evict()
	}
}

// grow doubles the ring, up to Keep, laying it out oldest first.
func (l *Log[T]) grow() {
	size := max(16, 2*len(l.ring))
	if size > Keep {
		size = Keep
	}
	ring := make([]item[T], size)
	l.copyTo(ring)
	l.ring, l.head = ring, 0
}

// evict forgets the oldest entry, returning its bytes to the budget.
func (l *Log[T]) evict() {
	it := &l.ring[l.head]
	if l.budget != nil {
		l.budget.used.Add(-it.n)
	}
	*it = item[T]{}
	l.head = (l.head + 1) % len(l.ring)
	l.n--
}

func (l *Log[T]) copyTo(dst []item[T]) {
	for i := range l.n {
		dst[i] = l.ring[(l.head+i)%len(l.ring)]
	}
}

// Len is how many entries the log holds.
func (l *Log[T]) Len() int { return l.n }

// Bytes is what the log's entries are charged to its budget.
func (l *Log[T]) Bytes() int64 {
	var total int64
	for i := range l.n {
		total += l.ring[(l.head+i)%len(l.ring)].n
	}
	return total
}

// Drop forgets every entry and returns their bytes to the budget, for the
// owner of a log that goes away (a deleted subscription or function). A
// dropped log stays usable, charged to no budget: what is added to it
// after (a delivery still in flight) costs the cloud's budget nothing and
// goes with the log.
func (l *Log[T]) Drop() {
	for l.n > 0 {
		l.evict()
	}
	l.ring, l.head, l.budget, l.size = nil, 0, nil, nil
}

// All returns a copy of the entries, oldest first.
func (l *Log[T]) All() []T {
	out := make([]T, l.n)
	for i := range l.n {
		out[i] = l.ring[(l.head+i)%len(l.ring)].v
	}
	return out
}
