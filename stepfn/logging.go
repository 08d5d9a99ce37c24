package stepfn

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/bus"
)

// Logging ("Logging in CloudWatch Logs", Step Functions developer guide):
// a machine whose loggingConfiguration names a log group sends the
// history events of each execution there, by level — ALL every event,
// ERROR the events of failures, FATAL only the execution's own failure,
// OFF nothing — each record the JSON AWS documents ({id, type, details,
// previous_event_id, event_timestamp, execution_arn, redrive_count}),
// input and output left out unless includeExecutionData. The records of
// an execution go when it closes, in one bus message to the group
// (internal/bus/logs.go), the stream named states/<machine>/<execution>.

// sendLogs posts ex's records to its machine's log group, when it has one.
func (ex *execution) sendLogs() {
	l := ex.machine.rev.logging
	if l == nil || l.Level == "" || l.Level == "OFF" || len(l.Destinations) == 0 {
		return
	}
	group := logGroupARN(l.Destinations[0])
	if group == "" {
		return
	}
	var lines []bus.LogLine
	for _, e := range ex.events {
		if !logged(l.Level, e.typ) {
			continue
		}
		lines = append(lines, bus.LogLine{Timestamp: e.at.UnixMilli(), Message: ex.logRecord(e, l.IncludeExecutionData)})
	}
	if len(lines) == 0 {
		return
	}
	body, _ := json.Marshal(lines)
	ex.svc.env.Bus.Post(group, bus.Message{Source: ex.machineARN, Principal: "delivery.logs.amazonaws.com", Body: body,
		Meta: map[string]string{bus.MetaLogStream: "states/" + ex.machine.name + "/" + ex.name}})
}

// logGroupARN is a destination's log group ARN without the ":*" AWS's
// form ends with.
func logGroupARN(dest map[string]any) string {
	g, _ := dest["cloudWatchLogsLogGroup"].(map[string]any)
	s, _ := g["logGroupArn"].(string)
	return strings.TrimSuffix(s, ":*")
}

// logged reports whether level logs events of type typ.
func logged(level, typ string) bool {
	switch level {
	case "ALL":
		return true
	case "ERROR":
		return strings.HasSuffix(typ, "Failed") || strings.HasSuffix(typ, "TimedOut") || strings.HasSuffix(typ, "Aborted")
	case "FATAL":
		return typ == "ExecutionFailed" || typ == "ExecutionTimedOut" || typ == "ExecutionAborted"
	}
	return false
}

// logRecord is one event as Step Functions logs it.
func (ex *execution) logRecord(e event, includeData bool) string {
	details := map[string]any{}
	for k, v := range e.detail {
		if !includeData && (k == "input" || k == "output" || k == "inputDetails" || k == "outputDetails") {
			continue
		}
		details[k] = v
	}
	b, _ := json.Marshal(map[string]any{
		"id": strconv.FormatInt(e.id, 10), "type": e.typ, "details": details,
		"previous_event_id": strconv.FormatInt(e.prev, 10), "event_timestamp": strconv.FormatInt(e.at.UnixMilli(), 10),
		"execution_arn": ex.arn, "redrive_count": strconv.Itoa(ex.redriveCount),
	})
	return string(b)
}
