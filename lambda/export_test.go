package lambda

// What the external tests check of the package's wire table and catalogue.
var (
	ServedOperations = routes.Operations
	Errors           = errs
)
