// Package faults is the per-operation seam every service goes through, and
// its error catalogues.
//
// A service keeps one Injector. Each operation of its Go API, whether the
// wire or a Go caller calls it, starts with Enter(ctx, op, detail): the one
// place where the call is recorded (the log keeps the last record.Keep: it
// holds no bodies, so it is bounded by count alone, outside the cloud's
// record byte budget), an
// injected latency parks the call on the cloud clock, an injected fault
// fails it before the engine looks at the request (so state is untouched),
// and the caller's Scope (account, region, partition) is resolved from ctx
// and handed to the operation. Authorisation, metrics and traces hang on the
// same seam.
//
// A service keeps one Catalogue (NewCatalogue over Common): each code it
// raises with its HTTP status, fault side, legacy awsQuery code and usual
// message. The engine's errors (Catalogue.New) and InjectFault
// (Catalogue.Injected) read it alike.
//
// An Injector has its own lock, held for a few map and slice operations
// only: never with an engine's lock, never across a callback or a wait.
package faults

import (
	"context"
	"fmt"
	"slices"
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
	scope Scope // the cloud's own, for callers whose ctx names none

	mu      sync.Mutex
	pending map[string][]*pending    // by operation, in injection order
	latency map[string]time.Duration // by operation
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

// New returns an injector for the operations ops, stamping calls with clk;
// def is the scope of callers whose ctx carries none (the cloud's account
// and region). It allocates little: building a cloud builds one per service.
func New[D any](ops *Operations, clk clock.Clock, def Scope) *Injector[D] {
	return &Injector[D]{ops: ops, clock: clk, scope: def}
}

// Names returns the operation names, sorted.
func (o *Operations) Names() []string {
	out := make([]string, 0, len(o.names))
	for n := range o.names {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Has reports whether op is one of the operations.
func (o *Operations) Has(op string) bool { return o.names[op] }

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

// InjectLatency makes every call of op wait d on the cloud clock before it
// runs, until Clear: the call parks as a waiter on the clock (a fake clock's
// BlockUntil counts it) and goes on when the test advances the clock by d,
// or fails with ctx's error when ctx ends first. It never sleeps. d <= 0
// removes the latency. An unknown operation name panics.
func (in *Injector[D]) InjectLatency(op string, d time.Duration) {
	in.check(op, "InjectLatency")
	in.mu.Lock()
	defer in.mu.Unlock()
	if d <= 0 {
		delete(in.latency, op)
		return
	}
	if in.latency == nil {
		in.latency = map[string]time.Duration{}
	}
	in.latency[op] = d
}

// Clear removes every injected fault and latency; the call log stays.
func (in *Injector[D]) Clear() {
	in.mu.Lock()
	defer in.mu.Unlock()
	clear(in.pending)
	clear(in.latency)
}

// Enter is the first step of every operation: it resolves the caller's
// scope from ctx, waits out an injected latency, records the call of op with
// its detail and returns the fault injected for it (a copy of the injected
// *awserr.Error), or nil. A ctx that ends during an injected latency fails
// the call with ctx's error. It panics on an operation the service did not
// list: a bug in the service.
func (in *Injector[D]) Enter(ctx context.Context, op string, detail D) (Scope, error) {
	in.check(op, "Enter")
	sc := in.scope
	if ctx != nil {
		if s, ok := ScopeFrom(ctx); ok {
			sc = s
			if sc.Trace != nil && sc.Trace.Operation == "" {
				sc.Trace.Operation = op
			}
		}
	}
	in.mu.Lock()
	if d := in.latency[op]; d > 0 {
		in.mu.Unlock()
		if err := in.wait(ctx, d); err != nil {
			return sc, err
		}
		in.mu.Lock()
	}
	defer in.mu.Unlock()
	return sc, in.recordLocked(op, detail)
}

// wait parks the call on the clock for d, or until ctx ends.
func (in *Injector[D]) wait(ctx context.Context, d time.Duration) error {
	if ctx == nil {
		ctx = context.Background()
	}
	t := in.clock.TimerAt(in.clock.Now().Add(d))
	select {
	case <-t.C():
		return nil
	case <-ctx.Done():
		t.Stop()
		return ctx.Err()
	}
}

// recordLocked logs the call and takes the fault due for it; in.mu is held.
func (in *Injector[D]) recordLocked(op string, detail D) error {
	now := in.clock.Now()
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
