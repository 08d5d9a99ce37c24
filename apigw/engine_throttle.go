package apigw

import (
	"math"
	"time"
)

// bucket is a token bucket of burst tokens refilled at rate tokens a
// second, kept as the generic cell rate algorithm keeps it: one instant
// (tat, the theoretical arrival time of the next request at the steady
// rate) instead of a token count, so that a refill lands exactly on the
// nanosecond AWS's bucket would reach a whole token and nothing runs
// between requests. A request at now passes when tat is at most
// (burst-1)/rate after now; passing moves tat 1/rate later.
type bucket struct {
	rate  float64
	burst int32
	tat   time.Time
}

// interval is the time one token takes to come back: 1/rate, at least a
// nanosecond.
func interval(rate float64) time.Duration {
	d := math.Round(float64(time.Second) / rate)
	if d >= math.MaxInt64 {
		return math.MaxInt64
	}
	return max(time.Duration(d), 1)
}

// allows reports whether a request at now would pass a bucket with these
// limits. A rate or burst of 0 (or less) lets nothing through, as a stage
// throttled to 0 blocks its method. A bucket whose limits changed starts
// full again.
func (b *bucket) allows(now time.Time, t ThrottleSettings) bool {
	if t.RateLimit <= 0 || t.BurstLimit <= 0 || math.IsNaN(t.RateLimit) {
		return false
	}
	tat := b.tat
	if b.rate != t.RateLimit || b.burst != t.BurstLimit || tat.Before(now) {
		tat = now
	}
	// In floating point: (burst-1)/rate may be past what a Duration holds.
	return float64(tat.Sub(now)) <= float64(t.BurstLimit-1)*float64(interval(t.RateLimit))
}

// take spends a token of a bucket that allows the request.
func (b *bucket) take(now time.Time, t ThrottleSettings) {
	if b.rate != t.RateLimit || b.burst != t.BurstLimit || b.tat.Before(now) {
		b.rate, b.burst, b.tat = t.RateLimit, t.BurstLimit, now
	}
	b.tat = b.tat.Add(interval(t.RateLimit))
}

// accountThrottle is the account-level limit of a Region: "10,000 RPS,
// burst 5,000" (reference/limits.md, the API Gateway quotas page). AWS
// raises it on a quota request, not through the API (UpdateAccount has
// no such path); SetAccountThrottle stands for that request.
var accountThrottle = ThrottleSettings{RateLimit: 10000, BurstLimit: 5000}

// periodStart is the start of the quota period holding t, in UTC: the
// day's midnight, the week's Sunday midnight, the month's first
// midnight. AWS counts a DAY from UTC midnight; it does not document the
// first day of a WEEK, and Sunday is the one this fake uses (doc.go).
func periodStart(t time.Time, period string) time.Time {
	t = t.UTC()
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	switch period {
	case "WEEK":
		return day.AddDate(0, 0, -int(day.Weekday()))
	case "MONTH":
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return day
}

// dayNumber is t's UTC day counted from the epoch: the key of daily usage.
func dayNumber(t time.Time) int64 { return t.Unix() / 86400 }

// usageDays is how many days of daily counts a key keeps: GetUsage
// answers at most this many days back.
const usageDays = 90

// planKey is one API key in one usage plan: its throttle buckets, its
// count in the current quota period and its daily counts.
type planKey struct {
	key     *apiKey
	bucket  bucket                  // the plan's throttle, per key
	methods map[stageMethod]*bucket // the apiStages' per-method throttles
	period  time.Time               // the start of the quota period counted
	used    int64                   // requests in that period
	adjust  int64                   // what UpdateUsage granted (or took) in that period
	daily   map[int64]int64         // requests by dayNumber, the last usageDays days
}

// roll brings the quota count to the period holding now: a new period
// starts from nothing.
func (pk *planKey) roll(now time.Time, q *QuotaSettings) {
	if q == nil {
		return
	}
	if p := periodStart(now, q.Period); !p.Equal(pk.period) {
		pk.period, pk.used, pk.adjust = p, 0, 0
	}
}

// left is what is left of the quota in pk's current period (negative
// when a lowered limit is overspent): the limit, less the offset in the
// period the quota was set in, less the requests counted, plus what
// UpdateUsage granted.
func (up *usagePlan) left(pk *planKey) int64 {
	q := up.Quota
	left := int64(q.Limit) - pk.used + pk.adjust
	if pk.period.Equal(periodStart(up.quotaSince, q.Period)) {
		left -= int64(q.Offset)
	}
	return left
}

// count records one request of pk at now: the period's count and the day's.
func (pk *planKey) count(now time.Time) {
	pk.used++
	d := dayNumber(now)
	if pk.daily == nil {
		pk.daily = map[int64]int64{}
	}
	if _, ok := pk.daily[d]; !ok {
		for old := range pk.daily {
			if old <= d-usageDays {
				delete(pk.daily, old)
			}
		}
	}
	pk.daily[d]++
}

// verdict is what metering decided for a request.
type verdict int

const (
	admitted verdict = iota
	throttled
	overQuota
)

// admission is what one request is metered against: the usage plan and
// key (none for a method that needs no API key), the per-method key of
// the plan's stage throttle, and the stage's method throttle, if any.
type admission struct {
	plan     *usagePlan
	pk       *planKey
	stageKey stageMethod // its method is "{path}/{METHOD}", the key of ApiStage.Throttle
	stage    *ThrottleSettings
}

// stageMethod names a method of a deployed stage: its throttle bucket.
type stageMethod struct{ api, stage, method string }

// admit meters a request at now against every limit that applies, in
// AWS's order (the usage plan's per-method or per-key throttle, the
// stage's method throttle, the account's), then the plan's quota. A
// request refused by one limit spends nothing of the others; one admitted
// spends a token of each and counts against the quota. Each step is a map
// lookup: the cost does not grow with the number of keys.
func (u *usageState) admit(now time.Time, a admission) verdict {
	type limit struct {
		b *bucket
		t ThrottleSettings
	}
	var room [3]limit
	limits := room[:0]
	if a.pk != nil {
		if st, ok := a.plan.stage(a.stageKey.api, a.stageKey.stage); ok {
			if t, ok := st.Throttle[a.stageKey.method]; ok {
				b := a.pk.methods[a.stageKey]
				if b == nil {
					b = &bucket{}
					if a.pk.methods == nil {
						a.pk.methods = map[stageMethod]*bucket{}
					}
					a.pk.methods[a.stageKey] = b
				}
				limits = append(limits, limit{b, t})
			}
		}
		if len(limits) == 0 && a.plan.Throttle != nil {
			limits = append(limits, limit{&a.pk.bucket, *a.plan.Throttle})
		}
	}
	if a.stage != nil {
		b := u.stages[a.stageKey]
		if b == nil {
			b = &bucket{}
			if u.stages == nil {
				u.stages = map[stageMethod]*bucket{}
			}
			u.stages[a.stageKey] = b
		}
		limits = append(limits, limit{b, *a.stage})
	}
	account := accountThrottle
	if u.accountLimit != nil {
		account = *u.accountLimit
	}
	limits = append(limits, limit{&u.account, account})
	for _, l := range limits {
		if !l.b.allows(now, l.t) {
			return throttled
		}
	}
	if a.pk != nil && a.plan.Quota != nil {
		a.pk.roll(now, a.plan.Quota)
		if a.plan.left(a.pk) <= 0 {
			return overQuota
		}
	}
	for _, l := range limits {
		l.b.take(now, l.t)
	}
	if a.pk != nil {
		a.pk.count(now)
	}
	return admitted
}
