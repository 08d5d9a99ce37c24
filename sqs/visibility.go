package sqs

import (
	"context"
	"time"
)

// ChangeMessageVisibilityInput sets a new visibility timeout, counted from
// now, for a message in flight.
type ChangeMessageVisibilityInput struct {
	QueueUrl      string `json:"QueueUrl"`
	ReceiptHandle string `json:"ReceiptHandle"`
	// VisibilityTimeout is 0 to 43200 seconds; 0 makes the message visible
	// at once.
	VisibilityTimeout int32 `json:"VisibilityTimeout"`
}

// ChangeMessageVisibilityBatchInput changes up to 10 visibility timeouts.
type ChangeMessageVisibilityBatchInput struct {
	QueueUrl string                                     `json:"QueueUrl"`
	Entries  []ChangeMessageVisibilityBatchRequestEntry `json:"Entries"`
}

// ChangeMessageVisibilityBatchRequestEntry is one change, with an Id unique
// in the batch.
type ChangeMessageVisibilityBatchRequestEntry struct {
	Id                string `json:"Id"`
	ReceiptHandle     string `json:"ReceiptHandle"`
	VisibilityTimeout int32  `json:"VisibilityTimeout"`
}

// ChangeMessageVisibilityBatchOutput reports each entry: changed or failed.
type ChangeMessageVisibilityBatchOutput struct {
	Successful []ChangeMessageVisibilityBatchResultEntry `json:"Successful"`
	Failed     []BatchResultErrorEntry                   `json:"Failed"`
}

// ChangeMessageVisibilityBatchResultEntry is an entry that was changed.
type ChangeMessageVisibilityBatchResultEntry struct {
	Id string `json:"Id"`
}

// maxTotalVisibility is the 12-hour ceiling on a message's time in flight,
// counted from the receive that put it there: "you can't extend the timeout
// of a message in an existing queue to more than a total visibility timeout
// of 12 hours ... If you attempt to set the VisibilityTimeout to an amount
// more than the maximum time left, Amazon SQS returns an error."
const maxTotalVisibility = maxVisibilityTimeout * time.Second

// ChangeMessageVisibility restarts a message's visibility timeout at now +
// VisibilityTimeout; 0 makes it visible at once. On a standard queue any
// receipt handle of the message acts on it as it stands: an older handle
// changes the timeout of the receive that put it in flight since, and a
// handle of a message that is not in flight (its visibility timeout has
// ended) is answered OK and changes nothing, as AWS answers (see
// changeVisibility). On a FIFO queue only the handle of the message's
// receive in flight is valid; any other has expired, as DeleteMessage
// answers. The errors are AWS's: a handle the queue did not issue is
// ReceiptHandleIsInvalid; an expired FIFO handle, a message that is gone, or
// a timeout beyond 12 hours in total since the receive, is
// InvalidParameterValue.
func (s *Service) ChangeMessageVisibility(ctx context.Context, in ChangeMessageVisibilityInput) error {
	sc, err := s.enter(ctx, "ChangeMessageVisibility")
	if err != nil {
		return err
	}
	if in.ReceiptHandle == "" {
		return missingParameter("ReceiptHandle")
	}
	if err := validVisibility(in.VisibilityTimeout); err != nil {
		return err
	}
	s.mu.Lock()
	var e effects
	defer s.unlock(&e)
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		return err
	}
	now := s.now()
	return s.changeVisibility(q, in.ReceiptHandle, in.VisibilityTimeout, now, &e)
}

// ChangeMessageVisibilityBatch changes up to 10 visibility timeouts; each
// entry succeeds or fails on its own, as ChangeMessageVisibility would.
func (s *Service) ChangeMessageVisibilityBatch(ctx context.Context, in ChangeMessageVisibilityBatchInput) (ChangeMessageVisibilityBatchOutput, error) {
	sc, err := s.enter(ctx, "ChangeMessageVisibilityBatch")
	if err != nil {
		return ChangeMessageVisibilityBatchOutput{}, err
	}
	if err := checkBatch("ChangeMessageVisibilityBatchRequestEntry", in.Entries); err != nil {
		return ChangeMessageVisibilityBatchOutput{}, err
	}
	s.mu.Lock()
	var e effects
	defer s.unlock(&e)
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		return ChangeMessageVisibilityBatchOutput{}, err
	}
	now := s.now()
	var out ChangeMessageVisibilityBatchOutput
	out.Successful, out.Failed = eachEntry(in.Entries, func(en ChangeMessageVisibilityBatchRequestEntry) (ChangeMessageVisibilityBatchResultEntry, error) {
		if err := validVisibility(en.VisibilityTimeout); err != nil {
			return ChangeMessageVisibilityBatchResultEntry{}, err
		}
		if en.ReceiptHandle == "" {
			return ChangeMessageVisibilityBatchResultEntry{}, missingParameter("ReceiptHandle")
		}
		return ChangeMessageVisibilityBatchResultEntry{Id: en.Id}, s.changeVisibility(q, en.ReceiptHandle, en.VisibilityTimeout, now, &e)
	})
	return out, nil
}

func validVisibility(v int32) error {
	if v < 0 || v > maxVisibilityTimeout {
		return invalidParameter(v, "VisibilityTimeout", "Must be >= 0 and <= 43200, if provided.")
	}
	return nil
}

// changeVisibility applies one change under the lock, with q brought up to
// date. The rule for a standard queue's handles is AWS's, as recorded:
// after the visibility timeout has ended, the handle's change is answered OK
// and the message stays visible (LocalStack's AWS-validated
// test_change_message_visibility_after_visibility_timeout_expiration; "AWS
// simply sends back an OK and does nothing", localstack#9632), and an older
// handle of a message received again changes the new receive's timeout
// (test_terminate_visibility_timeout_after_receive: the first receive's
// handle with VisibilityTimeout 0 makes the second receive's message
// visible).
func (s *Service) changeVisibility(q *queue, handle string, vt int32, now int64, e *effects) error {
	m, stale, err := q.lookupReceipt(handle)
	switch {
	case err != nil:
		return err
	case m == nil:
		return invalidParameter(handle, "ReceiptHandle", "Message does not exist or is not available for visibility timeout change.")
	case q.fifo && (stale || m.state != stInFlight):
		return errExpiredReceipt(handle)
	case m.state != stInFlight:
		return nil
	}
	until := now + int64(vt)*int64(time.Second)
	if until-m.receivedAt > int64(maxTotalVisibility) {
		return invalidParameter(vt, "VisibilityTimeout", "Total VisibilityTimeout for the message is beyond the limit [43200 seconds]")
	}
	if vt == 0 {
		q.makeVisibleNow(m)
		e.wake(q)
		return nil
	}
	sooner := until < m.availableAt
	m.availableAt = until
	q.inflight.fix(m)
	if sooner {
		e.wake(q) // long polls and notifiers re-time to the earlier end
	} else {
		e.touch(q)
	}
	return nil
}
