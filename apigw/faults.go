package apigw

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// Call is one recorded call of an operation of the control plane: its
// name, when it came on the cloud's clock, and the injected fault that
// failed it, if any.
type Call = faults.Call

// InjectFault makes the next times calls of operation (named as AWS names
// it: "CreateRestApi", "GetResources") fail with the AWS error code before
// they touch any state; times <= 0 fails every call until ClearFaults. The
// error carries the status the apigateway model gives the code
// (NotFoundException 404, ConflictException 409, TooManyRequestsException
// 429, ServiceUnavailableException 503, ...). It panics on an unknown
// operation name. Invocations of deployed stages are not operations.
func (s *Service) InjectFault(operation, code string, times int) {
	s.faults.Inject(operation, errs.Injected(operation, code), times)
}

// InjectLatency makes every later call of operation wait d on the cloud's
// clock before it runs, until ClearFaults; it never sleeps. d <= 0 removes
// the latency.
func (s *Service) InjectLatency(operation string, d time.Duration) {
	s.faults.InjectLatency(operation, d)
}

// ClearFaults removes every injected fault and latency.
func (s *Service) ClearFaults() { s.faults.Clear() }

// Calls returns the calls of every operation so far, oldest first.
func (s *Service) Calls() []Call { return s.faults.Calls() }

// enter is the first step of every operation of the Go API: it records the
// call of op, waits out an injected latency and returns the caller's scope
// and the fault injected for op, if any.
func (s *Service) enter(ctx context.Context, op string) (faults.Scope, error) {
	return s.faults.Enter(ctx, op, struct{}{})
}
