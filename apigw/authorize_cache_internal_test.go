package apigw

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// A full cache of live results is not swept on each insert; once its
// earliest result expires (at cached-at + TTL exactly), the next insert
// sweeps the expired ones.
func TestAuthCache_SweepsOnlyOnceSomethingExpired(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	s := New(cloudenv.ForTest(clk))
	key := func(i int) cacheKey {
		return cacheKey{apiID: "a", stage: "s", authorizerID: "z", identity: strconv.Itoa(i)}
	}
	s.remember(key(0), time.Minute, authResult{}) // the earliest to expire
	clk.Advance(time.Second)
	for i := 1; i < maxCachedResults; i++ {
		s.remember(key(i), time.Hour, authResult{})
	}
	s.remember(key(maxCachedResults), time.Hour, authResult{})
	assert.Len(t, s.authCache, maxCachedResults+1, "nothing expired: nothing swept")
	assert.Equal(t, clk.Now().Add(-time.Second).Add(time.Minute), s.authSweep)

	clk.Advance(time.Minute - time.Second - time.Nanosecond) // just before key 0 expires
	s.remember(key(-1), time.Hour, authResult{})
	assert.Len(t, s.authCache, maxCachedResults+2)
	clk.Advance(time.Nanosecond) // exactly at its expiry
	s.remember(key(-2), time.Hour, authResult{})
	assert.Len(t, s.authCache, maxCachedResults+2, "key 0 swept, key -2 added")
	_, ok := s.authCache[key(0)]
	assert.False(t, ok)
	assert.Equal(t, time.Date(2026, 1, 2, 4, 4, 6, 0, time.UTC), s.authSweep, "the earliest left: key 1's hour")
}
