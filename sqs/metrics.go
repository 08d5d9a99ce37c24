package sqs

import (
	"time"

	"github.com/awsfake/awsfake/internal/metrics"
)

// AWS/SQS standard metrics, by QueueName, at one-minute periods: the
// counts of each send, receive and delete, and the queue's gauges
// (ApproximateNumberOfMessagesVisible, NotVisible, Delayed,
// ApproximateAgeOfOldestMessage) sampled whenever the queue is used, so
// that an active queue reports them each minute it is active, as AWS does.
// Each costs a counter increment on the cloud's recorder (env.Metrics).

// metric adds v to one AWS/SQS metric of q for the minute of now (Unix
// nanoseconds).
func (s *Service) metric(q *queue, name, unit string, v float64, now int64, gauge bool) {
	k := metrics.Key{Account: q.part.key.account, Region: q.part.key.region, Namespace: "AWS/SQS", Name: name,
		Unit: unit, Dims: metrics.Dims1("QueueName", q.name), Minute: metrics.Minute(time.Unix(0, now))}
	if gauge {
		s.env.Metrics.Set(k, v)
		return
	}
	s.env.Metrics.Add(k, v)
}

// metricSent counts one message sent of size bytes.
func (s *Service) metricSent(q *queue, size int, now int64) {
	if s.env.Metrics == nil {
		return
	}
	s.metric(q, "NumberOfMessagesSent", "Count", 1, now, false)
	s.metric(q, "SentMessageSize", "Bytes", float64(size), now, false)
	s.metricGauges(q, now)
}

// metricReceived counts a receive of n messages: NumberOfEmptyReceives
// when n is 0.
func (s *Service) metricReceived(q *queue, n int, now int64) {
	if s.env.Metrics == nil {
		return
	}
	if n == 0 {
		s.metric(q, "NumberOfEmptyReceives", "Count", 1, now, false)
	} else {
		s.metric(q, "NumberOfMessagesReceived", "Count", float64(n), now, false)
	}
	s.metricGauges(q, now)
}

// metricDeleted counts one message deleted.
func (s *Service) metricDeleted(q *queue, now int64) {
	if s.env.Metrics == nil {
		return
	}
	s.metric(q, "NumberOfMessagesDeleted", "Count", 1, now, false)
	s.metricGauges(q, now)
}

// metricGauges samples the queue's gauges.
func (s *Service) metricGauges(q *queue, now int64) {
	visible, inflight, delayed := q.counts()
	s.metric(q, "ApproximateNumberOfMessagesVisible", "Count", float64(visible), now, true)
	s.metric(q, "ApproximateNumberOfMessagesNotVisible", "Count", float64(inflight), now, true)
	s.metric(q, "ApproximateNumberOfMessagesDelayed", "Count", float64(delayed), now, true)
	age := 0.0
	if m := q.oldest(); m != nil {
		age = float64((now - m.enqueuedAt) / int64(time.Second))
	}
	s.metric(q, "ApproximateAgeOfOldestMessage", "Seconds", age, now, true)
}
