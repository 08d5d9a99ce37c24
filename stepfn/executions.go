package stepfn

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/faults"
)

// redriveWindow is how long after it closed an execution may be redriven.
const redriveWindow = 14 * 24 * time.Hour

// StartExecution starts an execution of a machine, a version or an alias
// (routed by weight from the cloud's seeded source). A Standard
// execution's name is unique on its machine: the same name and input
// while the first is running answers it, otherwise ExecutionAlreadyExists.
// The execution runs at once on the cloud's clock until it waits for
// time or a task.
func (s *Service) StartExecution(ctx context.Context, in StartExecutionInput) (StartExecutionOutput, error) {
	sc, err := s.enter(ctx, "StartExecution")
	if err != nil {
		return StartExecutionOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if in.TraceHeader, err = requestTrace(ctx, in.TraceHeader); err != nil {
		return StartExecutionOutput{}, err
	}
	ex, err := s.startLocked(sc, in, false)
	if err != nil {
		return StartExecutionOutput{}, err
	}
	return StartExecutionOutput{ExecutionArn: ex.arn, StartDate: Timestamp{ex.start}}, nil
}

// StartSyncExecution runs an EXPRESS execution and answers once it has
// closed: on a fake clock, its Waits pass as the test advances the clock.
func (s *Service) StartSyncExecution(ctx context.Context, in StartExecutionInput) (StartSyncExecutionOutput, error) {
	sc, err := s.enter(ctx, "StartSyncExecution")
	if err != nil {
		return StartSyncExecutionOutput{}, err
	}
	if in.TraceHeader, err = requestTrace(ctx, in.TraceHeader); err != nil {
		return StartSyncExecutionOutput{}, err
	}
	s.mu.Lock()
	ex, err := s.startLocked(sc, in, true)
	s.mu.Unlock()
	if err != nil {
		return StartSyncExecutionOutput{}, err
	}
	select {
	case <-ex.done:
	case <-ctx.Done():
		return StartSyncExecutionOutput{}, ctx.Err()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := StartSyncExecutionOutput{ExecutionArn: ex.arn, StateMachineArn: ex.machineARN, Name: ex.name,
		StartDate: Timestamp{ex.start}, StopDate: Timestamp{ex.stop}, Status: ex.status, TraceHeader: ex.traceHeader,
		BillingDetails: &BillingDetails{BilledMemoryUsedInMB: 64, BilledDurationInMilliseconds: billed(ex.stop.Sub(ex.start))}}
	if in.IncludedData != "METADATA_ONLY" {
		input := ex.input
		out.Input, out.InputDetails = &input, &Details{Included: true}
		out.Output = ex.output
		if ex.output != nil {
			out.OutputDetails = &Details{Included: true}
		}
	}
	if ex.fail != nil {
		out.Error, out.Cause = ex.fail.Error, ex.fail.Cause
	}
	return out, nil
}

// billed is an Express duration as AWS bills it: rounded up to 100 ms.
func billed(d time.Duration) int64 {
	ms := d.Milliseconds()
	return max(100, (ms+99)/100*100)
}

// startLocked starts an execution; sync is StartSyncExecution's, which
// only EXPRESS machines take.
func (s *Service) startLocked(sc faults.Scope, in StartExecutionInput, sync bool) (*execution, error) {
	base, mocks, err := s.testCase(in.StateMachineArn)
	if err != nil {
		return nil, err
	}
	t, err := s.resolve(base)
	if err != nil {
		return nil, err
	}
	m := t.m
	if sync != (m.typ == typeExpress) && sync {
		return nil, newError(codeStateMachineTypeNotSupported, "This operation is not supported by this type of state machine")
	}
	name := in.Name
	if name == "" {
		name = s.env.IDs.UUID()
	} else if nameInvalid(name) {
		return nil, invalidName(name)
	}
	input := "{}"
	if in.Input != nil {
		input = *in.Input
	}
	if len(input) > maxPayload {
		return nil, validation("<input>", "input", "Member must have length less than or equal to 262144")
	}
	doc, perr := decodeJSON(input)
	if perr != nil {
		return nil, newError(codeInvalidExecutionInput, "Invalid State Machine Execution Input: '%s'", perr)
	}
	rev, versionARN, aliasARN := m.rev, "", ""
	if t.a != nil {
		aliasARN = t.a.arn
		t.v = s.route(m, t.a)
	}
	if t.v != nil {
		rev, versionARN = t.v.rev, t.v.arn
	}
	express := m.typ == typeExpress
	a, _ := arn.Parse(m.arn)
	exARN := arn.Build(a.Partition, arnService, a.Region, a.Account, "execution:"+m.name+":"+name)
	if express {
		exARN = arn.Build(a.Partition, arnService, a.Region, a.Account, "express:"+m.name+":"+name+":"+s.env.IDs.UUID())
	} else if old := m.executions[name]; old != nil {
		if old.status == statusRunning && old.input == input {
			return old, nil
		}
		return nil, newError(codeExecutionAlreadyExists, "Execution Already Exists: '%s'", old.arn)
	}
	seed := s.rng.Uint64()
	ex := &execution{svc: s, arn: exARN, name: name, machine: m, machineARN: m.arn, versionARN: versionARN, aliasARN: aliasARN,
		prog: rev.prog, definition: rev.definition, roleARN: rev.roleARN, express: express, status: statusRunning,
		input: input, start: s.env.Clock.Now(), rng: newRand(seed), traceHeader: in.TraceHeader,
		threads: map[*thread]bool{}, done: make(chan struct{}), mocks: mocks, mockCalls: map[string]int{}}
	if !express {
		m.executions[name] = ex
		m.order = append(m.order, ex)
		s.part(a.Account, a.Region, true).executions[exARN] = ex
	}
	ex.seq = s.nextSeq()
	ex.startTrace(rev.tracing)
	ex.begin(doc)
	return ex, nil
}

// route picks the version an alias sends an execution to, by weight.
func (s *Service) route(m *machine, al *alias) *version {
	n := s.rng.IntN(100)
	for _, r := range al.routing {
		if n < r.Weight {
			return s.versionOf(m, r.StateMachineVersionArn)
		}
		n -= r.Weight
	}
	return s.versionOf(m, al.routing[len(al.routing)-1].StateMachineVersionArn)
}

func (s *Service) versionOf(m *machine, a string) *version {
	i := strings.LastIndexByte(a, ':')
	var n int
	fmt.Sscan(a[i+1:], &n)
	return m.versions[n]
}

// execution finds a Standard execution by ARN; an Express one is not
// visible to the APIs AWS hides it from.
func (s *Service) execution(a string) (*execution, error) {
	p, err := arn.Parse(a)
	if err != nil || p.Service != arnService {
		return nil, invalidArn(a)
	}
	kind, _, _ := strings.Cut(p.Resource, ":")
	switch kind {
	case "execution":
	case "express":
		return nil, invalidArn("Resource type not valid in this context: express")
	default:
		return nil, invalidArn("Resource type not valid in this context: " + kind)
	}
	part := s.part(p.Account, p.Region, false)
	if part == nil || part.executions[a] == nil {
		return nil, executionNotFound(a)
	}
	return part.executions[a], nil
}

// StopExecution aborts a running execution, with the error and cause
// given; a closed one is left as it is.
func (s *Service) StopExecution(ctx context.Context, in StopExecutionInput) (StopExecutionOutput, error) {
	if _, err := s.enter(ctx, "StopExecution"); err != nil {
		return StopExecutionOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ex, err := s.execution(in.ExecutionArn)
	if err != nil {
		return StopExecutionOutput{}, err
	}
	if !ex.closed() {
		ex.finish(statusAborted, &failure{Error: in.Error, Cause: in.Cause}, nil, 0)
	}
	return StopExecutionOutput{StopDate: Timestamp{ex.stop}}, nil
}

// DescribeExecution describes a Standard execution.
func (s *Service) DescribeExecution(ctx context.Context, in ExecutionInput) (DescribeExecutionOutput, error) {
	if _, err := s.enter(ctx, "DescribeExecution"); err != nil {
		return DescribeExecutionOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ex, err := s.execution(in.ExecutionArn)
	if err != nil {
		return DescribeExecutionOutput{}, err
	}
	input := ex.input
	out := DescribeExecutionOutput{ExecutionArn: ex.arn, StateMachineArn: ex.machineARN, Name: ex.name, Status: ex.status,
		StartDate: Timestamp{ex.start}, StopDate: stamp(ex.stop), Input: &input, InputDetails: &Details{Included: true},
		Output: ex.output, TraceHeader: ex.traceHeader, RedriveCount: ex.redriveCount, RedriveDate: stamp(ex.redriveAt),
		StateMachineVersionArn: ex.versionARN, StateMachineAliasArn: ex.aliasARN}
	if in.IncludedData == "METADATA_ONLY" {
		out.Input, out.InputDetails, out.Output = nil, nil, nil
	}
	if out.Output != nil {
		out.OutputDetails = &Details{Included: true}
	}
	if ex.fail != nil {
		out.Error, out.Cause = ex.fail.Error, ex.fail.Cause
	}
	out.RedriveStatus, out.RedriveStatusReason = s.redrivable(ex)
	return out, nil
}

// redrivable is an execution's redrive status and its reason.
func (s *Service) redrivable(ex *execution) (string, string) {
	switch {
	case ex.status == statusRunning:
		return "NOT_REDRIVABLE", "Execution is RUNNING and cannot be redriven"
	case ex.status == statusSucceeded:
		return "NOT_REDRIVABLE", "Execution is SUCCEEDED and cannot be redriven"
	case s.env.Clock.Now().Sub(ex.stop) > redriveWindow:
		return "NOT_REDRIVABLE", "Execution has been closed for more than 14 days and cannot be redriven"
	}
	return "REDRIVABLE", ""
}

// DescribeStateMachineForExecution describes the revision an execution
// runs.
func (s *Service) DescribeStateMachineForExecution(ctx context.Context, in ExecutionInput) (DescribeStateMachineForExecutionOutput, error) {
	if _, err := s.enter(ctx, "DescribeStateMachineForExecution"); err != nil {
		return DescribeStateMachineForExecutionOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ex, err := s.execution(in.ExecutionArn)
	if err != nil {
		return DescribeStateMachineForExecutionOutput{}, err
	}
	m := ex.machine
	return DescribeStateMachineForExecutionOutput{StateMachineArn: ex.machineARN, Name: m.name, Definition: ex.definition,
		RoleArn: ex.roleARN, UpdateDate: Timestamp{m.rev.updated}, LoggingConfiguration: logging(m.rev.logging),
		TracingConfiguration: tracing(m.rev.tracing), RevisionID: m.rev.id}, nil
}
