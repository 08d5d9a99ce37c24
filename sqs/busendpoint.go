package sqs

import (
	"context"

	"github.com/awsfake/awsfake/internal/bus"
)

// deliver is the bus endpoint of SQS: a delivery to a queue ARN sends a
// message (bus/meta.go): Body, Attributes, GroupID, DeduplicationID and
// Meta[MetaTraceHeader] become the body, message attributes, FIFO fields and
// AWSTraceHeader. It answers with the MessageId. A queue that does not exist
// is QueueDoesNotExist, which the bus records for posted deliveries. The
// queue's Policy is checked for deliveries with IAM enforcement on
// (DeliveryAsk; the root package wraps this endpoint).
func (s *Service) deliver(_ context.Context, target string, m bus.Message) ([]byte, error) {
	s.mu.Lock()
	q := s.queueByARN(target)
	var url string
	if q != nil {
		url = q.url
	}
	s.mu.Unlock()
	if q == nil {
		return nil, errNoQueue()
	}
	in := SendMessageInput{QueueUrl: url, MessageBody: string(m.Body),
		MessageGroupId: m.GroupID, MessageDeduplicationId: m.DeduplicationID}
	if len(m.Attributes) > 0 {
		in.MessageAttributes = make(map[string]MessageAttributeValue, len(m.Attributes))
		for k, a := range m.Attributes {
			in.MessageAttributes[k] = MessageAttributeValue{DataType: a.DataType, StringValue: a.StringValue, BinaryValue: a.BinaryValue}
		}
	}
	if trace := m.Meta[bus.MetaTraceHeader]; trace != "" {
		in.MessageSystemAttributes = traceAttributes(trace)
	}
	out, err := s.send(s.env.Scope(), in, "")
	if err != nil {
		return nil, err
	}
	return []byte(out.MessageId), nil
}
