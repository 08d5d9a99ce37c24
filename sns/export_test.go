package sns

// What the external tests (package sns_test) read of the package's
// internals: the error catalogue and the operation list of the wire table.
var (
	Errs       = errs
	Operations = operationNames
)
