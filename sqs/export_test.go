package sqs

import "github.com/awsfake/awsfake/internal/faults"

// Operations returns the operation list derived from the wire table, for
// the served test.
func Operations() []string { return operations }

// QueryActions returns the actions the Query binding serves.
func QueryActions() []string {
	out := make([]string, 0, len(queryOps))
	for a := range queryOps {
		out = append(out, a)
	}
	return out
}

// Errors is the package's error catalogue, for the catalogue test.
func Errors() *faults.Catalogue { return errs }
