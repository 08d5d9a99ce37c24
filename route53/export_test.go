package route53

// What the external tests (package route53_test) read of the package's
// internals: the error catalogue and the wire table's operations.
var (
	Errs       = errs
	Operations = routes.Operations
	// DomainOps is Route 53 Domains' wire table.
	DomainOps = domainTargets.Operations
)
