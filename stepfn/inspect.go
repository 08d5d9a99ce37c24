package stepfn

import (
	"slices"
	"testing"
)

// Execution is a snapshot of an execution, for assertions: Express
// executions included, which the API hides.
type Execution struct {
	ARN, Name, Status string
	Input             string
	Output            string // "" while there is none
	Error, Cause      string
	// Events are the history's event types, oldest first.
	Events []string
}

// Executions returns snapshots of every execution of the machine named
// by machineARN (an unqualified ARN), oldest first.
func (s *Service) Executions(machineARN string) []Execution {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.resolve(machineARN)
	if err != nil {
		return nil
	}
	out := make([]Execution, 0, len(t.m.order))
	for _, ex := range t.m.order {
		out = append(out, ex.snapshot())
	}
	return out
}

// Execution returns a snapshot of a Standard execution by ARN.
func (s *Service) Execution(executionARN string) (Execution, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ex, err := s.execution(executionARN)
	if err != nil {
		return Execution{}, false
	}
	return ex.snapshot(), true
}

func (ex *execution) snapshot() Execution {
	e := Execution{ARN: ex.arn, Name: ex.name, Status: ex.status, Input: ex.input}
	if ex.output != nil {
		e.Output = *ex.output
	}
	if ex.fail != nil {
		e.Error, e.Cause = ex.fail.Error, ex.fail.Cause
	}
	for _, ev := range ex.events {
		e.Events = append(e.Events, ev.typ)
	}
	return e
}

// CheckStatus fails tb unless the execution exists with status
// (RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED).
func (s *Service) CheckStatus(tb testing.TB, executionARN, status string) Execution {
	tb.Helper()
	e, ok := s.Execution(executionARN)
	if !ok {
		tb.Errorf("stepfn: no execution %s", executionARN)
		return e
	}
	if e.Status != status {
		tb.Errorf("stepfn: execution %s is %s, want %s (error %q, cause %q)", e.Name, e.Status, status, e.Error, e.Cause)
	}
	return e
}

// CheckEvents fails tb unless the execution's history has exactly the
// event types given, in order.
func (s *Service) CheckEvents(tb testing.TB, executionARN string, types ...string) {
	tb.Helper()
	e, ok := s.Execution(executionARN)
	if !ok {
		tb.Errorf("stepfn: no execution %s", executionARN)
		return
	}
	if !slices.Equal(e.Events, types) {
		tb.Errorf("stepfn: execution %s has events %v, want %v", e.Name, e.Events, types)
	}
}
