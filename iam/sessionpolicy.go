package iam

import (
	"github.com/awsfake/awsfake/internal/policy"
)

// PolicyDocuments returns the default versions of the managed policies
// policyARNs (the account's own or AWS managed ones) as account sees
// them, in order, skipping those that do not exist: the managed session
// policies an AssumeRole call named (PolicyArns). Plumbing for the root
// package.
func (s *Service) PolicyDocuments(account string, policyARNs []string) []policy.Document {
	if len(policyARNs) == 0 {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	acct := s.accountOf(scope{Account: account})
	out := make([]policy.Document, 0, len(policyARNs))
	for _, pa := range policyARNs {
		if p, err := acct.policy(pa); err == nil {
			out = append(out, s.parsed(p.defaultDoc()))
		}
	}
	return out
}
