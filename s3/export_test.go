package s3

// What the external tests of the package read of its insides.
var (
	ErrorCatalogue = errs
	WireOperations = routes.Operations
)
