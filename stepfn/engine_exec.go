package stepfn

import (
	"math/rand/v2"
	"time"

	"github.com/awsfake/awsfake/internal/sched"
)

// Execution statuses.
const (
	statusRunning   = "RUNNING"
	statusSucceeded = "SUCCEEDED"
	statusFailed    = "FAILED"
	statusTimedOut  = "TIMED_OUT"
	statusAborted   = "ABORTED"
)

// standardMaxDuration is how long a Standard execution may run: one year;
// expressMaxDuration five minutes (Step Functions quotas).
const (
	standardMaxDuration = 365 * 24 * time.Hour
	expressMaxDuration  = 5 * time.Minute
)

// execution is one run of a state machine.
type execution struct {
	svc                 *Service
	arn, name           string
	machine             *machine
	machineARN          string // the machine's unqualified ARN
	versionARN          string
	aliasARN            string
	prog                *program
	definition, roleARN string
	express             bool
	status              string
	input               string
	output              *string
	fail                *failure
	start, stop         time.Time
	events              []event
	rng                 *rand.Rand
	traceHeader         string
	passHeader          string         // the header its tasks' calls carry (trace.go)
	xt                  *execTrace     // the segment a traced execution writes (trace.go)
	jfuncs              map[string]any // the JSONata functions bound to this execution (jsonata_funcs.go)

	redriveCount int
	redriveAt    time.Time

	// mocks are the test case's mocked states; mockCalls counts their calls.
	mocks     map[string]mockedState
	mockCalls map[string]int
	// initVars are the root thread's first variables (TestState's); trace
	// records the data flow of the state traceState and caughtErr the
	// error a catcher caught, for TestState.
	initVars   map[string]any
	trace      map[string]string
	traceState string
	caughtErr  *failure
	// inspectHTTP is the tested state's HTTP call and revealSecrets
	// whether TestState shows what its connection added.
	inspectHTTP   *httpExchange
	revealSecrets bool

	root     *thread  // the machine's own thread
	seq      uint64   // the order of starts, for ListExecutions
	watchers []func() // called when the execution closes (a parent's .sync task)
	mapRun   *mapRun  // the Map Run a child execution belongs to

	work    []func() // what is ready to run, in order
	driving bool
	timeout *sched.Job
	threads map[*thread]bool // the threads not yet finished
	done    chan struct{}    // closed when the execution closes
}

func (ex *execution) closed() bool { return ex.status != statusRunning }

// push queues fn to run in the execution's next drive.
func (ex *execution) push(fn func()) { ex.work = append(ex.work, fn) }

// drive runs what is ready until nothing is: every thread blocked on a
// timer or a task, or the execution closed. It runs under the lock and
// never blocks.
func (ex *execution) drive() {
	if ex.driving {
		return
	}
	ex.driving = true
	defer func() { ex.driving = false }()
	for len(ex.work) > 0 && !ex.closed() {
		fn := ex.work[0]
		ex.work[0] = nil
		ex.work = ex.work[1:]
		fn()
	}
	if ex.closed() {
		ex.work = nil
	}
}

// begin starts the execution: ExecutionStarted, the timeout, the first
// state.
func (ex *execution) begin(input any) {
	ex.emit(0, "ExecutionStarted", "executionStartedEventDetails",
		payload(map[string]any{"roleArn": ex.roleARN}, "input", input))
	ex.armTimeout(ex.start)
	ex.statesMetric("ExecutionsStarted", "Count", 1)
	vars := ex.initVars
	if vars == nil {
		vars = map[string]any{}
	}
	th := ex.newThread(ex.prog, nil, 0, vars, 0)
	ex.root = th
	ex.push(func() { th.enter(ex.prog.startAt, input) })
	ex.drive()
}

// armTimeout schedules the execution's time limit from instant from: the
// machine's TimeoutSeconds, at most a year (five minutes for EXPRESS).
func (ex *execution) armTimeout(from time.Time) {
	limit := standardMaxDuration
	if ex.express {
		limit = expressMaxDuration
	}
	if ex.prog.timeout > 0 && ex.prog.timeout < limit {
		limit = ex.prog.timeout
	}
	ex.timeout = ex.svc.at(from.Add(limit), ex, func() {
		ex.finish(statusTimedOut, &failure{Error: errTimeout, Cause: "The execution timed out."}, nil, ex.lastID())
	})
}

// redrive reopens a closed execution at the top-level state it stopped
// in, with that state's input and the variables it saw.
func (ex *execution) redrive() {
	now := ex.svc.env.Clock.Now()
	ex.redriveCount++
	ex.redriveAt = now
	ex.status, ex.stop, ex.fail, ex.output = statusRunning, time.Time{}, nil, nil
	ex.done = make(chan struct{})
	ex.threads = map[*thread]bool{}
	prev := ex.emit(ex.lastID(), "ExecutionRedriven", "executionRedrivenEventDetails", map[string]any{"redriveCount": ex.redriveCount})
	ex.armTimeout(now)
	ex.statesMetric("ExecutionsRedriven", "Count", 1)
	old := ex.root
	th := ex.newThread(ex.prog, nil, 0, old.vars, prev)
	ex.root = th
	name, raw := old.st.name, old.raw
	ex.push(func() { th.enter(name, raw) })
	ex.drive()
}

// finish closes the execution with status, its failure or output, and
// the closing event after prev.
func (ex *execution) finish(status string, f *failure, out any, prev int64) {
	if ex.closed() {
		return
	}
	switch status {
	case statusSucceeded:
		s := encodeJSON(out)
		ex.output = &s
		ex.emit(prev, "ExecutionSucceeded", "executionSucceededEventDetails", payload(map[string]any{}, "output", out))
	case statusFailed:
		ex.emit(prev, "ExecutionFailed", "executionFailedEventDetails", errorDetail(f))
	case statusTimedOut:
		ex.emit(prev, "ExecutionTimedOut", "executionTimedOutEventDetails", errorDetail(f))
	case statusAborted:
		ex.emit(0, "ExecutionAborted", "executionAbortedEventDetails", errorDetail(f))
	}
	ex.status, ex.fail, ex.stop = status, f, ex.svc.env.Clock.Now()
	if status == statusSucceeded {
		ex.fail = nil
	}
	ex.metricClosed(status)
	ex.traceFinish()
	cancel(ex.timeout)
	for th := range ex.threads {
		th.stop()
	}
	ex.threads = nil
	ex.sendLogs()
	ex.svc.closedExecution(ex)
	close(ex.done)
}
