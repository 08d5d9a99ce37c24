package route53

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// Call is one recorded call of an operation, through the wire or the Go
// API: its name, when it came on the cloud's clock, and the injected fault
// that failed it, if any.
type Call = faults.Call

// faultOps is every operation of the wire tables (Route 53's and Route 53
// Domains'): what InjectFault,
// InjectLatency and enter accept.
var faultOps = faults.NewOperations("route53", allOperations()...)

// InjectFault makes the next times calls of operation (named as AWS names
// it: "ChangeResourceRecordSets") fail with the AWS error code before they
// touch any state; times <= 0 fails every call until ClearFaults. The error
// carries the status the Route 53 model gives the code (NoSuchHostedZone
// 404, HostedZoneAlreadyExists 409, PriorRequestNotComplete 400, ...), so
// the SDK returns its typed error; any other code is a 400 sender fault. It
// panics on an unknown operation name.
func (s *Service) InjectFault(operation, code string, times int) {
	s.faults.Inject(operation, errs.Injected(operation, code), times)
}

// InjectLatency makes every later call of operation wait d on the cloud's
// clock before it runs, until ClearFaults; it never sleeps. d <= 0 removes
// the latency. It panics on an unknown operation name.
func (s *Service) InjectLatency(operation string, d time.Duration) {
	s.faults.InjectLatency(operation, d)
}

// ClearFaults removes every injected fault and latency.
func (s *Service) ClearFaults() { s.faults.Clear() }

// Calls returns the calls of every operation so far, oldest first. DNS
// queries are not API calls and are not listed.
func (s *Service) Calls() []Call { return s.faults.Calls() }

// enter is the first step of every operation of the Go API: it records the
// call of op, waits out an injected latency and returns the caller's scope
// and the fault injected for op, if any.
func (s *Service) enter(ctx context.Context, op string) (faults.Scope, error) {
	return s.faults.Enter(ctx, op, struct{}{})
}
