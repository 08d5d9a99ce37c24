package cloudwatch

import (
	"sync"
	"time"

	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/metrics"
	"github.com/awsfake/awsfake/internal/sched"
)

// arnService is the service name in CloudWatch's ARNs (alarms).
const arnService = "cloudwatch"

// Service is the CloudWatch engine of one cloud: metrics and alarms. It is
// safe for concurrent use.
type Service struct {
	env    *cloudenv.Env
	faults *faults.Injector[struct{}]

	mu    sync.Mutex
	own   *partition             // the cloud's own account and region
	parts map[partKey]*partition // every other one, created on first write
	// alarms counts the alarms of every partition, subMinute those with a
	// period under a minute: the evaluation job runs every minute while
	// alarms > 0, every 10 seconds while subMinute > 0.
	alarms, subMinute int
	job               *sched.Job
	// dashboards are global: by account, then by name.
	dashboards map[string]map[string]*dashboard
	closed     bool
}

// partKey is an account and region: CloudWatch is regional.
type partKey struct{ account, region string }

// partition holds one account's metrics and alarms in one region.
type partition struct {
	svc     *Service // the service it belongs to (composite alarms schedule on it)
	scope   faults.Scope
	metrics map[string]*metric
	alarms  map[string]*alarm
	// composites are the composite alarms, by name.
	composites map[string]*composite
	history    []historyItem
}

// New returns the CloudWatch service of the cloud whose environment is env.
// It installs the cloud's metrics recorder (env.Metrics), through which the
// other services publish their standard metrics.
func New(env *cloudenv.Env) *Service {
	s := &Service{env: env, faults: faults.New[struct{}](faultOps, env.Clock, env.Scope()), parts: map[partKey]*partition{},
		dashboards: map[string]map[string]*dashboard{}}
	s.own = newPartition(env.Scope())
	s.own.svc = s
	if env.Metrics == nil {
		env.Metrics = metrics.NewRecorder()
	}
	return s
}

func newPartition(sc faults.Scope) *partition {
	return &partition{scope: sc, metrics: map[string]*metric{}, alarms: map[string]*alarm{}, composites: map[string]*composite{}}
}

// Describe tells the cloud how to wire the service: its signing name
// (monitoring), its ARN service, its handler and its closer.
func (s *Service) Describe() cloudenv.Descriptor {
	return cloudenv.Descriptor{Name: "cloudwatch", SigningNames: []string{"monitoring"}, ARNService: arnService,
		Handler: s, Close: s.Close}
}

// Close cancels the alarm evaluation job; the service answers no more
// scheduled work.
func (s *Service) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for _, p := range s.allParts() {
		for _, c := range p.composites {
			if c.job != nil {
				c.job.Cancel()
				c.job = nil
			}
		}
	}
	if s.job != nil {
		s.job.Cancel()
		s.job = nil
	}
}

// partOf returns the partition of sc, created on first use. The caller
// holds s.mu.
func (s *Service) partOf(sc faults.Scope) *partition {
	if sc.Account == s.own.scope.Account && sc.Region == s.own.scope.Region {
		return s.own
	}
	k := partKey{sc.Account, sc.Region}
	p := s.parts[k]
	if p == nil {
		p = newPartition(sc)
		p.svc = s
		s.parts[k] = p
	}
	return p
}

// allParts returns every partition. The caller holds s.mu.
func (s *Service) allParts() []*partition {
	out := []*partition{s.own}
	for _, p := range s.parts {
		out = append(out, p)
	}
	return out
}

// now is the cloud clock's time, in UTC.
func (s *Service) now() time.Time { return s.env.Clock.Now().UTC() }
