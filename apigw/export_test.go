package apigw

import "encoding/json"

// What the external tests (package apigw_test) read of the package's
// internals: the error catalogue, the wire table's operations (of the
// apigateway and apigatewayv2 clients) and the Go API's.
var (
	Errs           = errs
	Operations     = func() []string { return restOperations }
	HTTPOperations = func() []string { return httpOperations }
	GoOperations   = func() []string { return operations }
)

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }
