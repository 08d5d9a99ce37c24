package xray

import (
	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/xtrace"
)

// deliverSampling answers a service of the cloud that starts a trace
// (xtrace.Sample: Lambda with Active tracing, an API Gateway stage with
// tracing on) with the decision of the sampling rules of the ARN's account
// and region, as Sample gives a test's tracer: "1" to trace, "0" not.
func (s *Service) deliverSampling(a arn.ARN, m bus.Message) []byte {
	sc := faults.Scope{Account: a.Account, Region: a.Region, Partition: a.Partition}
	req := SamplingRequest{ServiceName: m.Meta[xtrace.MetaServiceName], ServiceType: m.Meta[xtrace.MetaServiceType],
		Host: m.Meta[xtrace.MetaHost], HTTPMethod: m.Meta[xtrace.MetaHTTPMethod], URLPath: m.Meta[xtrace.MetaURLPath],
		ResourceARN: m.Meta[xtrace.MetaResourceARN]}
	if s.sample(sc, req).Sampled {
		return []byte("1")
	}
	return []byte("0")
}
