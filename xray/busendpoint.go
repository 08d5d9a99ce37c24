package xray

import (
	"context"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/xtrace"
)

// SegmentsResource is the resource of the ARN other services post their
// segment documents to: arn:<partition>:xray:<region>:<account>:segments
// (SegmentsARN). It is the fake's own seam, not an AWS resource.
const SegmentsResource = "segments"

// SegmentsARN is the bus target where a service of the cloud posts the
// segments it emits for an account and region (sc.ARN("xray", "segments")).
func SegmentsARN(sc faults.Scope) string { return sc.ARN(arnService, SegmentsResource) }

// deliver is the bus endpoint of X-Ray: a delivery to SegmentsARN stores
// Body, a segment document (or an array of subsegments), in the ARN's
// account and region, as PutTraceSegments would; it answers with nothing.
// A document X-Ray would not process is InvalidRequestException with the
// unprocessed code and message, which the bus records for a posted
// delivery. Any other xray ARN is ResourceNotFoundException.
func (s *Service) deliver(_ context.Context, target string, m bus.Message) ([]byte, error) {
	a, err := arn.Parse(target)
	if err == nil && a.Resource == xtrace.SamplingResource {
		return s.deliverSampling(a, m), nil
	}
	if err != nil || a.Resource != SegmentsResource {
		return nil, errNotFound("No X-Ray endpoint at %s", target)
	}
	sc := faults.Scope{Account: a.Account, Region: a.Region, Partition: a.Partition}
	out := s.putDocuments(sc, []string{string(m.Body)})
	if len(out.UnprocessedTraceSegments) > 0 {
		u := out.UnprocessedTraceSegments[0]
		return nil, errInvalid("%s: %s", u.ErrorCode, u.Message)
	}
	return nil, nil
}
