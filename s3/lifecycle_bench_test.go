package s3

import (
	"strconv"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// lifecycleBench returns a service on a fake clock with bucket bkt, under
// a one-day expiry rule when withRule is set.
func lifecycleBench(b *testing.B, withRule bool) (*Service, *clock.Fake) {
	clk := clock.NewFake(fuzzT0.Add(10 * time.Hour))
	env := cloudenv.ForTest(clk)
	s := New(env)
	env.Attach(s.Describe())
	b.Cleanup(env.Sched.Close)
	if _, err := s.CreateBucket(b.Context(), CreateBucketInput{Bucket: "bkt"}); err != nil {
		b.Fatal(err)
	}
	if withRule {
		one, empty := 1, ""
		_, err := s.PutBucketLifecycleConfiguration(b.Context(), PutBucketLifecycleConfigurationInput{Bucket: "bkt",
			LifecycleConfiguration: LifecycleConfiguration{Rules: []LifecycleRule{{ID: "r", Status: "Enabled",
				Filter: &LifecycleFilter{Prefix: &empty}, Expiration: &LifecycleExpiration{Days: &one}}}}})
		if err != nil {
			b.Fatal(err)
		}
	}
	return s, clk
}

// BenchmarkLifecycle_PutObject is the cost a lifecycle configuration adds
// to a write (its key's actions, the job moved when due earlier).
func BenchmarkLifecycle_PutObject(b *testing.B) {
	for _, withRule := range []bool{false, true} {
		b.Run("rule="+strconv.FormatBool(withRule), func(b *testing.B) {
			s, _ := lifecycleBench(b, withRule)
			body := []byte("data")
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if _, err := s.PutObject(b.Context(), PutObjectInput{Bucket: "bkt", Key: "k" + strconv.Itoa(i%1000), Body: body}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLifecycle_Run is one daily run expiring 10,000 objects: the
// walk of the bucket, the deletions and the next run armed.
func BenchmarkLifecycle_Run(b *testing.B) {
	const objects = 10000
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		s, clk := lifecycleBench(b, true)
		for i := range objects {
			if _, err := s.PutObject(b.Context(), PutObjectInput{Bucket: "bkt", Key: "k" + strconv.Itoa(i), Body: []byte("x")}); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		clk.Advance(48 * time.Hour)
		b.StopTimer()
		if n := s.buckets[bucketKey{"aws", "bkt"}].all.Len(); n != 0 {
			b.Fatalf("%d objects left", n)
		}
		b.StartTimer()
	}
}
