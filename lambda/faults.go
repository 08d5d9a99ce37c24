package lambda

import (
	"context"
	"time"
)

// faults is the fault injection set on a function.
type faults struct {
	failNext int
	latency  time.Duration
}

// fault is what is injected into one invocation.
type fault struct {
	fail    bool
	latency time.Duration
}

func (f *faults) next() fault {
	out := fault{latency: f.latency}
	if f.failNext > 0 {
		f.failNext--
		out.fail = true
	}
	return out
}

// FailNextInvocations makes the next n invocations of a function (any
// version) fail as an unhandled function error, with the error document
// {"errorMessage":"awsfake: injected failure","errorType":"InjectedFailure"},
// without calling the handler. They run through the whole invocation path:
// logs, records, asynchronous retries and destinations.
func (s *Service) FailNextInvocations(_ context.Context, functionName string, n int) error {
	return s.withFaults(functionName, func(f *faults) { f.failNext = n })
}

// SetLatency makes every later invocation of a function wait d on the cloud's
// clock before its handler runs; the wait counts against the timeout, so a
// latency at or over the timeout makes invocations time out. Zero removes it.
func (s *Service) SetLatency(_ context.Context, functionName string, d time.Duration) error {
	return s.withFaults(functionName, func(f *faults) { f.latency = d })
}

func (s *Service) withFaults(functionName string, set func(*faults)) error {
	r, err := s.parseUnqualified("functionName", functionName)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.lookupLocked(r)
	if err != nil {
		return err
	}
	set(&f.faults)
	return nil
}
