package xray

import (
	"context"
	"sync"
	"time"

	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/ids"
	"github.com/awsfake/awsfake/internal/xtrace"
)

// arnService is the service name in X-Ray's ARNs.
const arnService = "xray"

// Retention is how long X-Ray keeps a trace after its first segment came,
// on the cloud's clock.
const Retention = 30 * 24 * time.Hour

// Service is the X-Ray engine of one cloud: the traces of every account and
// region, assembled from their segments, the groups, the sampling rules and
// the settings. It is safe for concurrent use.
type Service struct {
	env    *cloudenv.Env
	faults *faults.Injector[struct{}]
	ids    *ids.Generator // trace and group ids, and sampling draws

	drainMu    sync.Mutex // held while the sink's segments are stored (trace_sink.go)
	mu         sync.Mutex
	closed     bool
	own        *partition
	partitions map[partKey]*partition // every other account and region, created on first write
	daemons    []*daemon              // UDP listeners (StartDaemon), closed by Close
	drops      int                    // datagrams the daemons dropped
}

// partKey is an account and region.
type partKey struct{ account, region string }

// New returns the X-Ray service of the cloud whose environment is env. It
// starts nothing: the UDP daemon listens only once StartDaemon is called.
func New(env *cloudenv.Env) *Service {
	s := &Service{
		env: env, faults: faults.New[struct{}](faultOps, env.Clock, env.Scope()),
		ids:        env.IDs.Derive("xray"),
		own:        newPartition(env.Scope()),
		partitions: map[partKey]*partition{},
	}
	if env.Traces == nil {
		env.Traces = xtrace.NewSink(s.drain)
	}
	return s
}

// Describe tells the cloud how to wire the service: its signing name, ARN
// service, handler, bus endpoint (busendpoint.go) and closer.
func (s *Service) Describe() cloudenv.Descriptor {
	return cloudenv.Descriptor{Name: "xray", SigningNames: []string{"xray"}, ARNService: arnService,
		Handler: s, Endpoint: s.deliver, Close: s.Close}
}

// Close stops the UDP daemons StartDaemon started and waits for their
// readers to end. The state stays readable.
func (s *Service) Close() {
	s.mu.Lock()
	s.closed = true
	ds := s.daemons
	s.daemons = nil
	s.mu.Unlock()
	for _, d := range ds {
		d.close()
	}
}

// now is the cloud's time.
func (s *Service) now() time.Time { return s.env.Clock.Now() }

// partitionOf returns the state of sc's account and region, created on
// first use, with its expired traces dropped. The caller holds s.mu.
func (s *Service) partitionOf(sc faults.Scope) *partition {
	p := s.own
	if sc.Account != s.own.scope.Account || sc.Region != s.own.scope.Region {
		k := partKey{sc.Account, sc.Region}
		p = s.partitions[k]
		if p == nil {
			p = newPartition(sc)
			s.partitions[k] = p
		}
	}
	p.expire(s.now())
	return p
}

// locked runs fn on the caller's partition under the service's lock.
func locked[T any](s *Service, sc faults.Scope, fn func(p *partition) (T, error)) (T, error) {
	s.drain()
	s.mu.Lock()
	defer s.mu.Unlock()
	return fn(s.partitionOf(sc))
}

// scopeOf is the scope of a call that does not go through enter (the
// daemon's segments are the cloud's own).
func (s *Service) scopeOf(ctx context.Context) faults.Scope {
	if sc, ok := faults.ScopeFrom(ctx); ok {
		return sc
	}
	return s.env.Scope()
}
