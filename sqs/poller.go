package sqs

import (
	"errors"
	"time"
)

// The poller path serves the pollers of Lambda's SQS event source mappings,
// through the adapter the root package wires into Lambda. It addresses a
// queue by ARN, as AWS's pollers do, and resolves the ARN directly.
//
// These calls are the cloud's own, not the calls of the code under test:
// they are not recorded in Calls, and injected faults neither fail them nor
// are consumed by them. InjectFault("ReceiveMessage", ...) queues a failure
// for the next ReceiveMessage of the test's own clients; were pollers to
// take part, a mapping that happened to poll first would consume it and
// the test's call would succeed, depending on scheduling. (In an AWS outage
// pollers fail too; to make a mapping's batches fail, make its function
// fail.)

// PollerQueue is what a mapping checks of its queue.
type PollerQueue struct {
	FIFO              bool
	VisibilityTimeout time.Duration
}

// PollerAttributes returns the queue's type and visibility timeout, or
// QueueDoesNotExist. It is meant for the root package's adapter.
func (s *Service) PollerAttributes(queueARN string) (PollerQueue, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.queueByARN(queueARN)
	if q == nil {
		return PollerQueue{}, errNoQueue()
	}
	return PollerQueue{FIFO: q.fifo, VisibilityTimeout: time.Duration(q.cfg.visibility) * time.Second}, nil
}

// PollerReceive receives up to max (1 to 10) messages that are receivable
// now, with every system and message attribute, hiding them for the queue's
// visibility timeout, as a short-poll ReceiveMessage would. It never waits.
// It is meant for the root package's adapter.
func (s *Service) PollerReceive(queueARN string, max int) ([]Message, error) {
	if max < 1 || max > maxBatchEntries {
		return nil, invalidParameter(max, "MaxNumberOfMessages", "Must be between 1 and 10, if provided.")
	}
	p := receiveParams{max: max, system: sysAll, attrNames: []string{"All"}}
	s.mu.Lock()
	var e effects
	defer s.unlock(&e)
	q := s.queueByARN(queueARN)
	if q == nil {
		return nil, errNoQueue()
	}
	return s.receive(q, p, s.now(), false, &e)
}

// PollerDelete deletes received messages by receipt handle, as many as are
// given, each as DeleteMessage would; it goes on past a handle that fails
// and returns the failures joined. It is meant for the root package's
// adapter.
func (s *Service) PollerDelete(queueARN string, receiptHandles []string) error {
	s.mu.Lock()
	var e effects
	defer s.unlock(&e)
	q := s.queueByARN(queueARN)
	if q == nil {
		return errNoQueue()
	}
	var failed []error
	for _, h := range receiptHandles {
		if h == "" {
			failed = append(failed, missingParameter("ReceiptHandle"))
			continue
		}
		if err := s.deleteMessage(q, h, &e); err != nil {
			failed = append(failed, err)
		}
	}
	return errors.Join(failed...)
}

// PollerNotify registers fn for the queue ARN as Notify does. The queue
// need not exist: a poller keeps watching its ARN, and a queue created
// later with it is notified to fn. The ARN may be of any account and
// region; one that cannot name a queue (malformed, another service, a
// partition that is not its region's) is QueueDoesNotExist. It is meant for the root package's adapter.
func (s *Service) PollerNotify(queueARN string, fn func()) (cancel func(), err error) {
	a, ok := parseQueueARN(queueARN)
	if !ok {
		return nil, errNoQueue()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.notifyLocked(a.String(), fn), nil
}
