package faults_test

import (
	"testing"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
)

// BenchmarkEnter is what every operation of every service pays: record the
// call, find no fault.
func BenchmarkEnter(b *testing.B) {
	in := faults.New[struct{}](faults.NewOperations("svc", "Put", "Get"), clock.Real(), testScope)
	in.Inject("Get", awserr.New("A", 400, "a"), 0)
	b.ReportAllocs()
	for b.Loop() {
		if err := enter(in, "Put", struct{}{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEnter_Injected fails every call with an injected fault.
func BenchmarkEnter_Injected(b *testing.B) {
	in := faults.New[struct{}](faults.NewOperations("svc", "Put"), clock.Real(), testScope)
	in.Inject("Put", awserr.New("A", 400, "a"), 0)
	b.ReportAllocs()
	for b.Loop() {
		if enter(in, "Put", struct{}{}) == nil {
			b.Fatal("no fault")
		}
	}
}

// BenchmarkEnter_Parallel is many goroutines calling one service.
func BenchmarkEnter_Parallel(b *testing.B) {
	in := faults.New[struct{}](faults.NewOperations("svc", "Put"), clock.Real(), testScope)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			_ = enter(in, "Put", struct{}{})
		}
	})
}
