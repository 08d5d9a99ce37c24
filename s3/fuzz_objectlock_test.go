package s3

import (
	"testing"
	"time"
)

// FuzzObjectLock sends arbitrary Object Lock documents (a bucket's
// configuration, a version's retention and legal hold) and lock headers
// on PutObject and DeleteObject to a lock-enabled bucket, then reads the
// object and lets the clock run: no answer may be a 5xx.
func FuzzObjectLock(f *testing.F) {
	f.Add("<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Days>1</Days></DefaultRetention></Rule></ObjectLockConfiguration>",
		"<Retention><Mode>COMPLIANCE</Mode><RetainUntilDate>2030-01-02T00:00:00Z</RetainUntilDate></Retention>",
		"<LegalHold><Status>ON</Status></LegalHold>", "GOVERNANCE", "2030-01-01T01:00:00Z", "OFF", "true")
	f.Add("<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Years>99999999999</Years></DefaultRetention></Rule></ObjectLockConfiguration>",
		"<Retention/>", "<LegalHold/>", "BAD", "yesterday", "MAYBE", "false")
	f.Add("", "", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, config, retention, hold, mode, until, legal, bypass string) {
		clk, serve := fuzzService(t, fuzzT0)
		serve("PUT", "/", "", map[string]string{"x-amz-bucket-object-lock-enabled": "true"})
		serve("PUT", "/?object-lock", config, nil)
		serve("GET", "/?object-lock", "", nil)
		serve("PUT", "/k", "data", map[string]string{"Content-MD5": "jXd/OF09/siBXSD3SWAm3A==",
			"x-amz-object-lock-mode": mode, "x-amz-object-lock-retain-until-date": until, "x-amz-object-lock-legal-hold": legal})
		serve("PUT", "/k", "data", nil)
		serve("PUT", "/k?retention", retention, map[string]string{"x-amz-bypass-governance-retention": bypass})
		serve("PUT", "/k?legal-hold", hold, nil)
		serve("GET", "/k?retention", "", nil)
		serve("GET", "/k?legal-hold", "", nil)
		serve("HEAD", "/k", "", nil)
		clk.Advance(48 * time.Hour)
		serve("DELETE", "/k", "", map[string]string{"x-amz-bypass-governance-retention": bypass})
		serve("GET", "/?versions", "", nil)
	})
}
