package lambda

import (
	"context"
	"sync"
	"time"

	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/record"
	"github.com/awsfake/awsfake/internal/sched"
)

// Defaults of the engine's knobs.
const (
	// DefaultAccountConcurrency is the account's concurrent executions quota
	// (AWS: "1,000 ... by default").
	DefaultAccountConcurrency = 1000
	// DefaultIdleTimeout is how long an execution environment stays warm
	// without work. AWS does not document it (observed between 5 and 15
	// minutes); ten minutes is the middle of that.
	DefaultIdleTimeout = 10 * time.Minute
	// minUnreserved is the part of the account quota that reserved
	// concurrency may never take (AWS: "Lambda requires at least 100
	// unreserved concurrency").
	minUnreserved = 100
)

// Service is the Lambda engine of one cloud: the functions and everything
// attached to them, the execution environments that run their Go handlers,
// the asynchronous event queue and the SQS pollers. It is safe for concurrent
// use.
type Service struct {
	env    *cloudenv.Env
	faults *faults.Injector[struct{}]
	// ctx is the parent of every handler's context and of background work;
	// Close cancels it.
	ctx    context.Context
	cancel context.CancelFunc

	mu         sync.Mutex
	closed     bool
	handlers   map[string]Handler      // by Handler setting (RegisterHandler)
	fnHandlers map[functionKey]Handler // by function (RegisterFunctionHandler)
	// processEnv is SetProcessEnvironment's setting; processEnvHeld is
	// true while an invocation's handler runs with it set.
	processEnv, processEnvHeld bool
	partitions                 map[partKey]*partition // by account and region, created on first write
	queues                     QueueSource
	logSink                    LogSink
	roles                      RoleSource    // SetRoleSource; nil: roles are not looked up
	accountCap                 int           // SetAccountConcurrency
	idleTimeout                time.Duration // SetIdleTimeout
	active                     map[*invocation]struct{}
	jobs                       map[*sched.Job]struct{} // scheduled work that Close cancels
	records                    record.Log[Invocation]  // the newest invocations of every function, within record.Keep and env.Records
	wg                         sync.WaitGroup          // engine work Close waits for: async attempts and SQS batches
}

// New returns the Lambda service of the cloud whose environment is env, and
// registers it on the bus as the owner of lambda ARNs. It starts nothing.
func New(env *cloudenv.Env) *Service {
	ctx, cancel := context.WithCancel(context.Background())
	s := &Service{
		env: env, ctx: ctx, cancel: cancel, faults: faults.New[struct{}](faultOps, env.Clock, env.Scope()),
		handlers:    map[string]Handler{},
		fnHandlers:  map[functionKey]Handler{},
		partitions:  map[partKey]*partition{},
		accountCap:  DefaultAccountConcurrency,
		idleTimeout: DefaultIdleTimeout,
		active:      map[*invocation]struct{}{},
		jobs:        map[*sched.Job]struct{}{},
	}
	s.records.Bind(env.Records, invocationBytes)
	return s
}

// SetAccountConcurrency sets the concurrent executions quota of every
// account in every region (default DefaultAccountConcurrency): each
// account's functions in a region share a quota of n. Invocations beyond it
// are throttled.
func (s *Service) SetAccountConcurrency(n int) {
	s.mu.Lock()
	s.accountCap = n
	s.mu.Unlock()
}

// SetIdleTimeout sets how long an execution environment may stay idle before
// it is retired, on the cloud's clock (default DefaultIdleTimeout). The next
// invocation after that is a cold start.
func (s *Service) SetIdleTimeout(d time.Duration) {
	s.mu.Lock()
	s.idleTimeout = d
	s.mu.Unlock()
}

// SetQueueSource connects the SQS event source mappings to the queues they
// poll. The cloud wires it to its SQS service; without one, mappings are
// stored but never poll.
func (s *Service) SetQueueSource(q QueueSource) {
	s.mu.Lock()
	s.queues = q
	s.mu.Unlock()
}

// SetLogSink connects invocations' log lines to CloudWatch Logs. The cloud
// wires it to its Logs service; without one, lines stay in the function's
// own log (Logs) only.
func (s *Service) SetLogSink(l LogSink) {
	s.mu.Lock()
	s.logSink = l
	s.mu.Unlock()
}

// Close stops the service's background work: scheduled retries and batching
// windows, SQS pollers and asynchronous attempts, and ends every invocation
// in progress with an error. Handler contexts are cancelled. A handler that
// ignores its context keeps running on its own goroutine until it returns
// (Go cannot stop a goroutine from outside); Close does not wait for it, and
// what it returns afterwards is dropped.
func (s *Service) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	jobs := s.jobs
	s.jobs = nil
	active := make([]*invocation, 0, len(s.active))
	for inv := range s.active {
		active = append(active, inv)
	}
	var unsubscribe []func()
	for _, p := range s.partitions {
		for _, m := range p.mappings {
			if m.unsubscribe != nil {
				unsubscribe = append(unsubscribe, m.unsubscribe)
				m.unsubscribe = nil
			}
		}
	}
	s.mu.Unlock()
	for j := range jobs {
		j.Cancel()
	}
	for _, u := range unsubscribe {
		u()
	}
	for _, inv := range active {
		inv.finish(closedOutcome()) // before their contexts end
	}
	s.cancel()
	s.wg.Wait()
}

// afterLocked runs f on the cloud's scheduler at the instant at, with at,
// unless Close comes first. s.mu must be held; f runs without it, on the
// scheduler's worker: it must not block.
func (s *Service) afterLocked(at time.Time, f func(at time.Time)) {
	if s.closed {
		return
	}
	var j *sched.Job
	j = s.env.Sched.At(at, func(at time.Time) {
		s.mu.Lock() // orders this job after afterLocked, which recorded j
		_, live := s.jobs[j]
		delete(s.jobs, j)
		s.mu.Unlock()
		if live {
			f(at)
		}
	})
	s.jobs[j] = struct{}{}
}

// goLocked starts f on a goroutine that Close waits for, with a unit of
// Settle-visible work that ends when f returns. s.mu must be held. It reports
// false, starting nothing, once the service is closed.
func (s *Service) goLocked(f func()) bool {
	if s.closed {
		return false
	}
	done := s.env.Bus.Begin()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer done()
		f()
	}()
	return true
}

func (s *Service) now() time.Time { return s.env.Clock.Now() }

// arnService is the service name in Lambda's ARNs.
const arnService = "lambda"

// Describe tells the cloud how to wire the service: its signing name, ARN
// service, handler, bus endpoint and closer.
func (s *Service) Describe() cloudenv.Descriptor {
	return cloudenv.Descriptor{Name: "lambda", SigningNames: []string{"lambda"}, ARNService: arnService, Handler: s, Endpoint: s.deliver, Close: s.Close}
}
