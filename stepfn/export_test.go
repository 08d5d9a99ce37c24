package stepfn

// Errs is the package's error catalogue, for the served test.
var Errs = errs

// Operations is the wire table's operation list.
func Operations() []string { return operations }
