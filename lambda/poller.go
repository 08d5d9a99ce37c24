package lambda

import (
	"context"
	"fmt"
	"time"

	"github.com/awsfake/awsfake/internal/bus"
)

// The SQS poller of a mapping has no goroutine at rest. The queue's Notify
// callback (a send, a delay or visibility timeout ending), the end of a
// batch, the end of a batching window and the mapping's creation or
// enabling wake it: wake queues a poll step on the cloud's scheduler
// (env.Sched.Run; a batching window's end is an env.Sched.At job), counted
// as work in progress for Settle, unless one is queued or running already
// (it then looks again before it returns). The step receives and
// dispatches batches, each processed on its own goroutine counted by the
// bus (a scheduler job must not block), until the queue has nothing
// visible, the mapping's concurrency is exhausted or a batching window is
// open, then returns.

// maxMappingConcurrency is how many batches an SQS mapping processes at once
// without a ScalingConfig: AWS scales SQS pollers up to 1,250 concurrent
// invocations.
const maxMappingConcurrency = 1250

// subscription is a registration of a mapping for its queue's
// notifications, decided under s.mu and made without it.
type subscription struct {
	queues QueueSource
	queue  string // the queue's ARN
	gen    uint64 // the mapping's subscriptions when it was decided
}

// subscriptionLocked decides whether m registers for its queue's
// notifications now: when it is enabled, live and has a queue source. It
// counts the registration in m.subscriptions, so that a registration
// decided earlier and still in progress knows it is stale. s.mu must be
// held; hand the result to subscribe once s.mu is released.
func (s *Service) subscriptionLocked(m *mapping) *subscription {
	if !m.enabled || m.deleted || s.closed || s.queues == nil {
		return nil
	}
	m.subscriptions++
	return &subscription{queues: s.queues, queue: m.cfg.EventSourceArn, gen: m.subscriptions}
}

// subscribe makes the registration sub (nil: none) and wakes the mapping
// once, for the messages already there. The registration is cancelled at
// once if the mapping was disabled, deleted or closed meanwhile, or if a
// newer one was decided (the mapping was disabled and enabled again while
// Notify ran): an enabled mapping holds exactly one registration.
func (s *Service) subscribe(m *mapping, sub *subscription) {
	if sub == nil {
		return
	}
	cancel, err := sub.queues.Notify(sub.queue, func() { s.wake(m) })
	s.mu.Lock()
	current := sub.gen == m.subscriptions && m.enabled && !m.deleted && !s.closed
	if err != nil {
		if current {
			m.cfg.LastProcessingResult = "PROBLEM: " + err.Error()
		}
		s.mu.Unlock()
		return
	}
	if !current {
		s.mu.Unlock()
		cancel()
		return
	}
	// m.unsubscribe is nil: the registration before this one, if any, was
	// cancelled when the mapping was disabled.
	m.unsubscribe = cancel
	s.wakeLocked(m)
	s.mu.Unlock()
}

func (s *Service) wake(m *mapping) {
	s.mu.Lock()
	s.wakeLocked(m)
	s.mu.Unlock()
}

func (s *Service) wakeLocked(m *mapping) {
	if !m.enabled || m.deleted || s.queues == nil {
		return
	}
	if m.running {
		m.again = true
		return
	}
	if s.closed {
		return
	}
	m.running = true
	m.again = false
	s.env.Sched.Run(func(time.Time) { s.poll(m) })
}

// poll receives and dispatches batches until there is nothing to do now.
func (s *Service) poll(m *mapping) {
	for {
		s.mu.Lock()
		m.again = false
		q := s.queues
		room := maxMappingConcurrency
		if sc := m.cfg.ScalingConfig; sc != nil && sc.MaximumConcurrency != nil {
			room = int(*sc.MaximumConcurrency)
		}
		room -= m.inflight
		need := int(m.cfg.BatchSize) - len(m.held)
		queue := m.cfg.EventSourceArn
		if !m.enabled || m.deleted || s.closed || room <= 0 {
			m.running = false
			s.mu.Unlock()
			return
		}
		ctx := s.pollingCtx(m)
		s.mu.Unlock()

		got, err := s.receive(ctx, q, queue, need)

		s.mu.Lock()
		if err != nil {
			m.cfg.LastProcessingResult = "PROBLEM: " + err.Error()
			s.retryLocked(m)
		}
		m.hold(got)
		if s.dispatchLocked(m) || m.again {
			s.mu.Unlock()
			continue
		}
		m.running = false
		s.mu.Unlock()
		return
	}
}

// hold adds received messages to those held for the batching window. A
// held message whose visibility timeout ended before the window did comes
// back; it replaces its older copy, whose receipt handle is stale.
func (m *mapping) hold(msgs []QueueMessage) {
	if m.heldAt == nil {
		m.heldAt = map[string]int{}
	}
	for _, msg := range msgs {
		if i, ok := m.heldAt[msg.MessageID]; ok {
			m.held[i] = msg
			continue
		}
		m.heldAt[msg.MessageID] = len(m.held)
		m.held = append(m.held, msg)
	}
}

// pollRetry is when a mapping whose receive failed (its execution role
// refused, its queue gone) polls again: at the end of the 20-second long
// poll Lambda's pollers make ("Lambda polls the queue ... using long
// polling"), as nothing documents a back-off; no message need arrive.
const pollRetry = 20 * time.Second

// retryLocked wakes m again after pollRetry, once however many receives
// failed meanwhile. s.mu must be held.
func (s *Service) retryLocked(m *mapping) {
	if m.retrying {
		return
	}
	m.retrying = true
	s.afterLocked(s.now().Add(pollRetry), func(time.Time) {
		s.mu.Lock()
		m.retrying = false
		s.wakeLocked(m)
		s.mu.Unlock()
	})
}

// receive receives up to n messages, ten at a time, stopping at the first
// short answer.
func (s *Service) receive(ctx context.Context, q QueueSource, queue string, n int) ([]QueueMessage, error) {
	var out []QueueMessage
	for n > 0 {
		msgs, err := q.ReceiveMessages(ctx, queue, min(n, 10))
		out = append(out, msgs...)
		if err != nil || len(msgs) < min(n, 10) {
			return out, err
		}
		n -= len(msgs)
	}
	return out, nil
}

// dispatchLocked hands the held messages to a function invocation when the
// batch is full or its batching window is over, and arms the window when it
// opens. It reports whether it dispatched a batch.
func (s *Service) dispatchLocked(m *mapping) bool {
	if len(m.held) == 0 {
		return false
	}
	now := s.now()
	window := time.Duration(deref(m.cfg.MaximumBatchingWindowInSeconds)) * time.Second
	full := len(m.held) >= int(m.cfg.BatchSize)
	if !full && window > 0 {
		if m.windowEnd.IsZero() {
			m.windowEnd = now.Add(window)
			s.afterLocked(m.windowEnd, func(time.Time) { s.wake(m) })
		}
		if now.Before(m.windowEnd) {
			return false
		}
	}
	batch := m.held
	m.held, m.heldAt = nil, nil
	m.windowEnd = time.Time{}
	m.inflight++
	// The request id is drawn here, where the mapping's batches are
	// dispatched one at a time, so that it goes with the same batch on
	// every run under a seed.
	req := invokeRequest{ref: m.fn, kind: typeRequestResponse, requestID: m.ids.UUID(), attempt: 1}
	queue := m.cfg.EventSourceArn
	report := len(m.cfg.FunctionResponseTypes) > 0
	if !s.goLocked(func() { s.process(m, req, queue, batch, report) }) {
		m.inflight--
		return false
	}
	return true
}

// process invokes the function with one batch (req, without its payload
// yet), synchronously as AWS's pollers do, then deletes what succeeded: the
// whole batch, or with ReportBatchItemFailures the messages not reported as
// failed. What failed stays in the queue and comes back after its
// visibility timeout.
func (s *Service) process(m *mapping, req invokeRequest, queue string, batch []QueueMessage, reportFailures bool) {
	req.payload, req.links = sqsEventOf(batch, queue, m.fn.at.region), linksOf(batch)
	o, err := s.invoke(s.ctx, req)
	var done []string
	result := "OK"
	switch {
	case err != nil:
		result = "PROBLEM: " + err.Error()
	case o.handlerMissing:
		result = "PROBLEM: Function call failed"
		s.env.Bus.Report(m.fn.arn(), bus.Message{Source: queue, Principal: "lambda.amazonaws.com", Body: req.payload},
			fmt.Errorf("lambda: event source mapping %s: %s; the batch stays in the queue", m.cfg.UUID,
				jsonField(o.payload, "errorMessage")))
	case o.functionError != "":
		result = "PROBLEM: Function call failed"
	case reportFailures:
		failed, ok := batchFailures(o.payload, batch)
		if !ok {
			result = "PROBLEM: Function call failed"
			break
		}
		for _, msg := range batch {
			if !failed[msg.MessageID] {
				done = append(done, msg.ReceiptHandle)
			}
		}
	default:
		for _, msg := range batch {
			done = append(done, msg.ReceiptHandle)
		}
	}
	s.mu.Lock()
	q, ctx := s.queues, s.pollingCtx(m)
	s.mu.Unlock()
	if len(done) > 0 && q != nil {
		if derr := q.DeleteMessages(ctx, queue, done); derr != nil {
			result = "PROBLEM: " + derr.Error()
		}
	}
	s.mu.Lock()
	m.inflight--
	m.cfg.LastProcessingResult = result
	s.wakeLocked(m)
	s.mu.Unlock()
}
