package lambda

import "encoding/json"

// sqsEvent is the SQSEvent of aws-lambda-go (reference/lambda-events.md):
// camelCase members, system attributes as strings, message attributes with
// their list members always present.
type sqsEvent struct {
	Records []sqsRecord `json:"Records"`
}

type sqsRecord struct {
	MessageID              string                       `json:"messageId"`
	ReceiptHandle          string                       `json:"receiptHandle"`
	Body                   string                       `json:"body"`
	Attributes             map[string]string            `json:"attributes"`
	MessageAttributes      map[string]sqsEventAttribute `json:"messageAttributes"`
	MD5OfBody              string                       `json:"md5OfBody"`
	MD5OfMessageAttributes *string                      `json:"md5OfMessageAttributes"`
	EventSource            string                       `json:"eventSource"`
	EventSourceARN         string                       `json:"eventSourceARN"`
	AWSRegion              string                       `json:"awsRegion"`
}

type sqsEventAttribute struct {
	StringValue      *string  `json:"stringValue,omitempty"`
	BinaryValue      []byte   `json:"binaryValue,omitempty"`
	StringListValues []string `json:"stringListValues"`
	BinaryListValues [][]byte `json:"binaryListValues"`
	DataType         string   `json:"dataType"`
}

// sqsEventOf builds the event a batch of messages from queueARN is handed
// to a function as.
func sqsEventOf(batch []QueueMessage, queueARN, region string) []byte {
	ev := sqsEvent{Records: make([]sqsRecord, len(batch))}
	for i, m := range batch {
		r := sqsRecord{MessageID: m.MessageID, ReceiptHandle: m.ReceiptHandle, Body: m.Body, MD5OfBody: m.MD5OfBody,
			Attributes: m.Attributes, MessageAttributes: map[string]sqsEventAttribute{},
			EventSource: "aws:sqs", EventSourceARN: queueARN, AWSRegion: region}
		if r.Attributes == nil {
			r.Attributes = map[string]string{}
		}
		if m.MD5OfMessageAttributes != "" {
			md5 := m.MD5OfMessageAttributes
			r.MD5OfMessageAttributes = &md5
		}
		for k, a := range m.MessageAttributes {
			ea := sqsEventAttribute{BinaryValue: a.BinaryValue, DataType: a.DataType,
				StringListValues: nonNil(a.StringListValues), BinaryListValues: nonNil(a.BinaryListValues)}
			if a.BinaryValue == nil {
				v := a.StringValue
				ea.StringValue = &v
			}
			r.MessageAttributes[k] = ea
		}
		ev.Records[i] = r
	}
	return mustJSON(ev)
}

// batchFailures reads a function's partial batch response
// ({"batchItemFailures":[{"itemIdentifier":"<messageId>"}]}) with AWS's
// rules: an empty or null response or list is a complete success; invalid
// JSON, or an identifier that is empty or not a message of the batch, fails
// the whole batch (ok false).
func batchFailures(payload []byte, batch []QueueMessage) (failed map[string]bool, ok bool) {
	var resp *struct {
		BatchItemFailures []struct {
			ItemIdentifier *string `json:"itemIdentifier"`
		} `json:"batchItemFailures"`
	}
	if len(payload) > 0 {
		if err := json.Unmarshal(payload, &resp); err != nil {
			return nil, false
		}
	}
	failed = map[string]bool{}
	if resp == nil {
		return failed, true
	}
	ids := map[string]bool{}
	for _, m := range batch {
		ids[m.MessageID] = true
	}
	for _, f := range resp.BatchItemFailures {
		if f.ItemIdentifier == nil || !ids[*f.ItemIdentifier] {
			return nil, false
		}
		failed[*f.ItemIdentifier] = true
	}
	return failed, true
}
