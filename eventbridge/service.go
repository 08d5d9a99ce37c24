package eventbridge

import (
	"sync"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/faults"
)

// The ARN service names: events for buses, rules and archives, scheduler
// for schedules and their groups.
const (
	arnService   = "events"
	arnScheduler = "scheduler"
)

// defaultBus is the name of every account's own bus in each region.
const defaultBus = "default"

// Service is the EventBridge and EventBridge Scheduler engine of one cloud.
// It is safe for concurrent use: one lock guards all of its state, never
// held across a delivery or a call to another service.
type Service struct {
	env *cloudenv.Env

	mu         sync.Mutex
	partitions map[partKey]*partition
	// tags are by resource ARN: buses, rules, archives, schedule groups.
	tags   map[string]map[string]string
	closed bool

	faults *faults.Injector[struct{}]
}

// partKey names the state of one account in one region.
type partKey struct{ account, region string }

// partition is the state of one account in one region.
type partition struct {
	sc     faults.Scope
	buses  map[string]*eventBus
	groups map[string]*scheduleGroup
	// archives and replays by name.
	archives map[string]*archive
	replays  map[string]*replay
	// connections and apiDestinations by name.
	connections  map[string]*connection
	destinations map[string]*apiDestination
}

// New returns the service of the cloud whose environment is env. It starts
// nothing: rules and schedules arm the cloud scheduler when created.
func New(env *cloudenv.Env) *Service {
	return &Service{env: env, partitions: map[partKey]*partition{}, tags: map[string]map[string]string{},
		faults: faults.New[struct{}](faultOps, env.Clock, env.Scope())}
}

// Describe tells the cloud how to wire the service: one handler for both
// signing names (events over AWS JSON 1.1, scheduler over restJson1) and
// the bus endpoint for events ARNs (an event bus as a target).
func (s *Service) Describe() cloudenv.Descriptor {
	return cloudenv.Descriptor{Name: "eventbridge", SigningNames: []string{"events", "scheduler"}, ARNService: arnService,
		Handler: s, Endpoint: s.deliver, Close: s.Close}
}

// Close cancels every scheduled rule, schedule and retry.
func (s *Service) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for _, p := range s.partitions {
		for _, b := range p.buses {
			for _, r := range b.rules {
				r.disarm()
			}
		}
		for _, rp := range p.replays {
			rp.disarm()
		}
		for _, g := range p.groups {
			for _, sch := range g.schedules {
				sch.disarm()
			}
		}
	}
}

func (s *Service) now() time.Time { return s.env.Clock.Now() }

// part returns the partition of sc, created with its default bus and
// schedule group on first use. It runs under the lock.
func (s *Service) part(sc faults.Scope) *partition {
	k := partKey{sc.Account, sc.Region}
	if p := s.partitions[k]; p != nil {
		return p
	}
	p := &partition{sc: faults.Scope{Account: sc.Account, Region: sc.Region, Partition: sc.Partition},
		buses: map[string]*eventBus{}, groups: map[string]*scheduleGroup{},
		archives: map[string]*archive{}, replays: map[string]*replay{}, connections: map[string]*connection{},
		destinations: map[string]*apiDestination{}}
	now := s.now()
	p.buses[defaultBus] = newEventBus(p.sc, defaultBus, now)
	p.groups[defaultBus] = &scheduleGroup{sc: p.sc, name: defaultBus, arn: p.sc.ARN(arnScheduler, "schedule-group/default"),
		created: now, modified: now, schedules: map[string]*schedule{}}
	s.partitions[k] = p
	return p
}

// busNamed finds a bus by name or ARN ("" is the default bus). It runs
// under the lock.
func (s *Service) busNamed(sc faults.Scope, name string) (*eventBus, error) {
	p := s.part(sc)
	if name == "" {
		name = defaultBus
	}
	if a, ok := parseARN(name); ok {
		if a.Account != sc.Account || a.Region != sc.Region {
			p = s.part(faults.Scope{Account: a.Account, Region: a.Region, Partition: a.Partition})
		}
		name = trimPrefix(a.Resource, "event-bus/")
	}
	b := p.buses[name]
	if b == nil {
		return nil, errNoBus(name)
	}
	return b, nil
}

// ruleNamed finds a rule of a bus. It runs under the lock.
func (s *Service) ruleNamed(sc faults.Scope, busName, name string) (*eventBus, *rule, error) {
	b, err := s.busNamed(sc, busName)
	if err != nil {
		return nil, nil, err
	}
	r := b.rules[name]
	if r == nil {
		return nil, nil, errNoRule(name, b.name)
	}
	return b, r, nil
}

// scopeOfARN is the account and region an ARN names: a resource addressed
// by ARN lives there, whoever calls.
func scopeOfARN(a arn.ARN) faults.Scope {
	return faults.Scope{Account: a.Account, Region: a.Region, Partition: a.Partition}
}
