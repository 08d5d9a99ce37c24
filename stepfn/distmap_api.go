package stepfn

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/pagetoken"
)

// findMapRun finds the Map Run a names: InvalidArn for an ARN that is
// not a Map Run's, ResourceNotFound for one that does not exist.
func (s *Service) findMapRun(a string) (*mapRun, error) {
	if a == "" {
		return nil, missing("mapRunArn")
	}
	p, err := arn.Parse(a)
	if err != nil || p.Service != arnService || !strings.HasPrefix(p.Resource, "mapRun:") {
		return nil, invalidArn(a)
	}
	part := s.part(p.Account, p.Region, false)
	if part == nil || part.mapRuns[a] == nil {
		return nil, newError(codeResourceNotFound, "Resource not found: '%s'", a)
	}
	return part.mapRuns[a], nil
}

// DescribeMapRun describes a Map Run: its status, limits and counts
// of items and of child executions (a batch of items is one child).
func (s *Service) DescribeMapRun(ctx context.Context, in MapRunInput) (DescribeMapRunOutput, error) {
	if _, err := s.enter(ctx, "DescribeMapRun"); err != nil {
		return DescribeMapRunOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.findMapRun(in.MapRunArn)
	if err != nil {
		return DescribeMapRunOutput{}, err
	}
	items, execs := r.counts()
	return DescribeMapRunOutput{MapRunArn: r.arn, ExecutionArn: r.execARN, Status: r.status,
		StartDate: Timestamp{r.start}, StopDate: stamp(r.stop), MaxConcurrency: r.maxConc,
		ToleratedFailureCount: r.tolCount, ToleratedFailurePercentage: r.tolPct,
		ItemCounts: items, ExecutionCounts: execs}, nil
}

// counts are the run's items and children by status.
func (r *mapRun) counts() (items, execs MapRunCounts) {
	items, execs = r.itemN, r.execN
	items.Total, execs.Total = len(r.items), len(r.units)
	items.Pending, execs.Pending = len(r.items)-r.startedItems, len(r.units)-r.started
	execs.Running = len(r.running)
	for c := range r.running {
		items.Running += r.unitOf(c).n
	}
	return items, execs
}

func (r *mapRun) listKey() string { return fmt.Sprintf("%016x", r.seq) }

// ListMapRuns lists an execution's Map Runs in the order they started.
func (s *Service) ListMapRuns(ctx context.Context, in ListMapRunsInput) (ListMapRunsOutput, error) {
	if _, err := s.enter(ctx, "ListMapRuns"); err != nil {
		return ListMapRunsOutput{}, err
	}
	size, err := pageSize(in.MaxResults)
	if err != nil {
		return ListMapRunsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if in.ExecutionArn == "" {
		return ListMapRunsOutput{}, missing("executionArn")
	}
	ex, err := s.execution(in.ExecutionArn)
	if err != nil {
		return ListMapRunsOutput{}, err
	}
	a, _ := arn.Parse(ex.arn)
	var all []*mapRun
	for _, r := range s.part(a.Account, a.Region, true).mapRuns {
		if r.execARN == ex.arn {
			all = append(all, r)
		}
	}
	slices.SortFunc(all, func(x, y *mapRun) int { return compareStrings(x.listKey(), y.listKey()) })
	page, next, ok := pagetoken.Page(all, (*mapRun).listKey, in.NextToken, size)
	if !ok {
		return ListMapRunsOutput{}, invalidToken(in.NextToken)
	}
	out := ListMapRunsOutput{MapRuns: []MapRunListItem{}, NextToken: next}
	for _, r := range page {
		out.MapRuns = append(out.MapRuns, MapRunListItem{ExecutionArn: r.execARN, MapRunArn: r.arn,
			StateMachineArn: r.machineARN, StartDate: Timestamp{r.start}, StopDate: stamp(r.stop)})
	}
	return out, nil
}

// UpdateMapRun changes a running Map Run's MaxConcurrency and tolerated
// failures: a higher concurrency starts more children at once, a lower
// tolerance than the failures so far fails the run. A run that has
// ended is refused (ValidationException; the text is awsfake's: AWS
// documents only that the run must be in progress).
func (s *Service) UpdateMapRun(ctx context.Context, in UpdateMapRunInput) error {
	if _, err := s.enter(ctx, "UpdateMapRun"); err != nil {
		return err
	}
	switch {
	case in.MaxConcurrency != nil && *in.MaxConcurrency < 0:
		return validation(*in.MaxConcurrency, "maxConcurrency", "Member must have value greater than or equal to 0")
	case in.ToleratedFailureCount != nil && *in.ToleratedFailureCount < 0:
		return validation(*in.ToleratedFailureCount, "toleratedFailureCount", "Member must have value greater than or equal to 0")
	case in.ToleratedFailurePercentage != nil && (*in.ToleratedFailurePercentage < 0 || *in.ToleratedFailurePercentage > 100):
		return validation(*in.ToleratedFailurePercentage, "toleratedFailurePercentage", "Member must have value between 0 and 100")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.findMapRun(in.MapRunArn)
	if err != nil {
		return err
	}
	if r.status != runRunning {
		return newError(codeValidation, "awsfake: Map Run '%s' is not running", r.arn)
	}
	if in.MaxConcurrency != nil {
		r.maxConc = *in.MaxConcurrency
	}
	if in.ToleratedFailureCount != nil {
		r.tolCount, r.countSet = *in.ToleratedFailureCount, true
	}
	if in.ToleratedFailurePercentage != nil {
		r.tolPct, r.pctSet = *in.ToleratedFailurePercentage, true
	}
	ex := r.th.ex
	ex.push(func() {
		if r.status == runRunning && !r.checkTolerance() {
			r.fill()
		}
	})
	ex.drive()
	return nil
}

// listMapRunExecutions lists a Map Run's Standard child executions,
// newest first, by status (ListExecutions with mapRunArn).
func (s *Service) listMapRunExecutions(in ListExecutionsInput, size int) (ListExecutionsOutput, error) {
	r, err := s.findMapRun(in.MapRunArn)
	if err != nil {
		return ListExecutionsOutput{}, err
	}
	var all []*execution
	for i := len(r.children) - 1; i >= 0; i-- {
		c := r.children[i]
		if c.express || (in.StatusFilter != "" && c.status != in.StatusFilter) {
			continue
		}
		all = append(all, c)
	}
	return executionPage(all, in, size)
}
