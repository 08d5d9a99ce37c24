package apigw

import (
	"context"
	"sync"
	"time"

	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/record"
)

// arnService is the service name in API Gateway's ARNs
// (arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5).
const arnService = "apigateway"

// Service is the API Gateway (REST APIs, v1) engine of one cloud: the
// control plane of REST APIs, their resources, methods, integrations,
// deployments and stages, and the invocation of deployed stages. It is safe
// for concurrent use.
type Service struct {
	env    *cloudenv.Env
	faults *faults.Injector[struct{}]

	mu      sync.Mutex
	logSink LogSink                // SetLogSink; nil: lines are kept here only
	parts   map[partKey]*partition // by account and region, created on first write
	byID    map[string]*api        // every REST API of the cloud by id: invoke URLs name no account
	client  doer                   // HTTP_PROXY integrations (SetHTTPClient)
	calls   record.Log[Invocation] // the newest invocations of deployed stages
	// execLogs and accessLogs are each stage's log lines (logs.go).
	execLogs, accessLogs map[logKey][]LogLine
	// h is the HTTP and WebSocket APIs (httpapi.go), created on first use.
	h *httpState
	// authCache holds authorizer results (authorize_cache.go); cognito the
	// user pools' signing keys (jwt.go).
	authCache map[cacheKey]cachedResult
	// authSweep is the earliest expiry among authCache's results: before
	// it no result has expired, so a full cache is not swept.
	authSweep time.Time
	cognito   map[string]*CognitoPool
	// iam decides AWS_IAM requests (SetIAMAuthorizer, wire_iam.go).
	iam IAMAuthorizer
	// roles, objects and executions serve AWS integrations (SetRoleChecker,
	// SetObjectStore, SetSyncExecutions).
	roles      RoleChecker
	objects    ObjectStore
	executions SyncExecutions
}

// partKey names a partition: API Gateway's resources are per account and
// region.
type partKey struct{ account, region string }

// partition is the state of one account in one region.
type partition struct {
	apis  map[string]*api
	usage *usageState   // API keys and usage plans (apikeys.go), made on first write
	acct  *accountState // VPC links, certificates, domain names (account_state.go)
}

// New returns the API Gateway service of the cloud whose environment is
// env. It starts nothing.
func New(env *cloudenv.Env) *Service {
	s := &Service{
		env:      env,
		faults:   faults.New[struct{}](faultOps, env.Clock, env.Scope()),
		parts:    map[partKey]*partition{},
		byID:     map[string]*api{},
		client:   defaultClient(),
		execLogs: map[logKey][]LogLine{}, accessLogs: map[logKey][]LogLine{},
	}
	s.calls.Bind(env.Records, invocationBytes)
	return s
}

// Describe tells the cloud how to wire the service: the apigateway signing
// name for the control plane and execute-api for invocations of deployed
// stages, both served by ServeHTTP.
func (s *Service) Describe() cloudenv.Descriptor {
	return cloudenv.Descriptor{Name: "apigw", SigningNames: []string{"apigateway", "execute-api"},
		ARNService: arnService, Handler: s}
}

// partLocked returns the partition of sc, nil when nothing was ever created
// there.
func (s *Service) partLocked(sc faults.Scope) *partition {
	return s.parts[partKey{sc.Account, sc.Region}]
}

// partForWriteLocked returns the partition of sc, creating it.
func (s *Service) partForWriteLocked(sc faults.Scope) *partition {
	k := partKey{sc.Account, sc.Region}
	p := s.parts[k]
	if p == nil {
		p = &partition{apis: map[string]*api{}}
		s.parts[k] = p
	}
	return p
}

// apiLocked returns the REST API id of the caller's partition.
func (s *Service) apiLocked(sc faults.Scope, id string) (*api, error) {
	if p := s.partLocked(sc); p != nil {
		if a := p.apis[id]; a != nil {
			return a, nil
		}
	}
	return nil, errAPINotFound(sc.Account, id)
}

// newID returns an id of n lowercase alphanumerics, the form of AWS's REST
// API, resource, deployment and validator ids.
func (s *Service) newID(n int) string {
	const alnum = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = alnum[s.env.IDs.IntN(len(alnum))]
	}
	return string(b)
}

// enterAPI enters op, takes the lock and finds the caller's API id: the
// first steps of most operations on an API's parts. The caller calls
// unlock when err is nil; on an error the lock is not held.
func (s *Service) enterAPI(ctx context.Context, op, id string) (a *api, unlock func(), err error) {
	sc, err := s.enter(ctx, op)
	if err != nil {
		return nil, nil, err
	}
	s.mu.Lock()
	if a, err = s.apiLocked(sc, id); err != nil {
		s.mu.Unlock()
		return nil, nil, err
	}
	return a, s.mu.Unlock, nil
}
