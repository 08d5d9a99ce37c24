package s3

import (
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/ids"
	"github.com/awsfake/awsfake/internal/record"
)

// newTestService returns a service on a fake clock and a bus of its own.
func newTestService() *Service {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	return New(&cloudenv.Env{
		Clock: clk, Bus: bus.New(clk), IDs: ids.New(1), Region: "us-east-1", AccountID: "000000000000",
		URL: "http://awsfake.localhost", Host: "awsfake.localhost",
	})
}

func TestCalls_KeepTheLastTenThousand(t *testing.T) {
	s := newTestService()
	for range 2*record.Keep + 5 {
		_, _ = s.HeadBucket(t.Context(), HeadBucketInput{Bucket: "nope"})
	}
	n := len(s.Calls())
	if n != record.Keep {
		t.Fatalf("%d calls recorded, want the last %d", n, record.Keep)
	}
}
