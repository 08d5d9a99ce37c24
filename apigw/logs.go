package apigw

import (
	"fmt"
	"strconv"
	"time"
)

// LogLine is one line API Gateway writes for a stage: an execution log
// line (in API-Gateway-Execution-Logs_{restApiId}/{stage}) or an access
// log line (to the stage's accessLogSettings destination), with its time
// on the cloud's clock.
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

// writeLogsLocked writes the lines of one finished invocation.
func (s *Service) writeLogsLocked(x *exchange, res response) {
	if x.snap == nil {
		return
	}
	k := logKey{x.t.apiID, x.t.stage}
	now := s.env.Clock.Now()
	if als := x.stage.AccessLogSettings; als != nil && als.Format != "" {
		x.status, x.responseLength = res.status, len(res.body)
		appendLine(s.accessLogs, k, LogLine{At: now, Group: als.DestinationArn, Message: x.expandContext(als.Format, res)})
	}
	level := x.stage.MethodSettings["*/*"].LoggingLevel
	if level != "INFO" && !(level == "ERROR" && res.status >= 400) {
		return
	}
	group := "API-Gateway-Execution-Logs_" + x.t.apiID + "/" + x.t.stage
	write := func(format string, args ...any) {
		appendLine(s.execLogs, k, LogLine{At: now, Group: group, Message: "(" + x.requestID + ") " + fmt.Sprintf(format, args...)})
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
