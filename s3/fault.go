package s3

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/awserr"
)

// Call is one operation the service was asked to run, through the wire or
// the Go API, recorded for assertions.
type Call struct {
	Operation string // AWS operation name: PutObject, ListObjectsV2, ...
	Bucket    string
	Key       string
	At        time.Time // on the cloud's clock
	Err       error     // an injected fault, or nil (the outcome is not recorded)
}

// fault is a failure injected for an operation.
type fault struct {
	op    string
	err   error
	times int // calls left to fail; <= 0 means every call until cleared
}

// NewError returns an S3 error with AWS's code, message and HTTP status,
// for InjectFault: NewError("SlowDown", "Please reduce your request rate.", 503).
func NewError(code, message string, status int) error {
	e := awserr.New(code, status, "%s", message)
	e.Receiver = status >= 500
	return e
}

// InjectFault makes the next times calls of operation (an AWS operation
// name such as "PutObject") fail with err before they touch any state;
// times <= 0 fails every call until ClearFaults. An err made by NewError
// reaches SDK clients with its code and status; any other error is a 500
// InternalError. Faults apply in the order they were injected.
func (s *Service) InjectFault(operation string, err error, times int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &fault{op: operation, err: err, times: times})
}

// ClearFaults removes every injected fault.
func (s *Service) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// maxRecorded is how many calls, and how many notifications, a service
// remembers at least: the oldest are forgotten past twice as many, so that
// a long-running server does not grow without bound.
const maxRecorded = 10000

// trimRecord drops the oldest entries of a record that reached twice
// maxRecorded, keeping the newest maxRecorded.
func trimRecord[T any](r []T) []T {
	if len(r) < 2*maxRecorded {
		return r
	}
	return append([]T(nil), r[len(r)-maxRecorded:]...)
}

// Calls returns the operations called so far, oldest first: all of them,
// or at least the last 10,000.
func (s *Service) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// enter records a call of op and returns the fault injected for it, if any,
// or the context's error.
func (s *Service) enter(ctx context.Context, op, bucket, key string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var err error
	for i, f := range s.faults {
		if f.op != op {
			continue
		}
		err = f.err
		if f.times > 0 {
			f.times--
			if f.times == 0 {
				s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
			}
		}
		break
	}
	s.calls = append(trimRecord(s.calls), Call{Operation: op, Bucket: bucket, Key: key, At: s.now(), Err: err})
	if err != nil {
		if ae, ok := err.(*awserr.Error); ok {
			return ae
		}
		return &awserr.Error{Code: "InternalError", Status: 500, Receiver: true,
			Message: "We encountered an internal error. Please try again. (" + err.Error() + ")"}
	}
	return nil
}
