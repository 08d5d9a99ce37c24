package eventbridge

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/sched"
)

// scheduleGroup is a Scheduler schedule group and its schedules by name.
type scheduleGroup struct {
	sc                faults.Scope
	name, arn         string
	created, modified time.Time
	schedules         map[string]*schedule
}

// schedule is one Scheduler schedule: its definition as given and the
// state of its timer. due is the instant the armed job stands for (the
// job itself may run later within the flexible window).
type schedule struct {
	group    *scheduleGroup
	arn      string
	def      ScheduleDefinition
	expr     scheduleExpr
	loc      *time.Location
	origin   time.Time
	created  time.Time
	modified time.Time
	due      time.Time
	job      *sched.Job
}

func (sch *schedule) disarm() {
	if sch.job != nil {
		sch.job.Cancel()
		sch.job = nil
	}
}

// nextDue is the schedule's first due instant after t within its start
// and end dates (a one-time schedule ignores both, as AWS does).
func (sch *schedule) nextDue(t time.Time) (time.Time, bool) {
	d := sch.def
	if !sch.expr.isAt && d.StartDate != nil && t.Before(d.StartDate.Time) {
		t = d.StartDate.Time.Add(-time.Nanosecond)
	}
	at, ok := sch.expr.next(t, sch.origin, sch.loc)
	if !ok || (!sch.expr.isAt && d.EndDate != nil && at.After(d.EndDate.Time)) {
		return time.Time{}, false
	}
	return at, true
}

// arm schedules the next firing after t: one job at the due instant plus
// the flexible window's offset, drawn from the cloud's seeded ids. It
// runs under the lock.
func (s *Service) armSchedule(sch *schedule, after time.Time) {
	sch.disarm()
	if s.closed || sch.def.State == ScheduleDisabled {
		return
	}
	due, ok := sch.nextDue(after)
	if !ok {
		return
	}
	run := due
	if w := sch.def.FlexibleTimeWindow; w.Mode == "FLEXIBLE" && w.MaximumWindowInMinutes != nil && *w.MaximumWindowInMinutes > 0 {
		run = due.Add(time.Duration(s.env.IDs.IntN(int(*w.MaximumWindowInMinutes)*60)) * time.Second)
	}
	sch.due = due
	sch.job = s.env.Sched.At(run, func(time.Time) { s.fireSchedule(sch) })
}

// fireSchedule invokes the schedule's target for its due instant, arms
// the next one, and deletes a one-time schedule whose
// ActionAfterCompletion is DELETE.
func (s *Service) fireSchedule(sch *schedule) {
	s.mu.Lock()
	if s.closed || sch.group.schedules[sch.def.Name] != sch || sch.job == nil {
		s.mu.Unlock()
		return
	}
	due := sch.due
	d := s.scheduleDelivery(sch, due)
	sch.job = nil
	s.armSchedule(sch, due)
	if sch.job == nil && sch.def.ActionAfterCompletion == "DELETE" {
		delete(sch.group.schedules, sch.def.Name)
	}
	s.mu.Unlock()
	s.dispatch([]delivery{d})
}

// scheduleDelivery is the target invocation of one firing: the Input with
// Scheduler's context attributes filled in; for an EventBridge target, an
// event built from EventBridgeParameters with the Input as its detail. It
// runs under the lock.
func (s *Service) scheduleDelivery(sch *schedule, due time.Time) delivery {
	t := sch.def.Target
	execID := s.env.IDs.UUID()
	input := t.Input
	for k, v := range map[string]string{"<aws.scheduler.schedule-arn>": sch.arn, "<aws.scheduler.scheduled-time>": due.UTC().Format(time.RFC3339),
		"<aws.scheduler.execution-id>": execID, "<aws.scheduler.attempt-number>": "1"} {
		input = strings.ReplaceAll(input, k, v)
	}
	if input == "" {
		input = "{}"
	}
	sc := sch.group.sc
	body := []byte(input)
	if p := t.EventBridgeParameters; p != nil {
		detail := json.RawMessage(input)
		if !json.Valid(detail) {
			detail = json.RawMessage("{}")
		}
		body = s.envelope(execID, p.DetailType, p.Source, sc.Account, sc.Region, due, []string{sch.arn}, detail).raw
	}
	tgt := Target{Id: sch.def.Name, Arn: t.Arn, RoleArn: t.RoleArn, RetryPolicy: t.RetryPolicy, DeadLetterConfig: t.DeadLetterConfig, SqsParameters: t.SqsParameters}
	return delivery{relay: sc.ARN(arnService, "event-bus/"+defaultBus), source: sch.arn, account: sc.Account, target: tgt, body: body, dedup: execID}
}
