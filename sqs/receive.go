package sqs

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// ReceiveMessageInput asks for up to 10 messages of a queue.
type ReceiveMessageInput struct {
	QueueUrl string `json:"QueueUrl"`
	// AttributeNames (deprecated by AWS) and MessageSystemAttributeNames
	// select the system attributes returned: All, SenderId, SentTimestamp,
	// ApproximateReceiveCount, ApproximateFirstReceiveTimestamp,
	// SequenceNumber, MessageDeduplicationId, MessageGroupId, AWSTraceHeader,
	// DeadLetterQueueSourceArn.
	AttributeNames              []string `json:"AttributeNames,omitempty"`
	MessageSystemAttributeNames []string `json:"MessageSystemAttributeNames,omitempty"`
	// MessageAttributeNames selects message attributes: names, All, .*, or
	// prefixes such as bar.*.
	MessageAttributeNames []string `json:"MessageAttributeNames,omitempty"`
	// MaxNumberOfMessages is 1 to 10; nil means 1.
	MaxNumberOfMessages *int32 `json:"MaxNumberOfMessages,omitempty"`
	// VisibilityTimeout (0 to 43200 s) overrides the queue's for the
	// messages returned; nil means the queue's.
	VisibilityTimeout *int32 `json:"VisibilityTimeout,omitempty"`
	// WaitTimeSeconds (0 to 20) is the long poll; nil means the queue's
	// ReceiveMessageWaitTimeSeconds. 0 never blocks.
	WaitTimeSeconds *int32 `json:"WaitTimeSeconds,omitempty"`
	// ReceiveRequestAttemptId (FIFO queues) makes a retry within 5 minutes
	// return the same messages and receipt handles.
	ReceiveRequestAttemptId string `json:"ReceiveRequestAttemptId,omitempty"`
}

// ReceiveMessageOutput holds the messages received; none when the queue had
// nothing receivable until the wait ended.
type ReceiveMessageOutput struct {
	Messages []Message `json:"Messages,omitempty"`
}

// Message is a received message.
type Message struct {
	MessageId     string `json:"MessageId"`
	ReceiptHandle string `json:"ReceiptHandle"`
	MD5OfBody     string `json:"MD5OfBody"`
	Body          string `json:"Body"`
	// Attributes are the system attributes asked for; timestamps are epoch
	// milliseconds.
	Attributes             map[string]string                `json:"Attributes,omitempty"`
	MD5OfMessageAttributes string                           `json:"MD5OfMessageAttributes,omitempty"`
	MessageAttributes      map[string]MessageAttributeValue `json:"MessageAttributes,omitempty"`
}

// In-flight quotas ("Quotas related to queues"): about 120,000 for a standard
// queue, where a short poll past it gets OverLimit and a long poll gets
// nothing; 120,000 for a FIFO queue, which returns no error (the SDK's
// ChangeMessageVisibility docs; older docs said 20,000).
const (
	maxInFlightStandard = 120000
	maxInFlightFIFO     = 120000
)

// receiveParams is a validated ReceiveMessageInput.
type receiveParams struct {
	max        int
	visibility *time.Duration
	wait       *time.Duration
	attemptID  string
	system     sysAttrSet
	attrNames  []string
}

func (in *ReceiveMessageInput) params() (receiveParams, error) {
	p := receiveParams{max: 1, attemptID: in.ReceiveRequestAttemptId, attrNames: in.MessageAttributeNames}
	if n := in.MaxNumberOfMessages; n != nil {
		if *n < 1 || *n > maxBatchEntries {
			return p, invalidParameter(*n, "MaxNumberOfMessages", "Must be between 1 and 10, if provided.")
		}
		p.max = int(*n)
	}
	if v := in.VisibilityTimeout; v != nil {
		if *v < 0 || *v > maxVisibilityTimeout {
			return p, invalidParameter(*v, "VisibilityTimeout", "Must be >= 0 and <= 43200, if provided.")
		}
		d := time.Duration(*v) * time.Second
		p.visibility = &d
	}
	if w := in.WaitTimeSeconds; w != nil {
		if *w < 0 || *w > maxReceiveMessageWaitTime {
			return p, invalidParameter(*w, "WaitTimeSeconds", "Must be >= 0 and <= 20, if provided.")
		}
		d := time.Duration(*w) * time.Second
		p.wait = &d
	}
	if id := p.attemptID; id != "" {
		if err := validFifoID("ReceiveRequestAttemptId", id); err != nil {
			return p, err
		}
	}
	p.system = systemAttrSet(append(append([]string(nil), in.AttributeNames...), in.MessageSystemAttributeNames...))
	return p, nil
}

// ReceiveMessage receives up to MaxNumberOfMessages messages. Each becomes
// invisible for the visibility timeout and gets a new receipt handle. With
// a wait (WaitTimeSeconds, or the queue's ReceiveMessageWaitTimeSeconds) and
// nothing receivable, the call parks until a message is sent, made visible by
// the end of a visibility timeout or a delay, or by ChangeMessageVisibility,
// and returns empty when the wait ends on the clock; cancelling ctx ends the
// wait with ctx's error. A FIFO queue returns the oldest messages of the
// groups with nothing in flight, as many as it can from one group first. A
// message received maxReceiveCount times moves to the dead-letter queue of
// the queue's RedrivePolicy on the next receive instead of being returned.
func (s *Service) ReceiveMessage(ctx context.Context, in ReceiveMessageInput) (ReceiveMessageOutput, error) {
	sc, err := s.enter(ctx, "ReceiveMessage")
	if err != nil {
		return ReceiveMessageOutput{}, err
	}
	p, err := in.params()
	if err != nil {
		return ReceiveMessageOutput{}, err
	}
	s.mu.Lock()
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		s.mu.Unlock()
		return ReceiveMessageOutput{}, err
	}
	wait := time.Duration(q.cfg.wait) * time.Second
	if p.wait != nil {
		wait = *p.wait
	}
	deadline := s.now() + int64(wait)
	var ch chan struct{}
	for {
		var e effects
		now := s.now()
		msgs, err := s.receive(q, p, now, wait > 0, &e)
		if err != nil || len(msgs) > 0 || now >= deadline || s.closed {
			if err == nil {
				s.metricReceived(q, len(msgs), now)
			}
			s.unlock(&e)
			return ReceiveMessageOutput{Messages: msgs}, err
		}
		// Park: the channel and the timer are made here, on the waiting
		// goroutine; a send wakes the channel, the timer covers the end of
		// the wait and the next end of a delay or visibility timeout.
		if ch == nil {
			ch = make(chan struct{}, 1)
		}
		wakeAt := deadline
		if next, ok := q.nextEvent(); ok && next < wakeAt {
			wakeAt = next
		}
		q.addWaiter(ch, wakeAt)
		s.unlock(&e)
		t := s.env.Clock.TimerAt(unixNano(wakeAt))
		select {
		case <-ctx.Done():
		case <-ch:
		case <-t.C():
		}
		t.Stop()
		s.mu.Lock()
		q.removeWaiter(ch)
		if s.closed { // Close ends a long poll empty, whatever ends its ctx next
			s.mu.Unlock()
			return ReceiveMessageOutput{}, nil
		}
		if err := ctx.Err(); err != nil {
			s.mu.Unlock()
			return ReceiveMessageOutput{}, err
		}
		if q.deleted {
			s.mu.Unlock()
			return ReceiveMessageOutput{}, errNoQueue()
		}
		s.lookup(q) // the clock has moved while the call waited
	}
}

// receive takes what q has receivable now and renders it. It runs under the
// lock.
func (s *Service) receive(q *queue, p receiveParams, now int64, longPoll bool, e *effects) ([]Message, error) {
	q.advance(now)
	vt := time.Duration(q.cfg.visibility) * time.Second
	if p.visibility != nil {
		vt = *p.visibility
	}
	var got []*message
	if q.fifo && p.attemptID != "" {
		got = q.retryAttempt(p.attemptID, now, vt)
	}
	if got == nil {
		if !q.fifo && q.inflight.len() >= maxInFlightStandard {
			if longPoll {
				return nil, nil
			}
			return nil, newError(codeOverLimit, "The maximum number of in flight messages (%d) is reached.", maxInFlightStandard)
		}
		got = s.take(q, p.max, vt, now, e)
		if q.fifo && p.attemptID != "" && len(got) > 0 {
			refs := make([]receivedRef, len(got))
			for i, m := range got {
				refs[i] = receivedRef{m: m, receives: m.receives, until: m.availableAt}
			}
			q.attempts.Put(p.attemptID, unixNano(now), refs)
		}
	}
	if len(got) == 0 {
		return nil, nil
	}
	out := make([]Message, len(got))
	for i, m := range got {
		out[i] = q.render(m, p)
	}
	return out, nil
}

// retryAttempt answers a FIFO receive retried with the same
// ReceiveRequestAttemptId within 5 minutes: the same messages and handles,
// their visibility timeout restarted, if none has been deleted or had its
// visibility changed since; nil otherwise.
func (q *queue) retryAttempt(id string, now int64, vt time.Duration) []*message {
	refs, ok := q.attempts.Get(id, unixNano(now))
	if !ok || vt == 0 {
		return nil
	}
	for _, r := range refs {
		if !r.unchanged() {
			return nil
		}
	}
	got := make([]*message, len(refs))
	for i := range refs {
		m := refs[i].m
		m.availableAt = now + int64(vt)
		q.inflight.fix(m)
		refs[i].until = m.availableAt
		got[i] = m
	}
	return got
}

// take receives up to max messages from q: each is delivered (a new receipt
// handle) and hidden for vt, or moved to the dead-letter queue if it has
// been received maxReceiveCount times already.
func (s *Service) take(q *queue, max int, vt time.Duration, now int64, e *effects) []*message {
	var got, shown []*message // shown: delivered with a zero visibility timeout
	// deliver hands out m, already taken out of its state heap.
	deliver := func(m *message) {
		if s.deadLetter(q, m, now, e) {
			return
		}
		m.receives++
		if m.firstReceivedAt == 0 {
			m.firstReceivedAt = now
		}
		m.receivedAt = now
		m.handleTag = q.ids.Uint64()
		q.received[m.seq] = m
		if vt > 0 {
			q.setInFlight(m, now+int64(vt))
		} else {
			shown = append(shown, m)
		}
		got = append(got, m)
	}
	if q.fifo {
		// "SQS first attempts to return as many messages with the same
		// message group ID as possible" (FIFO queue logic), oldest group
		// first; a group is served once per receive.
		var served []*group
		for len(got) < max && q.inflight.len() < maxInFlightFIFO {
			g := q.ready.peek()
			if g == nil {
				break
			}
			q.ready.remove(g)
			served = append(served, g)
			for len(got) < max && g.visible.len() > 0 {
				deliver(g.visible.pop())
			}
		}
		for _, m := range shown {
			q.makeVisible(m, false)
		}
		for _, g := range served {
			if q.groups[g.id] == g {
				q.refreshGroup(g)
			}
		}
	} else {
		for len(got) < max && q.inflight.len() < maxInFlightStandard {
			m := s.popVisible(q)
			if m == nil {
				break
			}
			deliver(m)
		}
		for _, m := range shown {
			q.makeVisible(m, false)
		}
	}
	if len(shown) > 0 {
		e.wake(q)
	}
	if len(got) > 0 {
		e.touch(q)
	}
	return got
}

// popVisible takes the oldest visible message of a standard queue, or, in
// AWS-like delivery, one of the oldest few at random.
func (s *Service) popVisible(q *queue) *message {
	m := q.oldestVisible()
	if a := q.awsLike; a != nil && a.ReorderWindow > 1 && m != nil {
		var pick []*message
		for _, f := range q.fresh.items[q.fresh.head:] {
			if len(pick) == a.ReorderWindow {
				break
			}
			if f != nil {
				pick = append(pick, f)
			}
		}
		pick = append(pick, q.visible.items[:min(q.visible.len(), a.ReorderWindow)]...)
		m = pick[q.ids.IntN(len(pick))]
	}
	if m != nil {
		q.removeVisible(m)
	}
	return m
}

// deadLetter moves m to q's dead-letter queue if m has already been received
// maxReceiveCount times: "When the ReceiveCount for a message exceeds the
// maxReceiveCount for a queue, Amazon SQS moves the message to the
// dead-letter-queue." The message keeps its id, body, attributes and receive
// count, and gains DeadLetterQueueSourceArn. A standard message keeps its
// enqueue time (its retention runs on); a FIFO message's is reset (SQS
// developer guide, "Using dead-letter queues"). With no dead-letter queue
// (deleted since), the message is delivered as usual.
func (s *Service) deadLetter(q *queue, m *message, now int64, e *effects) bool {
	p := q.cfg.redrive
	if p == nil || int(m.receives) < p.maxReceiveCount {
		return false
	}
	dlq := s.findByARN(p.target)
	if dlq == nil || dlq == q {
		return false
	}
	q.unlink(m)
	m.more().dlqSource = q.arn
	if dlq.fifo {
		m.enqueuedAt = now
	}
	dlq.enqueue(m, now, 0)
	e.wake(dlq)
	return true
}

// sysAttrSet is the set of system attributes a receive asked for.
type sysAttrSet uint16

const (
	sysSenderID sysAttrSet = 1 << iota
	sysSentTimestamp
	sysReceiveCount
	sysFirstReceive
	sysSequenceNumber
	sysDedupID
	sysGroupID
	sysTraceHeader
	sysDLQSource
	sysAll sysAttrSet = 1<<iota - 1
)

var sysAttrBits = map[string]sysAttrSet{
	"All": sysAll, "SenderId": sysSenderID, "SentTimestamp": sysSentTimestamp,
	"ApproximateReceiveCount": sysReceiveCount, "ApproximateFirstReceiveTimestamp": sysFirstReceive,
	"SequenceNumber": sysSequenceNumber, "MessageDeduplicationId": sysDedupID, "MessageGroupId": sysGroupID,
	"AWSTraceHeader": sysTraceHeader, "DeadLetterQueueSourceArn": sysDLQSource,
}

// systemAttrSet reads the names asked for; names it does not know are
// ignored, as AWS ignores them.
func systemAttrSet(names []string) sysAttrSet {
	var s sysAttrSet
	for _, n := range names {
		s |= sysAttrBits[n]
	}
	return s
}

// render builds the received form of m, with the attributes asked for.
func (q *queue) render(m *message, p receiveParams) Message {
	out := Message{
		MessageId:     m.id,
		ReceiptHandle: receipt{uid: q.uid, seq: m.seq, receives: m.receives, tag: m.handleTag}.String(),
		MD5OfBody:     md5Hex(m.body),
		Body:          m.body,
	}
	if p.system != 0 {
		a := map[string]string{}
		set := func(bit sysAttrSet, name, v string) {
			if p.system&bit != 0 && v != "" {
				a[name] = v
			}
		}
		sender := m.sender
		if sender == "" {
			sender = q.owner
		}
		set(sysSenderID, "SenderId", sender)
		set(sysSentTimestamp, "SentTimestamp", strconv.FormatInt(m.sentAt/1e6, 10))
		set(sysReceiveCount, "ApproximateReceiveCount", strconv.Itoa(int(m.receives)))
		set(sysFirstReceive, "ApproximateFirstReceiveTimestamp", strconv.FormatInt(m.firstReceivedAt/1e6, 10))
		if m.seqNumber != 0 {
			set(sysSequenceNumber, "SequenceNumber", seqNumberString(m.seqNumber))
		}
		set(sysDedupID, "MessageDeduplicationId", m.dedupID())
		set(sysGroupID, "MessageGroupId", m.groupID())
		set(sysTraceHeader, "AWSTraceHeader", m.traceHeader())
		set(sysDLQSource, "DeadLetterQueueSourceArn", m.dlqSource())
		if len(a) > 0 {
			out.Attributes = a
		}
	}
	if len(m.attrs) > 0 && len(p.attrNames) > 0 {
		sel := map[string]MessageAttributeValue{}
		for name, v := range m.attrs {
			if attrSelected(name, p.attrNames) {
				v.BinaryValue = append([]byte(nil), v.BinaryValue...)
				sel[name] = v
			}
		}
		if len(sel) > 0 {
			out.MessageAttributes = sel
			out.MD5OfMessageAttributes = attributesMD5(sel)
		}
	}
	return out
}

// attrSelected reports whether a message attribute is among those asked
// for: by name, All, .*, or a prefix such as bar.* (ReceiveMessage docs).
func attrSelected(name string, asked []string) bool {
	for _, a := range asked {
		if a == "All" || a == ".*" || a == name {
			return true
		}
		if prefix, ok := strings.CutSuffix(a, ".*"); ok && strings.HasPrefix(name, prefix+".") {
			return true
		}
	}
	return false
}
