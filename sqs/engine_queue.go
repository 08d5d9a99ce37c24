package sqs

import (
	"time"

	"github.com/awsfake/awsfake/internal/ids"
	"github.com/awsfake/awsfake/internal/sched"
)

// queue is one SQS queue: its configuration and its messages, indexed so
// that every operation costs O(log n) in the messages it touches and nothing
// in the messages at rest. Time-based state is lazy: advance moves what the
// clock has made due (retention expiry, ends of delays and visibility
// timeouts) before each operation looks at the queue.
type queue struct {
	uid      uint64         // distinguishes this queue from a deleted namesake, in receipt handles
	ids      *ids.Generator // message ids, receipt tags and AWS-like draws of this queue only
	owner    string         // account id
	part     *partition     // its account and region
	name     string
	arn      string
	url      string
	fifo     bool
	created  time.Time
	modified time.Time
	cfg      queueConfig
	tags     map[string]string
	deleted  bool
	metrics  *queueMetrics // its AWS/SQS series (metrics.go), made on first use

	// A standard queue's visible messages: those that became visible in
	// arrival order (sent without delay) in a ring, the others (back from
	// flight or a delay) in a heap; the oldest of the two heads is next.
	fresh    ring
	visible  indexedHeap[*message]
	groups   map[string]*group     // FIFO queues: message groups by id
	ready    indexedHeap[*group]   // FIFO queues: groups with a receivable message and none in flight
	delayed  indexedHeap[*message] // by end of delay
	inflight indexedHeap[*message] // by end of visibility timeout
	// Every message by the start of its retention period: in a ring when it
	// started no earlier than the previous one's (almost always), in a heap
	// otherwise (a standard message dead-lettered with its old enqueue time).
	retention    ring
	late         indexedHeap[*message]
	lastEnqueued int64
	received     map[uint64]*message // messages that have receipt handles, by seq
	nextSeq      uint64
	nextSeqNum   uint64 // last FIFO SequenceNumber handed out
	dedup        dedupIndex
	attempts     attemptIndex
	purgedAt     int64 // last PurgeQueue, 0 if none
	awsLike      *AWSLikeDelivery

	waiters  []waiter   // long polls parked on this queue
	timer    *sched.Job // the notifiers' wake-up on the cloud's scheduler, only while the queue's ARN has notifiers
	timerGen uint64     // of the job scheduled last
}

// group is a FIFO message group.
type group struct {
	id       string
	visible  indexedHeap[*message] // receivable messages of the group, oldest first
	inflight int                   // messages of the group in flight: while > 0 nothing else is received
	count    int                   // every message of the group, in any state
	idx      int32                 // position in the queue's ready heap, -1 if not there
}

// newQueue makes an empty queue whose ids come from g, a stream of its own.
func newQueue(g *ids.Generator, owner, name, arn, url string, fifo bool, cfg queueConfig, now time.Time) *queue {
	q := &queue{
		uid: g.Uint64(), ids: g, owner: owner, name: name, arn: arn, url: url, fifo: fifo, cfg: cfg,
		created: now, modified: now, tags: map[string]string{},
		fresh:     ring{pos: stateIdx},
		visible:   newStateHeap(bySeq),
		delayed:   newStateHeap(byAvailable),
		inflight:  newStateHeap(byAvailable),
		retention: ring{pos: retentionIdx},
		late:      indexedHeap[*message]{less: byEnqueued, pos: retentionIdx},
		received:  map[uint64]*message{},
	}
	if fifo {
		q.groups = map[string]*group{}
		q.ready = indexedHeap[*group]{less: groupsByOldest, pos: groupIdx}
	}
	return q
}

// counts are the queue's Approximate* numbers, exact here.
func (q *queue) counts() (visible, inflight, delayed int) {
	return q.size() - q.inflight.len() - q.delayed.len(), q.inflight.len(), q.delayed.len()
}

// size is the number of messages in the queue, in any state.
func (q *queue) size() int { return q.retention.len() + q.late.len() }

// oldest is the message whose retention period started first, or nil.
func (q *queue) oldest() *message {
	a, b := q.retention.peek(), q.late.peek()
	if a == nil || (b != nil && byEnqueued(b, a)) {
		return b
	}
	return a
}

// advance brings the queue up to now: messages past their retention period
// disappear (in flight or not), and delays and visibility timeouts that have
// ended make their messages visible. A message is visible when now >= the
// instant its delay or visibility timeout ends.
func (q *queue) advance(now int64) {
	limit := now - int64(q.cfg.retention)*int64(time.Second)
	for m := q.oldest(); m != nil && m.enqueuedAt <= limit; m = q.oldest() {
		q.remove(m)
	}
	for m := q.delayed.peek(); m != nil && m.availableAt <= now; m = q.delayed.peek() {
		q.delayed.pop()
		q.makeVisible(m, false)
	}
	for m := q.inflight.peek(); m != nil && m.availableAt <= now; m = q.inflight.peek() {
		q.inflight.pop()
		if m.group != nil {
			m.group.inflight--
		}
		q.makeVisible(m, false)
	}
}

// nextEvent is the earliest instant at which a delay or a visibility timeout
// ends, when a message may become receivable without anyone acting.
func (q *queue) nextEvent() (int64, bool) {
	d, f := q.delayed.peek(), q.inflight.peek()
	switch {
	case d == nil && f == nil:
		return 0, false
	case d == nil:
		return f.availableAt, true
	case f == nil || d.availableAt <= f.availableAt:
		return d.availableAt, true
	}
	return f.availableAt, true
}

// enqueue stores m, already filled in, as a new arrival: visible at once, or
// delayed until now+delay.
func (q *queue) enqueue(m *message, now int64, delay time.Duration) {
	q.nextSeq++
	m.seq = q.nextSeq
	m.idx, m.retIdx = -1, -1
	m.retLate = m.enqueuedAt < q.lastEnqueued
	if m.retLate {
		q.late.push(m)
	} else {
		q.lastEnqueued = m.enqueuedAt
		q.retention.push(m)
	}
	if q.fifo {
		g := q.groups[m.groupID()]
		if g == nil {
			g = &group{id: m.groupID(), visible: newStateHeap(bySeq), idx: -1}
			q.groups[m.groupID()] = g
		}
		g.count++
		m.group = g
	}
	if delay > 0 {
		m.state = stDelayed
		m.availableAt = now + int64(delay)
		q.delayed.push(m)
		return
	}
	q.makeVisible(m, true)
}

// makeVisible makes m receivable. fresh says that m has just arrived, so
// that it is the newest of the visible messages and joins the fresh ring.
func (q *queue) makeVisible(m *message, fresh bool) {
	m.state = stVisible
	if g := m.group; g != nil {
		g.visible.push(m)
		q.refreshGroup(g)
		return
	}
	m.fresh = fresh
	if fresh {
		q.fresh.push(m)
	} else {
		q.visible.push(m)
	}
}

// oldestVisible is the oldest receivable message of a standard queue, or of
// the group holding a FIFO queue's oldest, or nil.
func (q *queue) oldestVisible() *message {
	if q.fifo {
		if g := q.ready.peek(); g != nil {
			return g.visible.peek()
		}
		return nil
	}
	m, o := q.fresh.peek(), q.visible.peek()
	if m == nil || (o != nil && o.seq < m.seq) {
		return o
	}
	return m
}

// removeVisible takes a visible message of a standard queue out of its
// index.
func (q *queue) removeVisible(m *message) {
	if m.fresh {
		q.fresh.remove(m)
	} else {
		q.visible.remove(m)
	}
}

// refreshGroup puts g in the ready heap exactly when it has a visible message
// and none in flight, keyed by its oldest visible message.
func (q *queue) refreshGroup(g *group) {
	ready := g.inflight == 0 && g.visible.len() > 0
	in := g.idx >= 0
	switch {
	case ready && in:
		q.ready.fix(g)
	case ready:
		q.ready.push(g)
	case in:
		q.ready.remove(g)
	}
}

// remove deletes m from the queue, whatever its state.
func (q *queue) remove(m *message) {
	g := m.group
	switch m.state {
	case stDelayed:
		q.delayed.remove(m)
	case stInFlight:
		q.inflight.remove(m)
		if g != nil {
			g.inflight--
		}
	case stVisible:
		if g != nil {
			g.visible.remove(m)
		} else {
			q.removeVisible(m)
		}
	}
	if g != nil {
		q.refreshGroup(g)
	}
	q.unlink(m)
}

// unlink deletes m, already out of its state heap, from the rest of the
// queue: its retention, its receipt handles, its group.
func (q *queue) unlink(m *message) {
	if m.retLate {
		q.late.remove(m)
	} else {
		q.retention.remove(m)
	}
	delete(q.received, m.seq)
	if g := m.group; g != nil {
		if g.count--; g.count == 0 {
			delete(q.groups, g.id)
		}
		m.group = nil
	}
}

// setInFlight hides a visible message until now+vt.
func (q *queue) setInFlight(m *message, until int64) {
	m.state = stInFlight
	m.availableAt = until
	q.inflight.push(m)
	if m.group != nil {
		m.group.inflight++
	}
}

// makeVisibleNow ends an in-flight message's visibility timeout at once
// (ChangeMessageVisibility to 0).
func (q *queue) makeVisibleNow(m *message) {
	q.inflight.remove(m)
	if m.group != nil {
		m.group.inflight--
	}
	q.makeVisible(m, false)
}

// purge removes every message, in any state.
func (q *queue) purge() {
	for m := q.oldest(); m != nil; m = q.oldest() {
		q.remove(m)
	}
}

// each calls f for every message, in no particular order.
func (q *queue) each(f func(*message)) {
	q.retention.each(f)
	for _, m := range q.late.items {
		f(m)
	}
}
