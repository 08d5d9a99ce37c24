// Package faults is the one fault-injection and call-log mechanism every
// service uses, so that each offers the same test helpers: InjectFault,
// ClearFaults and Calls.
//
// A service keeps one Injector. Each operation, through the wire or the Go
// API, starts with Enter, which records the call (the log keeps the last
// record.Keep) and returns the error injected for it, if any, before the engine
// looks at the request: an injected failure leaves state untouched. The service resolves an AWS
// error code to the status, fault side and legacy code AWS gives it, from
// its own error catalogue (Catalogue, Common), and hands Inject the error.
//
// An Injector has its own lock, held for a few map and slice operations
// only: never with an engine's lock, never across a callback.
package faults

import (
	"fmt"
	"sync"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/record"
)

// Call is one call of an operation, through the wire or the Go API.
type Call struct {
	// Operation is the operation's name, as AWS names it (SendMessage).
	Operation string
	// At is when the call came, on the cloud's clock.
	At time.Time
	// Err is the injected fault that failed the call, or nil when the call
	// ran (its outcome is not recorded).
	Err error
}

// Entry is a recorded call with what the service notes about it beyond the
// common fields (S3: the bucket and key).
type Entry[D any] struct {
	Call
	Detail D
}

// Injector holds the faults injected into one service's operations and the
// log of its calls. D is what the service records about each call besides
// Call's fields; struct{} when nothing. It is safe for concurrent use.
type Injector[D any] struct {
	ops   *Operations
	clock clock.Clock

	mu      sync.Mutex
	pending map[string][]*pending // by operation, in injection order
	calls   record.Log[Entry[D]]
}

// pending is one injected fault and how many calls it still fails.
type pending struct {
	err  *awserr.Error
	left int // <= 0: every call until Clear
}

// Operations is the set of one service's operation names, built once per
// package with NewOperations and shared, read-only, by every cloud's
// injector of that service.
type Operations struct {
	service string
	names   map[string]bool
}

// NewOperations returns the operation set of the named service (sqs, s3:
// the name its panics give).
func NewOperations(service string, names ...string) *Operations {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return &Operations{service: service, names: set}
}

// New returns an injector for the operations ops, stamping calls with clk.
// It allocates little: building a cloud builds one per service.
func New[D any](ops *Operations, clk clock.Clock) *Injector[D] {
	return &Injector[D]{ops: ops, clock: clk}
}

// Inject makes the next times calls of op fail with err; times <= 0 fails
// every call until Clear. Faults queue per operation in the order they were
// injected: one that fails every call holds back those injected after it.
// An unknown operation name is a bug in the test: Inject panics.
func (in *Injector[D]) Inject(op string, err *awserr.Error, times int) {
	in.check(op, "InjectFault")
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.pending == nil {
		in.pending = map[string][]*pending{}
	}
	in.pending[op] = append(in.pending[op], &pending{err: err, left: times})
}

// Clear removes every injected fault; the call log stays.
func (in *Injector[D]) Clear() {
	in.mu.Lock()
	defer in.mu.Unlock()
	clear(in.pending)
}

// Enter records a call of op with its detail and returns the fault
// injected for it (a copy of the injected *awserr.Error), or nil. It
// panics on an operation the service did not list: a bug in the service.
func (in *Injector[D]) Enter(op string, detail D) error {
	in.check(op, "Enter")
	now := in.clock.Now()
	in.mu.Lock()
	defer in.mu.Unlock()
	var err error
	if q := in.pending[op]; len(q) > 0 {
		p := q[0]
		c := *p.err
		err = &c
		if p.left > 0 {
			if p.left--; p.left == 0 {
				in.pending[op] = q[1:]
			}
		}
	}
	in.calls.Add(Entry[D]{Call: Call{Operation: op, At: now, Err: err}, Detail: detail})
	return err
}

// Calls returns the calls recorded, oldest first: all of them, or the last
// record.Keep.
func (in *Injector[D]) Calls() []Call {
	entries := in.Entries()
	out := make([]Call, len(entries))
	for i, e := range entries {
		out[i] = e.Call
	}
	return out
}

// Entries returns the calls recorded with their details, oldest first, as
// Calls does.
func (in *Injector[D]) Entries() []Entry[D] {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.calls.All()
}

func (in *Injector[D]) check(op, method string) {
	if !in.ops.names[op] {
		panic(fmt.Sprintf("%s.%s: unknown operation %q", in.ops.service, method, op))
	}
}
