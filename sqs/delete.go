package sqs

import "context"

// DeleteMessageInput names the message to delete by the receipt handle of
// its latest receive.
type DeleteMessageInput struct {
	QueueUrl      string `json:"QueueUrl"`
	ReceiptHandle string `json:"ReceiptHandle"`
}

// DeleteMessageBatchInput deletes up to 10 messages.
type DeleteMessageBatchInput struct {
	QueueUrl string                           `json:"QueueUrl"`
	Entries  []DeleteMessageBatchRequestEntry `json:"Entries"`
}

// DeleteMessageBatchRequestEntry is one receipt handle, with an Id unique
// in the batch.
type DeleteMessageBatchRequestEntry struct {
	Id            string `json:"Id"`
	ReceiptHandle string `json:"ReceiptHandle"`
}

// DeleteMessageBatchOutput reports each entry: deleted or failed.
type DeleteMessageBatchOutput struct {
	Successful []DeleteMessageBatchResultEntry `json:"Successful"`
	Failed     []BatchResultErrorEntry         `json:"Failed"`
}

// DeleteMessageBatchResultEntry is an entry that was deleted.
type DeleteMessageBatchResultEntry struct {
	Id string `json:"Id"`
}

// DeleteMessage deletes a received message. A handle this queue did not
// issue is ReceiptHandleIsInvalid. Deleting a message that is already gone
// succeeds. On a standard queue an older handle of the message deletes it
// too (AWS: "the request will succeed, but the message might not be
// deleted"; the fake deletes it unless AWS-like delivery keeps it); on a FIFO
// queue a handle whose visibility timeout has ended, or that a later receive
// replaced, has expired, as AWS answers. Deleting a FIFO message in flight
// frees its message group.
func (s *Service) DeleteMessage(ctx context.Context, in DeleteMessageInput) error {
	sc, err := s.enter(ctx, "DeleteMessage")
	if err != nil {
		return err
	}
	if in.ReceiptHandle == "" {
		return missingParameter("ReceiptHandle")
	}
	s.mu.Lock()
	var e effects
	defer s.unlock(&e)
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		return err
	}
	return s.deleteMessage(q, in.ReceiptHandle, &e)
}

// DeleteMessageBatch deletes up to 10 messages; each entry succeeds or
// fails on its own, as DeleteMessage would.
func (s *Service) DeleteMessageBatch(ctx context.Context, in DeleteMessageBatchInput) (DeleteMessageBatchOutput, error) {
	sc, err := s.enter(ctx, "DeleteMessageBatch")
	if err != nil {
		return DeleteMessageBatchOutput{}, err
	}
	if err := checkBatch("DeleteMessageBatchRequestEntry", in.Entries); err != nil {
		return DeleteMessageBatchOutput{}, err
	}
	s.mu.Lock()
	var e effects
	defer s.unlock(&e)
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		return DeleteMessageBatchOutput{}, err
	}
	var out DeleteMessageBatchOutput
	out.Successful, out.Failed = eachEntry(in.Entries, func(en DeleteMessageBatchRequestEntry) (DeleteMessageBatchResultEntry, error) {
		if en.ReceiptHandle == "" {
			return DeleteMessageBatchResultEntry{}, missingParameter("ReceiptHandle")
		}
		return DeleteMessageBatchResultEntry{Id: en.Id}, s.deleteMessage(q, en.ReceiptHandle, &e)
	})
	return out, nil
}

// deleteMessage deletes the message a receipt handle names, under the lock,
// with q brought up to date.
func (s *Service) deleteMessage(q *queue, handle string, e *effects) error {
	m, stale, err := q.lookupReceipt(handle)
	if err != nil || m == nil {
		return err
	}
	if q.fifo && (stale || m.state != stInFlight) {
		return errExpiredReceipt(handle)
	}
	if m.state == stInFlight && s.keepDeleted(q) {
		return nil
	}
	if m.group != nil && m.state == stInFlight {
		e.wake(q) // the group may now serve its next message
	}
	q.remove(m)
	e.touch(q)
	s.metricDeleted(q, s.now())
	return nil
}
