package s3

import (
	"testing"
	"time"
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
		clk, serve := fuzzService(t, fuzzT0)
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
