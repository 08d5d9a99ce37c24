package lambda

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"strconv"
	"strings"
)

// A handler runs in the test's process, so what AWS gives each function in
// its own process environment reaches it through its context instead:
// Getenv and Environ read the function's environment from the context of
// the invocation.

// Paths AWS documents for the function's code and its runtime's libraries.
const (
	taskRoot   = "/var/task"
	runtimeDir = "/var/runtime"
)

// Getenv returns the value of the environment variable key in the
// environment of the function whose invocation ctx belongs to: its
// Environment.Variables and the variables AWS defines for every function
// (see Environ). It returns "" outside an invocation or for a key the
// function's environment does not hold.
func Getenv(ctx context.Context, key string) string {
	v, _ := LookupEnv(ctx, key)
	return v
}

// LookupEnv is Getenv that also tells whether the function's environment
// holds key.
func LookupEnv(ctx context.Context, key string) (string, bool) {
	c, ok := FromContext(ctx)
	if !ok {
		return "", false
	}
	if v, ok := c.reserved(key); ok {
		return v, true
	}
	v, ok := c.vars[key]
	return v, ok
}

// Environ returns a copy of the environment of the function whose
// invocation ctx belongs to (nil outside an invocation): its
// Environment.Variables and the runtime variables AWS defines for the
// invocation: _HANDLER, _X_AMZN_TRACE_ID, AWS_REGION, AWS_DEFAULT_REGION,
// AWS_EXECUTION_ENV (AWS_Lambda_<runtime>; not defined for the OS-only
// runtimes, provided.*, nor for a container image), AWS_LAMBDA_FUNCTION_NAME,
// AWS_LAMBDA_FUNCTION_MEMORY_SIZE, AWS_LAMBDA_FUNCTION_VERSION,
// AWS_LAMBDA_INITIALIZATION_TYPE (on-demand or provisioned-concurrency),
// AWS_LAMBDA_LOG_GROUP_NAME, AWS_LAMBDA_LOG_STREAM_NAME, LAMBDA_TASK_ROOT
// (/var/task), LAMBDA_RUNTIME_DIR (/var/runtime) and TZ (:UTC).
//
// Not defined: the execution role's credentials (AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN: an SDK call made with the
// handler's context is attributed to the role instead, see InvocationOf),
// AWS_LAMBDA_RUNTIME_API (no Runtime API is served), and the unreserved
// PATH, LD_LIBRARY_PATH and LANG, which describe a file system the
// in-process handler does not run in.
func Environ(ctx context.Context) map[string]string {
	c, ok := FromContext(ctx)
	if !ok {
		return nil
	}
	out := maps.Clone(c.vars)
	if out == nil {
		out = map[string]string{}
	}
	for _, k := range runtimeKeys {
		if v, ok := c.reserved(k); ok {
			out[k] = v
		}
	}
	return out
}

// runtimeKeys are the variables reserved answers, in Environ's order.
var runtimeKeys = []string{"_HANDLER", "_X_AMZN_TRACE_ID", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV",
	"AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
	"AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
	"LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "TZ"}

// reserved returns the value of a runtime variable AWS defines for the
// invocation. A function cannot set these itself (checkEnvironment refuses
// them), so they never hide one of its Environment.Variables.
func (c *InvocationContext) reserved(key string) (string, bool) {
	switch key {
	case "_HANDLER":
		return c.handler, true
	case "_X_AMZN_TRACE_ID":
		return c.trace.get(), true
	case "AWS_REGION", "AWS_DEFAULT_REGION":
		return c.region, true
	case "AWS_EXECUTION_ENV":
		if c.runtime == "" || strings.HasPrefix(c.runtime, "provided") {
			return "", false
		}
		return "AWS_Lambda_" + c.runtime, true
	case "AWS_LAMBDA_FUNCTION_NAME":
		return c.FunctionName, true
	case "AWS_LAMBDA_FUNCTION_MEMORY_SIZE":
		return strconv.Itoa(c.MemoryLimitInMB), true
	case "AWS_LAMBDA_FUNCTION_VERSION":
		return c.FunctionVersion, true
	case "AWS_LAMBDA_INITIALIZATION_TYPE":
		return c.initType, true
	case "AWS_LAMBDA_LOG_GROUP_NAME":
		return c.LogGroupName, true
	case "AWS_LAMBDA_LOG_STREAM_NAME":
		return c.LogStreamName, true
	case "LAMBDA_TASK_ROOT":
		return taskRoot, true
	case "LAMBDA_RUNTIME_DIR":
		return runtimeDir, true
	case "TZ":
		return ":UTC", true
	}
	return "", false
}

// SetProcessEnvironment turns on (or off) setting the process environment
// for each invocation: with it on, the function's environment (Environ) is
// set with os.Setenv before its handler runs and the previous values are
// restored when the handler returns (before the caller gets the answer;
// for a handler that times out and runs on, when it does return), so that
// code reading os.Getenv sees the function's values. Off by default: the context accessors (Getenv,
// Environ) are the way that always works.
//
// The process has one environment, so this is safe only when nothing else
// runs meanwhile: the cloud holds exactly one function, the test does not
// run in parallel with others (no t.Parallel; the process environment is
// shared with every test of the binary) and the function runs one
// invocation at a time. The service checks what it can: SetProcessEnvironment(true)
// returns an error when the cloud holds more than one function, and with it
// on an invocation is answered with the function error
// awsfake.ProcessEnvironmentUnsafe, its handler not run, when the cloud
// then holds more than one function or another invocation's handler is
// still running (including one that timed out and ignores its context).
// It cannot see other tests.
//
// aws-lambda-go's package variables (lambdacontext.FunctionName,
// LogGroupName, LogStreamName, MemoryLimitInMB, FunctionVersion) are read
// once, when the process starts, and cannot follow: read them through
// Getenv or FromContext instead.
func (s *Service) SetProcessEnvironment(on bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n := s.functionCountLocked(); on && n > 1 {
		return fmt.Errorf("lambda: the process environment can follow one function only, and the cloud holds %d", n)
	}
	s.processEnv = on
	return nil
}

// errProcessEnvUnsafe is the errorType of an invocation refused because
// setting the process environment for it was not safe.
const errProcessEnvUnsafe = "awsfake.ProcessEnvironmentUnsafe"

// claimProcessEnvLocked decides, for an invocation starting while
// SetProcessEnvironment is on, whether it may set the process environment:
// "" when it may (and then holds it until releaseProcessEnv), else why not.
func (s *Service) claimProcessEnvLocked() string {
	switch n := s.functionCountLocked(); {
	case n > 1:
		return fmt.Sprintf("SetProcessEnvironment: the process environment can follow one function only, and the cloud holds %d", n)
	case s.processEnvHeld:
		return "SetProcessEnvironment: another invocation is running with the process environment set"
	}
	s.processEnvHeld = true
	return ""
}

// functionCountLocked counts the functions of every account and region.
func (s *Service) functionCountLocked() int {
	n := 0
	for _, p := range s.partitions {
		n += len(p.functions)
	}
	return n
}

// setProcessEnv sets the process environment to the function's for the
// handler's run, and returns what restores the previous one and releases
// the claim.
func (inv *invocation) setProcessEnv() (restore func(), err error) {
	vars := Environ(inv.ctx)
	type saved struct {
		value string
		set   bool
	}
	prev := make(map[string]saved, len(vars))
	restore = func() {
		for k, p := range prev {
			if p.set {
				_ = os.Setenv(k, p.value)
			} else {
				_ = os.Unsetenv(k)
			}
		}
		inv.s.mu.Lock()
		inv.s.processEnvHeld = false
		inv.s.mu.Unlock()
	}
	for k, v := range vars {
		old, set := os.LookupEnv(k)
		prev[k] = saved{old, set}
		if err := os.Setenv(k, v); err != nil {
			restore()
			return nil, errors.Join(errors.New("SetProcessEnvironment"), err)
		}
	}
	return restore, nil
}
