package s3

import (
	"strconv"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// A bucket's lifecycle is one job on the cloud scheduler whatever the
// objects it holds; deleting the configuration or the bucket drops it.
func TestLifecycle_OneSchedulerJobPerBucket(t *testing.T) {
	clk := clock.NewFake(fuzzT0.Add(10 * time.Hour))
	env := cloudenv.ForTest(clk)
	s := New(env)
	env.Attach(s.Describe())
	t.Cleanup(env.Sched.Close)
	ctx := t.Context()
	one, empty := 1, ""
	conf := LifecycleConfiguration{Rules: []LifecycleRule{{ID: "r", Status: "Enabled", Filter: &LifecycleFilter{Prefix: &empty},
		Expiration: &LifecycleExpiration{Days: &one}}}}
	for _, name := range []string{"bucket-a", "bucket-b"} {
		if _, err := s.CreateBucket(ctx, CreateBucketInput{Bucket: name}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.PutBucketLifecycleConfiguration(ctx, PutBucketLifecycleConfigurationInput{Bucket: name, LifecycleConfiguration: conf}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 1000 {
		if _, err := s.PutObject(ctx, PutObjectInput{Bucket: "bucket-a", Key: "k" + strconv.Itoa(i), Body: []byte("x")}); err != nil {
			t.Fatal(err)
		}
		clk.Advance(time.Second)
	}
	if _, err := s.PutObject(ctx, PutObjectInput{Bucket: "bucket-b", Key: "k", Body: []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if n := env.Sched.Pending(); n != 2 {
		t.Fatalf("%d jobs pending, want one per bucket", n)
	}
	if _, err := s.DeleteBucketLifecycle(ctx, DeleteBucketLifecycleInput{Bucket: "bucket-a"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteObject(ctx, DeleteObjectInput{Bucket: "bucket-b", Key: "k"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteBucket(ctx, DeleteBucketInput{Bucket: "bucket-b"}); err != nil {
		t.Fatal(err)
	}
	if n := env.Sched.Pending(); n != 0 {
		t.Fatalf("%d jobs pending after the configuration and the bucket went", n)
	}
}
