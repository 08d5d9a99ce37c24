package awsfake

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/lambda"
	"github.com/awsfake/awsfake/sqs"
)

// lambdaQueues is the lambda.QueueSource of Lambda's SQS event source
// mappings, on the cloud's SQS service: queues are addressed by ARN on one
// side and by URL on the other.
type lambdaQueues struct{ sqs *sqs.Service }

func (q lambdaQueues) url(ctx context.Context, queueARN string) (string, error) {
	a, err := arn.Parse(queueARN)
	if err != nil {
		return "", err
	}
	if a.Service != "sqs" {
		return "", errors.New("not an SQS queue ARN: " + queueARN)
	}
	out, err := q.sqs.GetQueueUrl(ctx, sqs.GetQueueUrlInput{QueueName: a.Resource, QueueOwnerAWSAccountId: a.Account})
	return out.QueueUrl, err
}

// QueueAttributes implements lambda.QueueSource.
func (q lambdaQueues) QueueAttributes(ctx context.Context, queueARN string) (lambda.QueueAttributes, error) {
	u, err := q.url(ctx, queueARN)
	if err != nil {
		return lambda.QueueAttributes{}, err
	}
	out, err := q.sqs.GetQueueAttributes(ctx, sqs.GetQueueAttributesInput{QueueUrl: u,
		AttributeNames: []string{"FifoQueue", "VisibilityTimeout"}})
	if err != nil {
		return lambda.QueueAttributes{}, err
	}
	vt, _ := strconv.Atoi(out.Attributes["VisibilityTimeout"])
	return lambda.QueueAttributes{FIFO: out.Attributes["FifoQueue"] == "true", VisibilityTimeout: time.Duration(vt) * time.Second}, nil
}

// ReceiveMessages implements lambda.QueueSource: a short poll for every
// attribute.
func (q lambdaQueues) ReceiveMessages(ctx context.Context, queueARN string, max int) ([]lambda.QueueMessage, error) {
	u, err := q.url(ctx, queueARN)
	if err != nil {
		return nil, err
	}
	n, wait := int32(max), int32(0)
	out, err := q.sqs.ReceiveMessage(ctx, sqs.ReceiveMessageInput{QueueUrl: u, MaxNumberOfMessages: &n, WaitTimeSeconds: &wait,
		MessageSystemAttributeNames: []string{"All"}, MessageAttributeNames: []string{"All"}})
	if err != nil {
		return nil, err
	}
	msgs := make([]lambda.QueueMessage, len(out.Messages))
	for i, m := range out.Messages {
		msgs[i] = lambda.QueueMessage{MessageID: m.MessageId, ReceiptHandle: m.ReceiptHandle, Body: m.Body,
			MD5OfBody: m.MD5OfBody, MD5OfMessageAttributes: m.MD5OfMessageAttributes, Attributes: m.Attributes}
		if len(m.MessageAttributes) > 0 {
			msgs[i].MessageAttributes = map[string]lambda.QueueMessageAttribute{}
			for k, a := range m.MessageAttributes {
				msgs[i].MessageAttributes[k] = lambda.QueueMessageAttribute{DataType: a.DataType, StringValue: a.StringValue,
					BinaryValue: a.BinaryValue, StringListValues: a.StringListValues, BinaryListValues: a.BinaryListValues}
			}
		}
	}
	return msgs, nil
}

// DeleteMessages implements lambda.QueueSource, ten at a time.
func (q lambdaQueues) DeleteMessages(ctx context.Context, queueARN string, receiptHandles []string) error {
	u, err := q.url(ctx, queueARN)
	if err != nil {
		return err
	}
	for len(receiptHandles) > 0 {
		n := min(len(receiptHandles), 10)
		entries := make([]sqs.DeleteMessageBatchRequestEntry, n)
		for i, h := range receiptHandles[:n] {
			entries[i] = sqs.DeleteMessageBatchRequestEntry{Id: strconv.Itoa(i), ReceiptHandle: h}
		}
		out, err := q.sqs.DeleteMessageBatch(ctx, sqs.DeleteMessageBatchInput{QueueUrl: u, Entries: entries})
		if err != nil {
			return err
		}
		if len(out.Failed) > 0 {
			return errors.New("DeleteMessageBatch: " + out.Failed[0].Code + ": " + out.Failed[0].Message)
		}
		receiptHandles = receiptHandles[n:]
	}
	return nil
}

// Notify implements lambda.QueueSource.
func (q lambdaQueues) Notify(queueARN string, fn func()) (func(), error) {
	u, err := q.url(context.Background(), queueARN)
	if err != nil {
		return nil, err
	}
	return q.sqs.Notify(u, fn)
}
