package sns

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/faults"
)

// deliver is the service's bus endpoint. A topic ARN is a publish from
// another service (S3 notifications, alarm actions, Lambda destinations):
// Body is the message, Meta[MetaSubject] the subject; Invoke returns the
// message id. A subscription ARN is a delivery relayed for a subscription
// with a dead-letter queue.
func (s *Service) deliver(ctx context.Context, target string, m bus.Message) ([]byte, error) {
	a, err := arn.Parse(target)
	if err != nil {
		return nil, err
	}
	if strings.Contains(a.Resource, ":") {
		return nil, s.relay(ctx, target, m)
	}
	attrs := map[string]MessageAttributeValue{}
	for k, v := range m.Attributes {
		attrs[k] = MessageAttributeValue{DataType: v.DataType, StringValue: v.StringValue, BinaryValue: v.BinaryValue}
	}
	// A publish by ARN from another service runs in the topic's own
	// account and region.
	sc := faults.Scope{Account: a.Account, Region: a.Region, Partition: a.Partition}
	out, err := s.publish(sc, PublishInput{TopicArn: target, Message: string(m.Body), Subject: m.Meta[bus.MetaSubject],
		MessageAttributes: attrs, MessageGroupId: m.GroupID, MessageDeduplicationId: m.DeduplicationID,
		trace: m.Meta[bus.MetaTraceHeader]})
	if err != nil {
		return nil, err
	}
	return []byte(out.MessageId), nil
}

// relay delivers a message to a subscription with a RedrivePolicy and sends
// it to the dead-letter queue when the target refuses it: "Messages that
// can't be delivered due to client errors ... or server errors ... are held
// in the dead-letter queue". A Lambda function that ran and failed counts as
// delivered, as for SNS's asynchronous invocations.
func (s *Service) relay(ctx context.Context, subArn string, m bus.Message) error {
	s.mu.Lock()
	sub := s.subs[subArn]
	var endpoint, dlq string
	if sub != nil {
		endpoint, dlq = sub.endpoint, sub.cfg.dlq
	}
	s.mu.Unlock()
	if sub == nil {
		return nil // unsubscribed since: AWS drops it too
	}
	_, err := s.env.Bus.Invoke(ctx, endpoint, m)
	var fe *bus.FunctionError
	delivered := err == nil || errors.As(err, &fe)
	s.metricDelivery(sub.topicArn, delivered)
	if delivered {
		return nil
	}
	if dlq == "" {
		return err
	}
	if _, dlqErr := s.env.Bus.Invoke(ctx, dlq, m); dlqErr != nil {
		s.metricRedrive(sub.topicArn, false)
		return fmt.Errorf("sns: delivery to %s failed (%v), and so did its dead-letter queue %s: %w", endpoint, err, dlq, dlqErr)
	}
	s.metricRedrive(sub.topicArn, true)
	return nil
}
