package sts

import (
	"sync"
	"time"
)

// serviceSessionLife is how long the credentials of a role session a
// service holds last: 12 hours, the most a role session can (AssumeRole's
// DurationSeconds up to 43,200); a new session is issued after it.
const serviceSessionLife = 12 * time.Hour

// serviceSessions are the role sessions services hold, by role ARN and
// session name.
type serviceSessions struct {
	mu   sync.Mutex
	keys map[[2]string]Credentials
}

// ServiceSession returns the access key of the session named session of
// the role roleARN that a service holds to act as the role (Lambda's
// execution role, in a session named after the function), issuing it on
// first use and again once it has expired on the cloud's clock. Its
// principal is the assumed role: GetCallerIdentity answers
// arn:aws:sts::<account>:assumed-role/<role>/<session>. ok is false for an
// ARN that is not a role's. Plumbing for the root package.
func (s *Service) ServiceSession(roleARN, session string) (accessKeyID string, ok bool) {
	role, err := parseRole(roleARN)
	if err != nil || checkSessionName("roleSessionName", session) != nil {
		return "", false
	}
	k := [2]string{roleARN, session}
	now := s.now()
	s.services.mu.Lock()
	defer s.services.mu.Unlock()
	if c, ok := s.services.keys[k]; ok && now.Before(c.Expiration) {
		return c.AccessKeyId, true
	}
	_, c := s.assume(role, session, serviceSessionLife)
	if s.services.keys == nil {
		s.services.keys = map[[2]string]Credentials{}
	}
	s.services.keys[k] = c
	return c.AccessKeyId, true
}
