package iam

import "testing"

// CheckRole fails tb unless the cloud's own account has the role name
// (case-insensitively, as IAM names are).
func (s *Service) CheckRole(tb testing.TB, name string) {
	tb.Helper()
	s.mu.Lock()
	_, err := s.own.role(name)
	s.mu.Unlock()
	if err != nil {
		tb.Fatalf("iam: no role %s in account %s", name, s.own.id)
	}
}

// CheckAttached fails tb unless the managed policy policyARN is attached
// to the role roleName of the cloud's own account: what a deployment test
// asserts after it wires a function's execution role.
func (s *Service) CheckAttached(tb testing.TB, roleName, policyARN string) {
	tb.Helper()
	s.mu.Lock()
	r, err := s.own.role(roleName)
	attached := err == nil && r.isAttached(policyARN)
	s.mu.Unlock()
	switch {
	case err != nil:
		tb.Fatalf("iam: no role %s in account %s", roleName, s.own.id)
	case !attached:
		tb.Fatalf("iam: %s is not attached to role %s", policyARN, roleName)
	}
}
