package apigw

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/faults"
)

// SyncExecutions runs Step Functions' synchronous executions for the
// states:action/StartSyncExecution integration. The cloud sets it
// (SetSyncExecutions) over its Step Functions service.
type SyncExecutions interface {
	// StartSyncExecution runs an EXPRESS execution of stateMachineARN to
	// its end, in the scope ctx names, and answers StartSyncExecution's
	// JSON document (executionArn, status, output, error, cause, ...).
	StartSyncExecution(ctx context.Context, stateMachineARN, name, input string) ([]byte, error)
}

// SetSyncExecutions sets what runs StartSyncExecution integrations.
// Without one they are a 500, the reason in the invocation's record.
func (s *Service) SetSyncExecutions(e SyncExecutions) {
	s.mu.Lock()
	s.executions = e
	s.mu.Unlock()
}

// startSync is Step Functions StartSyncExecution: a JSON body of
// stateMachineArn, input and name, the execution run to its end; the
// answer is the service's document (a failed execution is a 200 with
// status FAILED, as StartSyncExecution answers it).
func (s *Service) startSync(ctx context.Context, r serviceRequest) (backendAnswer, *response) {
	var in struct {
		StateMachineArn string `json:"stateMachineArn"`
		Input           string `json:"input"`
		Name            string `json:"name"`
	}
	_ = json.Unmarshal(r.body, &in)
	s.mu.Lock()
	run := s.executions
	s.mu.Unlock()
	if run == nil {
		res := internalError().noted(nil, "awsfake: no Step Functions to run StartSyncExecution (SetSyncExecutions)")
		return backendAnswer{}, &res
	}
	switch err := s.asRole(ctx, r.x, "states:StartSyncExecution", in.StateMachineArn); {
	case err == nil || err == errRoleless:
	case isRoleRefusal(err):
		return backendAnswer{}, assumeFailed(err)
	default:
		return r.failed(err), nil
	}
	ctx = faults.WithScope(ctx, faults.Scope{Account: r.x.account, Region: r.region, Partition: arn.Partition(r.region)})
	out, err := run.StartSyncExecution(ctx, in.StateMachineArn, in.Name, in.Input)
	if err != nil {
		return r.failed(err), nil
	}
	a := jsonAnswer(nil)
	a.body = out
	return a, nil
}

// putEvents is EventBridge PutEvents: a JSON body of Entries (Source,
// DetailType, Detail, EventBusName, Resources), each posted to its event
// bus; the answer is {"Entries": [{"EventId"} or {"ErrorCode",
// "ErrorMessage"}], "FailedEntryCount"}, as PutEvents answers a batch
// whose entries fail apart.
func (s *Service) putEvents(ctx context.Context, r serviceRequest) (backendAnswer, *response) {
	var in struct {
		Entries []struct {
			Source, DetailType, Detail, EventBusName string
			Resources                                []string
		}
	}
	_ = json.Unmarshal(r.body, &in)
	entries := make([]map[string]string, 0, len(in.Entries))
	failed := 0
	for _, e := range in.Entries {
		target, msg := eventEntry(r.x.account, r.region, s.env.IDs.UUID(), r.x.start,
			map[string]string{"Source": e.Source, "DetailType": e.DetailType, "Detail": e.Detail, "EventBusName": e.EventBusName}, e.Resources)
		if target == "" {
			failed++
			entries = append(entries, map[string]string{"ErrorCode": "MalformedDetail", "ErrorMessage": "Detail is malformed."})
			continue
		}
		out, res := s.viaBus(ctx, r, "events:PutEvents", target, msg)
		if res != nil {
			return backendAnswer{}, res
		}
		if out.err != nil {
			if len(in.Entries) == 1 {
				return r.failed(out.err), nil
			}
			failed++
			entries = append(entries, map[string]string{"ErrorCode": awserr.As(out.err).Code, "ErrorMessage": out.err.Error()})
			continue
		}
		entries = append(entries, map[string]string{"EventId": string(out.body)})
	}
	return jsonAnswer(map[string]any{"Entries": entries, "FailedEntryCount": failed}), nil
}

// eventEntry builds the event envelope of one PutEvents entry (Source,
// DetailType, Detail as JSON text, EventBusName: a name, an ARN, or
// default when absent) and the ARN of its bus; the target is "" when the
// detail is not JSON.
func eventEntry(account, region, id string, at time.Time, p map[string]string, resources []string) (string, bus.Message) {
	name := p["EventBusName"]
	if name == "" {
		name = "default"
	}
	target := name
	if !strings.HasPrefix(name, "arn:") {
		target = arn.Build(arn.Partition(region), "events", region, account, "event-bus/"+name)
	}
	var detail any = map[string]any{}
	if d := p["Detail"]; d != "" {
		if json.Unmarshal([]byte(d), &detail) != nil {
			return "", bus.Message{}
		}
	}
	if resources == nil {
		resources = []string{}
	}
	ev := map[string]any{"version": "0", "id": id, "detail-type": p["DetailType"], "source": p["Source"],
		"account": account, "time": at.UTC().Format("2006-01-02T15:04:05Z"), "region": region,
		"resources": resources, "detail": detail}
	b, _ := json.Marshal(ev)
	return target, bus.Message{Body: b}
}
