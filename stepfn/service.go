package stepfn

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/dispatch"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/sched"
)

// arnService is the service name in Step Functions ARNs.
const arnService = "states"

// Service is the Step Functions engine of one cloud. It is safe for
// concurrent use: one lock guards every machine and execution; the
// interpreter runs under it and never blocks (a task's call runs on a
// goroutine counted by the bus, and answers under the lock).
type Service struct {
	env *cloudenv.Env

	mu         sync.Mutex
	objects    ObjectStore          // the cloud's S3 (distmap_store.go)
	httpClient httpDoer             // the HTTP task's client (http.go)
	conns      ConnectionAuthorizer // EventBridge connections (http.go)
	partitions map[partKey]*partition
	closed     bool
	seq        uint64 // executions started
	// tokens are the task tokens handed out, live or ended.
	tokens map[string]*waiter
	// mocks are the mock configuration's test cases, by machine#case.
	mocks map[string]map[string]mockedState
	// rng draws alias routing, jitter and execution seeds from the cloud's
	// seeded source.
	rng *rand.Rand

	ctx    context.Context
	cancel context.CancelFunc
	calls  sync.WaitGroup // the task calls in flight

	faults *faults.Injector[struct{}]
}

// partKey names a partition of the service's state: an account in a
// region.
type partKey struct{ account, region string }

// partition is the state of one account in one region.
type partition struct {
	key        partKey
	machines   map[string]*machine   // by name
	executions map[string]*execution // Standard executions by ARN
	activities map[string]*activity  // by name
	mapRuns    map[string]*mapRun    // by ARN (distmap_run.go)
}

// New returns the Step Functions service of the cloud whose environment
// is env. It starts nothing.
func New(env *cloudenv.Env) *Service {
	ctx, cancel := context.WithCancel(context.Background())
	seed := env.IDs.Derive("stepfn")
	return &Service{env: env, partitions: map[partKey]*partition{}, tokens: map[string]*waiter{}, ctx: ctx, cancel: cancel,
		rng:    rand.New(rand.NewPCG(seed.Uint64(), seed.Uint64())),
		faults: faults.New[struct{}](faultOps, env.Clock, env.Scope())}
}

// Describe tells the cloud how to wire the service: its handler for the
// states signing name and its bus endpoint for states ARNs.
func (s *Service) Describe() cloudenv.Descriptor {
	return cloudenv.Descriptor{Name: "stepfn", SigningNames: []string{dispatch.StepFn}, ARNService: arnService,
		Handler: s, Endpoint: s.deliver, Close: s.Close}
}

// Close stops every execution's timers and waits for the task calls in
// flight, whose answers are dropped.
func (s *Service) Close() {
	s.mu.Lock()
	s.closed = true
	for _, p := range s.partitions {
		for _, a := range p.activities {
			a.release()
		}
		for _, ex := range p.executions {
			cancel(ex.timeout)
			for th := range ex.threads {
				th.stop()
			}
		}
	}
	s.mu.Unlock()
	s.cancel()
	s.calls.Wait()
}

// part returns the partition of sc, creating it when create is set; nil
// when it does not exist.
func (s *Service) part(account, region string, create bool) *partition {
	k := partKey{account, region}
	p := s.partitions[k]
	if p == nil && create {
		p = &partition{key: k, machines: map[string]*machine{}, executions: map[string]*execution{}, activities: map[string]*activity{}}
		s.partitions[k] = p
	}
	return p
}

// at runs fn on ex under the lock at instant due, on the cloud scheduler
// (at once, on its worker, when due has come).
func (s *Service) at(due time.Time, ex *execution, fn func()) *sched.Job {
	job := func(time.Time) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.closed || ex.closed() {
			return
		}
		fn()
		ex.drive()
	}
	if !due.After(s.env.Clock.Now()) {
		return s.env.Sched.Run(job)
	}
	return s.env.Sched.At(due, job)
}

// async makes a task's call on a goroutine counted by the bus (so Settle
// waits for it) and hands its answer to the execution under the lock.
func (s *Service) async(ex *execution, c busCall, answer func(any, *failure)) {
	requestID := s.env.IDs.UUID()
	s.offLock(ex, func() (any, error) { return s.env.Bus.Invoke(s.ctx, c.target, c.msg) }, func(body any, err error) {
		if err != nil {
			answer(nil, c.errs(err))
			return
		}
		answer(c.read(body.([]byte), requestID), nil)
	})
}

// closedExecution is called when ex closes: it wakes its watchers.
func (s *Service) closedExecution(ex *execution) {
	for _, w := range ex.watchers {
		w()
	}
	ex.watchers = nil
}

func (ex *execution) region() string {
	a, _ := arn.Parse(ex.arn)
	return a.Region
}

func (ex *execution) account() string {
	a, _ := arn.Parse(ex.arn)
	return a.Account
}

// functionARN resolves a FunctionName (a name, name:qualifier, a partial
// or a full ARN) in the execution's account and region.
func (ex *execution) functionARN(name, qualifier string) string {
	if a, err := arn.Parse(name); err == nil {
		if qualifier != "" {
			return a.String() + ":" + qualifier
		}
		return a.String()
	}
	res := "function:" + name
	if qualifier != "" {
		res += ":" + qualifier
	}
	a, _ := arn.Parse(ex.arn)
	return arn.Build(a.Partition, "lambda", a.Region, a.Account, res)
}

// cancel cancels a scheduled job, if there is one.
func cancel(j *sched.Job) {
	if j != nil {
		j.Cancel()
	}
}
