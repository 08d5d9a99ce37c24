package stepfn

import (
	"github.com/awsfake/awsfake/internal/faults"
)

// startNested is the states:startExecution integration: it starts the
// child execution in the same service and answers at once, or, for .sync
// and .sync:2, when the child closes (a failed child is States.TaskFailed
// with the child's description as the cause).
func (th *thread) startNested(ig integration, eff any, answer func(any, *failure)) {
	ex := th.ex
	s := ex.svc
	params, _ := eff.(map[string]any)
	in := StartExecutionInput{StateMachineArn: str(params["StateMachineArn"]), Name: str(params["Name"]), TraceHeader: th.taskTrace(ig)}
	if v, ok := params["Input"]; ok {
		text, isStr := v.(string)
		if !isStr {
			text = encodeJSON(v)
		}
		in.Input = &text
	}
	a := splitScope(in.StateMachineArn, ex)
	child, err := s.startLocked(a, in, false)
	if err != nil {
		answer(nil, serviceFailure("StepFunctions", err))
		return
	}
	if ig.resource == "startExecution" || ig.callback { // .waitForTaskToken: submitted once started
		answer(map[string]any{"ExecutionArn": child.arn, "StartDate": jsonInt(int(child.start.UnixMilli())),
			"SdkHttpMetadata": httpMetadata(s.env.IDs.UUID()), "SdkResponseMetadata": map[string]any{"RequestId": s.env.IDs.UUID()}}, nil)
		return
	}
	v2 := ig.resource == "startExecution.sync:2"
	report := func() {
		out := map[string]any{"ExecutionArn": child.arn, "Name": child.name, "StateMachineArn": child.machineARN,
			"Status": child.status, "StartDate": jsonInt(int(child.start.UnixMilli())), "StopDate": jsonInt(int(child.stop.UnixMilli())),
			"Input": child.input, "InputDetails": map[string]any{"Included": true}}
		if v2 {
			out["Input"], _ = decodeJSON(child.input)
		}
		if child.output != nil {
			out["Output"] = *child.output
			if v2 {
				out["Output"], _ = decodeJSON(*child.output)
			}
			out["OutputDetails"] = map[string]any{"Included": true}
		}
		if child.status == statusSucceeded {
			answer(out, nil)
		} else {
			if child.fail != nil {
				out["Error"], out["Cause"] = child.fail.Error, child.fail.Cause
			}
			answer(nil, &failure{Error: errTaskFailed, Cause: encodeJSON(out)})
		}
		ex.drive()
	}
	if child.closed() {
		ex.push(report)
		return
	}
	child.watchers = append(child.watchers, func() { ex.push(report); ex.drive() })
}

// splitScope is the scope of a nested start: the parent's account and
// region.
func splitScope(_ string, ex *execution) faults.Scope {
	return faults.Scope{Account: ex.account(), Region: ex.region(), Partition: partitionOf(ex.arn)}
}
