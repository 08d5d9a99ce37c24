package iam

import (
	"sync"
	"time"

	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/policy"
)

// arnService is the service name in IAM's ARNs.
const arnService = "iam"

// Service is the IAM engine of one cloud. It is safe for concurrent use.
// IAM is global: its state is keyed by account alone, never by region.
type Service struct {
	env    *cloudenv.Env
	faults *faults.Injector[struct{}]

	mu       sync.Mutex
	own      *account                   // the cloud's own account, kept aside
	accounts map[string]*account        // every other account, created on first write
	docs     map[string]policy.Document // parsed documents, for enforcement (enforce.go)
}

// New returns the IAM service of the cloud whose environment is env.
func New(env *cloudenv.Env) *Service {
	return &Service{env: env, faults: faults.New[struct{}](faultOps, env.Clock, env.Scope()),
		own: newAccount(env.AccountID), accounts: map[string]*account{}}
}

// Describe tells the cloud how to wire the service: its signing name, ARN
// service and handler. IAM has no bus endpoint and nothing to close.
func (s *Service) Describe() cloudenv.Descriptor {
	return cloudenv.Descriptor{Name: "iam", SigningNames: []string{"iam"}, ARNService: arnService, Handler: s}
}

// accountOf returns the state of the caller's account, created on first
// use. The caller holds s.mu.
func (s *Service) accountOf(sc faults.Scope) *account {
	if sc.Account == s.own.id {
		return s.own
	}
	a := s.accounts[sc.Account]
	if a == nil {
		a = newAccount(sc.Account)
		s.accounts[sc.Account] = a
	}
	return a
}

// allAccounts returns every account's state. The caller holds s.mu.
func (s *Service) allAccounts() []*account {
	out := []*account{s.own}
	for _, a := range s.accounts {
		out = append(out, a)
	}
	return out
}

// locked runs fn on the caller's account under the service's lock.
func (s *Service) locked(sc faults.Scope, fn func(a *account) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fn(s.accountOf(sc))
}

// scope is the caller's account, region and key: IAM keys its state by
// the account alone.
type scope = faults.Scope

func (s *Service) now() time.Time { return s.env.Clock.Now().UTC().Truncate(time.Second) }
