package protocol

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
)

// TargetOp serves one operation of an AWS JSON service (awsJson1_0,
// awsJson1_1): it decodes the request body into the operation's input, calls
// the Go API on the service s and returns the output to encode (nil encodes
// as {}).
type TargetOp[S any] func(s S, ctx context.Context, body []byte) (any, error)

// Call binds a Go API operation with an output. The Go API's input and
// output structs carry the JSON member names of the service's model.
func Call[S, I, O any](op func(S, context.Context, I) (O, error)) TargetOp[S] {
	return func(s S, ctx context.Context, body []byte) (any, error) {
		var in I
		if err := UnmarshalJSON(body, &in); err != nil {
			return nil, err
		}
		return op(s, ctx, in)
	}
}

// Do binds a Go API operation without an output.
func Do[S, I any](op func(S, context.Context, I) error) TargetOp[S] {
	return func(s S, ctx context.Context, body []byte) (any, error) {
		var in I
		if err := UnmarshalJSON(body, &in); err != nil {
			return nil, err
		}
		return nil, op(s, ctx, in)
	}
}

// Targets routes the requests of an AWS JSON service by X-Amz-Target
// (<Prefix><Operation>) to its operations. Its operation names are the
// service's wire table: the list the service's InjectFault and Calls use
// and its "served" test checks against the SDK client.
type Targets[S any] struct {
	// Proto is the service's JSON dialect.
	Proto JSON
	// Prefix starts every target: "AmazonSQS.", "AWSStepFunctions.".
	Prefix string
	// Limit is the largest request body read (DefaultBodyLimit when 0).
	Limit int64
	// Ops are the operations by name.
	Ops map[string]TargetOp[S]
}

// Operations returns the names of the operations, sorted.
func (t *Targets[S]) Operations() []string {
	out := make([]string, 0, len(t.Ops))
	for name := range t.Ops {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// Serve answers r for the service s: an unknown target is AWS's
// UnknownOperationException; decoding, operation and encoding errors are
// rendered in the service's dialect.
func (t *Targets[S]) Serve(s S, w http.ResponseWriter, r *http.Request) {
	target := r.Header.Get("X-Amz-Target")
	name, ok := strings.CutPrefix(target, t.Prefix)
	op := t.Ops[name]
	if !ok || op == nil {
		t.Proto.WriteError(w, r, awserr.BadRequest("UnknownOperationException", "Unknown operation %s", target))
		return
	}
	limit := t.Limit
	if limit == 0 {
		limit = DefaultBodyLimit
	}
	body, err := ReadBody(r, limit)
	if err != nil {
		t.Proto.WriteError(w, r, err)
		return
	}
	out, err := op(s, r.Context(), body)
	if err != nil {
		t.Proto.WriteError(w, r, err)
		return
	}
	t.Proto.Write(w, http.StatusOK, out)
}

// HasTarget reports whether r names an operation in X-Amz-Target: an AWS
// JSON request, for services that also serve Query or CBOR on the same
// endpoint (SQS, CloudWatch).
func HasTarget(r *http.Request) bool { return r.Header.Get("X-Amz-Target") != "" }

// Operation returns the operation r names in X-Amz-Target under the
// table's prefix, "" when it names none of the table's (IAM enforcement
// reads it before the service serves r).
func (t *Targets[S]) Operation(r *http.Request) string {
	name, ok := strings.CutPrefix(r.Header.Get("X-Amz-Target"), t.Prefix)
	if !ok || t.Ops[name] == nil {
		return ""
	}
	return name
}
