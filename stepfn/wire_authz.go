package stepfn

import (
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/faults"
)

// Resource types of Step Functions' action table.
const (
	onActivity = "activity"
	onMachine  = "statemachine"
	onVersion  = "statemachineversion"
	onAlias    = "statemachinealias"
	onExec     = "execution"
	onMapRun   = "maprun"
)

var tagKeys = []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}

// actions is Step Functions' IAM action table, one row per operation, from
// the Service Authorization Reference ("Actions, resources, and condition
// keys for AWS Step Functions"): each operation is its own states: action
// on the resource its ARN names; ListActivities, ListStateMachines,
// ValidateStateMachineDefinition and TestState support no resource type,
// and the task-token operations are asked on "*" (the token, not the
// request, names the activity or state machine). CreateStateMachine,
// UpdateStateMachine and TestState with a role also ask iam:PassRole.
var actions = authz.Table{
	"CreateActivity":                   {Action: "states:CreateActivity", Resource: onActivity, Keys: tagKeys},
	"CreateStateMachine":               {Action: "states:CreateStateMachine", Resource: onMachine, Keys: tagKeys},
	"CreateStateMachineAlias":          {Action: "states:CreateStateMachineAlias", Resource: onAlias},
	"DeleteActivity":                   {Action: "states:DeleteActivity", Resource: onActivity},
	"DeleteStateMachine":               {Action: "states:DeleteStateMachine", Resource: onMachine},
	"DeleteStateMachineAlias":          {Action: "states:DeleteStateMachineAlias", Resource: onAlias},
	"DeleteStateMachineVersion":        {Action: "states:DeleteStateMachineVersion", Resource: onVersion},
	"DescribeActivity":                 {Action: "states:DescribeActivity", Resource: onActivity},
	"DescribeExecution":                {Action: "states:DescribeExecution", Resource: onExec},
	"DescribeMapRun":                   {Action: "states:DescribeMapRun", Resource: onMapRun},
	"DescribeStateMachine":             {Action: "states:DescribeStateMachine", Resource: onMachine},
	"DescribeStateMachineAlias":        {Action: "states:DescribeStateMachineAlias", Resource: onAlias},
	"DescribeStateMachineForExecution": {Action: "states:DescribeStateMachineForExecution", Resource: onExec},
	"GetActivityTask":                  {Action: "states:GetActivityTask", Resource: onActivity},
	"GetExecutionHistory":              {Action: "states:GetExecutionHistory", Resource: onExec},
	"ListActivities":                   {Action: "states:ListActivities"},
	"ListExecutions":                   {Action: "states:ListExecutions", Resource: onMachine},
	"ListMapRuns":                      {Action: "states:ListMapRuns", Resource: onExec},
	"ListStateMachineAliases":          {Action: "states:ListStateMachineAliases", Resource: onMachine},
	"ListStateMachineVersions":         {Action: "states:ListStateMachineVersions", Resource: onMachine},
	"ListStateMachines":                {Action: "states:ListStateMachines"},
	"ListTagsForResource":              {Action: "states:ListTagsForResource", Resource: onMachine},
	"PublishStateMachineVersion":       {Action: "states:PublishStateMachineVersion", Resource: onMachine},
	"RedriveExecution":                 {Action: "states:RedriveExecution", Resource: onExec},
	"SendTaskFailure":                  {Action: "states:SendTaskFailure"},
	"SendTaskHeartbeat":                {Action: "states:SendTaskHeartbeat"},
	"SendTaskSuccess":                  {Action: "states:SendTaskSuccess"},
	"StartExecution":                   {Action: "states:StartExecution", Resource: onMachine},
	"StartSyncExecution":               {Action: "states:StartSyncExecution", Resource: onMachine},
	"StopExecution":                    {Action: "states:StopExecution", Resource: onExec},
	"TagResource":                      {Action: "states:TagResource", Resource: onMachine, Keys: tagKeys},
	"TestState":                        {Action: "states:TestState"},
	"UntagResource":                    {Action: "states:UntagResource", Resource: onMachine, Keys: []string{"aws:TagKeys"}},
	"UpdateMapRun":                     {Action: "states:UpdateMapRun", Resource: onMapRun},
	"UpdateStateMachine":               {Action: "states:UpdateStateMachine", Resource: onMachine},
	"UpdateStateMachineAlias":          {Action: "states:UpdateStateMachineAlias", Resource: onAlias},
	"ValidateStateMachineDefinition":   {Action: "states:ValidateStateMachineDefinition"},
}

// Actions returns Step Functions' IAM action table, by operation. Plumbing
// for the root package.
func Actions() authz.Table { return actions }

// asked is the part of a request body that authorisation reads.
type asked struct {
	Name, RoleArn, ResourceArn, StateMachineArn, ExecutionArn, ActivityArn, MapRunArn string
	StateMachineAliasArn, StateMachineVersionArn                                      string
	RoutingConfiguration                                                              []struct{ StateMachineVersionArn string }
	Tags                                                                              []Tag
	TagKeys                                                                           []string
}

// Authorization returns what the request r, in scope sc, asks: its action
// on the activity, state machine, version, alias, execution or map run it
// names, with its tags as aws:ResourceTag/<key> (a state machine's or an
// activity's); with a roleArn (CreateStateMachine, UpdateStateMachine,
// TestState), iam:PassRole on the role for states.amazonaws.com too. A
// body that cannot be read asks nothing: the operation answers it.
// Plumbing for the root package.
func (s *Service) Authorization(r *http.Request, sc faults.Scope) ([]authz.Ask, error) {
	op := jsonTargets.Operation(r)
	row, found := actions[op]
	if !found {
		return nil, nil
	}
	var in asked
	if !authz.JSON(r, &in) {
		return nil, nil
	}
	ask := row.New(askedResource(sc, op, in))
	if a, err := arn.Parse(ask.Resource); err == nil {
		ask.Account = a.Account
		s.mu.Lock()
		if tags, err := s.taggable(ask.Resource); err == nil {
			ask.ResourceTagged(tags)
		}
		s.mu.Unlock()
	}
	switch op {
	case "CreateActivity", "CreateStateMachine", "TagResource":
		tags := make(map[string]string, len(in.Tags))
		for _, t := range in.Tags {
			tags[t.Key] = t.Value
		}
		ask.Tagged(tags)
	case "UntagResource":
		ask.TagKeys(in.TagKeys)
	}
	asks := []authz.Ask{ask}
	if in.RoleArn != "" && (op == "CreateStateMachine" || op == "UpdateStateMachine" || op == "TestState") {
		asks = append(asks, authz.Ask{Action: "iam:PassRole", Resource: in.RoleArn,
			Context: map[string][]string{"iam:passedtoservice": {"states.amazonaws.com"}}})
	}
	return asks, nil
}

// askedResource is the ARN of the resource a request names, "" for none.
func askedResource(sc faults.Scope, op string, in asked) string {
	switch op {
	case "CreateActivity":
		return authz.Named(sc, arnService, "activity:", in.Name)
	case "CreateStateMachine":
		return authz.Named(sc, arnService, "stateMachine:", in.Name)
	case "CreateStateMachineAlias":
		if len(in.RoutingConfiguration) == 0 || in.Name == "" {
			return ""
		}
		machine := in.RoutingConfiguration[0].StateMachineVersionArn
		if i := strings.LastIndexByte(machine, ':'); i > 0 {
			machine = machine[:i]
		}
		return machine + ":" + in.Name
	}
	for _, v := range []string{in.ResourceArn, in.StateMachineAliasArn, in.StateMachineVersionArn,
		in.ExecutionArn, in.MapRunArn, in.ActivityArn, in.StateMachineArn} {
		if v != "" {
			return v
		}
	}
	return ""
}

// AccessDenied is Step Functions' refusal of an unauthorised request:
// AccessDeniedException, 400 (faults.Common: the sfn model has no shape of
// its own for it), with message. Plumbing for the root package.
func (s *Service) AccessDenied(message string) error {
	return errs.New("AccessDeniedException", "%s", message)
}
