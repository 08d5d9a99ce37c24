package sns

// What the external tests (package sns_test) read of the package's
// internals: the error catalogue and the wire table's operations.
var Errs = errs

// Operations returns the operation list derived from the wire table.
func Operations() []string { return operationNames }
