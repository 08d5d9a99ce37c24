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

// Invocations returns a copy of the record of every finished invocation of
// the function name ("" for every function), oldest first. Throttled calls
// never ran and are not recorded.
func (s *Service) Invocations(name string) []Invocation {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Invocation
	for _, r := range s.records {
		if name == "" || r.FunctionName == name {
			r.Payload = slices.Clone(r.Payload)
			r.Response = slices.Clone(r.Response)
			out = append(out, r)
		}
	}
	return out
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

// Logs returns a copy of the log of a function, oldest first.
func (s *Service) Logs(_ context.Context, functionName string) ([]LogEvent, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.functionNamedLocked(functionName)
	if err != nil {
		return nil, err
	}
	return slices.Clone(f.logs), nil
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
