package sqs

// What the external tests (package sqs_test) read of the package's
// internals: the error catalogue, the wire table's operations and the
// Query binding's actions.
var Errs = errs

// Operations returns the operation list derived from the wire table.
func Operations() []string { return operations }

// QueryActions returns the actions the Query binding serves.
func QueryActions() []string {
	out := make([]string, 0, len(queryOps))
	for a := range queryOps {
		out = append(out, a)
	}
	return out
}

// LongPolls counts the long polls parked on the queue name of account
// and region, so that a test can wait until its poll is parked rather
// than sleep.
func LongPolls(s *Service, account, region, name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueIn(s.part(account, region), name)
	if err != nil {
		return 0
	}
	return len(q.waiters)
}
