package sqs

import (
	"fmt"
	"sync"
	"time"
)

// operations are the names of the 23 SQS operations, as AWS names them:
// what FailNext and Calls use.
var operations = [...]string{
	"AddPermission", "CancelMessageMoveTask", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch",
	"CreateQueue", "DeleteMessage", "DeleteMessageBatch", "DeleteQueue", "GetQueueAttributes", "GetQueueUrl",
	"ListDeadLetterSourceQueues", "ListMessageMoveTasks", "ListQueueTags", "ListQueues", "PurgeQueue",
	"ReceiveMessage", "RemovePermission", "SendMessage", "SendMessageBatch", "SetQueueAttributes",
	"StartMessageMoveTask", "TagQueue", "UntagQueue",
}

// Call is one recorded call of an operation.
type Call struct {
	Op string    // the operation, as AWS names it
	At time.Time // when, on the cloud's clock
}

// faults holds the injected failures and the call log. It has its own lock,
// never held with the service's.
type faults struct {
	mu      sync.Mutex
	pending map[string][]pendingFault
	record  bool
	calls   []Call
}

type pendingFault struct {
	n    int
	code string
}

// FailNext makes the next n calls of op (an operation name such as
// "SendMessage") fail with the AWS error code, which may be the modelled name
// (QueueDoesNotExist, OverLimit) or the awsQuery code
// (AWS.SimpleQueueService.NonExistentQueue). The error carries the status and
// fault AWS gives that code, so the SDK returns its typed error; codes SQS
// does not model (ServiceUnavailable, InternalFailure, ThrottlingException)
// work too, and retryable ones are retried by the SDK as against AWS. Faults
// queue up: FailNext("SendMessage", 1, "A") then FailNext("SendMessage", 2,
// "B") fails the next call with A and the two after with B. It panics on an
// unknown operation name.
func (s *Service) FailNext(op string, n int, code string) {
	if !isOperation(op) {
		panic(fmt.Sprintf("sqs.FailNext: unknown operation %q", op))
	}
	if n <= 0 {
		return
	}
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	if s.faults.pending == nil {
		s.faults.pending = map[string][]pendingFault{}
	}
	s.faults.pending[op] = append(s.faults.pending[op], pendingFault{n: n, code: code})
}

// RecordCalls starts recording every call of every operation, through the
// wire or the Go API, for Calls.
func (s *Service) RecordCalls() {
	s.faults.mu.Lock()
	s.faults.record = true
	s.faults.mu.Unlock()
}

// Calls returns the calls recorded since RecordCalls, oldest first.
func (s *Service) Calls() []Call {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	return append([]Call(nil), s.faults.calls...)
}

// begin is the first thing every operation does: it records the call and
// returns the injected failure due for it, if any.
func (s *Service) begin(op string) error {
	f := &s.faults
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.record {
		f.calls = append(f.calls, Call{Op: op, At: s.env.Clock.Now()})
	}
	p := f.pending[op]
	if len(p) == 0 {
		return nil
	}
	code := p[0].code
	if p[0].n--; p[0].n == 0 {
		f.pending[op] = p[1:]
	}
	return newError(code, "awsfake: injected %s fault for %s", code, op)
}

func isOperation(op string) bool {
	for _, o := range operations {
		if o == op {
			return true
		}
	}
	return false
}
