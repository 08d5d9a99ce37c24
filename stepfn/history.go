package stepfn

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) }

// nextSeq numbers executions in the order they start.
func (s *Service) nextSeq() uint64 {
	s.seq++
	return s.seq
}

// listKey orders executions newest first.
func (ex *execution) listKey() string { return fmt.Sprintf("%016x", ^ex.seq) }

// ListExecutions lists a machine's Standard executions (or a version's or
// an alias'), newest first, filtered by status and redrive.
func (s *Service) ListExecutions(ctx context.Context, in ListExecutionsInput) (ListExecutionsOutput, error) {
	if _, err := s.enter(ctx, "ListExecutions"); err != nil {
		return ListExecutionsOutput{}, err
	}
	if in.StateMachineArn == "" && in.MapRunArn == "" {
		return ListExecutionsOutput{}, newError(codeValidation, "Must provide a StateMachine ARN or MapRun ARN")
	}
	size, err := pageSize(in.MaxResults)
	if err != nil {
		return ListExecutionsOutput{}, err
	}
	switch in.StatusFilter {
	case "", statusRunning, statusSucceeded, statusFailed, statusTimedOut, statusAborted, "PENDING_REDRIVE":
	default:
		return ListExecutionsOutput{}, validation(in.StatusFilter, "statusFilter",
			"Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if in.MapRunArn != "" {
		return s.listMapRunExecutions(in, size) // distmap_api.go
	}
	t, err := s.resolve(in.StateMachineArn)
	if err != nil {
		return ListExecutionsOutput{}, err
	}
	if t.m.typ == typeExpress {
		return ListExecutionsOutput{}, newError(codeStateMachineTypeNotSupported, "This operation is not supported by this type of state machine")
	}
	var all []*execution
	for i := len(t.m.order) - 1; i >= 0; i-- {
		ex := t.m.order[i]
		switch {
		case t.v != nil && ex.versionARN != t.v.arn, t.a != nil && ex.aliasARN != t.a.arn:
			continue
		case in.StatusFilter != "" && ex.status != in.StatusFilter:
			continue
		case in.RedriveFilter == "REDRIVEN" && ex.redriveCount == 0, in.RedriveFilter == "NOT_REDRIVEN" && ex.redriveCount > 0:
			continue
		}
		all = append(all, ex)
	}
	return executionPage(all, in, size)
}

// executionPage is the page of all that in asks for.
func executionPage(all []*execution, in ListExecutionsInput, size int) (ListExecutionsOutput, error) {
	page, next, ok := pagetoken.Page(all, (*execution).listKey, in.NextToken, size)
	if !ok {
		return ListExecutionsOutput{}, invalidToken(in.NextToken)
	}
	out := ListExecutionsOutput{Executions: []ExecutionListItem{}, NextToken: next}
	for _, ex := range page {
		item := ExecutionListItem{ExecutionArn: ex.arn, StateMachineArn: ex.machineARN, Name: ex.name, Status: ex.status,
			StartDate: Timestamp{ex.start}, StopDate: stamp(ex.stop), RedriveDate: stamp(ex.redriveAt),
			StateMachineVersionArn: ex.versionARN, StateMachineAliasArn: ex.aliasARN}
		if ex.redriveCount > 0 {
			n := ex.redriveCount
			item.RedriveCount = &n
		}
		out.Executions = append(out.Executions, item)
	}
	return out, nil
}

// GetExecutionHistory pages through an execution's events, oldest first
// or newest first, with or without their inputs and outputs.
func (s *Service) GetExecutionHistory(ctx context.Context, in GetExecutionHistoryInput) (GetExecutionHistoryOutput, error) {
	if _, err := s.enter(ctx, "GetExecutionHistory"); err != nil {
		return GetExecutionHistoryOutput{}, err
	}
	size, err := pageSize(in.MaxResults)
	if err != nil {
		return GetExecutionHistoryOutput{}, err
	}
	if len(in.NextToken) > 3096 {
		return GetExecutionHistoryOutput{}, validation(in.NextToken, "nextToken", "Member must have length less than or equal to 3096")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ex, err := s.execution(in.ExecutionArn)
	if err != nil {
		return GetExecutionHistoryOutput{}, err
	}
	events := ex.events
	key := func(e event) string { return fmt.Sprintf("%08d", e.id) }
	if in.ReverseOrder {
		events = slices.Clone(events)
		slices.Reverse(events)
		key = func(e event) string { return fmt.Sprintf("%08d", maxEvents*10-e.id) }
	}
	page, next, ok := pagetoken.Page(events, key, in.NextToken, size)
	if !ok {
		return GetExecutionHistoryOutput{}, invalidToken(in.NextToken)
	}
	data := in.IncludeExecutionData == nil || *in.IncludeExecutionData
	out := GetExecutionHistoryOutput{Events: make([]HistoryEvent, 0, len(page)), NextToken: next}
	for _, e := range page {
		out.Events = append(out.Events, e.public(data))
	}
	return out, nil
}

// public is the event as GetExecutionHistory answers it; without data,
// inputs and outputs are left out.
func (e event) public(data bool) HistoryEvent {
	h := HistoryEvent{ID: e.id, PreviousEventID: e.prev, Type: e.typ, Timestamp: Timestamp{e.at}, DetailsKey: e.detailKey}
	if e.detailKey == "" {
		return h
	}
	d := make(map[string]any, len(e.detail))
	for k, v := range e.detail {
		if !data && (k == "input" || k == "output" || k == "parameters") {
			continue
		}
		if !data && strings.HasSuffix(k, "Details") && (k == "inputDetails" || k == "outputDetails") {
			continue
		}
		d[k] = v
	}
	h.Details = d
	return h
}

// RedriveExecution restarts a FAILED, ABORTED or TIMED_OUT Standard
// execution closed less than 14 days ago from the state it stopped in.
func (s *Service) RedriveExecution(ctx context.Context, in RedriveExecutionInput) (RedriveExecutionOutput, error) {
	if _, err := s.enter(ctx, "RedriveExecution"); err != nil {
		return RedriveExecutionOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ex, err := s.execution(in.ExecutionArn)
	if err != nil {
		return RedriveExecutionOutput{}, err
	}
	if st, reason := s.redrivable(ex); st != "REDRIVABLE" || ex.root == nil || ex.root.st == nil {
		if reason == "" {
			reason = "Execution cannot be redriven"
		}
		return RedriveExecutionOutput{}, newError(codeExecutionNotRedrivable, "Execution with arn '%s' is not redrivable: %s", ex.arn, reason)
	}
	ex.redrive()
	return RedriveExecutionOutput{RedriveDate: Timestamp{ex.redriveAt}}, nil
}
