package logs

import (
	"bytes"
	"encoding/base64"
	"strconv"
	"strings"
)

// recordOf is the row of one event with the fields Logs Insights
// discovers in it: @timestamp, @message, @logStream, @log (account:group),
// @ingestionTime, @ptr, the fields of a JSON message flattened with dots
// (arrays by index), and those of Lambda's START, END and REPORT lines.
// Of the JSON fields it keeps those need names, all of them for a nil need
// (a query's needs).
func recordOf(account string, g *group, st *stream, e event, need fieldSet) row {
	r := make(row, 8)
	r["@timestamp"], r["@message"], r["@logStream"] = ts(e.ts), e.msg, st.name
	r["@log"], r["@ingestionTime"], r["@ptr"] = account+":"+g.name, ts(e.ingested), pointerOf(g.arn, st.name, e.id)
	if m := strings.TrimSpace(e.msg); strings.HasPrefix(m, "{") {
		jsonFields(r, m, need)
	}
	lambdaFields(r, e.msg)
	return r
}

// lambdaFields adds the fields of Lambda's platform lines: @type and
// @requestId, and on REPORT @duration, @billedDuration and @initDuration
// (ms) and @memorySize and @maxMemoryUsed (bytes, 1 MB being 1,000,000 as
// AWS counts them).
func lambdaFields(r row, msg string) {
	kind, rest, ok := strings.Cut(msg, " RequestId: ")
	if !ok || kind != "START" && kind != "END" && kind != "REPORT" {
		return
	}
	r["@type"] = kind
	id, _, _ := strings.Cut(rest, "\t")
	id, _, _ = strings.Cut(id, " ")
	r["@requestId"] = strings.TrimSpace(id)
	if kind != "REPORT" {
		return
	}
	for _, f := range strings.Split(msg, "\t") {
		k, v, _ := strings.Cut(strings.TrimSpace(f), ": ")
		n, err := strconv.ParseFloat(strings.Fields(v + " x")[0], 64)
		if err != nil {
			continue
		}
		switch k {
		case "Duration":
			r["@duration"] = n
		case "Billed Duration":
			r["@billedDuration"] = n
		case "Init Duration":
			r["@initDuration"] = n
		case "Memory Size":
			r["@memorySize"] = n * 1e6
		case "Max Memory Used":
			r["@maxMemoryUsed"] = n * 1e6
		}
	}
}

// pointerOf is an event's @ptr: an opaque token naming its group ARN,
// stream and id, which GetLogRecord reads back.
func pointerOf(groupArn, streamName string, id uint64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(groupArn + "\x00" + streamName + "\x00" + strconv.FormatUint(id, 10)))
}

// parsePointer reads a @ptr; ok false when it is not one.
func parsePointer(p string) (groupArn, streamName string, id uint64, ok bool) {
	b, err := base64.RawURLEncoding.DecodeString(p)
	if err != nil {
		return "", "", 0, false
	}
	parts := bytes.Split(b, []byte{0})
	if len(parts) != 3 {
		return "", "", 0, false
	}
	id, err = strconv.ParseUint(string(parts[2]), 10, 64)
	return string(parts[0]), string(parts[1]), id, err == nil
}
