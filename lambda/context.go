package lambda

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/lambdacontext"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/ids"
)

// InvocationContext is what a handler learns about the invocation it runs,
// as aws-lambda-go's lambdacontext.LambdaContext tells it, plus the function
// details aws-lambda-go reads from the environment. The handler's context
// also carries the lambdacontext.LambdaContext itself, so that
// lambdacontext.FromContext works in a handler unchanged.
type InvocationContext struct {
	AwsRequestID       string
	InvokedFunctionArn string
	FunctionName       string
	FunctionVersion    string
	MemoryLimitInMB    int
	LogGroupName       string
	LogStreamName      string
	// Deadline is when the invocation times out, on the cloud's clock.
	Deadline time.Time
	// ClientContext is the client context of a synchronous invocation, nil
	// when none was sent.
	ClientContext *ClientContext

	clock clock.Clock
	// What the function's environment holds (Getenv, Environ) and what an
	// SDK call made with the handler's context is attributed to
	// (InvocationOf).
	handler, runtime, region, initType string
	vars                               map[string]string // Environment.Variables, never written
	role                               string
	trace                              *traceSource
}

// invocationInfo allocates an InvocationContext and its trace source at
// once; the source's lock stays out of InvocationContext, which a handler
// may copy.
type invocationInfo struct {
	InvocationContext
	trace traceSource
}

// traceSource makes the invocation's trace header when it is first asked
// for, since most handlers never read it.
type traceSource struct {
	once   sync.Once
	header string
	ids    *ids.Generator // the function's
	key    string         // the invocation's key
	start  time.Time
	// fixed is the header decided when the invocation started (a caller's
	// header, Active tracing: trace.go), t its segments when traced.
	fixed string
	t     *invocationTrace
}

// get is the trace header AWS gives an invocation:
// Root=1-<the start in Unix seconds, 8 hex digits>-<24 hex digits>;
// Parent=<16 hex digits>;Sampled=0 for an invocation of a PassThrough
// function that no caller's header came with; the others were decided when
// it started (traceLocked). The digits are derived from the invocation's
// key, so they do not depend on how concurrent invocations are scheduled.
func (t *traceSource) get() string {
	if t.fixed != "" {
		return t.fixed
	}
	t.once.Do(func() {
		g := t.ids.Derive("trace " + t.key)
		t.header = fmt.Sprintf("Root=1-%08x-%s;Parent=%s;Sampled=0", t.start.Unix(), g.Hex(12), g.Hex(8))
	})
	return t.header
}

// RemainingTime is the time left before the invocation times out, on the
// cloud's clock.
func (c *InvocationContext) RemainingTime() time.Duration {
	return c.Deadline.Sub(c.clock.Now())
}

// ClientContext is the client context a caller may send with a synchronous
// invocation (X-Amz-Client-Context), with aws-lambda-go's JSON names.
type ClientContext struct {
	Client ClientApplication `json:"client"`
	Env    map[string]string `json:"env"`
	Custom map[string]string `json:"custom"`
}

// ClientApplication describes the calling application.
type ClientApplication struct {
	InstallationID string `json:"installation_id"`
	AppTitle       string `json:"app_title"`
	AppVersionCode string `json:"app_version_code"`
	AppPackageName string `json:"app_package_name"`
}

type invocationKey struct{}

// FromContext returns the details of the invocation a handler's context
// belongs to. aws-lambda-go's lambdacontext.FromContext works on the same
// context and returns its part of them.
func FromContext(ctx context.Context) (*InvocationContext, bool) {
	c, ok := ctx.Value(invocationKey{}).(*InvocationContext)
	return c, ok
}

// InvocationOf returns what an AWS call made with the context of a handler
// (or one derived from it) is attributed to: the execution role of the
// function (its Role setting) and the invocation's X-Ray trace header, as
// AWS builds _X_AMZN_TRACE_ID (Root=1-<8 hex>-<24 hex>;Parent=<16
// hex>;Sampled=<0|1>). ok is false for a context that belongs to no
// invocation. The root package reads it when the in-memory transport
// carries the handler's context into a request; over a socket (server
// mode) the context does not travel and nothing can be attributed.
func InvocationOf(ctx context.Context) (role, traceHeader string, ok bool) {
	c, ok := FromContext(ctx)
	if !ok {
		return "", "", false
	}
	return c.role, c.trace.get(), true
}

// lambdaContext is aws-lambda-go's view of the invocation. Identity stays
// empty: AWS fills it only for a caller whose credentials came from an
// Amazon Cognito identity pool, which the fake does not have.
func (c *InvocationContext) lambdaContext() *lambdacontext.LambdaContext {
	lc := &lambdacontext.LambdaContext{AwsRequestID: c.AwsRequestID, InvokedFunctionArn: c.InvokedFunctionArn}
	if cc := c.ClientContext; cc != nil {
		lc.ClientContext = lambdacontext.ClientContext{
			Client: lambdacontext.ClientApplication(cc.Client),
			Env:    cc.Env, Custom: cc.Custom,
		}
	}
	return lc
}

type loggerKey struct{}

// discard is the logger of a context that belongs to no invocation.
var discard = log.New(io.Discard, "", 0)

// Logger returns a logger whose lines land in the log of the invocation ctx
// belongs to, between its START and END lines, as a handler's standard
// output does in AWS. It writes no timestamp of its own (the log event
// carries one from the cloud's clock). Outside an invocation it discards.
func Logger(ctx context.Context) *log.Logger {
	if l, ok := ctx.Value(loggerKey{}).(*log.Logger); ok {
		return l
	}
	return discard
}

// handlerContext is the context a handler runs with: its Done channel closes
// when the cloud's clock reaches the deadline (a clock timer cancels it), not
// when the wall clock does, and its Err is then DeadlineExceeded.
type handlerContext struct {
	context.Context
	deadline time.Time
	info     *InvocationContext
	logger   *log.Logger
}

// Deadline is the invocation's timeout on the cloud's clock.
func (c *handlerContext) Deadline() (time.Time, bool) { return c.deadline, true }

// Err is DeadlineExceeded once the timeout has passed.
func (c *handlerContext) Err() error {
	err := c.Context.Err()
	if err != nil && errors.Is(context.Cause(c.Context), context.DeadlineExceeded) {
		return context.DeadlineExceeded
	}
	return err
}

// Value carries the invocation details and the logger.
func (c *handlerContext) Value(key any) any {
	switch key.(type) {
	case invocationKey:
		return c.info
	case loggerKey:
		return c.logger
	}
	return c.Context.Value(key)
}

// invocationContextLocked is what the invocation inv, of version v of f in
// the execution environment env, tells its handler.
func (s *Service) invocationContextLocked(inv *invocation, f *function, env *environment) *InvocationContext {
	cfg := &inv.cfg
	both := &invocationInfo{InvocationContext: InvocationContext{
		AwsRequestID: inv.id, InvokedFunctionArn: inv.arn, FunctionName: f.name, FunctionVersion: cfg.Version,
		MemoryLimitInMB: int(cfg.MemorySize), LogGroupName: logGroup(cfg), LogStreamName: env.stream,
		Deadline: inv.deadline, ClientContext: inv.req.clientContext, clock: s.env.Clock,
		handler: cfg.Handler, runtime: cfg.Runtime, region: f.p.at.region, initType: "on-demand",
		role: cfg.Role,
	}, trace: traceSource{ids: f.ids, key: inv.key, start: inv.start, fixed: inv.traceHeader, t: inv.trace}}
	info := &both.InvocationContext
	info.trace = &both.trace
	if cfg.Environment != nil {
		info.vars = cfg.Environment.Variables
	}
	if env.provisioned {
		info.initType = "provisioned-concurrency"
	}
	return info
}
