package sqs

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/awsfake/awsfake/internal/creds"
	"github.com/awsfake/awsfake/internal/dedup"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/xtrace"
)

// MessageAttributeValue is a typed message attribute. DataType is String,
// Number or Binary, optionally with a custom suffix (Number.int,
// Binary.png); String and Number use StringValue, Binary uses BinaryValue.
// The list values are reserved by AWS and not used.
type MessageAttributeValue struct {
	DataType         string   `json:"DataType"`
	StringValue      string   `json:"StringValue,omitempty"`
	BinaryValue      []byte   `json:"BinaryValue,omitempty"`
	StringListValues []string `json:"StringListValues,omitempty"`
	BinaryListValues [][]byte `json:"BinaryListValues,omitempty"`
}

// SendMessageInput is one message to send.
type SendMessageInput struct {
	QueueUrl    string `json:"QueueUrl"`
	MessageBody string `json:"MessageBody"`
	// DelaySeconds (0 to 900) overrides the queue's delay for this message;
	// nil means the queue's. FIFO queues refuse it.
	DelaySeconds      *int32                           `json:"DelaySeconds,omitempty"`
	MessageAttributes map[string]MessageAttributeValue `json:"MessageAttributes,omitempty"`
	// MessageSystemAttributes may hold AWSTraceHeader, of type String.
	MessageSystemAttributes map[string]MessageAttributeValue `json:"MessageSystemAttributes,omitempty"`
	MessageDeduplicationId  string                           `json:"MessageDeduplicationId,omitempty"`
	MessageGroupId          string                           `json:"MessageGroupId,omitempty"`
}

// SendMessageOutput identifies the message sent, with the MD5 digests of
// what SQS received.
type SendMessageOutput struct {
	MessageId                    string `json:"MessageId"`
	MD5OfMessageBody             string `json:"MD5OfMessageBody"`
	MD5OfMessageAttributes       string `json:"MD5OfMessageAttributes,omitempty" xml:",omitempty"`
	MD5OfMessageSystemAttributes string `json:"MD5OfMessageSystemAttributes,omitempty" xml:",omitempty"`
	// SequenceNumber is set for FIFO queues: it increases within a group.
	SequenceNumber string `json:"SequenceNumber,omitempty" xml:",omitempty"`
}

// SendMessageBatchInput is up to 10 messages for one queue.
type SendMessageBatchInput struct {
	QueueUrl string                         `json:"QueueUrl"`
	Entries  []SendMessageBatchRequestEntry `json:"Entries"`
}

// SendMessageBatchRequestEntry is one message of a batch, with an Id unique
// in the batch.
type SendMessageBatchRequestEntry struct {
	Id                      string                           `json:"Id"`
	MessageBody             string                           `json:"MessageBody"`
	DelaySeconds            *int32                           `json:"DelaySeconds,omitempty"`
	MessageAttributes       map[string]MessageAttributeValue `json:"MessageAttributes,omitempty"`
	MessageSystemAttributes map[string]MessageAttributeValue `json:"MessageSystemAttributes,omitempty"`
	MessageDeduplicationId  string                           `json:"MessageDeduplicationId,omitempty"`
	MessageGroupId          string                           `json:"MessageGroupId,omitempty"`
}

// SendMessageBatchOutput reports each entry: sent or failed.
type SendMessageBatchOutput struct {
	Successful []SendMessageBatchResultEntry `json:"Successful"`
	Failed     []BatchResultErrorEntry       `json:"Failed"`
}

// SendMessageBatchResultEntry is an entry that was sent.
type SendMessageBatchResultEntry struct {
	Id                           string `json:"Id"`
	MessageId                    string `json:"MessageId"`
	MD5OfMessageBody             string `json:"MD5OfMessageBody"`
	MD5OfMessageAttributes       string `json:"MD5OfMessageAttributes,omitempty" xml:",omitempty"`
	MD5OfMessageSystemAttributes string `json:"MD5OfMessageSystemAttributes,omitempty" xml:",omitempty"`
	SequenceNumber               string `json:"SequenceNumber,omitempty" xml:",omitempty"`
}

// BatchResultErrorEntry is an entry of a batch that failed: Code is the
// awsQuery error code, SenderFault whether the caller is to blame.
type BatchResultErrorEntry struct {
	Id          string `json:"Id"`
	Code        string `json:"Code"`
	Message     string `json:"Message,omitempty" xml:",omitempty"`
	SenderFault bool   `json:"SenderFault"`
}

// maxBatchBytes is the limit on a batch's total payload: "The maximum
// allowed individual message size and the maximum total payload size (the
// sum of the individual lengths of all of the batched messages) are both 1
// MiB" (SendMessageBatch docs).
const maxBatchBytes = 1048576

// SendMessage sends one message. The body and attributes are checked as AWS
// checks them (allowed characters, the queue's MaximumMessageSize, at most
// 10 attributes); a FIFO queue requires a MessageGroupId and a deduplication
// id (explicit or content-based) and refuses a per-message delay; a
// duplicate within 5 minutes is accepted but not stored, and answers with
// the original MessageId.
func (s *Service) SendMessage(ctx context.Context, in SendMessageInput) (SendMessageOutput, error) {
	sc, err := s.enter(ctx, "SendMessage")
	if err != nil {
		return SendMessageOutput{}, err
	}
	return s.send(sc, in, xtrace.From(ctx))
}

// send is SendMessage without the call bookkeeping: the bus delivers
// through it, with the cloud's scope (a queue's URL names its region when
// it is not the cloud's). header is the request's X-Amzn-Trace-Id.
func (s *Service) send(sc faults.Scope, in SendMessageInput, header string) (SendMessageOutput, error) {
	p := outgoing{body: in.MessageBody, attrs: in.MessageAttributes, system: in.MessageSystemAttributes,
		delay: in.DelaySeconds, groupID: in.MessageGroupId, dedupID: in.MessageDeduplicationId, sender: s.senderID(sc),
		header: header}
	if err := p.check(); err != nil {
		return SendMessageOutput{}, err
	}
	s.mu.Lock()
	var e effects
	defer s.unlock(&e)
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		return SendMessageOutput{}, err
	}
	return s.enqueue(q, p, s.now(), &e)
}

// SendMessageBatch sends up to 10 messages. The batch as a whole must have 1
// to 10 entries with distinct, well-formed ids and a total payload of at most
// 1 MiB; each entry then succeeds or fails on its own, as SendMessage would.
func (s *Service) SendMessageBatch(ctx context.Context, in SendMessageBatchInput) (SendMessageBatchOutput, error) {
	sc, err := s.enter(ctx, "SendMessageBatch")
	if err != nil {
		return SendMessageBatchOutput{}, err
	}
	if err := checkBatch("SendMessageBatchRequestEntry", in.Entries); err != nil {
		return SendMessageBatchOutput{}, err
	}
	total := 0
	for _, en := range in.Entries {
		total += messageSize(en.MessageBody, en.MessageAttributes)
	}
	if total > maxBatchBytes {
		return SendMessageBatchOutput{}, newError(codeBatchRequestTooLong,
			"Batch requests cannot be longer than %d bytes. You have sent %d bytes.", maxBatchBytes, total)
	}
	s.mu.Lock()
	var e effects
	defer s.unlock(&e)
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		return SendMessageBatchOutput{}, err
	}
	now := s.now()
	sender, header := s.senderID(sc), xtrace.From(ctx)
	var out SendMessageBatchOutput
	out.Successful, out.Failed = eachEntry(in.Entries, func(en SendMessageBatchRequestEntry) (SendMessageBatchResultEntry, error) {
		p := outgoing{body: en.MessageBody, attrs: en.MessageAttributes, system: en.MessageSystemAttributes,
			delay: en.DelaySeconds, groupID: en.MessageGroupId, dedupID: en.MessageDeduplicationId, sender: sender,
			header: header}
		if err := p.check(); err != nil {
			return SendMessageBatchResultEntry{}, err
		}
		r, err := s.enqueue(q, p, now, &e)
		return SendMessageBatchResultEntry{Id: en.Id, MessageId: r.MessageId,
			MD5OfMessageBody: r.MD5OfMessageBody, MD5OfMessageAttributes: r.MD5OfMessageAttributes,
			MD5OfMessageSystemAttributes: r.MD5OfMessageSystemAttributes, SequenceNumber: r.SequenceNumber}, err
	})
	return out, nil
}

// outgoing is a message about to be sent.
type outgoing struct {
	body          string
	attrs, system map[string]MessageAttributeValue
	delay         *int32
	groupID       string
	dedupID       string
	sender        string // SenderId; "" is the queue's owner account
	header        string // the request's X-Amzn-Trace-Id (trace.go)
}

// senderID is the SenderId of a message sent in scope sc: the user id of
// the principal that signed it (an assumed role's AROA...:session, as AWS
// gives it), or the caller's account for a root or unknown key.
func (s *Service) senderID(sc faults.Scope) string {
	if p, st := s.env.Creds.Lookup(sc.AccessKeyID, s.env.Clock.Now()); st == creds.Valid && p.UserID != "" {
		return p.UserID
	}
	return sc.Account
}

// check applies the rules that do not depend on the queue.
func (p *outgoing) check() error {
	if err := validBody(p.body); err != nil {
		return err
	}
	if err := validAttributes(p.attrs); err != nil {
		return err
	}
	if err := validSystemAttributes(p.system); err != nil {
		return err
	}
	if p.delay != nil && (*p.delay < 0 || *p.delay > maxDelaySeconds) {
		return invalidParameter(*p.delay, "DelaySeconds", "DelaySeconds must be >= 0 and <= 900.")
	}
	if p.groupID != "" {
		if err := validFifoID("MessageGroupId", p.groupID); err != nil {
			return err
		}
	}
	if p.dedupID != "" {
		return validFifoID("MessageDeduplicationId", p.dedupID)
	}
	return nil
}

// enqueue applies the rules that depend on the queue and stores the message.
// It runs under the lock.
func (s *Service) enqueue(q *queue, p outgoing, now int64, e *effects) (SendMessageOutput, error) {
	if n := messageSize(p.body, p.attrs); n > q.cfg.maxSize {
		return SendMessageOutput{}, newError(codeInvalidParameterValue,
			"One or more parameters are invalid. Reason: Message must be shorter than %d bytes.", q.cfg.maxSize)
	}
	delay := time.Duration(q.cfg.delay) * time.Second
	trace, sent := p.traceHeader()
	m := &message{body: p.body, attrs: cloneAttrs(p.attrs), sender: p.sender, sentAt: now, enqueuedAt: now}
	if trace != "" || p.groupID != "" {
		m.extra = &messageExtra{traceHeader: trace, groupID: p.groupID}
	}
	out := SendMessageOutput{
		MD5OfMessageBody:             md5Hex(p.body),
		MD5OfMessageAttributes:       attributesMD5(p.attrs),
		MD5OfMessageSystemAttributes: attributesMD5(traceAttributes(sent)),
	}
	if !q.fifo {
		if p.dedupID != "" {
			return SendMessageOutput{}, invalidParameter(p.dedupID, "MessageDeduplicationId",
				"The request includes a parameter that is not valid for this queue type.")
		}
		if p.delay != nil {
			delay = time.Duration(*p.delay) * time.Second
		}
	} else {
		// "When you set FifoQueue, you can't set DelaySeconds per message."
		// An explicit 0 is accepted, as in AWS.
		if p.delay != nil && *p.delay != 0 {
			return SendMessageOutput{}, invalidParameter(*p.delay, "DelaySeconds",
				"The request include parameter that is not valid for this queue type.")
		}
		if p.groupID == "" {
			return SendMessageOutput{}, missingParameter("MessageGroupId")
		}
		dedupID := p.dedupID
		if dedupID == "" {
			if !q.cfg.contentDedup {
				return SendMessageOutput{}, newError(codeInvalidParameterValue,
					"The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly")
			}
			dedupID = dedup.ContentID(p.body)
		}
		m.extra.dedupID = dedupID // FIFO: the group id made m.extra
		key := dedupKey(q.cfg.dedupScope, p.groupID, dedupID)
		if rec, dup := q.dedup.Get(key, unixNano(now)); dup {
			out.MessageId, out.SequenceNumber = rec.messageID, seqNumberString(rec.seqNumber)
			return out, nil
		}
		q.nextSeqNum++
		m.seqNumber = q.nextSeqNum
		out.SequenceNumber = seqNumberString(m.seqNumber)
		m.id = q.ids.UUID()
		q.dedup.Put(key, unixNano(now), dedupRecord{messageID: m.id, seqNumber: m.seqNumber})
	}
	if m.id == "" {
		m.id = q.ids.UUID()
	}
	out.MessageId = m.id
	q.enqueue(m, now, delay)
	s.metricSent(q, messageSize(p.body, p.attrs), now)
	if delay > 0 {
		e.touch(q)
	} else {
		e.wake(q)
	}
	return out, nil
}

// seqNumberString renders a FIFO sequence number as AWS does: a large,
// non-consecutive decimal number that increases with every send.
func seqNumberString(n uint64) string {
	return strconv.FormatUint(10_000_000_000_000_000_000+n<<16, 10)
}

// cloneAttrs copies attributes so that the caller's map and slices stay
// the caller's.
func cloneAttrs(in map[string]MessageAttributeValue) map[string]MessageAttributeValue {
	if len(in) == 0 {
		return nil
	}
	out := maps.Clone(in)
	for k, v := range out {
		v.BinaryValue = slices.Clone(v.BinaryValue)
		v.StringListValues, v.BinaryListValues = nil, nil
		out[k] = v
	}
	return out
}
