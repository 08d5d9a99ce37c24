package xray

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
// it: "PutTraceSegments", "GetTraceSummaries") fail with the AWS error code
// before they touch any state; times <= 0 fails every call until
// ClearFaults. The error carries the status the X-Ray model gives the code
// (ThrottledException 429, InvalidRequestException 400,
// ResourceNotFoundException 404); AWS's common errors work too, and any
// other code is a 400 sender fault. It panics on an unknown operation name.
func (s *Service) InjectFault(operation, code string, times int) {
	s.faults.Inject(operation, errs.Injected(operation, code), times)
}

// InjectLatency makes every later call of operation wait d on the cloud's
// clock before it runs, until ClearFaults, never sleeping. d <= 0 removes
// the latency. It panics on an unknown operation name.
func (s *Service) InjectLatency(operation string, d time.Duration) {
	s.faults.InjectLatency(operation, d)
}

// ClearFaults removes every injected fault and latency.
func (s *Service) ClearFaults() { s.faults.Clear() }

// Calls returns the calls of every operation so far, oldest first (at
// least the last 10,000). Segments the UDP daemon receives are not calls.
func (s *Service) Calls() []Call { return s.faults.Calls() }

// enter is the first step of every operation of the Go API: it records the
// call of op, waits out an injected latency and returns the caller's scope
// and the fault injected for op, if any.
func (s *Service) enter(ctx context.Context, op string) (faults.Scope, error) {
	return s.faults.Enter(ctx, op, struct{}{})
}
