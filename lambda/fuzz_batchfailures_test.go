package lambda

import "testing"

// FuzzBatchFailures decodes arbitrary partial batch responses (the
// events.SQSEventResponse a handler returns for an SQS mapping with
// ReportBatchItemFailures): no input may panic, a response that fails the
// whole batch reports no items, and every item reported failed is a
// message of the batch.
func FuzzBatchFailures(f *testing.F) {
	for _, s := range []string{
		`{"batchItemFailures":[{"itemIdentifier":"m1"}]}`, `{"batchItemFailures":[{"itemIdentifier":"m1"},{"itemIdentifier":"m2"}]}`,
		`{"batchItemFailures":[]}`, `{"batchItemFailures":null}`, `null`, ``, `{}`, `[]`, `"x"`,
		`{"batchItemFailures":[{"itemIdentifier":""}]}`, `{"batchItemFailures":[{"itemIdentifier":"nope"}]}`,
		`{"batchItemFailures":[{}]}`, `{"batchItemFailures":[{"itemIdentifier":1}]}`, `{"batchItemFailures":{"itemIdentifier":"m1"}}`,
		`{"BatchItemFailures":[{"ItemIdentifier":"m1"}]}`, `{"batchItemFailures":[null]}`, `{`,
	} {
		f.Add([]byte(s))
	}
	batch := []QueueMessage{{MessageID: "m1"}, {MessageID: "m2"}, {MessageID: "m3"}}
	f.Fuzz(func(t *testing.T, payload []byte) {
		failed, ok := batchFailures(payload, batch)
		if !ok {
			if len(failed) != 0 {
				t.Fatalf("%q: the whole batch failed but %v reported", payload, failed)
			}
			return
		}
		for id := range failed {
			if id != "m1" && id != "m2" && id != "m3" {
				t.Fatalf("%q: %q is not a message of the batch", payload, id)
			}
		}
	})
}
