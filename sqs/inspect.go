package sqs

import (
	"sort"
	"testing"
	"time"
)

// MessageState is where a message stands at the instant of a snapshot.
type MessageState string

// The states of a message.
const (
	StateVisible  MessageState = "Visible"  // receivable now
	StateInFlight MessageState = "InFlight" // received, invisible until VisibleAt
	StateDelayed  MessageState = "Delayed"  // sent with a delay that ends at VisibleAt
)

// MessageSnapshot is a copy of a stored message, for assertions.
type MessageSnapshot struct {
	MessageId         string
	Body              string
	MessageAttributes map[string]MessageAttributeValue
	State             MessageState
	// VisibleAt is when an InFlight or Delayed message becomes visible; zero
	// for a Visible one.
	VisibleAt time.Time
	// SentAt is the SentTimestamp.
	SentAt time.Time
	// ReceiveCount is the ApproximateReceiveCount.
	ReceiveCount int
	// FirstReceivedAt is zero for a message never received.
	FirstReceivedAt        time.Time
	MessageGroupId         string
	MessageDeduplicationId string
	SequenceNumber         string
	// DeadLetterSourceArn is the queue a dead-lettered message came from.
	DeadLetterSourceArn string
}

// Messages returns a snapshot of every message of the queue, in the order
// they arrived, with their state at the current instant of the clock
// (messages past their retention period are gone).
func (s *Service) Messages(queueURL string) ([]MessageSnapshot, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueByURL(s.env.Scope(), queueURL)
	if err != nil {
		return nil, err
	}
	ms := make([]*message, 0, q.size())
	q.each(func(m *message) { ms = append(ms, m) })
	sort.Slice(ms, func(i, j int) bool { return ms[i].seq < ms[j].seq })
	out := make([]MessageSnapshot, len(ms))
	for i, m := range ms {
		sn := MessageSnapshot{
			MessageId: m.id, Body: m.body, MessageAttributes: cloneAttrs(m.attrs),
			State: StateVisible, SentAt: unixNano(m.sentAt), ReceiveCount: int(m.receives),
			MessageGroupId: m.groupID(), MessageDeduplicationId: m.dedupID(), DeadLetterSourceArn: m.dlqSource(),
		}
		switch m.state {
		case stInFlight:
			sn.State, sn.VisibleAt = StateInFlight, unixNano(m.availableAt)
		case stDelayed:
			sn.State, sn.VisibleAt = StateDelayed, unixNano(m.availableAt)
		}
		if m.firstReceivedAt != 0 {
			sn.FirstReceivedAt = unixNano(m.firstReceivedAt)
		}
		if m.seqNumber != 0 {
			sn.SequenceNumber = seqNumberString(m.seqNumber)
		}
		out[i] = sn
	}
	return out, nil
}

// CheckDepth fails tb unless the queue at queueURL holds, at the current
// instant of the cloud's clock, visible messages receivable now, inFlight
// messages received and not visible again yet, and delayed messages: the
// exact values of GetQueueAttributes' ApproximateNumberOfMessages,
// ApproximateNumberOfMessagesNotVisible and
// ApproximateNumberOfMessagesDelayed. A queue that does not exist fails tb
// at once.
func (s *Service) CheckDepth(tb testing.TB, queueURL string, visible, inFlight, delayed int) {
	tb.Helper()
	s.mu.Lock()
	q, err := s.queueByURL(s.env.Scope(), queueURL)
	var v, f, d int
	if err == nil {
		v, f, d = q.counts()
	}
	s.mu.Unlock()
	if err != nil {
		tb.Fatalf("sqs.CheckDepth(%s): %v", queueURL, err)
		return
	}
	if v != visible || f != inFlight || d != delayed {
		tb.Errorf("sqs.CheckDepth(%s): %d visible, %d in flight, %d delayed; want %d, %d, %d",
			queueURL, v, f, d, visible, inFlight, delayed)
	}
}

// CheckMessage fails tb unless the queue at queueURL holds a message with
// the given body, in any state, and returns the snapshot of the oldest such
// message for further checks (its attributes, its state, its receive
// count). It is how a test checks that a delivery arrived (an SNS
// subscription, an S3 notification) without receiving it, which would
// change the message's state. A queue that does not exist, or no such
// message, fails tb at once.
func (s *Service) CheckMessage(tb testing.TB, queueURL, body string) MessageSnapshot {
	tb.Helper()
	msgs, err := s.Messages(queueURL)
	if err != nil {
		tb.Fatalf("sqs.CheckMessage(%s): %v", queueURL, err)
		return MessageSnapshot{}
	}
	for _, m := range msgs {
		if m.Body == body {
			return m
		}
	}
	bodies := make([]string, len(msgs))
	for i, m := range msgs {
		bodies[i] = m.Body
	}
	tb.Fatalf("sqs.CheckMessage(%s): no message with body %q; the queue holds %q", queueURL, body, bodies)
	return MessageSnapshot{}
}
