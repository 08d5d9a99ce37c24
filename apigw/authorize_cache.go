package apigw

import (
	"context"
	"time"
)

// cacheKey names one cached authorizer result: per stage, authorizer and
// identity (the identity sources' values).
type cacheKey struct{ apiID, stage, authorizerID, identity string }

// cachedResult is a result and the instant it stops being served.
type cachedResult struct {
	res     authResult
	expires time.Time
}

// maxCachedResults bounds the cache: past it, an insert sweeps the
// expired results, once the earliest expiry has come (before it there is
// nothing to sweep, so a cache full of live results costs no scan per
// insert).
const maxCachedResults = 10000

// cached returns the result cached for key when its TTL has not run out on
// the cloud's clock: a result cached at t is served until t+TTL, not at
// it. ttl 0 turns caching off.
func (s *Service) cached(key cacheKey, ttl time.Duration) (authResult, bool) {
	if ttl <= 0 {
		return authResult{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.authCache[key]
	if !ok || !s.env.Clock.Now().Before(c.expires) {
		return authResult{}, false
	}
	return c.res, true
}

// remember caches res for key for ttl.
func (s *Service) remember(key cacheKey, ttl time.Duration, res authResult) {
	if ttl <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.env.Clock.Now()
	if s.authCache == nil {
		s.authCache = map[cacheKey]cachedResult{}
	}
	if len(s.authCache) >= maxCachedResults && !now.Before(s.authSweep) {
		s.authSweep = time.Time{}
		for k, c := range s.authCache {
			if !now.Before(c.expires) {
				delete(s.authCache, k)
			} else {
				s.noteExpiryLocked(c.expires)
			}
		}
	}
	expires := now.Add(ttl)
	s.authCache[key] = cachedResult{res: res, expires: expires}
	s.noteExpiryLocked(expires)
}

// noteExpiryLocked keeps authSweep the earliest expiry in the cache.
func (s *Service) noteExpiryLocked(t time.Time) {
	if s.authSweep.IsZero() || t.Before(s.authSweep) {
		s.authSweep = t
	}
}

// flushAuthorizersCacheLocked drops the cached authorizer results of a
// stage, as FlushStageAuthorizersCache does.
func (s *Service) flushAuthorizersCacheLocked(apiID, stage string) {
	for k := range s.authCache {
		if k.apiID == apiID && k.stage == stage {
			delete(s.authCache, k)
		}
	}
}

// FlushStageAuthorizersCache drops the authorizer results cached for a
// stage: the next request of each identity calls its authorizer again.
func (s *Service) FlushStageAuthorizersCache(ctx context.Context, in StageRef) error {
	sc, err := s.enter(ctx, "FlushStageAuthorizersCache")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return err
	}
	if a.stages[in.StageName] == nil {
		return errStageNotFound()
	}
	s.flushAuthorizersCacheLocked(a.ID, in.StageName)
	return nil
}
