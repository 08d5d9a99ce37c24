package apigw

import "net/http"

// throttleLocked takes a token from the bucket of x's route in its stage
// (the route's settings, else the stage's defaults); with neither limit
// set the route is not throttled. An empty bucket answers 429.
func (s *Service) throttleLocked(a *hAPI, x *hExchange) (response, bool) {
	rs := x.stage.RouteSettings[x.route.RouteKey]
	def := x.stage.DefaultRouteSettings
	burst, rate := rs.ThrottlingBurstLimit, rs.ThrottlingRateLimit
	if def != nil {
		if burst == nil {
			burst = def.ThrottlingBurstLimit
		}
		if rate == nil {
			rate = def.ThrottlingRateLimit
		}
	}
	if burst == nil && rate == nil {
		return response{}, false
	}
	limits := accountThrottle // what a route leaves unset
	if burst != nil {
		limits.BurstLimit = *burst
	}
	if rate != nil {
		limits.RateLimit = *rate
	}
	now := s.env.Clock.Now()
	key := x.stage.StageName + " " + x.route.RouteKey
	b := a.buckets[key]
	if b == nil {
		b = &bucket{}
		a.buckets[key] = b
	}
	if !b.allows(now, limits) {
		return hError(http.StatusTooManyRequests, "Too Many Requests"), true
	}
	b.take(now, limits)
	return response{}, false
}
