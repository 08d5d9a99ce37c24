package eventbridge

import (
	"context"
	"slices"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// operations are the names of the operations of the Go API, EventBridge's
// and Scheduler's, as AWS names them: those of the two wire tables that
// answer real behaviour. TagResource, UntagResource and
// ListTagsForResource serve both clients.
var operations []string

// faultOps is the operation set every cloud's injector shares.
var faultOps *faults.Operations

func init() {
	ops := slices.Concat(jsonTargets.Operations(), schedRoutes.Operations())
	slices.Sort(ops)
	operations = slices.DeleteFunc(slices.Compact(ops), isUnsupported)
	faultOps = faults.NewOperations(arnService, operations...)
}

// Call is one recorded call of an operation.
type Call = faults.Call

// InjectFault makes the next times calls of operation (as AWS names it:
// "PutEvents", "CreateSchedule") fail with the AWS error code before they
// touch any state; times <= 0 fails every call until ClearFaults. The
// error carries the status EventBridge's catalogue gives the code (a
// Scheduler operation's, Scheduler's), so that the SDK returns its typed
// error. It panics on an unknown operation name.
func (s *Service) InjectFault(operation, code string, times int) {
	cat := errs
	if schedulerOps[operation] {
		cat = schedErrs
	}
	s.faults.Inject(operation, cat.Injected(operation, code), times)
}

// InjectLatency makes every call of operation wait d on the cloud's clock
// before it runs, until ClearFaults. It never sleeps. It panics on an
// unknown operation name.
func (s *Service) InjectLatency(operation string, d time.Duration) {
	s.faults.InjectLatency(operation, d)
}

// ClearFaults removes every injected fault and latency.
func (s *Service) ClearFaults() { s.faults.Clear() }

// Calls returns the calls of every operation so far, oldest first.
func (s *Service) Calls() []Call { return s.faults.Calls() }

// enter is the first step of every operation of the Go API: the caller's
// scope, an injected latency, the call log and the injected fault due.
func (s *Service) enter(ctx context.Context, op string) (faults.Scope, error) {
	return s.faults.Enter(ctx, op, struct{}{})
}
