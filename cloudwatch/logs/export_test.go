package logs

// What the external tests (package logs_test) read of the package's
// internals: the error catalogue and the operations of the Go API.
var Errs = errs

// Operations returns the operation list derived from the wire table: the
// Go API's and the unmodelled ones.
func Operations() []string { return jsonTargets.Operations() }

// GoOperations returns the operations of the Go API (the modelled part of
// the wire table).
func GoOperations() []string { return operations() }
