package apigw

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Usage is GetUsage's answer: for each key (by id), one [used, remaining]
// pair a day from StartDate to EndDate.
type Usage struct {
	UsagePlanID string               `json:"usagePlanId"`
	StartDate   string               `json:"startDate"`
	EndDate     string               `json:"endDate"`
	Items       map[string][][]int64 `json:"values"`
	Position    string               `json:"position,omitempty"`
}

// GetUsageInput is GetUsage's input: dates as yyyy-MM-dd (2016-01-01),
// both required, and optionally one key.
type GetUsageInput struct {
	UsagePlanID, KeyID, StartDate, EndDate string
	PageInput
}

// UpdateUsageInput is UpdateUsage's input.
type UpdateUsageInput struct {
	UsagePlanID     string           `json:"-"`
	KeyID           string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// dateLayout is GetUsage's date form.
const dateLayout = "2006-01-02"

// usageDates reads GetUsage's dates: AWS keeps usage for usageDays days,
// and a range longer than that is refused (the texts are this fake's; no
// recording pins them).
func usageDates(start, end string) (time.Time, time.Time, error) {
	if start == "" || end == "" {
		return time.Time{}, time.Time{}, badRequest("Both startDate and endDate are required")
	}
	from, err := time.Parse(dateLayout, start)
	if err != nil {
		return time.Time{}, time.Time{}, badRequest("Invalid startDate specified: %s", start)
	}
	to, err := time.Parse(dateLayout, end)
	if err != nil {
		return time.Time{}, time.Time{}, badRequest("Invalid endDate specified: %s", end)
	}
	if to.Before(from) {
		return time.Time{}, time.Time{}, badRequest("The endDate must not be before the startDate")
	}
	if to.Sub(from) >= usageDays*24*time.Hour {
		return time.Time{}, time.Time{}, badRequest("The usage data may span at most %d days", usageDays)
	}
	return from, to, nil
}

// GetUsage answers the daily usage of a plan's keys (by key id), each day
// [requests that day, quota remaining at the end of that day]; a plan
// without a quota answers 0 remaining. Keys page by position and limit.
func (s *Service) GetUsage(ctx context.Context, in GetUsageInput) (Usage, error) {
	sc, err := s.enter(ctx, "GetUsage")
	if err != nil {
		return Usage{}, err
	}
	from, to, err := usageDates(in.StartDate, in.EndDate)
	if err != nil {
		return Usage{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	up, err := s.usageReadLocked(sc).planLocked(in.UsagePlanID)
	if err != nil {
		return Usage{}, err
	}
	ids := make([]string, 0, len(up.keys))
	for id := range up.keys {
		if in.KeyID == "" || id == in.KeyID {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	pg, err := page(ids, func(id string) string { return id }, in.PageInput)
	if err != nil {
		return Usage{}, err
	}
	out := Usage{UsagePlanID: up.ID, StartDate: in.StartDate, EndDate: in.EndDate, Items: map[string][][]int64{},
		Position: pg.Position}
	for _, id := range pg.Items {
		out.Items[id] = up.daysOf(up.keys[id], from, to)
	}
	return out, nil
}

// daysOf is pk's [used, remaining] for each day from one date to another.
func (up *usagePlan) daysOf(pk *planKey, from, to time.Time) [][]int64 {
	var days [][]int64
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		days = append(days, []int64{pk.daily[dayNumber(d)], up.remainingOn(pk, d)})
	}
	return days
}

// remainingOn is what was left of pk's quota at the end of day d: the
// limit less the requests of d's period up to d (less the offset in the
// period the quota was set in, plus what UpdateUsage granted in the
// period counted now).
func (up *usagePlan) remainingOn(pk *planKey, d time.Time) int64 {
	q := up.Quota
	if q == nil {
		return 0
	}
	start := periodStart(d, q.Period)
	left := int64(q.Limit)
	for day := dayNumber(start); day <= dayNumber(d); day++ {
		left -= pk.daily[day]
	}
	if start.Equal(periodStart(up.quotaSince, q.Period)) {
		left -= int64(q.Offset)
	}
	if start.Equal(pk.period) {
		left += pk.adjust
	}
	return max(left, 0)
}

// UpdateUsage grants a key more (or less) of the plan's quota in the
// current period: replace /remaining (also written
// /keyId:{keyId}/remaining) with the count it is to have left. It answers
// the key's usage today.
func (s *Service) UpdateUsage(ctx context.Context, in UpdateUsageInput) (Usage, error) {
	sc, err := s.enter(ctx, "UpdateUsage")
	if err != nil {
		return Usage{}, err
	}
	if err := checkPatch("updateUsageInput", in.PatchOperations); err != nil {
		return Usage{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.usageReadLocked(sc)
	pk, err := u.planKeyLocked(UsagePlanKeyRef{in.UsagePlanID, in.KeyID})
	if err != nil {
		return Usage{}, err
	}
	up := u.plans[in.UsagePlanID]
	if up.Quota == nil {
		return Usage{}, badRequest("Usage Plan %s has no quota", up.ID)
	}
	now := s.env.Clock.Now()
	pk.roll(now, up.Quota)
	adjust := pk.adjust
	base := *pk
	base.adjust = 0
	for _, op := range in.PatchOperations {
		if op.Op != "replace" || (op.Path != "/remaining" && op.Path != "/keyId:"+in.KeyID+"/remaining") {
			return Usage{}, errPatchPath(op, "/remaining")
		}
		n, err := strconv.ParseInt(strings.TrimSpace(op.value()), 10, 64)
		if err != nil || n < 0 {
			return Usage{}, badRequest("Invalid remaining quota specified: %s", op.value())
		}
		adjust = n - up.left(&base)
	}
	pk.adjust = adjust
	today := now.UTC().Format(dateLayout)
	day, _ := time.Parse(dateLayout, today)
	return Usage{UsagePlanID: up.ID, StartDate: today, EndDate: today,
		Items: map[string][][]int64{pk.key.ID: up.daysOf(pk, day, day)}}, nil
}
