package xray

import "time"

// SamplingInterval is how often a tracer reports its statistics and asks
// for its targets: the Interval of every target document (10 s).
const SamplingInterval = 10 * time.Second

// samplingRule is a rule and what the fake counts of it.
type samplingRule struct {
	rule              SamplingRule
	created, modified time.Time
	second            int64                // the second of the clock the reservoir counts
	used              int32                // reservoir draws in that second
	clients           map[string]time.Time // tracer client ids, by last report
	stats             SamplingStatisticSummary
}

// take draws one request from the rule: the reservoir first, refilled
// every second of the clock, then the fixed rate with draw in [0, 1).
func (r *samplingRule) take(now time.Time, draw float64) bool {
	r.stats.RequestCount++
	if sec := now.Unix(); sec != r.second {
		r.second, r.used = sec, 0
	}
	sampled := false
	if r.used < r.rule.ReservoirSize {
		r.used++
		sampled = true
	} else if draw < r.rule.FixedRate {
		sampled = true
	}
	if sampled {
		r.stats.SampledCount++
	}
	return sampled
}

// quota is the reservoir share of client: the reservoir split between the
// clients that reported within the last interval.
func (r *samplingRule) quota(client string, now time.Time) int32 {
	r.clients[client] = now
	n := int32(0)
	for c, at := range r.clients {
		if now.Sub(at) < SamplingInterval {
			n++
		} else {
			delete(r.clients, c)
		}
	}
	return r.rule.ReservoirSize / max(n, 1)
}

// matchRequest reports whether the rule applies to a request: each
// property a glob (* any run, ? one character).
func (r *samplingRule) matchRequest(q SamplingRequest) bool {
	for _, c := range [][2]string{{r.rule.ServiceName, q.ServiceName}, {r.rule.ServiceType, q.ServiceType},
		{r.rule.Host, q.Host}, {r.rule.HTTPMethod, q.HTTPMethod}, {r.rule.URLPath, q.URLPath},
		{r.rule.ResourceARN, q.ResourceARN}} {
		if !glob(c[0], c[1]) {
			return false
		}
	}
	for k, v := range r.rule.Attributes {
		if !glob(v, q.Attributes[k]) {
			return false
		}
	}
	return true
}

// glob matches X-Ray's wildcards: * any run of characters, ? one. It is
// the greedy two-pointer match, linear in practice.
func glob(p, s string) bool {
	pi, si, star, mark := 0, 0, -1, 0
	for si < len(s) {
		switch {
		case pi < len(p) && (p[pi] == '?' || p[pi] == s[si]):
			pi++
			si++
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, si
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}
