package stepfn

import (
	"context"
	"math"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/faults"
)

// TestState statuses.
const (
	testSucceeded = "SUCCEEDED"
	testFailed    = "FAILED"
	testRetriable = "RETRIABLE"
	testCaught    = "CAUGHT_ERROR"
)

// testStateName is the name a lone state definition runs under.
const testStateName = "TestState"

// TestState runs one state, alone, on the input: its data flow, its task
// (called through the bus, or answered by mock), its Choice or Catch. The
// answer is the state's output and next state, or its error; at DEBUG and
// TRACE the input after each field of the data flow too. A Retry is not
// run: an error it matches is RETRIABLE. A Wait does not wait.
func (s *Service) TestState(ctx context.Context, in TestStateInput) (TestStateOutput, error) {
	sc, err := s.enter(ctx, "TestState")
	if err != nil {
		return TestStateOutput{}, err
	}
	if in.Definition == "" {
		return TestStateOutput{}, missing("definition")
	}
	if in.RoleArn != "" {
		if err := checkRole(in.RoleArn); err != nil {
			return TestStateOutput{}, err
		}
	}
	switch in.InspectionLevel {
	case "", "INFO", "DEBUG", "TRACE":
	default:
		return TestStateOutput{}, validation(in.InspectionLevel, "inspectionLevel", "Member must satisfy enum value set: [INFO, DEBUG, TRACE]")
	}
	def, name, retry, err := testDefinition(in.Definition, in.StateName)
	if err != nil {
		return TestStateOutput{}, err
	}
	prog, err := checkDefinition(def, typeStandard)
	if err != nil {
		return TestStateOutput{}, err
	}
	if res := prog.states[name].resource; in.Mock == nil && (waitsForToken(res) || strings.Contains(res, ".sync")) {
		return TestStateOutput{}, newError(codeValidation, "TestState does not run activities, .sync or .waitForTaskToken tasks without a mock: %s", res)
	}
	input, vars, err := testInputs(in)
	if err != nil {
		return TestStateOutput{}, err
	}
	s.mu.Lock()
	ex := s.testExecution(sc, prog, def, in, name, input, vars)
	ex.begin(input)
	s.mu.Unlock()
	select {
	case <-ex.done:
	case <-ctx.Done():
		return TestStateOutput{}, ctx.Err()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return ex.testAnswer(name, retry, in.InspectionLevel), nil
}

// testInputs reads TestState's input and variables.
func testInputs(in TestStateInput) (any, map[string]any, error) {
	text := "{}"
	if in.Input != nil {
		text = *in.Input
	}
	input, err := decodeJSON(text)
	if err != nil {
		return nil, nil, newError(codeInvalidExecutionInput, "Invalid State Machine Execution Input: '%s'", err)
	}
	vars := map[string]any{}
	if in.Variables != nil {
		v, err := decodeJSON(*in.Variables)
		m, isObj := v.(map[string]any)
		if err != nil || !isObj {
			return nil, nil, validation(*in.Variables, "variables", "Member must be a JSON object")
		}
		vars = m
	}
	return input, vars, nil
}

// testExecution is the throwaway execution TestState runs: of no machine
// the account lists, with the mock as its test case.
func (s *Service) testExecution(sc faults.Scope, prog *program, def string, in TestStateInput, name string, input any, vars map[string]any) *execution {
	m := &machine{name: testStateName, arn: sc.ARN(arnService, "stateMachine:"+testStateName), typ: typeStandard, created: s.env.Clock.Now(),
		executions: map[string]*execution{}}
	id := s.env.IDs.UUID()
	ex := &execution{svc: s, arn: sc.ARN(arnService, "execution:"+testStateName+":"+id), name: id, machine: m, machineARN: m.arn,
		prog: prog, definition: def, roleARN: in.RoleArn, status: statusRunning, input: encodeJSON(input),
		start: s.env.Clock.Now(), rng: newRand(s.rng.Uint64()), threads: map[*thread]bool{}, done: make(chan struct{}),
		mockCalls: map[string]int{}, initVars: vars, trace: map[string]string{}, traceState: name, revealSecrets: in.RevealSecrets}
	if mk := in.Mock; mk != nil {
		a := mockAnswer{from: 0, to: math.MaxInt}
		if mk.ErrorOutput != nil {
			a.fail = &failure{Error: mk.ErrorOutput.Error, Cause: mk.ErrorOutput.Cause}
		} else if mk.Result != nil {
			a.out, _ = decodeJSON(*mk.Result)
		}
		ex.mocks = map[string]mockedState{name: {a}}
	}
	return ex
}

// testAnswer reads TestState's answer from the closed execution: the
// state after the tested one is its next state.
func (ex *execution) testAnswer(name string, retry [][]string, level string) TestStateOutput {
	out := TestStateOutput{Status: testSucceeded}
	for _, e := range ex.events {
		if n, _ := e.detail["name"].(string); n != name && e.typ != "ExecutionStarted" && len(e.typ) > 12 && e.typ[len(e.typ)-12:] == "StateEntered" {
			out.NextState = n
			break
		}
	}
	f := ex.caughtErr
	if ex.status == statusFailed {
		f = ex.fail
		out.Status = testFailed
	} else {
		o := ex.trace["output"]
		out.Output = &o
		if f != nil {
			out.Status = testCaught
		}
	}
	if f != nil {
		out.Error, out.Cause = f.Error, f.Cause
		if slices.ContainsFunc(retry, func(eq []string) bool { return matchesError(eq, f.Error) }) {
			out.Status, out.NextState, out.Output = testRetriable, "", nil
		}
	}
	if level == "DEBUG" || level == "TRACE" {
		t := ex.trace
		out.InspectionData = &InspectionData{Input: t["input"], AfterInputPath: t["afterInputPath"], AfterParameters: t["afterParameters"],
			Result: t["result"], AfterResultSelector: t["afterResultSelector"], AfterResultPath: t["afterResultPath"], Variables: t["variables"]}
		if x := ex.inspectHTTP; x != nil && level == "TRACE" {
			out.InspectionData.Request, out.InspectionData.Response = x.inspection(ex.revealSecrets)
		}
	}
	return out
}

// note records a step of the tested state's data flow, for TestState.
func (th *thread) note(key string, v any) {
	if ex := th.ex; ex.trace != nil && th.st != nil && th.st.name == ex.traceState {
		ex.trace[key] = encodeJSON(v)
	}
}

// testDefinition makes the machine TestState runs: the state (or the
// state stateName of a machine's definition) under its name, with a
// Succeed state for each state it may go to. Its Retry is taken out (its
// ErrorEquals are returned: an error they match is RETRIABLE), and a Wait
// becomes a Pass.
func testDefinition(def, stateName string) (string, string, [][]string, error) {
	doc, err := decodeJSON(def)
	st, isObj := doc.(map[string]any)
	if err != nil || !isObj {
		return "", "", nil, invalidDefinition("The definition must be a JSON object")
	}
	name := testStateName
	if states, ok := st["States"].(map[string]any); ok {
		if stateName == "" {
			return "", "", nil, newError(codeValidation, "The stateName is required when the definition is a state machine's")
		}
		if st, ok = states[stateName].(map[string]any); !ok {
			return "", "", nil, newError(codeValidation, "The state '%s' is not in the definition", stateName)
		}
		name = stateName
		if ql, ok := doc.(map[string]any)["QueryLanguage"]; ok && st["QueryLanguage"] == nil {
			st["QueryLanguage"] = ql // the machine's query language is the state's
		}
	} else if stateName != "" {
		name = stateName
	}
	st = deepCopy(st).(map[string]any)
	var retry [][]string
	list, _ := st["Retry"].([]any)
	for _, r := range list {
		rm, _ := r.(map[string]any)
		eq, _ := rm["ErrorEquals"].([]any)
		var names []string
		for _, e := range eq {
			names = append(names, str(e))
		}
		retry = append(retry, names)
	}
	delete(st, "Retry")
	if st["Type"] == "Wait" {
		st["Type"] = "Pass"
		for _, k := range []string{"Seconds", "Timestamp", "SecondsPath", "TimestampPath"} {
			delete(st, k)
		}
	}
	states := map[string]any{name: st}
	target := func(v any) {
		if n, ok := v.(string); ok && n != name {
			states[n] = map[string]any{"Type": "Succeed"}
		}
	}
	target(st["Next"])
	target(st["Default"])
	for _, key := range []string{"Choices", "Catch"} {
		items, _ := st[key].([]any)
		for _, x := range items {
			m, _ := x.(map[string]any)
			target(m["Next"])
		}
	}
	return encodeJSON(map[string]any{"StartAt": name, "States": states}), name, retry, nil
}

// unnote forgets steps of the tested state's data flow.
func (th *thread) unnote(keys ...string) {
	if ex := th.ex; ex.trace != nil && th.st.name == ex.traceState {
		for _, k := range keys {
			delete(ex.trace, k)
		}
	}
}

// noteInput records the input of a Choice or a Fail and its InputPath's.
func (th *thread) noteInput() {
	th.note("input", th.raw)
	in := th.raw
	if p := th.st.inputPath; p != nil {
		in, _ = th.eval(in).lookup(p)
	}
	th.note("afterInputPath", in)
}
