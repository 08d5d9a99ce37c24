package eventbridge

import (
	"context"
	"regexp"
	"strings"
	"time"

	_ "time/tzdata" // ScheduleExpressionTimezone names IANA zones, which a host may lack

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// The states of a schedule.
const (
	ScheduleEnabled  = "ENABLED"
	ScheduleDisabled = "DISABLED"
)

// FlexibleTimeWindow is a schedule's window: OFF, or FLEXIBLE with the
// minutes within which the invocation happens after the due instant.
type FlexibleTimeWindow struct {
	Mode                   string
	MaximumWindowInMinutes *int32 `json:",omitempty"`
}

// EventBridgeParameters are an event bus target's event fields.
type EventBridgeParameters struct {
	DetailType string
	Source     string
}

// ScheduleTarget is a schedule's target.
type ScheduleTarget struct {
	Arn                   string
	RoleArn               string
	Input                 string                 `json:",omitempty"`
	RetryPolicy           *RetryPolicy           `json:",omitempty"`
	DeadLetterConfig      *DeadLetterConfig      `json:",omitempty"`
	SqsParameters         *SqsParameters         `json:",omitempty"`
	EventBridgeParameters *EventBridgeParameters `json:",omitempty"`
}

// ScheduleDefinition is what CreateSchedule and UpdateSchedule take.
type ScheduleDefinition struct {
	Name                       string `json:"-"`
	GroupName                  string `json:",omitempty"`
	ScheduleExpression         string
	ScheduleExpressionTimezone string     `json:",omitempty"`
	StartDate                  *Timestamp `json:",omitempty"`
	EndDate                    *Timestamp `json:",omitempty"`
	State                      string     `json:",omitempty"`
	Description                string     `json:",omitempty"`
	FlexibleTimeWindow         FlexibleTimeWindow
	Target                     ScheduleTarget
	ActionAfterCompletion      string `json:",omitempty"`
	KmsKeyArn                  string `json:",omitempty"`
	ClientToken                string `json:",omitempty"`
}

// ScheduleOutput is CreateSchedule's and UpdateSchedule's output.
type ScheduleOutput struct{ ScheduleArn string }

var scheduleNameRE = regexp.MustCompile(`^[0-9a-zA-Z\-_.]{1,64}$`)

// CreateSchedule creates a schedule in a group (default when none) and
// arms it on the cloud scheduler. A name already in the group is
// ConflictException.
func (s *Service) CreateSchedule(ctx context.Context, in ScheduleDefinition) (ScheduleOutput, error) {
	sc, err := s.enter(ctx, "CreateSchedule")
	if err != nil {
		return ScheduleOutput{}, err
	}
	expr, loc, err := checkSchedule(&in)
	if err != nil {
		return ScheduleOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g, err := s.groupNamed(s.part(sc), in.GroupName)
	if err != nil {
		return ScheduleOutput{}, err
	}
	if g.schedules[in.Name] != nil {
		return ScheduleOutput{}, schedError(schedConflict, "Schedule %s already exists.", in.Name)
	}
	now := s.now()
	sch := &schedule{group: g, arn: g.sc.ARN(arnScheduler, "schedule/"+g.name+"/"+in.Name), created: now, modified: now}
	s.define(sch, in, expr, loc, now)
	g.schedules[in.Name] = sch
	return ScheduleOutput{ScheduleArn: sch.arn}, nil
}

// UpdateSchedule replaces a schedule's definition, as AWS does (what is
// left out takes its default), and re-arms it.
func (s *Service) UpdateSchedule(ctx context.Context, in ScheduleDefinition) (ScheduleOutput, error) {
	sc, err := s.enter(ctx, "UpdateSchedule")
	if err != nil {
		return ScheduleOutput{}, err
	}
	expr, loc, err := checkSchedule(&in)
	if err != nil {
		return ScheduleOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sch, err := s.scheduleNamed(s.part(sc), in.GroupName, in.Name)
	if err != nil {
		return ScheduleOutput{}, err
	}
	s.define(sch, in, expr, loc, s.now())
	return ScheduleOutput{ScheduleArn: sch.arn}, nil
}

// define sets a schedule's definition and arms it. It runs under the lock.
func (s *Service) define(sch *schedule, in ScheduleDefinition, expr scheduleExpr, loc *time.Location, now time.Time) {
	in.GroupName = sch.group.name
	in.ClientToken = ""
	sch.def, sch.expr, sch.loc, sch.modified = in, expr, loc, now
	sch.origin = now
	if in.StartDate != nil {
		sch.origin = in.StartDate.Time
	}
	s.armSchedule(sch, now)
}

// checkSchedule validates a definition and fills its defaults, with
// Scheduler's messages ("Invalid Schedule Expression <expr>.", recorded:
// test_scheduler.py::tests_create_schedule_with_invalid_schedule_expression).
func checkSchedule(in *ScheduleDefinition) (scheduleExpr, *time.Location, error) {
	if !scheduleNameRE.MatchString(in.Name) {
		return scheduleExpr{}, nil, schedError(codeValidation, "1 validation error detected: Value '%s' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z-_.]+$", in.Name)
	}
	expr, ok := parseScheduleExpr(in.ScheduleExpression, true)
	if !ok {
		return scheduleExpr{}, nil, schedError(codeValidation, "Invalid Schedule Expression %s.", in.ScheduleExpression)
	}
	loc := time.UTC
	if tz := in.ScheduleExpressionTimezone; tz != "" {
		l, err := time.LoadLocation(tz)
		if err != nil || tz == "Local" {
			return scheduleExpr{}, nil, schedError(codeValidation, "Invalid time zone: %s", tz)
		}
		loc = l
	}
	switch in.FlexibleTimeWindow.Mode {
	case "OFF":
	case "FLEXIBLE":
		if w := in.FlexibleTimeWindow.MaximumWindowInMinutes; w == nil || *w < 1 || *w > 1440 {
			return scheduleExpr{}, nil, schedError(codeValidation, "MaximumWindowInMinutes must be between 1 and 1440 when Mode is FLEXIBLE.")
		}
	default:
		return scheduleExpr{}, nil, schedError(codeValidation, "1 validation error detected: Value '%s' at 'flexibleTimeWindow.mode' failed to satisfy constraint: Member must satisfy enum value set: [OFF, FLEXIBLE]", in.FlexibleTimeWindow.Mode)
	}
	switch in.State {
	case "":
		in.State = ScheduleEnabled
	case ScheduleEnabled, ScheduleDisabled:
	default:
		return scheduleExpr{}, nil, schedError(codeValidation, "1 validation error detected: Value '%s' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]", in.State)
	}
	switch in.ActionAfterCompletion {
	case "":
		in.ActionAfterCompletion = "NONE"
	case "NONE", "DELETE":
	default:
		return scheduleExpr{}, nil, schedError(codeValidation, "1 validation error detected: Value '%s' at 'actionAfterCompletion' failed to satisfy constraint: Member must satisfy enum value set: [NONE, DELETE]", in.ActionAfterCompletion)
	}
	if _, ok := parseARN(in.Target.Arn); !ok || in.Target.RoleArn == "" {
		return scheduleExpr{}, nil, schedError(codeValidation, "Target Arn and RoleArn must be valid ARNs.")
	}
	if in.StartDate != nil && in.EndDate != nil && !in.EndDate.After(in.StartDate.Time) {
		return scheduleExpr{}, nil, schedError(codeValidation, "The provided start date %s is later than the end date %s.",
			in.StartDate.Format(time.RFC3339), in.EndDate.Format(time.RFC3339))
	}
	return expr, loc, nil
}

// GetScheduleInput is GetSchedule's and DeleteSchedule's input.
type GetScheduleInput struct {
	Name        string
	GroupName   string
	ClientToken string
}

// GetScheduleOutput is GetSchedule's output.
type GetScheduleOutput struct {
	ScheduleDefinition
	Arn                  string
	Name                 string
	CreationDate         *Timestamp
	LastModificationDate *Timestamp
}

// GetSchedule describes a schedule.
func (s *Service) GetSchedule(ctx context.Context, in GetScheduleInput) (GetScheduleOutput, error) {
	sc, err := s.enter(ctx, "GetSchedule")
	if err != nil {
		return GetScheduleOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sch, err := s.scheduleNamed(s.part(sc), in.GroupName, in.Name)
	if err != nil {
		return GetScheduleOutput{}, err
	}
	return GetScheduleOutput{ScheduleDefinition: sch.def, Arn: sch.arn, Name: sch.def.Name,
		CreationDate: At(sch.created), LastModificationDate: At(sch.modified)}, nil
}

// DeleteSchedule deletes a schedule and its timer.
func (s *Service) DeleteSchedule(ctx context.Context, in GetScheduleInput) error {
	sc, err := s.enter(ctx, "DeleteSchedule")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sch, err := s.scheduleNamed(s.part(sc), in.GroupName, in.Name)
	if err != nil {
		return err
	}
	sch.disarm()
	delete(sch.group.schedules, in.Name)
	return nil
}

// ListSchedulesInput is ListSchedules's input.
type ListSchedulesInput struct {
	GroupName  string
	NamePrefix string
	State      string
	NextToken  string
	MaxResults int32
}

// ScheduleSummary is a schedule as ListSchedules lists it.
type ScheduleSummary struct {
	Arn                  string
	Name                 string
	GroupName            string
	State                string
	Target               struct{ Arn string }
	CreationDate         *Timestamp
	LastModificationDate *Timestamp
}

// ListSchedulesOutput is ListSchedules's output.
type ListSchedulesOutput struct {
	Schedules []ScheduleSummary
	NextToken string `json:",omitempty"`
}

// ListSchedules lists the schedules of every group, or of one, by group
// then name.
func (s *Service) ListSchedules(ctx context.Context, in ListSchedulesInput) (ListSchedulesOutput, error) {
	sc, err := s.enter(ctx, "ListSchedules")
	if err != nil {
		return ListSchedulesOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	var all []ScheduleSummary
	for _, gn := range sortedNames(p.groups) {
		g := p.groups[gn]
		if in.GroupName != "" && gn != in.GroupName {
			continue
		}
		for _, n := range sortedNames(g.schedules) {
			sch := g.schedules[n]
			if !strings.HasPrefix(n, in.NamePrefix) || (in.State != "" && sch.def.State != in.State) {
				continue
			}
			sum := ScheduleSummary{Arn: sch.arn, Name: n, GroupName: gn, State: sch.def.State,
				CreationDate: At(sch.created), LastModificationDate: At(sch.modified)}
			sum.Target.Arn = sch.def.Target.Arn
			all = append(all, sum)
		}
	}
	page, next, ok := pagetoken.Page(all, func(x ScheduleSummary) string { return x.GroupName + "/" + x.Name }, in.NextToken, int(in.MaxResults))
	if !ok {
		return ListSchedulesOutput{}, schedError(codeValidation, "Invalid NextToken.")
	}
	return ListSchedulesOutput{Schedules: orEmpty(page), NextToken: next}, nil
}

// groupNamed finds a group ("" is default). It runs under the lock.
func (s *Service) groupNamed(p *partition, name string) (*scheduleGroup, error) {
	if name == "" {
		name = defaultBus
	}
	g := p.groups[name]
	if g == nil {
		return nil, schedError(codeResourceNotFound, "Schedule group %s does not exist.", name)
	}
	return g, nil
}

func (s *Service) scheduleNamed(p *partition, group, name string) (*schedule, error) {
	g, err := s.groupNamed(p, group)
	if err != nil {
		return nil, err
	}
	sch := g.schedules[name]
	if sch == nil {
		return nil, schedError(codeResourceNotFound, "Schedule %s does not exist.", name)
	}
	return sch, nil
}
