package logs

import (
	"sync"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/faults"
)

// arnService is the service name in CloudWatch Logs' ARNs and its SigV4
// signing name.
const arnService = "logs"

// Service is the CloudWatch Logs engine of one cloud. It is safe for
// concurrent use: one lock guards every group, held for short critical
// sections, never across a delivery.
type Service struct {
	env    *cloudenv.Env
	faults *faults.Injector[struct{}]

	mu         sync.Mutex
	partitions map[partKey]*partition
	def        *partition // the cloud's own account and region
	seq        uint64     // the events ever stored: each event's id
	metrics    []MetricDatum
	closed     bool
}

// New returns the CloudWatch Logs service of the cloud whose environment
// is env. It starts nothing.
func New(env *cloudenv.Env) *Service {
	return &Service{env: env, partitions: map[partKey]*partition{},
		faults: faults.New[struct{}](faultOps, env.Clock, env.Scope())}
}

// Describe tells the cloud how to wire the service: the signing name logs,
// the handler, the bus endpoint that other services' log lines arrive at
// (log group ARNs) and Close.
func (s *Service) Describe() cloudenv.Descriptor {
	return cloudenv.Descriptor{Name: "cloudwatch/logs", SigningNames: []string{arnService}, ARNService: arnService,
		Handler: s, Endpoint: s.deliver, Close: s.Close}
}

// Close cancels the retention sweeps.
func (s *Service) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for _, p := range s.partitions {
		for _, g := range p.groups {
			g.stopSweep()
		}
	}
}

// nowMs is the cloud's current instant in Unix milliseconds, the unit of
// every Logs timestamp.
func (s *Service) nowMs() int64 { return s.env.Clock.Now().UnixMilli() }

// partKey names a partition of the state: an account in a region.
type partKey struct{ account, region string }

// partition holds the log groups of one account in one region.
type partition struct {
	key    partKey
	scope  faults.Scope
	groups map[string]*group
	// policies are the resource policies, by name (ACCOUNT) or ARN
	// (RESOURCE).
	policies map[string]*ResourcePolicy
	// queries are the Logs Insights queries by id, queryOrder their ids
	// in the order they started, defs the query definitions by id.
	queries    map[string]*insightsQuery
	queryOrder []string
	defs       map[string]*QueryDefinition
}

// part returns the partition of sc, or nil while it has no group. It runs
// under the lock.
func (s *Service) part(sc faults.Scope) *partition {
	if d := s.def; d != nil && d.key.account == sc.Account && d.key.region == sc.Region {
		return d
	}
	return s.partitions[partKey{sc.Account, sc.Region}]
}

// partFor returns the partition of sc, creating it. It runs under the lock.
func (s *Service) partFor(sc faults.Scope) *partition {
	if p := s.part(sc); p != nil {
		return p
	}
	k := partKey{sc.Account, sc.Region}
	p := &partition{key: k, scope: sc, groups: map[string]*group{}}
	s.partitions[k] = p
	if k.account == s.env.AccountID && k.region == s.env.Region {
		s.def = p
	}
	return p
}

// groupOf finds the group name names in sc's partition, or the group an
// identifier (a name or an ARN, with or without the trailing :*) names.
// It runs under the lock.
func (s *Service) groupOf(sc faults.Scope, ident string) *group {
	if a, err := arn.Parse(ident); err == nil && a.Service == arnService {
		sc.Account, sc.Region = a.Account, a.Region
		ident = groupNameOfResource(a.Resource)
	}
	p := s.part(sc)
	if p == nil {
		return nil
	}
	return p.groups[ident]
}

// groupNameOfResource is the group name in a log-group:<name>[:*] ARN
// resource.
func groupNameOfResource(res string) string {
	name := res
	if len(name) > len("log-group:") && name[:len("log-group:")] == "log-group:" {
		name = name[len("log-group:"):]
	}
	if n := len(name); n >= 2 && name[n-2:] == ":*" {
		name = name[:n-2]
	}
	return name
}

// at converts Unix milliseconds to a time.
func at(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// scope is the caller's account, region and partition.
type scope = faults.Scope

// lockedGroup runs fn on the group ident names in sc's partition, under the
// lock; a missing group is ResourceNotFoundException.
func (s *Service) lockedGroup(sc scope, ident string, fn func(g *group) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.groupOf(sc, ident)
	if g == nil {
		return groupNotFound()
	}
	return fn(g)
}
