package eventbridge

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

// jsonProto is EventBridge's AWS JSON 1.1 dialect: errors carry the bare
// code in __type.
var jsonProto = protocol.JSON{ContentType: "application/x-amz-json-1.1"}

// jsonTargets is EventBridge's wire table, by X-Amz-Target
// (AWSEvents.<Op>): the operations of the Go API, and those answered for
// features the fake does not model (wire_unsupported.go).
var jsonTargets = protocol.Targets[*Service]{Proto: jsonProto, Prefix: "AWSEvents.", Ops: withUnsupported(map[string]protocol.TargetOp[*Service]{
	"CreateEventBus":         protocol.Call((*Service).CreateEventBus),
	"DeleteEventBus":         protocol.Do((*Service).DeleteEventBus),
	"DescribeEventBus":       protocol.Call((*Service).DescribeEventBus),
	"ListEventBuses":         protocol.Call((*Service).ListEventBuses),
	"UpdateEventBus":         protocol.Call((*Service).UpdateEventBus),
	"PutPermission":          protocol.Do((*Service).PutPermission),
	"RemovePermission":       protocol.Do((*Service).RemovePermission),
	"PutRule":                protocol.Call((*Service).PutRule),
	"DescribeRule":           protocol.Call((*Service).DescribeRule),
	"DeleteRule":             protocol.Do((*Service).DeleteRule),
	"EnableRule":             protocol.Do((*Service).EnableRule),
	"DisableRule":            protocol.Do((*Service).DisableRule),
	"ListRules":              protocol.Call((*Service).ListRules),
	"ListRuleNamesByTarget":  protocol.Call((*Service).ListRuleNamesByTarget),
	"PutTargets":             protocol.Call((*Service).PutTargets),
	"RemoveTargets":          protocol.Call((*Service).RemoveTargets),
	"ListTargetsByRule":      protocol.Call((*Service).ListTargetsByRule),
	"PutEvents":              protocol.Call((*Service).PutEvents),
	"TestEventPattern":       protocol.Call((*Service).TestEventPattern),
	"TagResource":            protocol.Do((*Service).TagResource),
	"UntagResource":          protocol.Do((*Service).UntagResource),
	"ListTagsForResource":    protocol.Call((*Service).ListTagsForResource),
	"CreateArchive":          protocol.Call((*Service).CreateArchive),
	"DescribeArchive":        protocol.Call((*Service).DescribeArchive),
	"DeleteArchive":          protocol.Do((*Service).DeleteArchive),
	"ListArchives":           protocol.Call((*Service).ListArchives),
	"StartReplay":            protocol.Call((*Service).StartReplay),
	"DescribeReplay":         protocol.Call((*Service).DescribeReplay),
	"CancelReplay":           protocol.Call((*Service).CancelReplay),
	"ListReplays":            protocol.Call((*Service).ListReplays),
	"CreateConnection":       protocol.Call((*Service).CreateConnection),
	"DescribeConnection":     protocol.Call((*Service).DescribeConnection),
	"UpdateConnection":       protocol.Call((*Service).UpdateConnection),
	"DeleteConnection":       protocol.Call((*Service).DeleteConnection),
	"DeauthorizeConnection":  protocol.Call((*Service).DeauthorizeConnection),
	"ListConnections":        protocol.Call((*Service).ListConnections),
	"CreateApiDestination":   protocol.Call((*Service).CreateApiDestination),
	"DescribeApiDestination": protocol.Call((*Service).DescribeApiDestination),
	"UpdateApiDestination":   protocol.Call((*Service).UpdateApiDestination),
	"DeleteApiDestination":   protocol.Do((*Service).DeleteApiDestination),
	"ListApiDestinations":    protocol.Call((*Service).ListApiDestinations),
})}

// ServeHTTP serves both clients on one handler: a request with
// X-Amz-Target is EventBridge's, anything else Scheduler's restJson1.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if protocol.HasTarget(r) {
		jsonTargets.Serve(s, w, r)
		return
	}
	s.serveScheduler(w, r)
}
