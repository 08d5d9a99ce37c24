package cloudwatch

// Errs is the package's error catalogue, for the external tests.
var Errs = errs

// Operations is the wire table's operation list.
func Operations() []string { return operations() }
