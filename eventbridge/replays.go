package eventbridge

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/pagetoken"
	"github.com/awsfake/awsfake/internal/sched"
)

// ReplayDestination is where a replay sends its events: the archive's
// bus, to every rule or to the rules of FilterArns.
type ReplayDestination struct {
	Arn        string
	FilterArns []string `json:",omitempty"`
}

// replay is one replay: it runs at the next firing of the cloud scheduler
// after StartReplay, sending the archived events of its time range, in
// order, to the destination's rules, each with "replay-name" added.
type replay struct {
	name, arn, description string
	archive                *archive
	dest                   ReplayDestination
	from, to               time.Time
	state                  string
	started, ended         time.Time
	last                   time.Time
	job                    *sched.Job
}

func (r *replay) disarm() {
	if r.job != nil {
		r.job.Cancel()
		r.job = nil
	}
}

// StartReplayInput is StartReplay's input.
type StartReplayInput struct {
	ReplayName     string
	Description    string `json:",omitempty"`
	EventSourceArn string
	EventStartTime *Timestamp
	EventEndTime   *Timestamp
	Destination    ReplayDestination
}

// StartReplayOutput is StartReplay's output.
type StartReplayOutput struct {
	ReplayArn       string
	State           string
	ReplayStartTime *Timestamp
}

// StartReplay replays an archive's events of [EventStartTime,
// EventEndTime) to its bus. The destination must be the archive's bus, and
// the end time after the start and not in the future, as AWS requires
// (recorded: TestReplay::test_start_replay_error_invalid_end_time,
// test_start_replay_error_unknown_event_bus).
func (s *Service) StartReplay(ctx context.Context, in StartReplayInput) (StartReplayOutput, error) {
	sc, err := s.enter(ctx, "StartReplay")
	if err != nil {
		return StartReplayOutput{}, err
	}
	if in.EventStartTime == nil || in.EventEndTime == nil || !in.EventEndTime.After(in.EventStartTime.Time) {
		return StartReplayOutput{}, errValidation("Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if in.EventEndTime.After(now) {
		return StartReplayOutput{}, errValidation("Parameter EventEndTime is not valid. Reason: EventEndTime cannot be in the future.")
	}
	a, ok := parseARN(in.EventSourceArn)
	name, isArchive := strings.CutPrefix(a.Resource, "archive/")
	if !ok || !isArchive {
		return StartReplayOutput{}, errValidation("Parameter EventSourceArn is not valid.")
	}
	arc, err := s.archiveNamed(a.Account, a.Region, name)
	if err != nil { // recorded: TestReplay::test_start_replay_error_unknown_archive
		return StartReplayOutput{}, errValidation("Parameter EventSourceArn is not valid. Reason: Archive %s does not exist.", name)
	}
	if in.Destination.Arn != arc.bus.arn {
		return StartReplayOutput{}, errValidation("Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.")
	}
	p := s.part(sc)
	if old := p.replays[in.ReplayName]; old != nil {
		return StartReplayOutput{}, newError(codeResourceExists, "Replay %s already exists.", in.ReplayName)
	}
	r := &replay{name: in.ReplayName, arn: p.sc.ARN(arnService, "replay/"+in.ReplayName), description: in.Description, archive: arc,
		dest: in.Destination, from: in.EventStartTime.Time, to: in.EventEndTime.Time, state: "STARTING", started: now}
	p.replays[r.name] = r
	r.job = s.env.Sched.At(now, func(time.Time) { s.runReplay(r) })
	return StartReplayOutput{ReplayArn: r.arn, State: r.state, ReplayStartTime: At(now)}, nil
}

// runReplay sends the replay's events and completes it.
func (s *Service) runReplay(r *replay) {
	s.mu.Lock()
	if s.closed || r.job == nil || r.state != "STARTING" {
		s.mu.Unlock()
		return
	}
	r.job = nil
	var plan []delivery
	b := r.archive.bus
	for _, e := range r.archive.events {
		if e.at.Before(r.from) || !e.at.Before(r.to) || b.rules == nil {
			continue
		}
		raw := append(bytes.TrimSuffix(slices.Clone(e.raw), []byte("}")), []byte(`,"replay-name":`+marshal(r.name)+`}`)...)
		ev := decodeEvent(raw)
		for _, rule := range b.matching(ev.source, ev.obj) {
			if len(r.dest.FilterArns) == 0 || slices.Contains(r.dest.FilterArns, rule.arn) {
				plan = s.ruleDeliveries(rule, ev, plan)
			}
		}
		r.last = e.at
	}
	r.state, r.ended = "COMPLETED", s.now()
	s.mu.Unlock()
	s.dispatch(plan)
}

// ReplayInput names a replay (DescribeReplay, CancelReplay).
type ReplayInput struct{ ReplayName string }

// DescribeReplayOutput is DescribeReplay's output.
type DescribeReplayOutput struct {
	ReplayArn             string
	ReplayName            string
	Description           string `json:",omitempty"`
	EventSourceArn        string
	Destination           ReplayDestination
	State                 string
	EventStartTime        *Timestamp
	EventEndTime          *Timestamp
	EventLastReplayedTime *Timestamp `json:",omitempty"`
	ReplayStartTime       *Timestamp
	ReplayEndTime         *Timestamp `json:",omitempty"`
}

func (r *replay) view() DescribeReplayOutput {
	out := DescribeReplayOutput{ReplayArn: r.arn, ReplayName: r.name, Description: r.description, EventSourceArn: r.archive.arn,
		Destination: r.dest, State: r.state, EventStartTime: At(r.from), EventEndTime: At(r.to), ReplayStartTime: At(r.started)}
	if !r.last.IsZero() {
		out.EventLastReplayedTime = At(r.last)
	}
	if !r.ended.IsZero() {
		out.ReplayEndTime = At(r.ended)
	}
	return out
}

// DescribeReplay describes a replay.
func (s *Service) DescribeReplay(ctx context.Context, in ReplayInput) (DescribeReplayOutput, error) {
	sc, err := s.enter(ctx, "DescribeReplay")
	if err != nil {
		return DescribeReplayOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.part(sc).replays[in.ReplayName]
	if r == nil {
		return DescribeReplayOutput{}, newError(codeResourceNotFound, "Replay %s does not exist.", in.ReplayName)
	}
	return r.view(), nil
}

// CancelReplayOutput is CancelReplay's output.
type CancelReplayOutput struct {
	ReplayArn string
	State     string
}

// CancelReplay cancels a replay that has not run; one that has is
// IllegalStatusException.
func (s *Service) CancelReplay(ctx context.Context, in ReplayInput) (CancelReplayOutput, error) {
	sc, err := s.enter(ctx, "CancelReplay")
	if err != nil {
		return CancelReplayOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.part(sc).replays[in.ReplayName]
	if r == nil {
		return CancelReplayOutput{}, newError(codeResourceNotFound, "Replay %s does not exist.", in.ReplayName)
	}
	if r.state != "STARTING" {
		return CancelReplayOutput{}, newError(codeIllegalStatus, "Replay %s is not in a valid state for this operation.", r.name)
	}
	r.disarm()
	r.state, r.ended = "CANCELLED", s.now()
	return CancelReplayOutput{ReplayArn: r.arn, State: r.state}, nil
}

// ListReplaysInput is ListReplays's input.
type ListReplaysInput struct {
	NamePrefix     string `json:",omitempty"`
	EventSourceArn string `json:",omitempty"`
	State          string `json:",omitempty"`
	NextToken      string `json:",omitempty"`
	Limit          int32  `json:",omitempty"`
}

// ListReplaysOutput is ListReplays's output.
type ListReplaysOutput struct {
	Replays   []DescribeReplayOutput
	NextToken string `json:",omitempty"`
}

// ListReplays lists the replays by name.
func (s *Service) ListReplays(ctx context.Context, in ListReplaysInput) (ListReplaysOutput, error) {
	sc, err := s.enter(ctx, "ListReplays")
	if err != nil {
		return ListReplaysOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	var all []DescribeReplayOutput
	for _, n := range sortedNames(p.replays) {
		r := p.replays[n]
		if strings.HasPrefix(n, in.NamePrefix) && (in.EventSourceArn == "" || in.EventSourceArn == r.archive.arn) && (in.State == "" || in.State == r.state) {
			all = append(all, r.view())
		}
	}
	page, next, ok := pagetoken.Page(all, func(r DescribeReplayOutput) string { return r.ReplayName }, in.NextToken, pageSize(in.Limit))
	if !ok {
		return ListReplaysOutput{}, errValidation("The nextToken provided is invalid.")
	}
	return ListReplaysOutput{Replays: orEmpty(page), NextToken: next}, nil
}
