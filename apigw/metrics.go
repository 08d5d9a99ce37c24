package apigw

import (
	"github.com/awsfake/awsfake/internal/metrics"
)

// AWS/ApiGateway standard metrics of REST APIs at one-minute periods, by
// ApiName and by ApiName and Stage, as the API Gateway Developer Guide
// lists them ("Amazon API Gateway dimensions and metrics"): per request
// to a stage, Count, 4XXError and 5XXError (1 for a request of that
// class, else 0, so that their Average is the error rate), Latency and
// IntegrationLatency (milliseconds on the cloud's clock, from the request
// and from the integration's start). Each is a counter increment on the
// cloud's recorder (env.Metrics). Not written: the per-method metrics
// (detailed metrics' ApiName, Method, Resource, Stage) and the cache
// metrics. HTTP APIs' metrics by ApiId are metrics_httpapi.go's.

// metricInvocation records one request to a stage answered with status.
func (s *Service) metricInvocation(x *exchange, status int) {
	rec := s.env.Metrics
	if rec == nil || x.apiName == "" {
		return
	}
	now := s.env.Clock.Now()
	errorOf := func(lo int) float64 {
		if status >= lo && status < lo+100 {
			return 1
		}
		return 0
	}
	for _, dims := range [][2]metrics.Dimension{metrics.Dims1("ApiName", x.apiName),
		metrics.Dims2("ApiName", x.apiName, "Stage", x.t.stage)} {
		add := func(name, unit string, v float64) {
			rec.Add(metrics.Key{Account: x.account, Region: x.region, Namespace: "AWS/ApiGateway", Name: name, Unit: unit,
				Dims: dims, Minute: metrics.Minute(now)}, v)
		}
		add("Count", "Count", 1)
		add("4XXError", "Count", errorOf(400))
		add("5XXError", "Count", errorOf(500))
		add("Latency", "Milliseconds", float64(now.Sub(x.start).Milliseconds()))
		if !x.integStart.IsZero() {
			add("IntegrationLatency", "Milliseconds", float64(now.Sub(x.integStart).Milliseconds()))
		}
	}
}
