package sts

import (
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/creds"
	"github.com/awsfake/awsfake/internal/faults"
)

// arnService is the service name in STS's ARNs (assumed-role and
// federated-user principals).
const arnService = "sts"

// Service is the STS engine of one cloud. It is safe for concurrent use.
type Service struct {
	env      *cloudenv.Env
	faults   *faults.Injector[struct{}]
	services serviceSessions
	sessions sessionPolicies // AssumeRole's Policy and PolicyArns, by key
	roles    RoleSource      // SetRoleSource; nil: roles are not looked up
}

// New returns the STS service of the cloud whose environment is env.
func New(env *cloudenv.Env) *Service {
	return &Service{env: env, faults: faults.New[struct{}](faultOps, env.Clock, env.Scope())}
}

// Describe tells the cloud how to wire the service: its signing name, ARN
// service and handler. STS has no bus endpoint and nothing to close.
func (s *Service) Describe() cloudenv.Descriptor {
	return cloudenv.Descriptor{Name: "sts", SigningNames: []string{"sts"}, ARNService: arnService, Handler: s}
}

// caller returns who signed a call in scope sc: the principal its
// temporary credentials were issued to, or the account's root user for any
// other key (a long-term key, or a Go API call). An issued key that has
// expired is ExpiredToken, as AWS answers any call signed with it.
func (s *Service) caller(sc faults.Scope) (principal, error) {
	switch p, st := s.env.Creds.Lookup(sc.AccessKeyID, s.now()); st {
	case creds.Valid:
		return p, nil
	case creds.Expired:
		return principal{}, errs.Default(codeExpiredToken)
	}
	return rootOf(sc.Account), nil
}

// rootOf is the root user of account.
func rootOf(account string) principal {
	return principal{Account: account, ARN: arn.Build("", "iam", "", account, "root"), UserID: account, Kind: rootUser}
}

func (s *Service) now() time.Time { return s.env.Clock.Now() }
