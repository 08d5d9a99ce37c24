package cloudwatch

// AlarmStateOf returns the state (OK, ALARM or INSUFFICIENT_DATA) of the
// named metric or composite alarm of account in region, for other
// services that read alarms (Route 53's CLOUDWATCH_METRIC health checks);
// ok is false when there is none. It creates no partition.
func (s *Service) AlarmStateOf(account, region, name string) (state string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.parts[partKey{account, region}]
	if account == s.own.scope.Account && region == s.own.scope.Region {
		p = s.own
	}
	if p == nil {
		return "", false
	}
	if a := p.alarms[name]; a != nil {
		return a.state, true
	}
	if c := p.composites[name]; c != nil {
		return c.state, true
	}
	return "", false
}
