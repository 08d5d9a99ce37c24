package dedup

import "time"

// Window maps keys to values that expire a fixed time to live after they
// were put: a value put at t is live at every instant before t+ttl and gone
// at t+ttl exactly, so that a duplicate is one sent strictly within the
// interval. The zero Window has the 5-minute deduplication Interval.
//
// Entries are kept in the order they were put and pruned from the head as
// they expire, so the cost is per Put, never per entry at rest. A put at an
// instant earlier than the previous one (a clock set back) is still correct:
// Get checks each entry's own age; such an entry only waits for those put
// before it to be pruned.
type Window[V any] struct {
	ttl   time.Duration
	byKey map[string]*entry[V]
	order []*entry[V] // in the order put; order[head:] are not pruned yet
	head  int
}

type entry[V any] struct {
	key string
	at  int64 // Unix nanoseconds of the put
	val V
}

// NewWindow returns an empty window whose entries live for ttl.
func NewWindow[V any](ttl time.Duration) Window[V] { return Window[V]{ttl: ttl} }

// life is how long an entry lives.
func (w *Window[V]) life() time.Duration {
	if w.ttl == 0 {
		return Interval
	}
	return w.ttl
}

// Get returns the value put for key, if it is still live at now.
func (w *Window[V]) Get(key string, now time.Time) (V, bool) {
	n := now.UnixNano()
	w.prune(n)
	e, ok := w.byKey[key]
	if !ok || n-e.at >= int64(w.life()) {
		var zero V
		return zero, false
	}
	return e.val, true
}

// Put records v for key at now, replacing any value key had.
func (w *Window[V]) Put(key string, now time.Time, v V) {
	n := now.UnixNano()
	w.prune(n)
	if w.byKey == nil {
		w.byKey = map[string]*entry[V]{}
	}
	e := &entry[V]{key: key, at: n, val: v}
	w.byKey[key] = e
	w.order = append(w.order, e)
}

// prune drops the entries at the head of the order that have expired at
// now, and compacts the order once half of it is pruned.
func (w *Window[V]) prune(now int64) {
	limit := now - int64(w.life())
	for w.head < len(w.order) && w.order[w.head].at <= limit {
		e := w.order[w.head]
		if w.byKey[e.key] == e {
			delete(w.byKey, e.key)
		}
		w.order[w.head] = nil
		w.head++
	}
	if w.head > 0 && w.head*2 >= len(w.order) {
		n := copy(w.order, w.order[w.head:])
		clear(w.order[n:])
		w.order, w.head = w.order[:n], 0
	}
}
