package sqs

import (
	"context"
	"slices"

	"github.com/awsfake/awsfake/internal/faults"
)

// operations are the names of the 23 SQS operations, as AWS names them:
// what InjectFault, Calls and AddPermission's actions use.
var operations = []string{
	"AddPermission", "CancelMessageMoveTask", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch",
	"CreateQueue", "DeleteMessage", "DeleteMessageBatch", "DeleteQueue", "GetQueueAttributes", "GetQueueUrl",
	"ListDeadLetterSourceQueues", "ListMessageMoveTasks", "ListQueueTags", "ListQueues", "PurgeQueue",
	"ReceiveMessage", "RemovePermission", "SendMessage", "SendMessageBatch", "SetQueueAttributes",
	"StartMessageMoveTask", "TagQueue", "UntagQueue",
}

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
	s.faults.Inject(operation, newError(code, "awsfake: injected %s fault for %s", code, operation), times)
}

// ClearFaults removes every injected fault.
func (s *Service) ClearFaults() { s.faults.Clear() }

// Calls returns the calls of every operation so far, oldest first: all of
// them, or at least the last 10,000.
func (s *Service) Calls() []Call { return s.faults.Calls() }

// begin is the first thing every operation does: it records the call and
// returns the injected failure due for it, if any.
func (s *Service) begin(op string) error {
	_, err := s.faults.Enter(context.TODO(), op, struct{}{})
	return err
}

func isOperation(op string) bool { return slices.Contains(operations, op) }

// faultOps is the operation set every cloud's injector shares.
var faultOps = faults.NewOperations("sqs", operations...)
