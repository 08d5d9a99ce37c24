package lambda

import (
	"context"
	"encoding/base64"
	"slices"
	"strings"
	"time"
)

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
// the function name, oldest first: the last 10,000 (record.Keep) of that
// function while it exists, or with name "" the last 10,000 of every
// function. Throttled calls never ran and are not recorded.
func (s *Service) Invocations(name string) []Invocation {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Invocation
	switch f := s.functions[name]; {
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

// Logs returns a copy of the log of a function, oldest first: its last
// 10,000 lines (record.Keep).
func (s *Service) Logs(_ context.Context, functionName string) ([]LogEvent, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.functionNamedLocked(functionName)
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
