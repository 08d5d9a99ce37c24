package lambda

import (
	"context"
	"time"
)

// QueueSource is what SQS event source mappings need from SQS, addressed by
// queue ARN. The cloud implements it on its SQS service (lambda never
// imports sqs); tests may supply their own.
type QueueSource interface {
	// QueueAttributes returns what a mapping checks of its queue; an error
	// when the queue does not exist.
	QueueAttributes(ctx context.Context, queueARN string) (QueueAttributes, error)
	// ReceiveMessages receives up to max (1 to 10) messages that are
	// visible now, with all their system and message attributes, hiding
	// them for the queue's visibility timeout. It never waits.
	ReceiveMessages(ctx context.Context, queueARN string, max int) ([]QueueMessage, error)
	// DeleteMessages deletes received messages by receipt handle.
	DeleteMessages(ctx context.Context, queueARN string, receiptHandles []string) error
	// Notify calls fn, with no lock held, whenever messages may have become
	// receivable: on a send, and at each instant a delay or visibility
	// timeout ends, until cancel is called.
	Notify(queueARN string, fn func()) (cancel func(), err error)
}

// pollingKey marks the context of the QueueSource calls a mapping's poller
// makes with the function it polls for.
type pollingKey struct{}

// PollingFunction returns the ARN of the function (qualified as its
// mapping names it) whose event source mapping makes the QueueSource call
// with ctx; ok is false for other calls. Plumbing for the root package,
// which authorises each poll against the function's execution role.
func PollingFunction(ctx context.Context) (functionARN string, ok bool) {
	functionARN, ok = ctx.Value(pollingKey{}).(string)
	return functionARN, ok
}

// pollingCtx is the context of m's QueueSource calls.
func (s *Service) pollingCtx(m *mapping) context.Context {
	return context.WithValue(s.ctx, pollingKey{}, m.fn.arn())
}

// QueueAttributes are the attributes of a queue a mapping depends on.
type QueueAttributes struct {
	FIFO              bool
	VisibilityTimeout time.Duration
}

// QueueMessage is a received message, with the members Lambda's SQS event
// carries.
type QueueMessage struct {
	MessageID              string
	ReceiptHandle          string
	Body                   string
	MD5OfBody              string
	MD5OfMessageAttributes string
	// Attributes are the system attributes (ApproximateReceiveCount,
	// SentTimestamp, MessageGroupId, ...).
	Attributes        map[string]string
	MessageAttributes map[string]QueueMessageAttribute
}

// QueueMessageAttribute is a typed message attribute.
type QueueMessageAttribute struct {
	DataType         string
	StringValue      string
	BinaryValue      []byte
	StringListValues []string
	BinaryListValues [][]byte
}
