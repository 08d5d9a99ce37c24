package eventbridge

import (
	"context"
	"strings"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// CreateScheduleGroupInput is CreateScheduleGroup's input.
type CreateScheduleGroupInput struct {
	Name        string `json:"-"`
	Tags        []Tag  `json:",omitempty"`
	ClientToken string `json:",omitempty"`
}

// CreateScheduleGroupOutput is CreateScheduleGroup's output.
type CreateScheduleGroupOutput struct{ ScheduleGroupArn string }

// CreateScheduleGroup creates a schedule group; a name in use is
// ConflictException.
func (s *Service) CreateScheduleGroup(ctx context.Context, in CreateScheduleGroupInput) (CreateScheduleGroupOutput, error) {
	sc, err := s.enter(ctx, "CreateScheduleGroup")
	if err != nil {
		return CreateScheduleGroupOutput{}, err
	}
	if !scheduleNameRE.MatchString(in.Name) {
		return CreateScheduleGroupOutput{}, schedError(codeValidation, "1 validation error detected: Value '%s' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z-_.]+$", in.Name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	if p.groups[in.Name] != nil {
		return CreateScheduleGroupOutput{}, schedError(schedConflict, "Schedule group %s already exists.", in.Name)
	}
	now := s.now()
	g := &scheduleGroup{sc: p.sc, name: in.Name, arn: p.sc.ARN(arnScheduler, "schedule-group/"+in.Name), created: now, modified: now,
		schedules: map[string]*schedule{}}
	p.groups[in.Name] = g
	s.setTags(g.arn, in.Tags)
	return CreateScheduleGroupOutput{ScheduleGroupArn: g.arn}, nil
}

// ScheduleGroupInput names a schedule group (GetScheduleGroup,
// DeleteScheduleGroup).
type ScheduleGroupInput struct {
	Name        string
	ClientToken string
}

// ScheduleGroupSummary is a schedule group as Scheduler describes it.
type ScheduleGroupSummary struct {
	Arn                  string
	Name                 string
	State                string
	CreationDate         *Timestamp
	LastModificationDate *Timestamp
}

func (g *scheduleGroup) view() ScheduleGroupSummary {
	return ScheduleGroupSummary{Arn: g.arn, Name: g.name, State: "ACTIVE", CreationDate: At(g.created), LastModificationDate: At(g.modified)}
}

// GetScheduleGroup describes a schedule group.
func (s *Service) GetScheduleGroup(ctx context.Context, in ScheduleGroupInput) (ScheduleGroupSummary, error) {
	sc, err := s.enter(ctx, "GetScheduleGroup")
	if err != nil {
		return ScheduleGroupSummary{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g, err := s.groupNamed(s.part(sc), in.Name)
	if err != nil {
		return ScheduleGroupSummary{}, err
	}
	return g.view(), nil
}

// DeleteScheduleGroup deletes a group and its schedules; the default
// group cannot be deleted. AWS deletes the schedules over time (the group
// is DELETING meanwhile); the fake deletes them at once.
func (s *Service) DeleteScheduleGroup(ctx context.Context, in ScheduleGroupInput) error {
	sc, err := s.enter(ctx, "DeleteScheduleGroup")
	if err != nil {
		return err
	}
	if in.Name == defaultBus {
		return schedError(codeValidation, "Cannot delete default schedule group.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	g, err := s.groupNamed(p, in.Name)
	if err != nil {
		return err
	}
	for _, sch := range g.schedules {
		sch.disarm()
	}
	delete(p.groups, in.Name)
	delete(s.tags, g.arn)
	return nil
}

// ListScheduleGroupsInput is ListScheduleGroups's input.
type ListScheduleGroupsInput struct {
	NamePrefix string
	NextToken  string
	MaxResults int32
}

// ListScheduleGroupsOutput is ListScheduleGroups's output.
type ListScheduleGroupsOutput struct {
	ScheduleGroups []ScheduleGroupSummary
	NextToken      string `json:",omitempty"`
}

// ListScheduleGroups lists the groups by name, default included.
func (s *Service) ListScheduleGroups(ctx context.Context, in ListScheduleGroupsInput) (ListScheduleGroupsOutput, error) {
	sc, err := s.enter(ctx, "ListScheduleGroups")
	if err != nil {
		return ListScheduleGroupsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	var all []ScheduleGroupSummary
	for _, n := range sortedNames(p.groups) {
		if strings.HasPrefix(n, in.NamePrefix) {
			all = append(all, p.groups[n].view())
		}
	}
	page, next, ok := pagetoken.Page(all, func(g ScheduleGroupSummary) string { return g.Name }, in.NextToken, int(in.MaxResults))
	if !ok {
		return ListScheduleGroupsOutput{}, schedError(codeValidation, "Invalid NextToken.")
	}
	return ListScheduleGroupsOutput{ScheduleGroups: orEmpty(page), NextToken: next}, nil
}
