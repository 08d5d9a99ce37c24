package lambda

import (
	"context"
	"errors"
	"io"
	"log"
	"time"

	"github.com/awsfake/awsfake/clock"
)

// InvocationContext is what a handler learns about the invocation it runs,
// as aws-lambda-go's lambdacontext.LambdaContext tells it, plus the function
// details aws-lambda-go reads from the environment.
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
// belongs to.
func FromContext(ctx context.Context) (*InvocationContext, bool) {
	c, ok := ctx.Value(invocationKey{}).(*InvocationContext)
	return c, ok
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
