package sqs

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// GetQueueAttributesInput names a queue and the attributes wanted; "All"
// means every one. No names means none, as in AWS.
type GetQueueAttributesInput struct {
	QueueUrl       string   `json:"QueueUrl"`
	AttributeNames []string `json:"AttributeNames,omitempty"`
}

// GetQueueAttributesOutput maps attribute names to values.
type GetQueueAttributesOutput struct {
	Attributes map[string]string `json:"Attributes,omitempty"`
}

// SetQueueAttributesInput sets attributes of a queue.
type SetQueueAttributesInput struct {
	QueueUrl   string            `json:"QueueUrl"`
	Attributes map[string]string `json:"Attributes"`
}

// readOnlyAttributes are the attributes GetQueueAttributes computes.
var readOnlyAttributes = []string{
	attrQueueArn, attrApproxMessages, attrApproxNotVisible, attrApproxDelayed,
	attrCreatedTimestamp, attrLastModifiedTimestamp, attrFifoQueue,
}

func knownAttribute(name string) bool {
	if name == attrAll {
		return true
	}
	for _, a := range readOnlyAttributes {
		if a == name {
			return true
		}
	}
	for _, a := range configAttributes {
		if a == name {
			return true
		}
	}
	return false
}

// GetQueueAttributes returns the requested attributes. The Approximate*
// counters are exact here, computed from the queue's state at the current
// instant of the clock: visible, in flight and delayed messages.
func (s *Service) GetQueueAttributes(ctx context.Context, in GetQueueAttributesInput) (GetQueueAttributesOutput, error) {
	sc, err := s.enter(ctx, "GetQueueAttributes")
	if err != nil {
		return GetQueueAttributesOutput{}, err
	}
	for _, name := range in.AttributeNames {
		if !knownAttribute(name) {
			return GetQueueAttributesOutput{}, newError(codeInvalidAttributeName, "Unknown Attribute %s.", name)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		return GetQueueAttributesOutput{}, err
	}
	if len(in.AttributeNames) == 0 {
		return GetQueueAttributesOutput{}, nil
	}
	all := map[string]string{}
	visible, inflight, delayed := q.counts()
	all[attrQueueArn] = q.arn
	all[attrApproxMessages] = strconv.Itoa(visible)
	all[attrApproxNotVisible] = strconv.Itoa(inflight)
	all[attrApproxDelayed] = strconv.Itoa(delayed)
	all[attrCreatedTimestamp] = strconv.FormatInt(q.created.Unix(), 10)
	all[attrLastModifiedTimestamp] = strconv.FormatInt(q.modified.Unix(), 10)
	if q.fifo {
		all[attrFifoQueue] = "true"
	}
	for _, name := range configAttributes {
		if v, ok := q.cfg.render(name, q.fifo); ok {
			all[name] = v
		}
	}
	out := map[string]string{}
	for _, name := range in.AttributeNames {
		if name == attrAll {
			return GetQueueAttributesOutput{Attributes: all}, nil
		}
		if v, ok := all[name]; ok {
			out[name] = v
		}
	}
	return GetQueueAttributesOutput{Attributes: out}, nil
}

// SetQueueAttributes changes attributes of a queue, each validated against
// AWS's ranges; on any error nothing changes. Changing a FIFO queue's
// DelaySeconds affects the messages already delayed ("For FIFO queues, the
// per-queue delay setting is retroactive"), a standard queue's does not;
// lowering MessageRetentionPeriod expires older messages at once.
func (s *Service) SetQueueAttributes(ctx context.Context, in SetQueueAttributesInput) error {
	sc, err := s.enter(ctx, "SetQueueAttributes")
	if err != nil {
		return err
	}
	if len(in.Attributes) == 0 {
		return missingParameter("Attributes")
	}
	s.mu.Lock()
	var e effects
	defer s.unlock(&e)
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		return err
	}
	cfg := q.cfg
	if err := cfg.apply(in.Attributes, q.fifo); err != nil {
		return err
	}
	if raw, ok := in.Attributes[attrRedrivePolicy]; ok {
		if err := s.checkRedrive(q.arn, q.fifo, cfg.redrive, raw); err != nil {
			return err
		}
	}
	now := s.now()
	delayChanged := cfg.delay != q.cfg.delay
	q.cfg = cfg
	q.modified = unixNano(now).Truncate(time.Second)
	if q.fifo && delayChanged {
		q.redelay(time.Duration(cfg.delay) * time.Second)
		e.wake(q)
	}
	q.advance(now)
	e.touch(q)
	return nil
}

// redelay re-times a FIFO queue's delayed messages to the queue's new delay.
func (q *queue) redelay(delay time.Duration) {
	for _, m := range q.delayed.items {
		m.availableAt = m.sentAt + int64(delay)
	}
	items := q.delayed.items
	q.delayed.items = nil
	for _, m := range items {
		q.delayed.push(m)
	}
}

// checkRedrive applies the rules between a queue and its dead-letter queue:
// the target must exist in the source's account and region (AWS resolves it
// there), be of the same type ("The dead-letter queue of a
// FIFO queue must also be a FIFO queue") and allow the source in its
// RedriveAllowPolicy.
func (s *Service) checkRedrive(sourceARN string, fifo bool, p *redrivePolicy, raw string) error {
	if p == nil {
		return nil
	}
	t := s.findByARN(p.target)
	switch {
	case t == nil || sourceARN[:strings.LastIndexByte(sourceARN, ':')+1] != t.part.arnPrefix:
		return invalidParameter(raw, attrRedrivePolicy, "Dead letter target does not exist.")
	case t.fifo != fifo:
		return invalidParameter(raw, attrRedrivePolicy, "Dead-letter queue must be same type of queue as the source.")
	case !t.cfg.redriveAllow.allows(sourceARN):
		return invalidParameter(raw, attrRedrivePolicy, "Queue "+p.target+
			" does not allow this queue to use it as a dead-letter queue (RedriveAllowPolicy).")
	}
	return nil
}
