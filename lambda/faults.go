package lambda

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
// it: "Invoke", "CreateFunction") fail with the AWS error code before they
// touch any state; times <= 0 fails every call until ClearFaults. The error
// carries the status and fault side the Lambda model gives the code
// (ResourceNotFoundException 404, TooManyRequestsException 429,
// ServiceException 500, ResourceConflictException 409, ...), so that the
// SDK returns its typed error; AWS's common errors work too
// (ServiceUnavailable 503, ThrottlingException 400; AccessDeniedException
// is Lambda's 403), and any other code is a 400 sender fault. The status
// comes from the catalogue the engine's own errors use (errors.go). The SDK retries 500, 502, 503, 504 and
// the throttling codes it knows (TooManyRequestsException,
// EC2ThrottledException, ThrottlingException), each retry consuming one
// failure. Faults queue per operation in the order injected. It panics on
// an unknown operation name.
//
// An injected Invoke fault is an API error, as when Lambda refuses an
// invocation; FailNextInvocations makes the function itself fail.
func (s *Service) InjectFault(operation, code string, times int) {
	e := errs.Injected(operation, code)
	side := "User"
	if e.Receiver {
		side = "Service"
	}
	e.Fields = map[string]string{"Type": side}
	s.faults.Inject(operation, e, times)
}

// ClearFaults removes every injected fault and latency.
func (s *Service) ClearFaults() { s.faults.Clear() }

// Calls returns the calls of every operation so far, oldest first: all of
// them, or at least the last 10,000. Invocations by event sources, SNS and
// other services are not API calls and are not listed (see Invocations).
func (s *Service) Calls() []Call { return s.faults.Calls() }

// InjectLatency makes every later call of operation (named as AWS names it)
// wait d on the cloud's clock before it runs, until ClearFaults: the call
// parks as a waiter on the clock (a clock.Fake's BlockUntil counts it) and
// goes on when the test advances the clock by d, or fails with its
// context's error when that ends first. It never sleeps. d <= 0 removes the
// latency. It panics on an unknown operation name. SetLatency delays a
// function's invocations instead.
func (s *Service) InjectLatency(operation string, d time.Duration) {
	s.faults.InjectLatency(operation, d)
}

// enter is the first step of every operation of the Go API: it records the
// call of op, waits out an injected latency and returns the caller's scope
// and the fault injected for op, if any.
func (s *Service) enter(ctx context.Context, op string) (faults.Scope, error) {
	return s.faults.Enter(ctx, op, struct{}{})
}

// invocationFaults is the fault injection set on a function.
type invocationFaults struct {
	failNext int
	latency  time.Duration
}

// fault is what is injected into one invocation.
type fault struct {
	fail    bool
	latency time.Duration
}

func (f *invocationFaults) next() fault {
	out := fault{latency: f.latency}
	if f.failNext > 0 {
		f.failNext--
		out.fail = true
	}
	return out
}

// FailNextInvocations makes the next n invocations of a function (any
// version) fail as an unhandled function error, with the error document
// {"errorMessage":"awsfake: injected failure","errorType":"InjectedFailure"},
// without calling the handler. They run through the whole invocation path:
// logs, records, asynchronous retries and destinations.
func (s *Service) FailNextInvocations(_ context.Context, functionName string, n int) error {
	return s.withFaults(functionName, func(f *invocationFaults) { f.failNext = n })
}

// SetLatency makes every later invocation of a function wait d on the cloud's
// clock before its handler runs; the wait counts against the timeout, so a
// latency at or over the timeout makes invocations time out. Zero removes it.
func (s *Service) SetLatency(_ context.Context, functionName string, d time.Duration) error {
	return s.withFaults(functionName, func(f *invocationFaults) { f.latency = d })
}

func (s *Service) withFaults(functionName string, set func(*invocationFaults)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.goAPIFunctionLocked(functionName)
	if err != nil {
		return err
	}
	set(&f.faults)
	return nil
}
