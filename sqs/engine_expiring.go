package sqs

import "time"

// expiring maps keys to values that expire ttl after they were put, pruned
// lazily in the order they were put, so that the cost is per put, not per
// entry at rest.
type expiring[V any] struct {
	ttl   time.Duration
	byKey map[string]*expiringEntry[V]
	order []*expiringEntry[V]
	head  int
}

type expiringEntry[V any] struct {
	key string
	at  int64
	val V
}

// get returns the live value for key at now.
func (x *expiring[V]) get(key string, now int64) (V, bool) {
	x.prune(now)
	e, ok := x.byKey[key]
	if !ok {
		var zero V
		return zero, false
	}
	return e.val, true
}

// put records v for key at now, replacing any live value.
func (x *expiring[V]) put(key string, now int64, v V) {
	if x.byKey == nil {
		x.byKey = map[string]*expiringEntry[V]{}
	}
	e := &expiringEntry[V]{key: key, at: now, val: v}
	x.byKey[key] = e
	x.order = append(x.order, e)
}

// prune drops what was put ttl or longer before now: a duplicate is one
// sent within the 5-minute interval, so at exactly 5 minutes the entry is
// gone.
func (x *expiring[V]) prune(now int64) {
	limit := now - int64(x.ttl)
	for x.head < len(x.order) && x.order[x.head].at <= limit {
		e := x.order[x.head]
		if x.byKey[e.key] == e {
			delete(x.byKey, e.key)
		}
		x.order[x.head] = nil
		x.head++
	}
	if x.head > 0 && x.head*2 >= len(x.order) {
		x.order = append(x.order[:0], x.order[x.head:]...)
		x.head = 0
	}
}
