package creds_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/creds"
)

var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

func TestStore_KeysExpireThenAreForgotten(t *testing.T) {
	s := creds.New()
	p := creds.Principal{Account: "111111111111", ARN: "arn:aws:sts::111111111111:assumed-role/r/s", Expires: t0.Add(time.Hour)}
	s.Put("ASIA1", p, t0)
	got, st := s.Lookup("ASIA1", t0.Add(time.Hour-time.Nanosecond))
	assert.Equal(t, creds.Valid, st, "just before expiry")
	assert.Equal(t, p, got)
	got, st = s.Lookup("ASIA1", t0.Add(time.Hour))
	assert.Equal(t, creds.Expired, st, "exactly at expiry")
	assert.Equal(t, creds.Principal{Account: "111111111111", Expires: p.Expires}, got, "only the account and expiry are kept")

	s.Put("ASIA2", creds.Principal{Account: "0", Expires: t0.Add(48 * time.Hour)}, t0.Add(2*time.Hour))
	live, compacted := s.Len()
	assert.Equal(t, 1, live, "the expired key was compacted by the next Put")
	assert.Equal(t, 1, compacted)
	_, st = s.Lookup("ASIA1", t0.Add(time.Hour+creds.Retention-time.Nanosecond))
	assert.Equal(t, creds.Expired, st, "just before the retention ends")
	_, st = s.Lookup("ASIA1", t0.Add(time.Hour+creds.Retention))
	assert.Equal(t, creds.Unknown, st, "at the end of the retention it is forgotten")
	s.Put("ASIA3", creds.Principal{Account: "0", Expires: t0.Add(72 * time.Hour)}, t0.Add(time.Hour+creds.Retention))
	_, compacted = s.Len()
	assert.Equal(t, 0, compacted, "and dropped from memory by the next Put")
}

func TestStore_LongTermKeysNeverExpire(t *testing.T) {
	s := creds.New()
	s.Put("AKIA1", creds.Principal{Account: "1"}, t0)
	_, st := s.Lookup("AKIA1", t0.Add(100*365*24*time.Hour))
	assert.Equal(t, creds.Valid, st)
	_, st = s.Lookup("AKIA-unknown", t0)
	assert.Equal(t, creds.Unknown, st)
}

// A million short sessions leave at most a day's worth behind.
func TestStore_MemoryStaysBounded(t *testing.T) {
	s := creds.New()
	now := t0
	for i := range 100_000 {
		now = now.Add(time.Second)
		s.Put(fmt.Sprint("ASIA", i), creds.Principal{Account: "1", ARN: "arn", Expires: now.Add(15 * time.Minute)}, now)
	}
	live, compacted := s.Len()
	assert.LessOrEqual(t, live, 15*60+1)
	assert.LessOrEqual(t, compacted, int(creds.Retention/time.Second)+1)
}

func TestAccountOf_TwelveDigitKeysAreTheirAccount(t *testing.T) {
	assert.Equal(t, "111111111111", creds.AccountOf("111111111111", "000000000000"))
	assert.Equal(t, "000000000000", creds.AccountOf("AKIAAWSFAKETESTKEY00", "000000000000"))
	assert.Equal(t, "000000000000", creds.AccountOf("1111111111112", "000000000000"))
}

// A long-term key deleted (an IAM user's) is unknown at once; Delete
// leaves a temporary key alone, which expires as issued.
func TestStore_DeleteForgetsALongTermKey(t *testing.T) {
	s := creds.New()
	s.Put("AKIA1", creds.Principal{Account: "111111111111", ARN: "arn:aws:iam::111111111111:user/u", Kind: creds.IAMUser}, t0)
	s.Put("ASIA1", creds.Principal{Account: "111111111111", Expires: t0.Add(time.Hour)}, t0)
	s.Delete("AKIA1")
	s.Delete("ASIA1")
	_, st := s.Lookup("AKIA1", t0)
	assert.Equal(t, creds.Unknown, st)
	_, st = s.Lookup("ASIA1", t0)
	assert.Equal(t, creds.Valid, st)
}
