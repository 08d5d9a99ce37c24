package stepfn

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/pagetoken"
	"github.com/awsfake/awsfake/internal/sched"
)

// Activity limits: 10,000 activities an account and region; a
// GetActivityTask waits 60 seconds for a task at most.
const (
	maxActivities = 10000
	pollTimeout   = 60 * time.Second
)

// activity is an activity: the tasks scheduled and not yet taken, and the
// workers polling for one.
type activity struct {
	arn     string
	name    string
	created time.Time
	enc     *EncryptionConfiguration
	tags    map[string]string
	queue   []*waiter // scheduled, oldest first
	polls   []*poll   // waiting workers, oldest first
}

// poll is a worker's GetActivityTask waiting for a task.
type poll struct {
	worker string
	ch     chan *waiter // one task, or nil when the poll ends empty
	job    *sched.Job
}

// offer hands a scheduled task to the oldest waiting worker, or queues it.
func (a *activity) offer(w *waiter) {
	if len(a.polls) == 0 {
		a.queue = append(a.queue, w)
		return
	}
	p := a.polls[0]
	a.polls = a.polls[1:]
	cancel(p.job)
	w.start(p.worker)
	p.ch <- w
}

// take returns the oldest queued task still waiting, nil for none.
func (a *activity) take() *waiter {
	for len(a.queue) > 0 {
		w := a.queue[0]
		a.queue = a.queue[1:]
		if w.live() {
			return w
		}
	}
	return nil
}

// drop removes a task that ended before a worker took it.
func (a *activity) drop(w *waiter) {
	a.queue = slices.DeleteFunc(a.queue, func(x *waiter) bool { return x == w })
}

// release ends every waiting poll empty (the activity deleted, the cloud
// closed).
func (a *activity) release() {
	for _, p := range a.polls {
		cancel(p.job)
		p.ch <- nil
	}
	a.polls = nil
}

// activityByARN finds an activity by its ARN; it runs under the lock.
func (s *Service) activityByARN(s0 string) *activity {
	a, err := arn.Parse(s0)
	if err != nil || a.Service != arnService {
		return nil
	}
	name, ok := strings.CutPrefix(a.Resource, "activity:")
	if !ok {
		return nil
	}
	p := s.part(a.Account, a.Region, false)
	if p == nil {
		return nil
	}
	act := p.activities[name]
	if act == nil || act.arn != s0 {
		return nil
	}
	return act
}

// findActivity is activityByARN with AWS's errors: InvalidArn for what is
// not an activity ARN, ActivityDoesNotExist for one that does not exist.
func (s *Service) findActivity(s0 string) (*activity, error) {
	if s0 == "" {
		return nil, missing("activityArn")
	}
	a, err := arn.Parse(s0)
	if err != nil || a.Service != arnService || !strings.HasPrefix(a.Resource, "activity:") {
		return nil, invalidArn(s0)
	}
	act := s.activityByARN(s0)
	if act == nil {
		return nil, newError(codeActivityDoesNotExist, "Activity Does Not Exist: '%s'", s0)
	}
	return act, nil
}

// CreateActivity creates an activity. It is idempotent on the name: the
// same name again answers the existing activity, its tags unchanged.
func (s *Service) CreateActivity(ctx context.Context, in CreateActivityInput) (CreateActivityOutput, error) {
	sc, err := s.enter(ctx, "CreateActivity")
	if err != nil {
		return CreateActivityOutput{}, err
	}
	if nameInvalid(in.Name) {
		return CreateActivityOutput{}, invalidName(in.Name)
	}
	if err := tagRules.Check(toTags(in.Tags)); err != nil {
		return CreateActivityOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc.Account, sc.Region, true)
	if act := p.activities[in.Name]; act != nil {
		return CreateActivityOutput{ActivityArn: act.arn, CreationDate: Timestamp{act.created}}, nil
	}
	if len(p.activities) >= maxActivities {
		return CreateActivityOutput{}, newError("ActivityLimitExceeded", "Activity limit exceeded: %d", maxActivities)
	}
	act := &activity{arn: sc.ARN(arnService, "activity:"+in.Name), name: in.Name, created: s.env.Clock.Now(),
		enc: in.EncryptionConfiguration, tags: map[string]string{}}
	for _, t := range in.Tags {
		act.tags[t.Key] = t.Value
	}
	p.activities[in.Name] = act
	return CreateActivityOutput{ActivityArn: act.arn, CreationDate: Timestamp{act.created}}, nil
}

// DescribeActivity describes an activity.
func (s *Service) DescribeActivity(ctx context.Context, in ActivityInput) (DescribeActivityOutput, error) {
	if _, err := s.enter(ctx, "DescribeActivity"); err != nil {
		return DescribeActivityOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	act, err := s.findActivity(in.ActivityArn)
	if err != nil {
		return DescribeActivityOutput{}, err
	}
	return DescribeActivityOutput{ActivityArn: act.arn, Name: act.name, CreationDate: Timestamp{act.created}, EncryptionConfiguration: act.enc}, nil
}

// DeleteActivity deletes an activity; deleting one that does not exist
// succeeds, as on AWS. Workers polling it get an empty answer; its tasks
// already scheduled still end by their token or their timeout.
func (s *Service) DeleteActivity(ctx context.Context, in ActivityInput) error {
	if _, err := s.enter(ctx, "DeleteActivity"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	act, err := s.findActivity(in.ActivityArn)
	if act == nil {
		if err.(*awserr.Error).Code == codeActivityDoesNotExist {
			return nil
		}
		return err
	}
	act.release()
	a, _ := arn.Parse(act.arn)
	delete(s.part(a.Account, a.Region, false).activities, act.name)
	return nil
}

// ListActivities lists the account's activities by name.
func (s *Service) ListActivities(ctx context.Context, in ListInput) (ListActivitiesOutput, error) {
	sc, err := s.enter(ctx, "ListActivities")
	if err != nil {
		return ListActivitiesOutput{}, err
	}
	size, err := pageSize(in.MaxResults)
	if err != nil {
		return ListActivitiesOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var all []*activity
	if p := s.part(sc.Account, sc.Region, false); p != nil {
		for _, a := range p.activities {
			all = append(all, a)
		}
	}
	slices.SortFunc(all, func(a, b *activity) int { return compareStrings(a.name, b.name) })
	page, next, ok := pagetoken.Page(all, func(a *activity) string { return a.name }, in.NextToken, size)
	if !ok {
		return ListActivitiesOutput{}, invalidToken(in.NextToken)
	}
	out := ListActivitiesOutput{Activities: []ActivityListItem{}, NextToken: next}
	for _, a := range page {
		out.Activities = append(out.Activities, ActivityListItem{ActivityArn: a.arn, Name: a.name, CreationDate: Timestamp{a.created}})
	}
	return out, nil
}

// GetActivityTask hands the oldest scheduled task of an activity to the
// worker: its token and input. With none scheduled it waits, on the
// cloud's clock, up to 60 seconds for one and then answers empty; it
// returns early with ctx's error when ctx ends.
func (s *Service) GetActivityTask(ctx context.Context, in GetActivityTaskInput) (GetActivityTaskOutput, error) {
	if _, err := s.enter(ctx, "GetActivityTask"); err != nil {
		return GetActivityTaskOutput{}, err
	}
	if len(in.WorkerName) > 80 {
		return GetActivityTaskOutput{}, validation(in.WorkerName, "workerName", "Member must have length less than or equal to 80")
	}
	s.mu.Lock()
	act, err := s.findActivity(in.ActivityArn)
	if err != nil {
		s.mu.Unlock()
		return GetActivityTaskOutput{}, err
	}
	if w := act.take(); w != nil {
		w.start(in.WorkerName)
		s.mu.Unlock()
		return GetActivityTaskOutput{TaskToken: w.token, Input: w.input}, nil
	}
	p := &poll{worker: in.WorkerName, ch: make(chan *waiter, 1)}
	act.polls = append(act.polls, p)
	p.job = s.env.Sched.At(s.env.Clock.Now().Add(pollTimeout), func(time.Time) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if i := slices.Index(act.polls, p); i >= 0 {
			act.polls = slices.Delete(act.polls, i, i+1)
			p.ch <- nil
		}
	})
	s.mu.Unlock()
	select {
	case w := <-p.ch:
		if w == nil {
			return GetActivityTaskOutput{}, nil
		}
		return GetActivityTaskOutput{TaskToken: w.token, Input: w.input}, nil
	case <-ctx.Done():
		s.mu.Lock()
		defer s.mu.Unlock()
		if i := slices.Index(act.polls, p); i >= 0 {
			act.polls = slices.Delete(act.polls, i, i+1)
			cancel(p.job)
			return GetActivityTaskOutput{}, ctx.Err()
		}
		if w := <-p.ch; w != nil { // handed over as ctx ended: not lost
			return GetActivityTaskOutput{TaskToken: w.token, Input: w.input}, nil
		}
		return GetActivityTaskOutput{}, nil
	}
}

// Polls reports how many workers are waiting in GetActivityTask on the
// activity: a test starts a worker, waits for its poll, then moves the
// clock.
func (s *Service) Polls(activityARN string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if act := s.activityByARN(activityARN); act != nil {
		return len(act.polls)
	}
	return 0
}
