package faults

import (
	"context"

	"github.com/awsfake/awsfake/internal/arn"
)

// Scope is where an operation runs and for whom: the caller's account,
// region and partition, and the access key that signed the call. Enter
// resolves it from the call's ctx; an operation keys its state by it and
// builds its ARNs from it.
type Scope struct {
	Account   string
	Region    string
	Partition string
	// AccessKeyID is the key that signed the request; empty for a call of
	// the Go API whose ctx names none (the account's root user).
	AccessKeyID string
	// Trace, when set (the root's request log), learns the operation the
	// request ran: Enter names the first one.
	Trace *Trace
}

// Trace is what a request's operations tell the request log.
type Trace struct {
	Operation string
}

// ARN returns the ARN of resource of service (the ARN's service name,
// which may differ from the signing name) in the scope.
func (s Scope) ARN(service, resource string) string {
	return arn.Build(s.Partition, service, s.Region, s.Account, resource)
}

type scopeKey struct{}

// WithScope returns a ctx whose calls run in sc: the root package sets it
// from a request's signature and credentials.
func WithScope(ctx context.Context, sc Scope) context.Context {
	return context.WithValue(ctx, scopeKey{}, sc)
}

// ScopeFrom returns the scope ctx carries, if any.
func ScopeFrom(ctx context.Context) (Scope, bool) {
	sc, ok := ctx.Value(scopeKey{}).(Scope)
	return sc, ok
}
