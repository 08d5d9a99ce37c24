package sqs

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// operations are the names of the SQS operations, as AWS names them: those
// of the wire table (jsonTargets), which InjectFault, InjectLatency, Calls
// and AddPermission's actions use and the served test checks against the
// SDK client. They are set by init, not by their declaration, because the
// wire table binds AddPermission, which reads them.
var operations []string

// faultOps is the operation set every cloud's injector shares.
var faultOps *faults.Operations

func init() {
	operations = jsonTargets.Operations()
	faultOps = faults.NewOperations(arnService, operations...)
}

// isOperation reports whether op names an SQS operation.
func isOperation(op string) bool { return faultOps.Has(op) }

// Call is one recorded call of an operation, through the wire or the Go
// API: its name, when it came on the cloud's clock, and the injected fault
// that failed it, if any.
type Call = faults.Call

// InjectFault makes the next times calls of operation (named as AWS names
// it: "SendMessage") fail with the AWS error code before they touch any
// state; times <= 0 fails every call until ClearFaults. The code may be
// the modelled name (QueueDoesNotExist, OverLimit) or the awsQuery code
// (AWS.SimpleQueueService.NonExistentQueue); the error carries the status
// and fault side the SQS model gives it, so that the SDK returns its typed
// error. Codes SQS does not model work too (InternalFailure 500,
// ServiceUnavailable 503, ThrottlingException 400, AccessDenied 403); any
// other code is a 400 sender fault. The SDK retries 500, 502, 503, 504
// and the throttling codes it knows (ThrottlingException, RequestThrottled,
// ...), each retry consuming one failure. Faults queue per operation in
// the order injected. It panics on an unknown operation name.
func (s *Service) InjectFault(operation, code string, times int) {
	s.faults.Inject(operation, errs.Injected(operation, code), times)
}

// InjectLatency makes every call of operation (named as AWS names it:
// "ReceiveMessage") wait d on the cloud's clock before it runs, until
// ClearFaults: the call parks as a waiter on the clock (a clock.Fake's
// BlockUntil counts it) and goes on when the test advances the clock by d,
// or fails with ctx's error when ctx ends first. It never sleeps. d <= 0
// removes the latency. It panics on an unknown operation name.
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
