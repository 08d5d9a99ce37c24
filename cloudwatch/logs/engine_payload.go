package logs

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
)

// awslogsMessage is what a subscription delivers, before AWS gzips and
// base64-encodes it into awslogs.data.
type awslogsMessage struct {
	MessageType         string           `json:"messageType"`
	Owner               string           `json:"owner"`
	LogGroup            string           `json:"logGroup"`
	LogStream           string           `json:"logStream"`
	SubscriptionFilters []string         `json:"subscriptionFilters"`
	LogEvents           []awslogsLogItem `json:"logEvents"`
}

// awslogsLogItem is one event of a delivery.
type awslogsLogItem struct {
	ID        string `json:"id"`
	Timestamp int64  `json:"timestamp"`
	Message   string `json:"message"`
}

// dataMessage is the DATA_MESSAGE of a batch's matching events.
func dataMessage(owner, groupName, streamName, filter string, evs []event) awslogsMessage {
	m := awslogsMessage{MessageType: "DATA_MESSAGE", Owner: owner, LogGroup: groupName, LogStream: streamName,
		SubscriptionFilters: []string{filter}, LogEvents: make([]awslogsLogItem, 0, len(evs))}
	for _, e := range evs {
		m.LogEvents = append(m.LogEvents, awslogsLogItem{ID: eventID(e), Timestamp: e.ts, Message: e.msg})
	}
	return m
}

// controlMessage is the CONTROL_MESSAGE AWS sends a new subscription's
// destination to check that it is reachable.
func controlMessage(now int64) awslogsMessage {
	return awslogsMessage{MessageType: "CONTROL_MESSAGE", Owner: "CloudwatchLogs", SubscriptionFilters: []string{},
		LogEvents: []awslogsLogItem{{ID: "", Timestamp: now, Message: "CWL CONTROL MESSAGE: Checking health of destination Lambda function."}}}
}

// awslogsEvent is the Lambda event of a delivery: {"awslogs": {"data":
// base64(gzip(message))}}.
func awslogsEvent(m awslogsMessage) []byte {
	raw, _ := json.Marshal(m)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(raw)
	_ = zw.Close()
	out, _ := json.Marshal(map[string]map[string]string{"awslogs": {"data": base64.StdEncoding.EncodeToString(buf.Bytes())}})
	return out
}
