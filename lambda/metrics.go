package lambda

import (
	"time"

	"github.com/awsfake/awsfake/internal/metrics"
)

// AWS/Lambda standard metrics at one-minute periods, by FunctionName, and
// by FunctionName and Resource (name:qualifier) for an invocation of a
// version or alias: Invocations, Errors (a function error or a timeout),
// Duration (milliseconds), ConcurrentExecutions (the function's running
// invocations, sampled at each start), and Throttles; for asynchronous
// invocation, as the Lambda Developer Guide defines them
// ("Asynchronous invocation metrics"): AsyncEventsReceived (an event
// queued), AsyncEventAge (milliseconds from its queueing to each attempt
// that runs the function), AsyncEventsDropped (an event given up: retries
// exhausted, too old, or its function deleted), and DeadLetterErrors and
// DestinationDeliveryFailures (a dead-letter or destination delivery the
// bus could not make, counted when it fails). Each costs counter
// increments on the cloud's recorder (env.Metrics).

// lambdaMetric adds v to one AWS/Lambda metric of r's function, by
// FunctionName and, when r is qualified, by FunctionName and Resource.
func (s *Service) lambdaMetric(r ref, name, unit string, v float64, at time.Time, gauge bool) {
	k := metrics.Key{Account: r.at.account, Region: r.at.region, Namespace: "AWS/Lambda", Name: name, Unit: unit,
		Dims: metrics.Dims1("FunctionName", r.name), Minute: metrics.Minute(at)}
	add := s.env.Metrics.Add
	if gauge {
		add = s.env.Metrics.Set
	}
	add(k, v)
	if r.qualifier != "" {
		k.Dims = metrics.Dims2("FunctionName", r.name, "Resource", r.name+":"+r.qualifier)
		add(k, v)
	}
}

// metricInvocation records an invocation that ended at end.
func (s *Service) metricInvocation(inv *invocation, o outcome, end time.Time) {
	if s.env.Metrics == nil {
		return
	}
	r := inv.req.ref
	s.lambdaMetric(r, "Invocations", "Count", 1, end, false)
	errors := 0.0
	if o.functionError != "" || o.timedOut {
		errors = 1
	}
	s.lambdaMetric(r, "Errors", "Count", errors, end, false)
	s.lambdaMetric(r, "Duration", "Milliseconds", float64(end.Sub(inv.start))/float64(time.Millisecond), end, false)
}

// metricStart samples the function's concurrent executions.
func (s *Service) metricStart(r ref, running int, at time.Time) {
	if s.env.Metrics == nil {
		return
	}
	s.lambdaMetric(r, "ConcurrentExecutions", "Count", float64(running), at, true)
}

// metricThrottle counts a throttled invocation.
func (s *Service) metricThrottle(r ref, at time.Time) {
	if s.env.Metrics == nil {
		return
	}
	s.lambdaMetric(r, "Throttles", "Count", 1, at, false)
}

// metricAsync counts one asynchronous-invocation event of r's function:
// AsyncEventsReceived, AsyncEventsDropped, DeadLetterErrors or
// DestinationDeliveryFailures.
func (s *Service) metricAsync(r ref, name string, at time.Time) {
	if s.env.Metrics == nil {
		return
	}
	s.lambdaMetric(r, name, "Count", 1, at, false)
}

// metricEventAge records the age of ev at an attempt made at at.
func (s *Service) metricEventAge(ev *asyncEvent, at time.Time) {
	if s.env.Metrics == nil {
		return
	}
	s.lambdaMetric(ev.ref, "AsyncEventAge", "Milliseconds", float64(at.Sub(ev.received).Milliseconds()), at, false)
}

// countFailure returns a bus delivery callback that counts the metric
// name of r's function when the delivery fails.
func (s *Service) countFailure(r ref, name string) func(error) {
	return func(err error) {
		if err != nil {
			s.metricAsync(r, name, s.now())
		}
	}
}
