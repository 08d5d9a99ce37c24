package sqs

import (
	"context"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The heaps stay ordered under any mix of pushes, pops, removals and re-keys.
func TestIndexedHeap_StaysOrderedUnderRemoveAndFix(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	h := newStateHeap(byAvailable)
	var live []*message
	for i := range 5000 {
		switch op := rng.IntN(4); {
		case op < 2 || len(live) == 0:
			m := &message{seq: uint64(i), availableAt: rng.Int64N(1000), idx: -1}
			h.push(m)
			live = append(live, m)
		case op == 2:
			j := rng.IntN(len(live))
			h.remove(live[j])
			require.EqualValues(t, -1, live[j].idx)
			live = slices.Delete(live, j, j+1)
		default:
			m := live[rng.IntN(len(live))]
			m.availableAt = rng.Int64N(1000)
			h.fix(m)
		}
	}
	for i, m := range h.items {
		require.EqualValues(t, i, m.idx)
	}
	var last *message
	for h.len() > 0 {
		m := h.pop()
		if last != nil {
			require.False(t, byAvailable(m, last), "out of order")
		}
		last = m
	}
}

// The ring keeps arrival order and every message's position through
// removals from anywhere and the compactions they trigger.
func TestRing_KeepsOrderAndPositionsThroughRemovalsAndCompaction(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	r := ring{pos: stateIdx}
	var live []*message
	next := uint64(0)
	for range 20000 {
		if rng.IntN(3) > 0 || len(live) == 0 {
			next++
			m := &message{seq: next}
			r.push(m)
			live = append(live, m)
			continue
		}
		j := rng.IntN(len(live))
		if rng.IntN(2) == 0 {
			j = 0 // the common case: the oldest goes
		}
		r.remove(live[j])
		live = slices.Delete(live, j, j+1)
	}
	require.Equal(t, len(live), r.len())
	if len(live) > 0 {
		assert.Same(t, live[0], r.peek())
	}
	var got []*message
	r.each(func(m *message) {
		require.Same(t, m, r.items[m.idx], "position recorded")
		got = append(got, m)
	})
	assert.Equal(t, live, got)
	assert.LessOrEqual(t, len(r.items)-r.head, 2*r.len()+64, "tombstones are compacted")
}

func TestReceipt_RoundTripsAndRejectsWhatItDidNotIssue(t *testing.T) {
	r := receipt{uid: 7, seq: 42, receives: 3, tag: 0xdeadbeef}
	got, ok := parseReceipt(r.String())
	require.True(t, ok)
	assert.Equal(t, r, got)
	for _, bad := range []string{"", "AQEB", "AQEB!!!!", "XXXX" + r.String()[4:], r.String() + "=",
		receipt{uid: 1, seq: 1}.String()} {
		_, ok := parseReceipt(bad)
		assert.False(t, ok, bad)
	}
}

// Bodies must be UTF-8 of the allowed characters; invalid UTF-8 cannot
// come through the SDK (its JSON encoder replaces it), so it is checked
// here.
func TestSendMessage_RefusesInvalidUTF8(t *testing.T) {
	s, _ := newTestService(t)
	ctx := context.Background()
	out, err := s.CreateQueue(ctx, CreateQueueInput{QueueName: "q"})
	require.NoError(t, err)
	for _, body := range []string{"\xff", "a\xc3", "\xed\xa0\x80"} { // the last is a UTF-8 encoded surrogate
		_, err := s.SendMessage(ctx, SendMessageInput{QueueUrl: out.QueueUrl, MessageBody: body})
		assert.ErrorContains(t, err, codeInvalidMessageContents, "%q", body)
	}
}

// The engine is safe for concurrent use: producers, consumers and
// inspectors at once, under the race detector, lose nothing.
func TestService_ConcurrentProducersAndConsumersLoseNothing(t *testing.T) {
	s, _ := newTestService(t)
	ctx := context.Background()
	out, err := s.CreateQueue(ctx, CreateQueueInput{QueueName: "q"})
	require.NoError(t, err)
	url := out.QueueUrl
	const producers, each = 4, 250
	var wg sync.WaitGroup
	for range producers {
		wg.Go(func() {
			for range each {
				_, err := s.SendMessage(ctx, SendMessageInput{QueueUrl: url, MessageBody: "m"})
				assert.NoError(t, err)
			}
		})
	}
	var mu sync.Mutex
	got := 0
	zero, ten := int32(0), int32(10)
	for range 4 {
		wg.Go(func() {
			for {
				mu.Lock()
				done := got == producers*each
				mu.Unlock()
				if done {
					return
				}
				r, err := s.ReceiveMessage(ctx, ReceiveMessageInput{QueueUrl: url, MaxNumberOfMessages: &ten, WaitTimeSeconds: &zero})
				assert.NoError(t, err)
				for _, m := range r.Messages {
					assert.NoError(t, s.DeleteMessage(ctx, DeleteMessageInput{QueueUrl: url, ReceiptHandle: m.ReceiptHandle}))
				}
				_, _ = s.Messages(url)
				mu.Lock()
				got += len(r.Messages)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	assert.Equal(t, producers*each, got)
}
