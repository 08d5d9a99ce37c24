package lambda

import (
	"context"
	"encoding/base64"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/awsfake/awsfake/internal/record"
)

// The inspection API: what a test reads of the engine's state (the record
// of invocations, logs, execution environments) and the Check helpers that
// assert on it.

// Invocation records one run of a function, for assertions.
type Invocation struct {
	RequestID    string
	FunctionName string
	// FunctionArn is the ARN as invoked: qualified when the caller named a
	// version or alias.
	FunctionArn     string
	ExecutedVersion string
	// InvocationType is RequestResponse or Event.
	InvocationType string
	// Attempt counts the attempts of an asynchronous event, from 1.
	Attempt  int
	Payload  []byte
	Response []byte // the handler's response, or the error document
	// FunctionError is "" on success, Unhandled on error, panic or timeout.
	FunctionError string
	ColdStart     bool
	TimedOut      bool
	// Start and End are on the cloud's clock.
	Start, End time.Time
}

// Invocations returns a copy of the record of the finished invocations of
// the function name, oldest first: the newest of that function while it
// exists, or with name "" the newest of every function; at most 10,000
// (record.Keep) each, and together with the cloud's other records within
// its byte budget (awsfake.WithRecordBytes, 64 MiB by default), each
// invocation counting its payload and response (twice: the function's
// record and the service's hold it). The last invocation is always kept. Throttled calls never ran and are not recorded.
func (s *Service) Invocations(name string) []Invocation {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Invocation
	f, _ := s.goAPIFunctionLocked(name)
	switch {
	case name == "":
		out = s.records.All()
	case f != nil:
		out = f.records.All()
	}
	for i := range out {
		out[i].Payload = slices.Clone(out[i].Payload)
		out[i].Response = slices.Clone(out[i].Response)
	}
	return out
}

// invocationBytes is what an invocation record is charged to the cloud's
// record budget: its payload and response, plus record.Overhead. An
// invocation is held by the function's record and the service's, and is
// charged to each.
func invocationBytes(r Invocation) int64 {
	return int64(len(r.Payload)+len(r.Response)) + record.Overhead
}

// logBytes is what a log line is charged to the cloud's record budget.
func logBytes(e LogEvent) int64 { return int64(len(e.Message)) + record.Overhead }

// bindRecords charges f's invocation records and log lines to budget.
func (f *function) bindRecords(budget *record.Budget) {
	f.records.Bind(budget, invocationBytes)
	f.logs.Bind(budget, logBytes)
}

// dropRecords returns the bytes of a deleted function's records to the
// budget; the service's record of every function keeps its invocations.
func (f *function) dropRecords() {
	f.records.Drop()
	f.logs.Drop()
}

// recordLocked records a finished invocation of f.
func (s *Service) recordLocked(f *function, r Invocation) {
	s.records.Add(r)
	f.records.Add(r)
}

// LogEvent is one line of a function's log: START, END and REPORT lines and
// what the handler wrote through Logger, with the log group and stream
// CloudWatch Logs would file it under.
type LogEvent struct {
	Timestamp time.Time
	Message   string
	RequestID string
	LogGroup  string
	LogStream string
}

// Logs returns a copy of the log of a function, oldest first: its newest
// lines, at most 10,000 (record.Keep) and within the cloud's record byte
// budget (awsfake.WithRecordBytes).
func (s *Service) Logs(_ context.Context, functionName string) ([]LogEvent, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.goAPIFunctionLocked(functionName)
	if err != nil {
		return nil, err
	}
	return f.logs.All(), nil
}

// logTail is X-Amz-Log-Result: the base64 of the last 4 KB of an
// invocation's log.
func logTail(lines []string) string {
	const limit = 4096
	log := strings.Join(lines, "\n") + "\n"
	if len(log) > limit {
		log = log[len(log)-limit:]
	}
	return base64.StdEncoding.EncodeToString([]byte(log))
}

// LogText joins log events into the text CloudWatch would show, one message
// per line.
func LogText(events []LogEvent) string {
	var b strings.Builder
	for _, e := range events {
		b.WriteString(e.Message)
		b.WriteByte('\n')
	}
	return b.String()
}

// EnvironmentInfo describes one execution environment of a function.
type EnvironmentInfo struct {
	Version     string
	LogStream   string
	Busy        bool
	Provisioned bool
	// LastUsed is when it last finished an event (zero while it runs its
	// first).
	LastUsed time.Time
}

// Environments returns the live execution environments of a function, busy
// ones and idle ones that the clock has not yet retired, ordered by version
// then log stream.
func (s *Service) Environments(_ context.Context, functionName string) ([]EnvironmentInfo, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.goAPIFunctionLocked(functionName)
	if err != nil {
		return nil, err
	}
	var out []EnvironmentInfo
	for v, p := range f.pools {
		p.expire(s.now(), s.idleTimeout)
		for _, group := range [][]*environment{p.busy, p.idle, p.warm} {
			for _, e := range group {
				out = append(out, EnvironmentInfo{Version: v, LogStream: e.stream, Busy: slices.Contains(p.busy, e),
					Provisioned: e.provisioned, LastUsed: e.lastUsed})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Version != out[j].Version {
			return listKey(FunctionConfiguration{Version: out[i].Version}) < listKey(FunctionConfiguration{Version: out[j].Version})
		}
		return out[i].LogStream < out[j].LogStream
	})
	return out, nil
}

// ColdStarts returns how many cold starts a function has had, over all its
// versions.
func (s *Service) ColdStarts(functionName string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.goAPIFunctionLocked(functionName)
	if err != nil {
		return 0
	}
	n := 0
	for _, p := range f.pools {
		n += p.coldStarts
	}
	return n
}

// CheckInvoked fails tb unless the function functionName has run exactly n
// times (the record of Invocations; "" counts every function's), and
// returns those invocations, oldest first. Settle the cloud first when
// the invocations run in the background (Event invocations, SQS pollers,
// SNS and S3 triggers).
func (s *Service) CheckInvoked(tb testing.TB, functionName string, n int) []Invocation {
	tb.Helper()
	got := s.Invocations(functionName)
	if len(got) != n {
		tb.Fatalf("function %q ran %d times, want %d", functionName, len(got), n)
	}
	return got
}

// CheckColdStarts fails tb unless the function functionName has had
// exactly n cold starts over all its versions.
func (s *Service) CheckColdStarts(tb testing.TB, functionName string, n int) {
	tb.Helper()
	if got := s.ColdStarts(functionName); got != n {
		tb.Fatalf("function %q had %d cold starts, want %d", functionName, got, n)
	}
}
