package apigw

import (
	"strings"

	"fmt"
	"strconv"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
)

// LogLine is one line API Gateway writes for a stage: an execution log
// line (in API-Gateway-Execution-Logs_{restApiId}/{stage}) or an access
// log line (to the stage's accessLogSettings destination), with its time
// on the cloud's clock. A canary request's lines are written twice, the
// second time to the group's name with /Canary appended (canary.go).
type LogLine struct {
	At      time.Time
	Group   string // the log group: the execution log group, or the access log destination ARN
	Message string
}

// logKey names a stage's logs.
type logKey struct{ apiID, stage string }

// maxLogLines bounds each stage's kept lines: the newest are kept.
const maxLogLines = 10000

// ExecutionLogs returns the execution log lines of a stage, oldest first:
// written for each invocation while the stage's */* method setting has
// logging at INFO (every step) or ERROR (failures only).
func (s *Service) ExecutionLogs(restAPIID, stage string) []LogLine {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]LogLine(nil), s.execLogs[logKey{restAPIID, stage}]...)
}

// AccessLogs returns the access log lines of a stage, oldest first: one per
// invocation while the stage has an accessLogSettings format, with its
// $context variables filled in.
func (s *Service) AccessLogs(restAPIID, stage string) []LogLine {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]LogLine(nil), s.accessLogs[logKey{restAPIID, stage}]...)
}

func appendLine(m map[logKey][]LogLine, k logKey, l LogLine) {
	lines := append(m[k], l)
	if len(lines) > maxLogLines {
		lines = lines[len(lines)-maxLogLines:]
	}
	m[k] = lines
}

// LogSink is where a stage's log lines go besides the stage's own record:
// CloudWatch Logs, which stores them in the group groupARN names and its
// stream, creating both when missing.
type LogSink interface {
	AppendLines(groupARN, stream string, lines []bus.LogLine) error
}

// SetLogSink connects the stages' access and execution logs to CloudWatch
// Logs. Plumbing for the root package: the cloud wires it to its Logs
// service.
func (s *Service) SetLogSink(l LogSink) {
	s.mu.Lock()
	s.logSink = l
	s.mu.Unlock()
}

// sunkLines are the lines of one stream of one invocation for the log
// sink.
type sunkLines struct {
	group, stream string
	lines         []bus.LogLine
}

// sinkLocked keeps one line of x for CloudWatch Logs; flushLogs hands them
// over once s.mu is released (no other service is called under the lock),
// by direct calls, no bus post (issue 15). The stream AWS names is not
// documented: access logs go to the stream "access", execution logs to one
// named after the request.
func (s *Service) sinkLocked(x *exchange, groupARN, stream string, l LogLine) {
	if s.logSink == nil || groupARN == "" {
		return
	}
	groupARN = strings.TrimSuffix(groupARN, ":*")
	line := bus.LogLine{Timestamp: l.At.UnixMilli(), Message: l.Message}
	if n := len(x.sunk); n > 0 && x.sunk[n-1].group == groupARN && x.sunk[n-1].stream == stream {
		x.sunk[n-1].lines = append(x.sunk[n-1].lines, line)
		return
	}
	x.sunk = append(x.sunk, sunkLines{groupARN, stream, []bus.LogLine{line}})
}

// flushLogs hands x's kept lines to the sink; s.mu must not be held.
func (s *Service) flushLogs(x *exchange, sink LogSink) {
	for _, b := range x.sunk {
		_ = sink.AppendLines(b.group, b.stream, b.lines)
	}
}

// writeLogsLocked writes the lines of one finished invocation.
func (s *Service) writeLogsLocked(x *exchange, res response) {
	if x.snap == nil {
		return
	}
	k := logKey{x.t.apiID, x.t.stage}
	now := s.env.Clock.Now()
	if als := x.stage.AccessLogSettings; als != nil && als.Format != "" {
		x.status, x.responseLength = res.status, len(res.body)
		msg := x.expandContext(als.Format, res)
		for _, dest := range x.logGroups(als.DestinationArn) {
			line := LogLine{At: now, Group: dest, Message: msg}
			appendLine(s.accessLogs, k, line)
			s.sinkLocked(x, dest, "access", line)
		}
	}
	level := x.stage.MethodSettings["*/*"].LoggingLevel
	if level != "INFO" && !(level == "ERROR" && res.status >= 400) {
		return
	}
	groups := x.logGroups("API-Gateway-Execution-Logs_" + x.t.apiID + "/" + x.t.stage)
	groupARNs := make([]string, len(groups))
	for i, g := range groups {
		groupARNs[i] = arn.Build("", "logs", x.region, x.account, "log-group:"+g)
	}
	write := func(format string, args ...any) {
		msg := "(" + x.requestID + ") " + fmt.Sprintf(format, args...)
		for i, group := range groups {
			line := LogLine{At: now, Group: group, Message: msg}
			appendLine(s.execLogs, k, line)
			s.sinkLocked(x, groupARNs[i], x.requestID, line)
		}
	}
	if level == "INFO" {
		write("Extended Request Id: %s", x.requestID)
		write("Starting execution for request: %s", x.requestID)
		if x.node != nil {
			write("HTTP Method: %s, Resource Path: %s", x.r.Method, x.node.path)
		}
	}
	if x.record.Error != "" {
		write("%s", x.record.Error)
	}
	if res.gwType == "INTEGRATION_TIMEOUT" {
		write("Execution failed due to a timeout error")
	}
	write("Method completed with status: %s", strconv.Itoa(res.status))
}
