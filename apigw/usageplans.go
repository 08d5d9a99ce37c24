package apigw

import (
	"context"
	"math"
	"slices"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/tags"
)

// ThrottleSettings are a token bucket's limits: requests a second and the
// burst.
type ThrottleSettings struct {
	BurstLimit int32   `json:"burstLimit"`
	RateLimit  float64 `json:"rateLimit"`
}

// QuotaSettings are a usage plan's quota: at most Limit requests per key
// in each DAY, WEEK or MONTH, less Offset in the first period.
type QuotaSettings struct {
	Limit  int32  `json:"limit"`
	Offset int32  `json:"offset"`
	Period string `json:"period"`
}

// ApiStage is a stage a usage plan covers, with per-method throttles keyed
// by "{resourcePath}/{METHOD}" ("/pets/GET").
type ApiStage struct {
	APIID    string                      `json:"apiId"`
	Stage    string                      `json:"stage"`
	Throttle map[string]ThrottleSettings `json:"throttle,omitempty"`
}

// UsagePlan is a usage plan: the stages it covers, its per-key throttle
// and quota.
type UsagePlan struct {
	ID          string            `json:"id"`
	Name        string            `json:"name"`
	Description string            `json:"description,omitempty"`
	APIStages   []ApiStage        `json:"apiStages"`
	Throttle    *ThrottleSettings `json:"throttle,omitempty"`
	Quota       *QuotaSettings    `json:"quota,omitempty"`
	ProductCode string            `json:"productCode,omitempty"`
	Tags        map[string]string `json:"tags,omitempty"`
}

// CreateUsagePlanInput is CreateUsagePlan's input.
type CreateUsagePlanInput struct {
	Name        string            `json:"name"`
	Description string            `json:"description,omitempty"`
	APIStages   []ApiStage        `json:"apiStages,omitempty"`
	Throttle    *ThrottleSettings `json:"throttle,omitempty"`
	Quota       *QuotaSettings    `json:"quota,omitempty"`
	Tags        map[string]string `json:"tags,omitempty"`
}

// UsagePlanRef names a usage plan.
type UsagePlanRef struct{ UsagePlanID string }

// GetUsagePlansInput is GetUsagePlans' input: the plans KeyID is in, or
// every plan.
type GetUsagePlansInput struct {
	KeyID string
	PageInput
}

// usagePlan is a usage plan with its keys, each with its buckets and
// counts.
type usagePlan struct {
	UsagePlan
	quotaSince time.Time // when the quota was set: its period is the one Offset applies to
	keys       map[string]*planKey
}

// maxPlansPerKey is "Usage plans ... 10 per API key"
// (reference/limits.md, the API Gateway quotas page).
const maxPlansPerKey = 10

func (u *usageState) planLocked(id string) (*usagePlan, error) {
	if p := u.plans[id]; p != nil {
		return p, nil
	}
	return nil, notFound("Invalid Usage Plan ID specified")
}

// stage returns the plan's API stage api:stage.
func (up *usagePlan) stage(api, stage string) (ApiStage, bool) {
	for _, st := range up.APIStages {
		if st.APIID == api && st.Stage == stage {
			return st, true
		}
	}
	return ApiStage{}, false
}

func cloneUsagePlan(p UsagePlan) UsagePlan {
	p.APIStages = slices.Clone(p.APIStages)
	for i := range p.APIStages {
		p.APIStages[i].Throttle = clone(p.APIStages[i].Throttle)
	}
	if p.APIStages == nil {
		p.APIStages = []ApiStage{}
	}
	if p.Throttle != nil {
		t := *p.Throttle
		p.Throttle = &t
	}
	if p.Quota != nil {
		q := *p.Quota
		p.Quota = &q
	}
	p.Tags = clone(p.Tags)
	return p
}

// checkThrottle and checkQuota validate a plan's limits. AWS's texts for
// them are not recorded; these are this fake's, on the model's rules
// (a period of DAY, WEEK or MONTH; counts not negative).
func checkThrottle(t *ThrottleSettings) error {
	if t != nil && (t.BurstLimit < 0 || t.RateLimit < 0 || math.IsNaN(t.RateLimit) || math.IsInf(t.RateLimit, 0)) {
		return badRequest("Invalid throttle settings: rateLimit and burstLimit must not be negative")
	}
	return nil
}

func checkQuota(input string, q *QuotaSettings) error {
	if q == nil {
		return nil
	}
	if q.Period != "DAY" && q.Period != "WEEK" && q.Period != "MONTH" {
		return errValidation("Value '" + q.Period + "' at '" + input + ".quota.period' failed to satisfy constraint: " +
			"Member must satisfy enum value set: [DAY, WEEK, MONTH]")
	}
	if q.Limit < 0 || q.Offset < 0 || q.Offset > q.Limit {
		return badRequest("Invalid quota settings: the limit must not be negative and the offset must be between 0 and the limit")
	}
	return nil
}

// checkStagesLocked checks that each API stage exists in sc's partition,
// with AWS's text for one that does not, as recorded
// (test_usage_plan_crud, update-wrong-api-stages-wrong-api).
func (s *Service) checkStageLocked(p *partition, planID string, st ApiStage) error {
	if p != nil {
		if a := p.apis[st.APIID]; a != nil && a.stages[st.Stage] != nil {
			return nil
		}
	}
	return notFound("Invalid API Stage {api: %s, stage: %s} specified for usageplan %s", st.APIID, st.Stage, planID)
}

// CreateUsagePlan creates a usage plan over existing API stages.
func (s *Service) CreateUsagePlan(ctx context.Context, in CreateUsagePlanInput) (UsagePlan, error) {
	sc, err := s.enter(ctx, "CreateUsagePlan")
	if err != nil {
		return UsagePlan{}, err
	}
	if in.Name == "" {
		return UsagePlan{}, badRequest("Invalid Usage Plan name specified")
	}
	if err := checkThrottle(in.Throttle); err != nil {
		return UsagePlan{}, err
	}
	for _, st := range in.APIStages {
		for _, t := range st.Throttle {
			if err := checkThrottle(&t); err != nil {
				return UsagePlan{}, err
			}
		}
	}
	if err := checkQuota("createUsagePlanInput", in.Quota); err != nil {
		return UsagePlan{}, err
	}
	if err := tagRules.Check(tags.FromMap(in.Tags)); err != nil {
		return UsagePlan{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.partForWriteLocked(sc)
	u := p.usageLocked()
	id := ""
	for id == "" || u.plans[id] != nil {
		id = s.newID(6)
	}
	for i, st := range in.APIStages {
		if err := s.checkStageLocked(p, id, st); err != nil {
			return UsagePlan{}, err
		}
		if slices.ContainsFunc(in.APIStages[:i], func(o ApiStage) bool { return o.APIID == st.APIID && o.Stage == st.Stage }) {
			return UsagePlan{}, badRequest("Invalid API Stage specified")
		}
	}
	up := &usagePlan{UsagePlan: cloneUsagePlan(UsagePlan{ID: id, Name: in.Name, Description: in.Description,
		APIStages: in.APIStages, Throttle: in.Throttle, Quota: in.Quota, Tags: in.Tags}),
		quotaSince: s.env.Clock.Now(), keys: map[string]*planKey{}}
	u.plans[id] = up
	return cloneUsagePlan(up.UsagePlan), nil
}

// GetUsagePlan returns a usage plan.
func (s *Service) GetUsagePlan(ctx context.Context, in UsagePlanRef) (UsagePlan, error) {
	sc, err := s.enter(ctx, "GetUsagePlan")
	if err != nil {
		return UsagePlan{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	up, err := s.usageReadLocked(sc).planLocked(in.UsagePlanID)
	if err != nil {
		return UsagePlan{}, err
	}
	return cloneUsagePlan(up.UsagePlan), nil
}

// GetUsagePlans lists usage plans by id, or those KeyID is in.
func (s *Service) GetUsagePlans(ctx context.Context, in GetUsagePlansInput) (Page[UsagePlan], error) {
	sc, err := s.enter(ctx, "GetUsagePlans")
	if err != nil {
		return Page[UsagePlan]{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.usageReadLocked(sc)
	plans := u.plans
	if in.KeyID != "" {
		plans = map[string]*usagePlan{}
		if k := u.keys[in.KeyID]; k != nil {
			plans = k.plans
		}
	}
	return pageOf(plans, func(p *usagePlan) UsagePlan { return cloneUsagePlan(p.UsagePlan) },
		func(p UsagePlan) string { return p.ID }, in.PageInput)
}

// DeleteUsagePlan deletes a usage plan; its keys stay, out of it.
func (s *Service) DeleteUsagePlan(ctx context.Context, in UsagePlanRef) error {
	sc, err := s.enter(ctx, "DeleteUsagePlan")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.usageReadLocked(sc)
	up, err := u.planLocked(in.UsagePlanID)
	if err != nil {
		return err
	}
	for _, pk := range up.keys {
		delete(pk.key.plans, up.ID)
	}
	delete(u.plans, up.ID)
	return nil
}

// stageTaken reports which other plan of a key already covers api:stage:
// a key may not reach one stage through two plans.
func (k *apiKey) stageTaken(except *usagePlan, api, stage string) (*usagePlan, bool) {
	for _, p := range k.plans {
		if p != except {
			if _, ok := p.stage(api, stage); ok {
				return p, true
			}
		}
	}
	return nil, false
}

// SetAccountThrottle sets the account-level throttle of ctx's account and
// Region (the cloud's own when ctx names none), as a quota increase does
// on AWS: the default is 10,000 requests a second with a burst of 5,000.
// It is not an operation of the API: it records no call.
func (s *Service) SetAccountThrottle(ctx context.Context, t ThrottleSettings) error {
	if err := checkThrottle(&t); err != nil {
		return err
	}
	sc, ok := faults.ScopeFrom(ctx)
	if !ok {
		sc = s.env.Scope()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.partForWriteLocked(sc).usageLocked().accountLimit = &t
	return nil
}
