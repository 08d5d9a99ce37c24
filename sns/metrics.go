package sns

import (
	"errors"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/metrics"
)

// AWS/SNS standard metrics at one-minute periods, by TopicName, as the
// SNS Developer Guide lists them ("Amazon SNS metrics"): per message
// published NumberOfMessagesPublished and PublishSize (bytes, the size
// the 256 KiB limit counts); per subscription a message reaches,
// NumberOfNotificationsDelivered or NumberOfNotificationsFailed once the
// target answered (an SQS queue or a Lambda function through the bus, an
// HTTP/S endpoint after its delivery policy, email, SMS and mobile push
// when recorded), NumberOfNotificationsRedrivenToDlq or
// NumberOfNotificationsFailedToRedriveToDlq for a failure with a
// dead-letter queue, and NumberOfNotificationsFilteredOut (with
// NumberOfNotificationsFilteredOut-NoMessageAttributes for an attribute
// policy refusing a message without attributes) per filter refusal. Each
// is one counter increment on the cloud's recorder (env.Metrics).

// snsMetric adds v to the metric name of the topic at the clock's minute.
func (s *Service) snsMetric(topicArn, name, unit string, v float64) {
	if s.env.Metrics == nil {
		return
	}
	a, err := arn.Parse(topicArn)
	if err != nil {
		return
	}
	s.env.Metrics.Add(metrics.Key{Account: a.Account, Region: a.Region, Namespace: "AWS/SNS", Name: name, Unit: unit,
		Dims: metrics.Dims1("TopicName", a.Resource), Minute: metrics.Minute(s.env.Clock.Now())}, v)
}

// metricPublished counts one message of size bytes published to a topic.
func (s *Service) metricPublished(topicArn string, size int) {
	s.snsMetric(topicArn, "NumberOfMessagesPublished", "Count", 1)
	s.snsMetric(topicArn, "PublishSize", "Bytes", float64(size))
}

// metricDelivery counts the outcome of one notification.
func (s *Service) metricDelivery(topicArn string, delivered bool) {
	name := "NumberOfNotificationsFailed"
	if delivered {
		name = "NumberOfNotificationsDelivered"
	}
	s.snsMetric(topicArn, name, "Count", 1)
}

// metricFilteredOut counts a notification a filter policy refused.
func (s *Service) metricFilteredOut(topicArn string, noAttributes bool) {
	s.snsMetric(topicArn, "NumberOfNotificationsFilteredOut", "Count", 1)
	if noAttributes {
		s.snsMetric(topicArn, "NumberOfNotificationsFilteredOut-NoMessageAttributes", "Count", 1)
	}
}

// busOutcome is the Done of a notification posted on the bus: a Lambda
// function that ran and failed was delivered, as for the relay.
func (s *Service) busOutcome(topicArn string) func(error) {
	if s.env.Metrics == nil {
		return nil
	}
	return func(err error) {
		var fe *bus.FunctionError
		s.metricDelivery(topicArn, err == nil || errors.As(err, &fe))
	}
}

// metricRedrive counts a failed notification sent to its dead-letter
// queue, or that its queue refused too.
func (s *Service) metricRedrive(topicArn string, ok bool) {
	name := "NumberOfNotificationsFailedToRedriveToDlq"
	if ok {
		name = "NumberOfNotificationsRedrivenToDlq"
	}
	s.snsMetric(topicArn, name, "Count", 1)
}

// redriveOutcome is the Done of a failed notification posted to its
// dead-letter queue.
func (s *Service) redriveOutcome(topicArn string) func(error) {
	if s.env.Metrics == nil {
		return nil
	}
	return func(err error) { s.metricRedrive(topicArn, err == nil) }
}
