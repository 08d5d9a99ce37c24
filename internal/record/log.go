// Package record keeps bounded records for assertions: the last entries of
// a call log, a notification log, a failure log, so that a long-running server
// does not grow without bound.
package record

// Keep is how many entries a Log remembers: the oldest are forgotten past
// that, so that a long-running server does not grow without bound.
const Keep = 10000

// Log is a record of the last Keep entries, oldest first: the call log of
// a fault injector, and every other record services keep for assertions
// (notifications, deliveries, invocations, failed bus deliveries). Its zero value is an empty log. It is not safe for
// concurrent use: its owner's lock guards it.
type Log[T any] struct {
	entries []T // up to Keep; once full, a ring whose oldest entry is at next
	next    int
}

// Add appends v, forgetting the oldest entry once the log holds Keep.
func (l *Log[T]) Add(v T) {
	if len(l.entries) < Keep {
		l.entries = append(l.entries, v)
		return
	}
	l.entries[l.next] = v
	l.next = (l.next + 1) % Keep
}

// All returns a copy of the entries, oldest first.
func (l *Log[T]) All() []T {
	out := make([]T, 0, len(l.entries))
	out = append(out, l.entries[l.next:]...)
	return append(out, l.entries[:l.next]...)
}
