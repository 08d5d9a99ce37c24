package apigw

import (
	"net/http"
	"time"
)

// bucket is a token bucket of a route's throttling, refilled lazily: its
// tokens as of at.
type bucket struct {
	tokens float64
	at     time.Time
}

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
	capacity, perSec := float64(5000), float64(10000)
	if burst != nil {
		capacity = float64(*burst)
	}
	if rate != nil {
		perSec = *rate
	}
	now := s.env.Clock.Now()
	key := x.stage.StageName + " " + x.route.RouteKey
	b := a.buckets[key]
	if b == nil {
		b = &bucket{tokens: capacity, at: now}
		a.buckets[key] = b
	}
	if el := now.Sub(b.at).Seconds(); el > 0 {
		b.tokens = min(capacity, b.tokens+el*perSec)
	}
	b.at = now
	if b.tokens < 1 {
		return hError(http.StatusTooManyRequests, "Too Many Requests"), true
	}
	b.tokens--
	return response{}, false
}
