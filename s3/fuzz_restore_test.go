package s3

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// FuzzRestoreObject sends arbitrary RestoreRequest documents for an
// object of an arbitrary storage class, twice, then lets the clock run the
// restore and reads the object: no answer may be a 5xx.
func FuzzRestoreObject(f *testing.F) {
	f.Add("GLACIER", "<RestoreRequest><Days>1</Days><GlacierJobParameters><Tier>Expedited</Tier></GlacierJobParameters></RestoreRequest>")
	f.Add("DEEP_ARCHIVE", "<RestoreRequest><Days>99999999</Days><GlacierJobParameters><Tier>Expedited</Tier></GlacierJobParameters></RestoreRequest>")
	f.Add("STANDARD", "<RestoreRequest><Days>-1</Days></RestoreRequest>")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, class, doc string) {
		clk := clock.NewFake(fuzzT0)
		env := cloudenv.ForTest(clk)
		s := New(env)
		env.Attach(s.Describe())
		t.Cleanup(env.Sched.Close)
		serve := func(method, target, body string, h map[string]string) {
			req := httptest.NewRequest(method, "http://bkt.awsfake.localhost"+target, strings.NewReader(body))
			for k, v := range h {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("%s %s: status %d: %s", method, target, rec.Code, rec.Body.String())
			}
		}
		serve("PUT", "/", "", nil)
		serve("PUT", "/k", "data", map[string]string{"x-amz-storage-class": class})
		serve("POST", "/k?restore", doc, nil)
		serve("POST", "/k?restore", doc, nil)
		serve("HEAD", "/k", "", nil)
		clk.Advance(72 * time.Hour)
		serve("POST", "/k?restore", doc, nil)
		serve("GET", "/k", "", nil)
	})
}
