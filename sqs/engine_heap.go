package sqs

// indexedHeap is a binary min-heap that records each element's position in
// the element itself (through pos), so that an element can be removed or
// re-keyed in O(log n). The queues keep their messages in these: visible ones
// by arrival, delayed and in-flight ones by the instant they become visible,
// all of them by the start of their retention period, and a FIFO queue's
// receivable groups by their oldest message.
type indexedHeap[T comparable] struct {
	items []T
	less  func(a, b T) bool
	pos   func(T) *int32
}

func (h *indexedHeap[T]) len() int { return len(h.items) }

// peek returns the least element, or the zero T when the heap is empty.
func (h *indexedHeap[T]) peek() (t T) {
	if len(h.items) > 0 {
		t = h.items[0]
	}
	return t
}

func (h *indexedHeap[T]) push(t T) {
	h.items = append(h.items, t)
	n := len(h.items) - 1
	*h.pos(t) = int32(n)
	h.up(n)
}

// pop removes and returns the least element; the heap must not be empty.
func (h *indexedHeap[T]) pop() T { return h.removeAt(0) }

// remove takes t out of the heap; t must be in it.
func (h *indexedHeap[T]) remove(t T) { h.removeAt(int(*h.pos(t))) }

// fix restores the order after t's key changed.
func (h *indexedHeap[T]) fix(t T) {
	i := int(*h.pos(t))
	if !h.down(i) {
		h.up(i)
	}
}

func (h *indexedHeap[T]) removeAt(i int) T {
	n := len(h.items) - 1
	t := h.items[i]
	if i != n {
		h.swap(i, n)
	}
	var zero T
	h.items[n] = zero
	h.items = h.items[:n]
	if i < n && !h.down(i) {
		h.up(i)
	}
	*h.pos(t) = -1
	return t
}

func (h *indexedHeap[T]) swap(i, j int) {
	h.items[i], h.items[j] = h.items[j], h.items[i]
	*h.pos(h.items[i]) = int32(i)
	*h.pos(h.items[j]) = int32(j)
}

func (h *indexedHeap[T]) up(j int) {
	for j > 0 {
		i := (j - 1) / 2
		if !h.less(h.items[j], h.items[i]) {
			return
		}
		h.swap(i, j)
		j = i
	}
}

func (h *indexedHeap[T]) down(i0 int) bool {
	i, n := i0, len(h.items)
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		j := l
		if r := l + 1; r < n && h.less(h.items[r], h.items[l]) {
			j = r
		}
		if !h.less(h.items[j], h.items[i]) {
			break
		}
		h.swap(i, j)
		i = j
	}
	return i > i0
}

// Orders and positions of the message heaps. A message sits in at most one
// state heap at a time (its idx) and in its queue's retention heap (retIdx).

func bySeq(a, b *message) bool { return a.seq < b.seq }

func byAvailable(a, b *message) bool {
	if a.availableAt != b.availableAt {
		return a.availableAt < b.availableAt
	}
	return a.seq < b.seq
}

func byEnqueued(a, b *message) bool {
	if a.enqueuedAt != b.enqueuedAt {
		return a.enqueuedAt < b.enqueuedAt
	}
	return a.seq < b.seq
}

func stateIdx(m *message) *int32     { return &m.idx }
func retentionIdx(m *message) *int32 { return &m.retIdx }

func newStateHeap(less func(a, b *message) bool) indexedHeap[*message] {
	return indexedHeap[*message]{less: less, pos: stateIdx}
}

// groupsByOldest orders receivable FIFO groups by their oldest visible
// message, so that the group holding the queue's oldest available message is
// served first.
func groupsByOldest(a, b *group) bool { return a.visible.items[0].seq < b.visible.items[0].seq }

func groupIdx(g *group) *int32 { return &g.idx }

// ring holds messages in the order they were pushed, for the common case
// where a queue's order is its arrival order (fresh visible messages, the
// retention order): push, peek and pop are O(1) whatever the depth, and
// removing from anywhere leaves a tombstone that compaction clears once
// tombstones outnumber the live entries, so removal is O(1) amortized.
type ring struct {
	items []*message // nil is a tombstone
	head  int        // first entry that may be live
	live  int
	pos   func(*message) *int32 // where a message records its index in items
}

func (r *ring) len() int { return r.live }

func (r *ring) push(m *message) {
	*r.pos(m) = int32(len(r.items))
	r.items = append(r.items, m)
	r.live++
}

// peek returns the oldest live message, or nil.
func (r *ring) peek() *message {
	if r.head < len(r.items) {
		return r.items[r.head]
	}
	return nil
}

// remove takes m, which must be in the ring, out of it.
func (r *ring) remove(m *message) {
	i := int(*r.pos(m))
	r.items[i] = nil
	*r.pos(m) = -1
	r.live--
	for r.head < len(r.items) && r.items[r.head] == nil {
		r.head++
	}
	dead := len(r.items) - r.head - r.live
	if (dead > r.live || r.head > len(r.items)/2) && dead+r.head > 32 {
		r.compact()
	}
}

// compact drops the tombstones and the consumed prefix, in place.
func (r *ring) compact() {
	j := 0
	for _, m := range r.items[r.head:] {
		if m != nil {
			r.items[j] = m
			*r.pos(m) = int32(j)
			j++
		}
	}
	clear(r.items[j:])
	r.items = r.items[:j]
	r.head = 0
}

// each calls f for every live message, oldest first.
func (r *ring) each(f func(*message)) {
	for _, m := range r.items[r.head:] {
		if m != nil {
			f(m)
		}
	}
}
