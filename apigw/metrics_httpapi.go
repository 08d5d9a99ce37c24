package apigw

import (
	"github.com/awsfake/awsfake/internal/metrics"
)

// AWS/ApiGateway standard metrics of HTTP APIs at one-minute periods, by
// ApiId and by ApiId and Stage, as the API Gateway Developer Guide lists
// them for HTTP APIs ("Working with metrics for HTTP APIs"): per request
// to an HTTP API, Count, 4xx and 5xx (1 for a request of that class, else
// 0, so that their Average is the error rate), Latency (milliseconds on
// the cloud's clock from the request to the answer), IntegrationLatency
// (from the integration's start, for a request that reached one) and
// DataProcessed (the request's and the answer's body bytes). A request
// that resolves to no stage counts by ApiId alone. Not written: the
// per-route metrics (detailed metrics' ApiId, Stage, Route).

// metricHTTPAPI records one request to an HTTP API answered with res.
func (s *Service) metricHTTPAPI(x *hExchange, res response) {
	rec := s.env.Metrics
	if rec == nil {
		return
	}
	now := s.env.Clock.Now()
	class := func(lo int) float64 {
		if res.status >= lo && res.status < lo+100 {
			return 1
		}
		return 0
	}
	dims := [][2]metrics.Dimension{metrics.Dims1("ApiId", x.apiID)}
	if x.stage.StageName != "" {
		dims = append(dims, metrics.Dims2("ApiId", x.apiID, "Stage", x.stage.StageName))
	}
	for _, d := range dims {
		add := func(name, unit string, v float64) {
			rec.Add(metrics.Key{Account: x.account, Region: x.region, Namespace: "AWS/ApiGateway", Name: name, Unit: unit,
				Dims: d, Minute: metrics.Minute(now)}, v)
		}
		add("Count", "Count", 1)
		add("4xx", "Count", class(400))
		add("5xx", "Count", class(500))
		add("Latency", "Milliseconds", float64(now.Sub(x.start).Milliseconds()))
		if !x.integStart.IsZero() {
			add("IntegrationLatency", "Milliseconds", float64(now.Sub(x.integStart).Milliseconds()))
		}
		add("DataProcessed", "Bytes", float64(len(x.body)+len(res.body)))
	}
}
