package sqs

import (
	"sort"
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
	q, err := s.queueByURL(queueURL)
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
			MessageGroupId: m.groupID, MessageDeduplicationId: m.dedupID, DeadLetterSourceArn: m.dlqSource,
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
