package eventbridge

import (
	"context"

	"github.com/awsfake/awsfake/internal/protocol"
)

// unsupported are the EventBridge operations of features the fake does
// not model (global endpoints, partner event sources, UpdateArchive), answered as AWS answers an account
// that has none: an empty list, ResourceNotFoundException for one named,
// and ValidationException naming the operation for one that would create
// or change something. They are not operations of the Go API: they record
// no call and take no injected fault.
var unsupported = map[string]protocol.TargetOp[*Service]{
	"ListEndpoints":                  emptyList("Endpoints"),
	"ListEventSources":               emptyList("EventSources"),
	"ListPartnerEventSourceAccounts": emptyList("PartnerEventSourceAccounts"),
	"ListPartnerEventSources":        emptyList("PartnerEventSources"),
	"DescribeEndpoint":               notFound("Endpoint does not exist."),
	"DescribeEventSource":            notFound("Event source does not exist."),
	"DescribePartnerEventSource":     notFound("Partner event source does not exist."),
	"DeleteEndpoint":                 notFound("Endpoint does not exist."),
	"DeletePartnerEventSource":       notFound("Partner event source does not exist."),
	"ActivateEventSource":            notFound("Event source does not exist."),
	"DeactivateEventSource":          notFound("Event source does not exist."),
	"CreateEndpoint":                 refused("CreateEndpoint"),
	"CreatePartnerEventSource":       refused("CreatePartnerEventSource"),
	"PutPartnerEvents":               refused("PutPartnerEvents"),
	"UpdateArchive":                  refused("UpdateArchive"),
	"UpdateEndpoint":                 refused("UpdateEndpoint"),
}

func isUnsupported(op string) bool { return unsupported[op] != nil }

func withUnsupported(ops map[string]protocol.TargetOp[*Service]) map[string]protocol.TargetOp[*Service] {
	for name, op := range unsupported {
		ops[name] = op
	}
	return ops
}

func emptyList(member string) protocol.TargetOp[*Service] {
	return func(*Service, context.Context, []byte) (any, error) { return map[string]any{member: []any{}}, nil }
}

func notFound(msg string) protocol.TargetOp[*Service] {
	return func(*Service, context.Context, []byte) (any, error) {
		return nil, newError(codeResourceNotFound, "%s", msg)
	}
}

func refused(op string) protocol.TargetOp[*Service] {
	return func(*Service, context.Context, []byte) (any, error) {
		return nil, errValidation("awsfake does not implement %s.", op)
	}
}
