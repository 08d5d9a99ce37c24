package s3

import (
	"strings"
	"testing"
	"time"
)

// FuzzLifecycleConfiguration puts arbitrary lifecycle documents (and
// TransitionDefaultMinimumObjectSize headers) on a versioned bucket
// holding an object and an upload, then reads the configuration back,
// lets the clock run the rules for days and reads the objects: no answer
// may be a 5xx, and a run must not panic.
func FuzzLifecycleConfiguration(f *testing.F) {
	rule := `<LifecycleConfiguration><Rule><ID>r</ID><Filter>%s</Filter><Status>Enabled</Status>%s</Rule></LifecycleConfiguration>`
	for _, seed := range [][2]string{
		{"<Prefix></Prefix>", "<Expiration><Days>1</Days></Expiration>"},
		{"", "<Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration><NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays><NewerNoncurrentVersions>1</NewerNoncurrentVersions></NoncurrentVersionExpiration>"},
		{"<And><Prefix>k</Prefix><Tag><Key>a</Key><Value>b</Value></Tag><ObjectSizeLessThan>9</ObjectSizeLessThan></And>", "<Transition><Days>0</Days><StorageClass>GLACIER</StorageClass></Transition>"},
		{"<ObjectSizeGreaterThan>-1</ObjectSizeGreaterThan>", "<Expiration><Date>2030-01-02T00:00:00Z</Date></Expiration><AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation></AbortIncompleteMultipartUpload>"},
		{"<Tag><Key>a</Key></Tag>", "<NoncurrentVersionTransition><NoncurrentDays>1</NoncurrentDays><StorageClass>DEEP_ARCHIVE</StorageClass></NoncurrentVersionTransition>"},
	} {
		f.Add(strings.Replace(strings.Replace(rule, "%s", seed[0], 1), "%s", seed[1], 1), "")
	}
	f.Add("<LifecycleConfiguration><Rule><Prefix>x</Prefix><Status>Disabled</Status><Expiration><Days>99999999999</Days></Expiration></Rule></LifecycleConfiguration>", "varies_by_storage_class")
	f.Add("<LifecycleConfiguration>", "x")
	f.Fuzz(func(t *testing.T, doc, minSize string) {
		clk, serve := fuzzService(t, fuzzT0.Add(10*time.Hour))
		serve("PUT", "/", "", nil)
		serve("PUT", "/?versioning", "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>", nil)
		serve("PUT", "/k", "data", map[string]string{"x-amz-tagging": "a=b"})
		serve("PUT", "/k", "more data", nil)
		serve("POST", "/k?uploads", "", nil)
		serve("PUT", "/?lifecycle", doc, map[string]string{transitionSizeHeader: minSize})
		serve("GET", "/?lifecycle", "", nil)
		serve("HEAD", "/k", "", nil)
		for range 4 {
			clk.Advance(24 * time.Hour)
		}
		serve("GET", "/k", "", nil)
		serve("GET", "/?versions", "", nil)
		serve("DELETE", "/?lifecycle", "", nil)
	})
}
