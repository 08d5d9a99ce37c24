package s3

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// Call is one operation the service was asked to run, through the wire or
// the Go API, recorded for assertions.
type Call struct {
	Operation string // AWS operation name: PutObject, ListObjectsV2, ...
	Bucket    string // as the call named it; empty for ListBuckets
	Key       string // as the call named it; empty for bucket operations
	At        time.Time
	// Err is the injected fault that failed the call, or nil when the call
	// ran (its outcome is not recorded).
	Err error
}

// callTarget is what a call named, recorded beside it.
type callTarget struct{ bucket, key string }

// InjectFault makes the next times calls of operation (named as AWS names
// it: "PutObject") fail with the S3 error code before they touch any
// state; times <= 0 fails every call until ClearFaults. The error carries
// the status, fault side and message S3 gives the code (NoSuchKey 404,
// NoSuchBucket 404, AccessDenied 403, SlowDown 503, InternalError 500,
// ServiceUnavailable 503, ...); any other code is a 400 sender fault. The
// SDK retries 500, 502, 503, 504, SlowDown and RequestTimeout, each retry
// consuming one failure. Faults queue per operation in the order injected.
// It panics on an unknown operation name.
func (s *Service) InjectFault(operation, code string, times int) {
	s.faults.Inject(operation, errs.Injected(operation, code), times)
}

// InjectLatency makes every call of operation (named as AWS names it) wait
// d on the cloud clock before it runs, until ClearFaults: the call parks as
// a waiter on the clock (a fake clock's BlockUntil counts it) and goes on
// when the test advances the clock by d, or fails with its context's error
// when the context ends first. It never sleeps. d <= 0 removes the latency.
// It panics on an unknown operation name.
func (s *Service) InjectLatency(operation string, d time.Duration) {
	s.faults.InjectLatency(operation, d)
}

// ClearFaults removes every injected fault and latency.
func (s *Service) ClearFaults() { s.faults.Clear() }

// Calls returns the operations called so far, oldest first: all of them,
// or at least the last 10,000.
func (s *Service) Calls() []Call {
	entries := s.faults.Entries()
	out := make([]Call, len(entries))
	for i, e := range entries {
		out[i] = Call{Operation: e.Operation, Bucket: e.Detail.bucket, Key: e.Detail.key, At: e.At, Err: e.Err}
	}
	return out
}

// enter is the first step of every operation: it fails at once with the
// context's error when ctx has ended, and otherwise resolves the caller's
// scope, waits out an injected latency, records the call of op with the
// bucket and key it names and returns the fault injected for it, if any.
func (s *Service) enter(ctx context.Context, op, bucket, key string) (faults.Scope, error) {
	if err := ctx.Err(); err != nil {
		return faults.Scope{}, err
	}
	return s.faults.Enter(ctx, op, callTarget{bucket: bucket, key: key})
}

// faultOps is the operation set every cloud's injector shares: the
// operations of the wire table.
var faultOps = faults.NewOperations("s3", routes.Operations()...)
