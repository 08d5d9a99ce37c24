package apigw

import (
	"context"
	"math"
	"slices"
	"strconv"
	"strings"
)

// UpdateUsagePlanInput is UpdateUsagePlan's input.
type UpdateUsagePlanInput struct {
	UsagePlanID     string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// UpdateUsagePlan applies patch operations: replace /name, /description,
// /productCode; add or remove /apiStages ({apiId}:{stage}); replace
// /throttle/rateLimit, /throttle/burstLimit, /quota/limit, /quota/offset,
// /quota/period, remove /throttle and /quota; and the per-method
// throttles, replace (or add)
// /apiStages/{apiId}:{stage}/throttle/{resourcePath}/{METHOD}/rateLimit
// and .../burstLimit (the resource path's slashes written ~1), remove
// .../{resourcePath}/{METHOD} or /apiStages/{apiId}:{stage}/throttle.
// Either every operation applies or none does.
func (s *Service) UpdateUsagePlan(ctx context.Context, in UpdateUsagePlanInput) (UsagePlan, error) {
	sc, err := s.enter(ctx, "UpdateUsagePlan")
	if err != nil {
		return UsagePlan{}, err
	}
	if err := checkPatch("updateUsagePlanInput", in.PatchOperations); err != nil {
		return UsagePlan{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.partLocked(sc)
	up, err := s.usageReadLocked(sc).planLocked(in.UsagePlanID)
	if err != nil {
		return UsagePlan{}, err
	}
	next := cloneUsagePlan(up.UsagePlan)
	quotaChanged := false
	for _, op := range in.PatchOperations {
		if strings.HasPrefix(op.Path, "/quota") {
			quotaChanged = true
		}
		if err := s.patchUsagePlanLocked(p, up, &next, op); err != nil {
			return UsagePlan{}, err
		}
	}
	if err := checkThrottle(next.Throttle); err != nil {
		return UsagePlan{}, err
	}
	if err := checkQuota("updateUsagePlanInput", next.Quota); err != nil {
		return UsagePlan{}, err
	}
	up.UsagePlan = next
	if quotaChanged {
		up.quotaSince = s.env.Clock.Now()
	}
	return cloneUsagePlan(next), nil
}

func (s *Service) patchUsagePlanLocked(p *partition, up *usagePlan, next *UsagePlan, op PatchOperation) error {
	v := op.value()
	if rest, ok := strings.CutPrefix(op.Path, "/apiStages/"); ok {
		return patchStageThrottle(next, op, rest)
	}
	switch {
	case op.Path == "/apiStages" && (op.Op == "add" || op.Op == "remove"):
		return s.patchAPIStagesLocked(p, up, next, op)
	case op.Op == "remove" && op.Path == "/throttle":
		next.Throttle = nil
		return nil
	case op.Op == "remove" && op.Path == "/quota":
		next.Quota = nil
		return nil
	case op.Op != "replace":
		return errPatchPath(op)
	}
	switch op.Path {
	case "/name":
		if v == "" {
			return badRequest("Invalid Usage Plan name specified")
		}
		next.Name = v
	case "/description":
		next.Description = v
	case "/productCode":
		next.ProductCode = v
	case "/throttle/rateLimit", "/throttle/burstLimit":
		if next.Throttle == nil {
			next.Throttle = &ThrottleSettings{}
		}
		return setThrottle(next.Throttle, op.Path[len("/throttle/"):], v)
	case "/quota/limit", "/quota/offset", "/quota/period":
		if next.Quota == nil {
			next.Quota = &QuotaSettings{}
		}
		return setQuota(next.Quota, op.Path[len("/quota/"):], v)
	default:
		return errPatchPath(op, "/name", "/description", "/productCode", "/throttle/rateLimit", "/throttle/burstLimit",
			"/quota/limit", "/quota/offset", "/quota/period")
	}
	return nil
}

// patchAPIStagesLocked adds or removes the API stage {apiId}:{stage}, with
// AWS's texts as recorded (test_usage_plan_crud): no value or no colon is
// "Invalid API Stage specified", an API or stage that does not exist a
// NotFoundException naming both.
func (s *Service) patchAPIStagesLocked(p *partition, up *usagePlan, next *UsagePlan, op PatchOperation) error {
	api, stage, ok := strings.Cut(op.value(), ":")
	if !ok || api == "" || stage == "" {
		return badRequest("Invalid API Stage specified")
	}
	i := slices.IndexFunc(next.APIStages, func(st ApiStage) bool { return st.APIID == api && st.Stage == stage })
	if op.Op == "remove" {
		if i < 0 {
			return notFound("Invalid API Stage {api: %s, stage: %s} specified for usageplan %s", api, stage, up.ID)
		}
		next.APIStages = slices.Delete(next.APIStages, i, i+1)
		return nil
	}
	if err := s.checkStageLocked(p, up.ID, ApiStage{APIID: api, Stage: stage}); err != nil {
		return err
	}
	if i >= 0 {
		return conflict("Usage Plan %s already contains API Stage {api: %s, stage: %s}", up.ID, api, stage)
	}
	for _, pk := range up.keys {
		if other, taken := pk.key.stageTaken(up, api, stage); taken {
			return conflict("Usage Plan %s cannot be added because API Key %s cannot reference multiple Usage Plans with the same API Stage: %s:%s (%s)",
				up.ID, pk.key.ID, api, stage, other.ID)
		}
	}
	next.APIStages = append(next.APIStages, ApiStage{APIID: api, Stage: stage})
	return nil
}

// patchStageThrottle applies {apiId}:{stage}/throttle[/{resourcePath}/{METHOD}[/{limit}]].
func patchStageThrottle(next *UsagePlan, op PatchOperation, rest string) error {
	parts := strings.Split(rest, "/")
	api, stage, ok := strings.Cut(parts[0], ":")
	i := slices.IndexFunc(next.APIStages, func(st ApiStage) bool { return st.APIID == api && st.Stage == stage })
	if !ok || i < 0 {
		return badRequest("Invalid API Stage specified")
	}
	st := &next.APIStages[i]
	switch {
	case len(parts) == 2 && parts[1] == "throttle" && op.Op == "remove":
		st.Throttle = nil
		return nil
	case len(parts) < 4 || parts[1] != "throttle":
		return errPatchPath(op)
	}
	key := unescapePointer(parts[2]) + "/" + parts[3]
	switch {
	case len(parts) == 4 && op.Op == "remove":
		if _, ok := st.Throttle[key]; !ok {
			return notFound("Invalid throttle path %s specified for API Stage {api: %s, stage: %s}", key, api, stage)
		}
		delete(st.Throttle, key)
		return nil
	case len(parts) == 5 && (op.Op == "replace" || op.Op == "add"):
		if st.Throttle == nil {
			st.Throttle = map[string]ThrottleSettings{}
		}
		t := st.Throttle[key]
		if err := setThrottle(&t, parts[4], op.value()); err != nil {
			return err
		}
		if err := checkThrottle(&t); err != nil {
			return err
		}
		st.Throttle[key] = t
		return nil
	}
	return errPatchPath(op)
}

func setThrottle(t *ThrottleSettings, field, v string) error {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return badRequest("Invalid value for %s: %s", field, v)
	}
	switch field {
	case "rateLimit":
		t.RateLimit = f
	case "burstLimit":
		if f > math.MaxInt32 || f < math.MinInt32 {
			return badRequest("Invalid value for %s: %s", field, v)
		}
		t.BurstLimit = int32(f)
	default:
		return badRequest("Invalid throttle path: %s", field)
	}
	return nil
}

func setQuota(q *QuotaSettings, field, v string) error {
	if field == "period" {
		q.Period = v
		return nil
	}
	n, err := strconv.ParseInt(v, 10, 32)
	if err != nil {
		return badRequest("Invalid value for %s: %s", field, v)
	}
	if field == "limit" {
		q.Limit = int32(n)
	} else {
		q.Offset = int32(n)
	}
	return nil
}
