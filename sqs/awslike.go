package sqs

import "fmt"

// AWSLikeDelivery makes a standard queue deliver as AWS may, rather than as
// neatly as the fake does by default, so that a test can prove its consumer
// is idempotent and does not rely on order. The randomness comes from the
// queue's own stream of the cloud's seeded id generator: with
// awsfake.WithSeed the same scenario makes the same choices on every run.
type AWSLikeDelivery struct {
	// DuplicateProbability (0 to 1) is the chance that a DeleteMessage of a
	// message in flight succeeds but leaves the message in the queue, so it
	// is received again once its visibility timeout ends: "it is possible to
	// receive a message even after you delete it" (DeleteMessage docs).
	DuplicateProbability float64
	// ReorderWindow, above 1, makes each receive take each message at random
	// among the ReorderWindow oldest visible ones instead of strictly the
	// oldest ("Standard queues provide best-effort ordering").
	ReorderWindow int
}

// SetAWSLikeDelivery turns AWS-like delivery on for a standard queue, or off
// with nil. FIFO queues keep their guarantees: they refuse it.
func (s *Service) SetAWSLikeDelivery(queueURL string, d *AWSLikeDelivery) error {
	if d != nil && (d.DuplicateProbability < 0 || d.DuplicateProbability > 1 || d.ReorderWindow < 0) {
		return fmt.Errorf("sqs: AWSLikeDelivery needs a DuplicateProbability in [0, 1] and a ReorderWindow >= 0, got %+v", *d)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueByURL(s.env.Scope(), queueURL)
	if err != nil {
		return err
	}
	if q.fifo && d != nil {
		return fmt.Errorf("sqs: %s is a FIFO queue: AWS-like delivery applies to standard queues only", q.name)
	}
	if d != nil {
		c := *d
		d = &c
	}
	q.awsLike = d
	return nil
}

// keepDeleted decides, in AWS-like delivery, that a delete does not stick.
func (s *Service) keepDeleted(q *queue) bool {
	a := q.awsLike
	return a != nil && a.DuplicateProbability > 0 && q.ids.Float64() < a.DuplicateProbability
}
