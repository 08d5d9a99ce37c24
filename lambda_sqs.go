package awsfake

import (
	"context"

	"github.com/awsfake/awsfake/lambda"
)

// lambdaQueues is the lambda.QueueSource of Lambda's SQS event source
// mappings, on the poller path of the cloud's SQS service: queues are
// addressed by ARN, resolved directly, and the pollers' calls neither show
// in SQS's Calls nor meet the faults a test injected for its own clients
// (sqs/poller.go says why). With enforcement on, each poll is authorised
// against the function's execution role (enforce_poller.go).
type lambdaQueues struct{ c *Cloud }

// QueueAttributes implements lambda.QueueSource.
func (q lambdaQueues) QueueAttributes(_ context.Context, queueARN string) (lambda.QueueAttributes, error) {
	a, err := q.c.sqs.PollerAttributes(queueARN)
	if err != nil {
		return lambda.QueueAttributes{}, err
	}
	return lambda.QueueAttributes{FIFO: a.FIFO, VisibilityTimeout: a.VisibilityTimeout}, nil
}

// ReceiveMessages implements lambda.QueueSource: a short poll for every
// attribute.
func (q lambdaQueues) ReceiveMessages(ctx context.Context, queueARN string, max int) ([]lambda.QueueMessage, error) {
	if err := q.c.pollAllowed(ctx, queueARN, pollerActions...); err != nil {
		return nil, err
	}
	got, err := q.c.sqs.PollerReceive(queueARN, max)
	if err != nil {
		return nil, err
	}
	msgs := make([]lambda.QueueMessage, len(got))
	for i, m := range got {
		msgs[i] = lambda.QueueMessage{MessageID: m.MessageId, ReceiptHandle: m.ReceiptHandle, Body: m.Body,
			MD5OfBody: m.MD5OfBody, MD5OfMessageAttributes: m.MD5OfMessageAttributes, Attributes: m.Attributes}
		if len(m.MessageAttributes) > 0 {
			msgs[i].MessageAttributes = make(map[string]lambda.QueueMessageAttribute, len(m.MessageAttributes))
			for k, a := range m.MessageAttributes {
				msgs[i].MessageAttributes[k] = lambda.QueueMessageAttribute{DataType: a.DataType, StringValue: a.StringValue,
					BinaryValue: a.BinaryValue, StringListValues: a.StringListValues, BinaryListValues: a.BinaryListValues}
			}
		}
	}
	return msgs, nil
}

// DeleteMessages implements lambda.QueueSource: every handle is deleted,
// whatever the number; the failures come back joined.
func (q lambdaQueues) DeleteMessages(ctx context.Context, queueARN string, receiptHandles []string) error {
	if err := q.c.pollAllowed(ctx, queueARN, "DeleteMessage"); err != nil {
		return err
	}
	return q.c.sqs.PollerDelete(queueARN, receiptHandles)
}

// Notify implements lambda.QueueSource, by ARN: the registration outlives
// the queue, and serves a queue re-created with the same name.
func (q lambdaQueues) Notify(queueARN string, fn func()) (func(), error) {
	return q.c.sqs.PollerNotify(queueARN, fn)
}
