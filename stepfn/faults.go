package stepfn

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// operations are the names of the Step Functions operations, as AWS
// names them: those of the wire table, which InjectFault, InjectLatency
// and Calls use and the served test checks against the SDK client.
var operations = jsonTargets.Operations()

// faultOps is the operation set every cloud's injector shares.
var faultOps = faults.NewOperations(arnService, operations...)

// Call is one recorded call of an operation, through the wire or the Go
// API: its name, when it came on the cloud's clock, and the injected fault
// that failed it, if any.
type Call = faults.Call

// InjectFault makes the next times calls of operation (named as AWS names
// it: "StartExecution") fail with the AWS error code before they touch
// any state; times <= 0 fails every call until ClearFaults. The codes of
// the sfn model (ExecutionLimitExceeded, StateMachineDoesNotExist, ...)
// are 400 sender faults, as the SDK's typed errors; ThrottlingException
// (400) and ServiceUnavailable (503) are retried by the SDK, each retry
// consuming one failure. It panics on an unknown operation name.
func (s *Service) InjectFault(operation, code string, times int) {
	s.faults.Inject(operation, errs.Injected(operation, code), times)
}

// InjectLatency makes every call of operation wait d on the cloud's clock
// before it runs, until ClearFaults; it never sleeps. d <= 0 removes it.
// It panics on an unknown operation name.
func (s *Service) InjectLatency(operation string, d time.Duration) {
	s.faults.InjectLatency(operation, d)
}

// ClearFaults removes every injected fault and latency.
func (s *Service) ClearFaults() { s.faults.Clear() }

// Calls returns the calls of every operation so far, oldest first: all of
// them, or at least the last 10,000.
func (s *Service) Calls() []Call { return s.faults.Calls() }

// enter is the first step of every operation of the Go API: it resolves
// the caller's scope from ctx, waits out an injected latency, records the
// call and returns the injected fault due for it, if any.
func (s *Service) enter(ctx context.Context, op string) (faults.Scope, error) {
	return s.faults.Enter(ctx, op, struct{}{})
}
