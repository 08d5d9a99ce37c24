package route53

import (
	"context"
	"io"
	"sync"
	"time"

	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/dispatch"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/ids"
)

// ChangePropagation is how long a change stays PENDING on the cloud's clock
// before GetChange reports it INSYNC. AWS: "changes generally propagate to
// all Route 53 name servers within 60 seconds" (ChangeResourceRecordSets);
// the fake takes the whole of it, so a test that waits as AWS tells it to
// sees INSYNC and one that does not sees PENDING.
const ChangePropagation = 60 * time.Second

// arnService is the service name in Route 53's ARNs.
const arnService = "route53"

// Service is the Route 53 engine of one cloud: hosted zones and their
// record sets per account (Route 53 is global: no region partitions it),
// changes, reusable delegation sets, tags, and the answers its name servers
// give by each record's routing policy. It is safe for concurrent use.
type Service struct {
	env    *cloudenv.Env
	faults *faults.Injector[struct{}]
	// answers draws the random parts of DNS answers (the order of values,
	// weighted and multivalue choices) from the cloud's seeded source.
	answers *ids.Generator

	mu       sync.Mutex
	closed   bool
	accounts map[string]*account     // by account id, created on first write
	seq      uint64                  // orders zones across accounts (oldest answers first)
	byName   map[string][]*zone      // public zones by name, oldest first: who answers DNS
	marked   map[string]bool         // health check ids SetHealthCheckStatus marked, true for healthy
	checks   map[string]*healthCheck // every account's health checks by id (ids are unique)
	domains  map[string]*domain      // every account's domains by name: one registrant per name
	prober   prober                  // the client and dialer of the probes
	// maxHealthChecks is the quota of health checks per account.
	maxHealthChecks int
	locations       []clientLocation // SetClientLocation, most specific prefix first
	// maxRecordSets is the quota of record sets per zone (SetMaxRecordSets).
	maxRecordSets int
	servers       []io.Closer    // ServeDNS listeners, closed by Close
	probes        sync.WaitGroup // the probes in flight
	// probeCtx ends at Close: it cancels the probes in flight.
	probeCtx    context.Context
	probeCancel context.CancelFunc
}

// New returns the Route 53 service of the cloud whose environment is env. It
// starts nothing.
func New(env *cloudenv.Env) *Service {
	ctx, cancel := context.WithCancel(env.Bus.Context())
	return &Service{
		probeCtx:        ctx,
		probeCancel:     cancel,
		env:             env,
		faults:          faults.New[struct{}](faultOps, env.Clock, env.Scope()),
		answers:         env.IDs.Derive("route53/answers"),
		accounts:        map[string]*account{},
		byName:          map[string][]*zone{},
		maxRecordSets:   MaxRecordSets,
		marked:          map[string]bool{},
		checks:          map[string]*healthCheck{},
		domains:         map[string]*domain{},
		maxHealthChecks: MaxHealthChecks,
	}
}

// Describe tells the cloud how to wire the service: its signing name,
// handler and closer.
func (s *Service) Describe() cloudenv.Descriptor {
	return cloudenv.Descriptor{Name: "route53", SigningNames: []string{dispatch.Route53, dispatch.Route53Domains}, ARNService: arnService, Handler: s, Close: s.Close}
}

// Close stops the DNS listeners ServeDNS started and waits for their
// goroutines. The in-memory dialer needs no closing.
func (s *Service) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	servers := s.servers
	s.servers = nil
	for _, hc := range s.checks {
		if hc.job != nil {
			hc.job.Cancel()
			hc.job = nil
		}
	}
	s.mu.Unlock()
	s.probeCancel()
	s.probes.Wait()
	s.prober.close()
	for _, c := range servers {
		_ = c.Close()
	}
}

// SetMaxRecordSets sets the quota of record sets in one zone (default
// MaxRecordSets, AWS's default quota, which AWS raises on request). A batch
// that would take a zone over it is InvalidChangeBatch.
func (s *Service) SetMaxRecordSets(n int) {
	s.mu.Lock()
	s.maxRecordSets = n
	s.mu.Unlock()
}

func (s *Service) now() time.Time { return s.env.Clock.Now() }

// accountLocked returns the state of an account, creating it when create is
// set; a read of an account that never wrote sees an empty one.
func (s *Service) accountLocked(id string, create bool) *account {
	a := s.accounts[id]
	if a == nil {
		a = newAccount()
		if create {
			s.accounts[id] = a
		}
	}
	return a
}

// zoneLocked returns the zone id (without its /hostedzone/ prefix) of
// account.
func (s *Service) zoneLocked(account, id string) (*zone, error) {
	z := s.accountLocked(account, false).zones[stripID(id)]
	if z == nil {
		return nil, noSuchZone(stripID(id))
	}
	return z, nil
}
