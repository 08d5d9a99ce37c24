package lambda

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
)

// LogSink is where an invocation's log lines go when it ends: CloudWatch
// Logs, which stores them in the group and stream named (a log group ARN),
// creating both when missing, as the runtime's logs:CreateLogGroup and
// logs:CreateLogStream do with the function's execution role (role).
type LogSink interface {
	AppendLines(role, groupARN, stream string, lines []bus.LogLine) error
}

// sinkLocked keeps one line of an invocation's log for CloudWatch Logs,
// when the cloud has it, O(1) on the invocation's path; flushLogsLocked
// hands them over when the invocation ends, as the runtime flushes its log.
// LoggingConfig is respected: with LogFormat JSON the START, END and
// REPORT lines become the platform.start, platform.runtimeDone and
// platform.report records; SystemLogLevel WARN, ERROR or FATAL drops
// those records (they are INFO); ApplicationLogLevel drops the handler's
// JSON lines whose "level" is below it. It runs under s.mu.
func (s *Service) sinkLocked(inv *invocation, e LogEvent) {
	if s.logSink == nil {
		return
	}
	if msg, keep := formatLine(inv.cfg.LoggingConfig, e); keep {
		inv.sink = append(inv.sink, bus.LogLine{Timestamp: e.Timestamp.UnixMilli(), Message: msg})
	}
}

// flushLogsLocked returns what hands an ended invocation's lines to the
// log sink, in the function's log group (/aws/lambda/<name>, or
// LoggingConfig.LogGroup) and the stream of its execution environment: a
// direct call, no bus post (issue 15), made once s.mu is released. It runs
// under s.mu.
func (s *Service) flushLogsLocked(inv *invocation) func() {
	lines, sink := inv.sink, s.logSink
	inv.sink = nil
	if len(lines) == 0 || sink == nil {
		return func() {}
	}
	a, err := arn.Parse(inv.arn)
	if err != nil {
		return func() {}
	}
	group := arn.Build(a.Partition, "logs", a.Region, a.Account, "log-group:"+logGroup(&inv.cfg))
	stream, role := inv.env.stream, inv.cfg.Role
	return func() { _ = sink.AppendLines(role, group, stream, lines) }
}

// logLevels orders the log levels of LoggingConfig.
var logLevels = map[string]int{"TRACE": 0, "DEBUG": 1, "INFO": 2, "WARN": 3, "ERROR": 4, "FATAL": 5}

// formatLine is the message CloudWatch Logs stores for a line, and whether
// the configuration keeps it.
func formatLine(cfg *LoggingConfig, e LogEvent) (string, bool) {
	if cfg == nil || cfg.LogFormat != "JSON" {
		return e.Message, true
	}
	platform, record := platformRecord(e.Message, e.RequestID)
	if platform != "" {
		if lvl, ok := logLevels[strings.ToUpper(cfg.SystemLogLevel)]; ok && lvl > logLevels["INFO"] {
			return "", false
		}
		b, _ := json.Marshal(struct {
			Time   string         `json:"time"`
			Type   string         `json:"type"`
			Record map[string]any `json:"record"`
		}{e.Timestamp.UTC().Format("2006-01-02T15:04:05.000Z"), platform, record})
		return string(b), true
	}
	if want, ok := logLevels[strings.ToUpper(cfg.ApplicationLogLevel)]; ok {
		var line struct {
			Level string `json:"level"`
		}
		if json.Unmarshal([]byte(e.Message), &line) == nil && line.Level != "" {
			if got, ok := logLevels[strings.ToUpper(line.Level)]; ok && got < want {
				return "", false
			}
		}
	}
	return e.Message, true
}

// platformRecord recognises the runtime's START, END and REPORT lines and
// returns the platform event type and record AWS's JSON format gives them;
// type is "" for the handler's own lines.
func platformRecord(line, requestID string) (string, map[string]any) {
	switch {
	case strings.HasPrefix(line, "START RequestId: "):
		_, version, _ := strings.Cut(line, "Version: ")
		return "platform.start", map[string]any{"requestId": requestID, "version": version}
	case strings.HasPrefix(line, "END RequestId: "):
		return "platform.runtimeDone", map[string]any{"requestId": requestID, "status": "success"}
	case strings.HasPrefix(line, "REPORT RequestId: "):
		metrics := map[string]any{}
		status := "success"
		for _, f := range strings.Split(line, "\t") {
			k, v, _ := strings.Cut(f, ": ")
			num, _ := strconv.ParseFloat(strings.Fields(v + " 0")[0], 64)
			switch k {
			case "Duration":
				metrics["durationMs"] = num
			case "Billed Duration":
				metrics["billedDurationMs"] = num
			case "Memory Size":
				metrics["memorySizeMB"] = num
			case "Max Memory Used":
				metrics["maxMemoryUsedMB"] = num
			case "Init Duration":
				metrics["initDurationMs"] = num
			case "Status":
				status = v
			}
		}
		return "platform.report", map[string]any{"requestId": requestID, "metrics": metrics, "status": status}
	}
	return "", nil
}

// samePrincipal reports whether a policy's principal grants what a
// delivery's principal asks: the same service, or CloudWatch Logs'
// regional form logs.<region>.amazonaws.com, which AWS documents for
// subscription filters, for its global form logs.amazonaws.com.
func samePrincipal(granted, asked string) bool {
	if granted == asked {
		return true
	}
	if asked != "logs.amazonaws.com" {
		return false
	}
	region, ok := strings.CutPrefix(granted, "logs.")
	region, ok2 := strings.CutSuffix(region, ".amazonaws.com")
	return ok && ok2 && arn.IsRegion(region)
}
