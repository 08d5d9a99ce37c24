package lambda

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"math"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/aws/aws-lambda-go/lambdacontext"

	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/sched"
	"github.com/awsfake/awsfake/internal/xtrace"
)

// Invocation types.
const (
	typeRequestResponse = "RequestResponse"
	typeEvent           = "Event"
	typeDryRun          = "DryRun"
)

// functionErrorUnhandled is the X-Amz-Function-Error of every failure: the
// current runtimes report errors, panics and timeouts alike as Unhandled
// (reference/lambda-events.md).
const functionErrorUnhandled = "Unhandled"

// maxMemoryUsedMB is what REPORT lines give as Max Memory Used: the fake does
// not measure a handler's memory.
const maxMemoryUsedMB = 32

// invokeRequest is one invocation to run.
type invokeRequest struct {
	ref           ref
	payload       []byte
	clientContext *ClientContext
	kind          string // typeRequestResponse or typeEvent
	// requestID is the invocation's id: the HTTP request's, the
	// asynchronous event's, the mapping batch's; "" draws one from the
	// function's generator.
	requestID string
	attempt   int // 1 for a first attempt
	// trace is the caller's X-Amzn-Trace-Id, links the producers' traces
	// of an SQS batch (trace.go).
	trace string
	links []xtrace.Link
}

// outcome is what an invocation produced.
type outcome struct {
	requestID       string
	executedVersion string
	payload         []byte // the response, or the error document
	functionError   string // "" on success
	timedOut        bool
	crashed         bool     // panicked: the environment is not reused
	handlerMissing  bool     // no handler was registered for the function
	lines           []string // the invocation's log
	end             time.Time
	err             error // set when the invocation was cut short by Close
}

// invocation is one event running in one execution environment.
type invocation struct {
	s        *Service
	f        *function
	cfg      FunctionConfiguration // the version that runs
	req      invokeRequest
	handler  Handler
	payload  []byte // a copy of the event, for the record
	fault    fault
	pool     *pool
	env      *environment
	cold     bool
	reserved bool // holds a slot of the function's reserved concurrency
	id       string
	key      string // request id and attempt: the key of what it derives from f.ids
	arn      string // the ARN as invoked
	start    time.Time
	deadline time.Time
	ctx      *handlerContext
	cancel   context.CancelCauseFunc
	timer    *sched.Job // the timeout
	// then receives the outcome, once, from finish, with no lock held; it
	// must not block.
	then     func(outcome)
	finished atomic.Bool
	lines    []string      // this invocation's log, guarded by s.mu
	sink     []bus.LogLine // the lines for CloudWatch Logs, handed over when it ends (logsink.go)
	// With SetProcessEnvironment on: whether the invocation sets the
	// process environment, or why it may not.
	setsProcessEnv    bool
	processEnvRefused string
	// traceHeader is the trace decided when it started, trace its segments
	// when traced (trace.go).
	traceHeader string
	trace       *invocationTrace
}

// invoke runs one invocation synchronously: it waits for the handler's
// result, the timeout on the cloud's clock or ctx, whichever comes first. A
// caller that gives up (ctx) leaves the invocation running to its end, as
// AWS does when a client disconnects.
func (s *Service) invoke(ctx context.Context, req invokeRequest) (outcome, error) {
	done := make(chan outcome, 1)
	if err := s.start(req, func(o outcome) { done <- o }); err != nil {
		return outcome{}, err
	}
	select {
	case o := <-done:
		return o, o.err
	case <-ctx.Done():
		return outcome{}, ctx.Err()
	}
}

// start resolves what req addresses, takes a concurrency slot and an
// execution environment, and starts the handler on its own goroutine with a
// clock timer for its timeout. The callback then receives the outcome when
// the invocation ends. Nothing starts when start returns an error.
func (s *Service) start(req invokeRequest, then func(outcome)) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return errClosed()
	}
	f, err := s.lookupLocked(req.ref)
	if err != nil {
		s.mu.Unlock()
		return err
	}
	id := req.requestID
	if id == "" {
		id = f.ids.UUID()
	}
	// The retries of an asynchronous event keep its request id: the
	// attempt tells them apart.
	key := id + "/" + strconv.Itoa(req.attempt)
	v, err := s.versionForInvokeLocked(f, req.ref, key)
	if err != nil {
		s.mu.Unlock()
		return err
	}
	reserved, err := s.acquireLocked(f)
	if err != nil {
		s.metricThrottle(req.ref, s.now())
		s.mu.Unlock()
		return err
	}
	now := s.now()
	s.metricStart(req.ref, f.running, now)
	p := f.pool(v.cfg.Version)
	env, cold := p.acquire(now, s.idleTimeout, s.envMakerLocked(f, v.cfg.Version, key))
	inv := &invocation{
		s: s, f: f, cfg: v.cfg, req: req, handler: s.handlerLocked(f, v.cfg.Handler), fault: f.faults.next(),
		payload: slices.Clone(req.payload), pool: p, env: env, cold: cold, reserved: reserved, id: id, key: key, arn: req.ref.arn(),
		start: now, deadline: now.Add(time.Duration(v.cfg.Timeout) * time.Second), then: then,
	}
	if s.processEnv {
		inv.processEnvRefused = s.claimProcessEnvLocked()
		inv.setsProcessEnv = inv.processEnvRefused == ""
	}
	s.traceLocked(inv)
	base, cancel := context.WithCancelCause(s.ctx)
	inv.cancel = cancel
	info := s.invocationContextLocked(inv, f, env)
	inv.ctx = &handlerContext{Context: lambdacontext.NewContext(base, info.lambdaContext()), deadline: inv.deadline,
		info: info, logger: log.New(logWriter{inv}, "", 0)}
	s.active[inv] = struct{}{}
	inv.logLocked(fmt.Sprintf("START RequestId: %s Version: %s", id, v.cfg.Version))
	inv.timer = s.env.Sched.At(inv.deadline, func(time.Time) { inv.timeout() })
	s.mu.Unlock()
	go inv.run()
	return nil
}

// versionForInvokeLocked returns the version of f the invocation key (see
// invocation.key) of r runs; an alias with weighted routing picks its
// version here.
func (s *Service) versionForInvokeLocked(f *function, r ref, key string) (*version, error) {
	if a := f.aliases[r.qualifier]; a != nil && !isVersionNumber(r.qualifier) {
		return s.versionLocked(f, ref{at: f.p.at, name: f.name, qualifier: s.routeLocked(f, a, key)})
	}
	return s.versionLocked(f, r)
}

// run calls the handler and finishes the invocation with what it returns.
func (inv *invocation) run() {
	if o, ok := inv.call(); ok {
		inv.finish(o)
	}
}

// call runs the handler, in the process environment of the function when
// the invocation sets it (restored before call returns, so before the
// caller learns the outcome), and returns its outcome; ok is false when the
// invocation ended while an injected latency held it. A panic is recovered
// into AWS's error document.
func (inv *invocation) call() (o outcome, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			o, ok = outcome{payload: panicDocument(p), functionError: functionErrorUnhandled, crashed: true}, true
		}
	}()
	switch {
	case inv.processEnvRefused != "":
		return outcome{payload: errorDocument(inv.processEnvRefused, errProcessEnvUnsafe), functionError: functionErrorUnhandled}, true
	case inv.setsProcessEnv:
		restore, err := inv.setProcessEnv()
		if err != nil {
			return outcome{payload: errorDocument(err.Error(), errProcessEnvUnsafe), functionError: functionErrorUnhandled}, true
		}
		defer restore()
	}
	if d := inv.fault.latency; d > 0 {
		t := inv.s.env.Clock.TimerAt(inv.start.Add(d))
		select {
		case <-t.C():
		case <-inv.ctx.Done():
			t.Stop()
			return outcome{}, false
		}
	}
	switch {
	case inv.fault.fail:
		return outcome{payload: errorDocument("awsfake: injected failure", "InjectedFailure"), functionError: functionErrorUnhandled}, true
	case inv.handler == nil:
		return outcome{payload: errorDocument(fmt.Sprintf(
			"Handler '%s' missing: no Go handler is registered for function %s (RegisterFunctionHandler) or under this name (RegisterHandler)",
			inv.cfg.Handler, inv.f.name), "Runtime.HandlerNotFound"), functionError: functionErrorUnhandled, crashed: true,
			handlerMissing: true}, true
	}
	out, err := inv.handler.Invoke(inv.ctx, inv.req.payload)
	if err != nil {
		return outcome{payload: errorDocument(err.Error(), typeName(err)), functionError: functionErrorUnhandled}, true
	}
	return outcome{payload: out}, true
}

// timeout runs when the clock reaches the deadline: the handler's context is
// cancelled and the invocation ends with AWS's timeout error, whether or not
// the handler returns.
func (inv *invocation) timeout() { inv.finish(inv.timedOut()) }

// timedOut is the outcome of an invocation that reached its deadline.
func (inv *invocation) timedOut() outcome {
	msg := fmt.Sprintf("%s %s Task timed out after %.2f seconds", inv.deadline.UTC().Format(logTimeLayout), inv.id,
		float64(inv.cfg.Timeout))
	return outcome{payload: mustJSON(map[string]string{"errorMessage": msg}), functionError: functionErrorUnhandled,
		timedOut: true, crashed: true}
}

// finish ends the invocation once: it writes END and REPORT, gives back the
// environment and the concurrency slot, records the invocation and hands the
// outcome to then.
//
// An invocation that ends with the clock at or past its deadline has timed
// out, whatever its handler returned: the scheduler's worker may run the
// timeout job after the handler's goroutine, which woke at the same instant.
func (inv *invocation) finish(o outcome) {
	if o.err == nil && !o.timedOut && !inv.s.now().Before(inv.deadline) {
		o = inv.timedOut()
	}
	if !inv.finished.CompareAndSwap(false, true) {
		return
	}
	s := inv.s
	// Only now is the handler's context cancelled: a handler that returns
	// when it is cannot finish the invocation in place of its timeout.
	if o.timedOut {
		inv.cancel(context.DeadlineExceeded)
	} else {
		inv.cancel(context.Canceled)
	}
	s.mu.Lock()
	inv.timer.Cancel()
	end := s.now()
	if o.timedOut {
		end = inv.deadline // the scheduler may run the timeout after the clock moved on
	}
	o.requestID = inv.id
	o.executedVersion = inv.cfg.Version
	o.end = end
	if o.timedOut {
		inv.logLocked(string(jsonField(o.payload, "errorMessage")))
	}
	inv.logLocked("END RequestId: " + inv.id)
	inv.logLocked(inv.report(end, o))
	flush := s.flushLogsLocked(inv)
	delete(s.active, inv)
	s.releaseLocked(inv.f, inv.reserved)
	inv.pool.release(inv.env, end, !o.crashed, s.envMakerLocked(inv.f, inv.cfg.Version, "after "+inv.key))
	o.lines = inv.lines
	if o.err == nil {
		s.recordLocked(inv.f, Invocation{
			RequestID: inv.id, FunctionName: inv.f.name, FunctionArn: inv.arn, ExecutedVersion: inv.cfg.Version,
			InvocationType: inv.req.kind, Attempt: inv.req.attempt, Payload: inv.payload, Response: o.payload,
			FunctionError: o.functionError, ColdStart: inv.cold, TimedOut: o.timedOut, Start: inv.start, End: end,
		})
		s.metricInvocation(inv, o, end)
	}
	s.mu.Unlock()
	if inv.trace != nil && o.err == nil {
		inv.trace.emit(inv, o, end)
	}
	flush()
	inv.then(o)
}

// report is the REPORT line, in AWS's format: tab-separated fields, Init
// Duration on cold starts, Status: timeout after a timeout.
func (inv *invocation) report(end time.Time, o outcome) string {
	d := end.Sub(inv.start)
	ms := float64(d) / float64(time.Millisecond)
	var b strings.Builder
	fmt.Fprintf(&b, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB\t",
		inv.id, ms, max(1, int64(math.Ceil(ms))), inv.cfg.MemorySize, maxMemoryUsedMB)
	if inv.cold {
		b.WriteString("Init Duration: 0.00 ms\t")
	}
	if o.timedOut {
		b.WriteString("Status: timeout")
	}
	return b.String()
}

// logTimeLayout stamps the timeout line: 2024-01-02T03:04:05.000Z.
const logTimeLayout = "2006-01-02T15:04:05.000Z"

// logLocked appends a line to the invocation's log and the function's.
func (inv *invocation) logLocked(line string) {
	inv.lines = append(inv.lines, line)
	e := LogEvent{
		Timestamp: inv.s.now(), Message: line, RequestID: inv.id,
		LogGroup: logGroup(&inv.cfg), LogStream: inv.env.stream,
	}
	inv.f.logs.Add(e)
	inv.s.sinkLocked(inv, e)
}

// logWriter is what a handler's Logger writes to: one log event per line,
// dropped once the invocation has ended.
type logWriter struct{ inv *invocation }

// Write logs each line of p.
func (w logWriter) Write(p []byte) (int, error) {
	w.inv.s.mu.Lock()
	defer w.inv.s.mu.Unlock()
	if w.inv.finished.Load() {
		return len(p), nil
	}
	for _, line := range strings.Split(strings.TrimSuffix(string(p), "\n"), "\n") {
		w.inv.logLocked(line)
	}
	return len(p), nil
}

// errorDocument is the payload of a failed invocation as aws-lambda-go
// writes it: {"errorMessage": ..., "errorType": ...}.
func errorDocument(message, typ string) []byte {
	return mustJSON(struct {
		ErrorMessage string `json:"errorMessage"`
		ErrorType    string `json:"errorType"`
	}{message, typ})
}

// stackFrame is one frame of a panic's stackTrace, as aws-lambda-go writes
// it.
type stackFrame struct {
	Path  string `json:"path"`
	Line  int    `json:"line"`
	Label string `json:"label"`
}

// panicDocument is the payload of a handler that panicked, as aws-lambda-go
// writes it: the panic value as errorMessage, its type as errorType and the
// stack of the panic as stackTrace.
func panicDocument(p any) []byte {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var trace []stackFrame
	for {
		fr, more := frames.Next()
		if !strings.HasPrefix(fr.Function, "runtime.") {
			trace = append(trace, formatFrame(fr))
		}
		if !more {
			break
		}
	}
	return mustJSON(struct {
		ErrorMessage string       `json:"errorMessage"`
		ErrorType    string       `json:"errorType"`
		StackTrace   []stackFrame `json:"stackTrace"`
	}{fmt.Sprint(p), typeName(p), trace})
}

// formatFrame shortens a frame as aws-lambda-go does: the path from the
// package's import path on, the label without package.
func formatFrame(fr runtime.Frame) stackFrame {
	path, label := fr.File, fr.Function
	i := len(path)
	for n, g := 0, strings.Count(label, "/")+2; n < g; n++ {
		if i = strings.LastIndex(path[:i], "/"); i == -1 {
			break
		}
	}
	path = path[i+1:]
	label = label[strings.LastIndex(label, "/")+1:]
	label = label[strings.Index(label, ".")+1:]
	return stackFrame{Path: path, Line: fr.Line, Label: label}
}

// typeName is aws-lambda-go's errorType: the name of the value's type, of
// the pointed-to type for a pointer.
func typeName(v any) string {
	t := reflect.TypeOf(v)
	if t == nil {
		return ""
	}
	if t.Kind() == reflect.Pointer {
		return t.Elem().Name()
	}
	return t.Name()
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// jsonField returns the string member key of the JSON object b.
func jsonField(b []byte, key string) []byte {
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	s, _ := m[key].(string)
	return []byte(s)
}

func closedOutcome() outcome { return outcome{err: errClosed()} }
