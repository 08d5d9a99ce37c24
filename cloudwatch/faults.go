package cloudwatch

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// Call is one recorded call of an operation, through the wire or the Go
// API: its name, when it came on the cloud's clock, and the injected fault
// that failed it, if any.
type Call = faults.Call

// InjectFault makes the next times calls of operation (named as AWS names
// it: "PutMetricData") fail with the AWS error code before the service
// looks at them; times <= 0 fails every call until ClearFaults. The error
// carries the status and fault side CloudWatch gives the code
// (ResourceNotFound 404, LimitExceededFault 400, InternalServiceFault
// 500, ...), so that the SDK returns its typed error. It panics on an
// unknown operation name.
func (s *Service) InjectFault(operation, code string, times int) {
	s.faults.Inject(operation, errs.Injected(operation, code), times)
}

// InjectLatency makes every call of operation wait d on the cloud's clock
// before it runs, until ClearFaults; it never sleeps. d <= 0 removes the
// latency. It panics on an unknown operation name.
func (s *Service) InjectLatency(operation string, d time.Duration) {
	s.faults.InjectLatency(operation, d)
}

// ClearFaults removes every injected fault and latency.
func (s *Service) ClearFaults() { s.faults.Clear() }

// Calls returns the calls of every operation so far, oldest first: all of
// them, or at least the last 10,000.
func (s *Service) Calls() []Call { return s.faults.Calls() }

// enter is the first step of every operation: it resolves the caller's
// scope, waits out an injected latency, records the call and returns the
// fault injected for it, if any.
func (s *Service) enter(ctx context.Context, op string) (faults.Scope, error) {
	return s.faults.Enter(ctx, op, struct{}{})
}

// faultOps is the operation set every cloud's injector shares: the wire
// table's.
var faultOps = faults.NewOperations(arnService, operations()...)
