package bench_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/sqs"
	"github.com/awsfake/awsfake/sts"
)

// liveHeap is the heap in use after a collection, in MiB.
func liveHeap() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// BenchmarkHeapAfterSTSSessions issues b.N 15-minute sessions, one a second
// on a fake clock, and reports the live heap: expired keys are compacted,
// then forgotten a day after their expiry, so it stays flat past a day's
// worth (86,400). Run with -benchtime 100000x and 1000000x to compare.
func BenchmarkHeapAfterSTSSessions(b *testing.B) {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	ctx := context.Background()
	in := sts.AssumeRoleInput{RoleArn: "arn:aws:iam::000000000000:role/r", RoleSessionName: "s1", DurationSeconds: ptr(int32(900))}
	for b.Loop() {
		clk.Advance(time.Second)
		if _, err := cloud.STS().AssumeRole(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(liveHeap(), "MiB-heap")
}

// BenchmarkHeapAfterUniqueQueueNames creates and deletes b.N queues of
// unique names, one a second on a fake clock, and reports the live heap: no
// record of every name ever used is kept (QueueDeletedRecently remembers a
// name for 60 s), so it stays flat.
func BenchmarkHeapAfterUniqueQueueNames(b *testing.B) {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	ctx := context.Background()
	i := 0
	for b.Loop() {
		i++
		clk.Advance(time.Second)
		out, err := cloud.SQS().CreateQueue(ctx, sqs.CreateQueueInput{QueueName: fmt.Sprint("q-", i)})
		if err != nil {
			b.Fatal(err)
		}
		if err := cloud.SQS().DeleteQueue(ctx, sqs.DeleteQueueInput{QueueUrl: out.QueueUrl}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(liveHeap(), "MiB-heap")
}

func ptr[T any](v T) *T { return &v }
