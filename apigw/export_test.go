package apigw

import "encoding/json"

// What the external tests (package apigw_test) read of the package's
// internals: the error catalogue, the wire table's operations and the Go
// API's.
var (
	Errs         = errs
	Operations   = routes.Operations
	GoOperations = func() []string { return operations }
	PathSegments = pathSegments
)

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }
