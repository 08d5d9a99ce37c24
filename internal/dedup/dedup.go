// Package dedup holds what SQS FIFO queues and SNS FIFO topics share about
// message deduplication: the deduplication id that content-based
// deduplication derives from a body, and Window, the map whose entries
// expire a fixed interval after they were recorded (the 5-minute
// deduplication interval, and any other "within the last n seconds" rule).
//
// A Window is not safe for concurrent use: it lives inside an engine and is
// guarded by the engine's lock.
package dedup

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Interval is the deduplication interval of FIFO queues and topics: "If a
// message with a particular message deduplication ID is sent successfully,
// any messages sent with the same message deduplication ID are accepted
// successfully but aren't delivered during the 5-minute deduplication
// interval" (SQS SendMessage and SNS Publish references).
const Interval = 5 * time.Minute

// ContentID is the deduplication id of content-based deduplication: the
// hex SHA-256 of the message body. "Amazon SQS uses a SHA-256 hash to
// generate the MessageDeduplicationId using the body of the message (but
// not the attributes of the message)"; SNS FIFO topics do the same.
func ContentID(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}
