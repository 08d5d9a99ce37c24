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
