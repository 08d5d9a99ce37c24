package stepfn

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

// jsonProto is Step Functions' dialect: AWS JSON 1.0, errors by their
// bare code in __type, as the service answers them.
var jsonProto = protocol.JSON{ContentType: "application/x-amz-json-1.0"}

// jsonTargets is the wire table, by X-Amz-Target (AWSStepFunctions.<Op>):
// every operation of the sfn client, bound to its Go API method.
// The operation list (operations) is derived from it.
var jsonTargets = protocol.Targets[*Service]{Proto: jsonProto, Prefix: "AWSStepFunctions.", Ops: map[string]protocol.TargetOp[*Service]{
	"CreateStateMachine":               protocol.Call((*Service).CreateStateMachine),
	"DescribeStateMachine":             protocol.Call((*Service).DescribeStateMachine),
	"UpdateStateMachine":               protocol.Call((*Service).UpdateStateMachine),
	"DeleteStateMachine":               protocol.Do((*Service).DeleteStateMachine),
	"ListStateMachines":                protocol.Call((*Service).ListStateMachines),
	"PublishStateMachineVersion":       protocol.Call((*Service).PublishStateMachineVersion),
	"ListStateMachineVersions":         protocol.Call((*Service).ListStateMachineVersions),
	"DeleteStateMachineVersion":        protocol.Do((*Service).DeleteStateMachineVersion),
	"CreateStateMachineAlias":          protocol.Call((*Service).CreateStateMachineAlias),
	"DescribeStateMachineAlias":        protocol.Call((*Service).DescribeStateMachineAlias),
	"UpdateStateMachineAlias":          protocol.Call((*Service).UpdateStateMachineAlias),
	"DeleteStateMachineAlias":          protocol.Do((*Service).DeleteStateMachineAlias),
	"ListStateMachineAliases":          protocol.Call((*Service).ListStateMachineAliases),
	"StartExecution":                   protocol.Call((*Service).StartExecution),
	"StartSyncExecution":               protocol.Call((*Service).StartSyncExecution),
	"StopExecution":                    protocol.Call((*Service).StopExecution),
	"DescribeExecution":                protocol.Call((*Service).DescribeExecution),
	"ListExecutions":                   protocol.Call((*Service).ListExecutions),
	"DescribeStateMachineForExecution": protocol.Call((*Service).DescribeStateMachineForExecution),
	"GetExecutionHistory":              protocol.Call((*Service).GetExecutionHistory),
	"RedriveExecution":                 protocol.Call((*Service).RedriveExecution),
	"ValidateStateMachineDefinition":   protocol.Call((*Service).ValidateStateMachineDefinition),
	"TagResource":                      protocol.Do((*Service).TagResource),
	"UntagResource":                    protocol.Do((*Service).UntagResource),
	"ListTagsForResource":              protocol.Call((*Service).ListTagsForResource),

	"CreateActivity":    protocol.Call((*Service).CreateActivity),
	"DeleteActivity":    protocol.Do((*Service).DeleteActivity),
	"DescribeActivity":  protocol.Call((*Service).DescribeActivity),
	"ListActivities":    protocol.Call((*Service).ListActivities),
	"GetActivityTask":   protocol.Call((*Service).GetActivityTask),
	"SendTaskSuccess":   protocol.Do((*Service).SendTaskSuccess),
	"SendTaskFailure":   protocol.Do((*Service).SendTaskFailure),
	"SendTaskHeartbeat": protocol.Do((*Service).SendTaskHeartbeat),

	"DescribeMapRun": protocol.Call((*Service).DescribeMapRun),
	"ListMapRuns":    protocol.Call((*Service).ListMapRuns),
	"UpdateMapRun":   protocol.Do((*Service).UpdateMapRun),
	"TestState":      protocol.Call((*Service).TestState),
}}

// ServeHTTP serves the AWS JSON 1.0 protocol, on the endpoint's own host
// and on the sync- host prefix StartSyncExecution uses alike.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	jsonTargets.Serve(s, w, r)
}
