package stepfn

import (
	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/metrics"
)

// AWS/States standard metrics at one-minute periods, by StateMachineArn,
// as the Step Functions Developer Guide lists them ("Execution metrics"):
// ExecutionsStarted when an execution begins, ExecutionsRedriven when it
// is redriven, and when it closes one of ExecutionsSucceeded,
// ExecutionsFailed, ExecutionsTimedOut and ExecutionsAborted with
// ExecutionTime (milliseconds from its start, on the cloud's clock). Each
// is one counter increment on the cloud's recorder (env.Metrics).

// statesMetric adds v to the metric name of ex's state machine at the
// clock's minute.
func (ex *execution) statesMetric(name, unit string, v float64) {
	rec := ex.svc.env.Metrics
	if rec == nil {
		return
	}
	a, err := arn.Parse(ex.machineARN)
	if err != nil {
		return
	}
	rec.Add(metrics.Key{Account: a.Account, Region: a.Region, Namespace: "AWS/States", Name: name, Unit: unit,
		Dims: metrics.Dims1("StateMachineArn", ex.machineARN), Minute: metrics.Minute(ex.svc.env.Clock.Now())}, v)
}

// closedMetrics are the metrics of an execution that closed with status.
var closedMetrics = map[string]string{statusSucceeded: "ExecutionsSucceeded", statusFailed: "ExecutionsFailed",
	statusTimedOut: "ExecutionsTimedOut", statusAborted: "ExecutionsAborted"}

// metricClosed counts the close of ex and its ExecutionTime.
func (ex *execution) metricClosed(status string) {
	ex.statesMetric(closedMetrics[status], "Count", 1)
	ex.statesMetric("ExecutionTime", "Milliseconds", float64(ex.stop.Sub(ex.start).Milliseconds()))
}
