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
// Each costs a counter increment on one of the queue's series of the
// cloud's recorder (env.Metrics), without hashing.

// queueMetrics are a queue's AWS/SQS series.
type queueMetrics struct {
	sent, size, empty, received, deleted, visible, notVisible, delayed, age *metrics.Series
}

// metricsOf returns q's series, made on first use. The caller holds s.mu.
func (s *Service) metricsOf(q *queue) *queueMetrics {
	if q.metrics == nil {
		series := func(name, unit string) *metrics.Series {
			return s.env.Metrics.Series(metrics.Key{Account: q.part.key.account, Region: q.part.key.region,
				Namespace: "AWS/SQS", Name: name, Unit: unit, Dims: metrics.Dims1("QueueName", q.name)})
		}
		q.metrics = &queueMetrics{sent: series("NumberOfMessagesSent", "Count"), size: series("SentMessageSize", "Bytes"),
			empty: series("NumberOfEmptyReceives", "Count"), received: series("NumberOfMessagesReceived", "Count"),
			deleted: series("NumberOfMessagesDeleted", "Count"), visible: series("ApproximateNumberOfMessagesVisible", "Count"),
			notVisible: series("ApproximateNumberOfMessagesNotVisible", "Count"),
			delayed:    series("ApproximateNumberOfMessagesDelayed", "Count"), age: series("ApproximateAgeOfOldestMessage", "Seconds")}
	}
	return q.metrics
}

// minute is the Unix second of the minute of now (Unix nanoseconds).
func minute(now int64) int64 { return metrics.Minute(time.Unix(0, now)) }

// metricSent counts one message sent of size bytes.
func (s *Service) metricSent(q *queue, size int, now int64) {
	if s.env.Metrics == nil {
		return
	}
	m, t := s.metricsOf(q), minute(now)
	m.sent.Add(t, 1)
	m.size.Add(t, float64(size))
	s.metricGauges(q, m, t, now)
}

// metricReceived counts a receive of n messages: NumberOfEmptyReceives
// when n is 0.
func (s *Service) metricReceived(q *queue, n int, now int64) {
	if s.env.Metrics == nil {
		return
	}
	m, t := s.metricsOf(q), minute(now)
	if n == 0 {
		m.empty.Add(t, 1)
	} else {
		m.received.Add(t, float64(n))
	}
	s.metricGauges(q, m, t, now)
}

// metricDeleted counts one message deleted.
func (s *Service) metricDeleted(q *queue, now int64) {
	if s.env.Metrics == nil {
		return
	}
	m, t := s.metricsOf(q), minute(now)
	m.deleted.Add(t, 1)
	s.metricGauges(q, m, t, now)
}

// metricGauges samples the queue's gauges.
func (s *Service) metricGauges(q *queue, m *queueMetrics, t, now int64) {
	visible, inflight, delayed := q.counts()
	m.visible.Set(t, float64(visible))
	m.notVisible.Set(t, float64(inflight))
	m.delayed.Set(t, float64(delayed))
	age := 0.0
	if o := q.oldest(); o != nil {
		age = float64((now - o.enqueuedAt) / int64(time.Second))
	}
	m.age.Set(t, age)
}
