package sts

import (
	"testing"

	"github.com/awsfake/awsfake/internal/faults"
)

// CheckIdentity fails tb unless a call signed with accessKeyID is made, at
// the cloud's current time, by the principal wantARN (an assumed-role,
// federated-user or root ARN): what GetCallerIdentity would answer.
// Credentials that have expired fail it with ExpiredToken.
func (s *Service) CheckIdentity(tb testing.TB, accessKeyID, wantARN string) {
	tb.Helper()
	p, err := s.caller(scopeOf(s, accessKeyID))
	if err != nil {
		tb.Fatalf("sts: a call signed with %s fails: %v", accessKeyID, err)
		return
	}
	if p.ARN != wantARN {
		tb.Fatalf("sts: a call signed with %s is made by %s, want %s", accessKeyID, p.ARN, wantARN)
	}
}

// scopeOf is the cloud's own scope, signed with key.
func scopeOf(s *Service, key string) faults.Scope {
	sc := s.env.Scope()
	sc.AccessKeyID = key
	return sc
}
