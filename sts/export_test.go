package sts

// SessionPoliciesHeld is how many sessions' session policies s holds.
func (s *Service) SessionPoliciesHeld() int {
	s.sessions.mu.RLock()
	defer s.sessions.mu.RUnlock()
	return len(s.sessions.keys)
}
