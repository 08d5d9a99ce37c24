package sns

import (
	"fmt"
	"regexp"
	"time"

	"github.com/awsfake/awsfake/internal/dedup"
)

// FIFO topics (Publish API reference, "Message deduplication for FIFO
// topics"): every message needs a MessageGroupId; its MessageDeduplicationId
// is given or, with ContentBasedDeduplication, the SHA-256 of the message
// body (attributes excluded). "If a message with a particular
// MessageDeduplicationId is sent successfully, subsequent messages within
// the deduplication scope and interval, with the same MessageDeduplicationId,
// are accepted successfully but aren't delivered." The interval is five
// minutes; the scope is the topic, or the message group with
// FifoThroughputScope MessageGroup. A duplicate gets the first message's id
// and sequence number back, as SQS FIFO queues answer duplicates.

// dedupInterval is FIFO deduplication's window.
const dedupInterval = dedup.Interval

// fifoID is the format of MessageGroupId and MessageDeduplicationId: "up to
// 128 alphanumeric characters (a-z, A-Z, 0-9) and punctuation
// (!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~)".
var fifoID = regexp.MustCompile("^[A-Za-z0-9!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]{1,128}$")

// dedupWindow remembers what a FIFO topic accepted in the last five
// minutes, on the window SQS FIFO queues use too: entries expire in the
// order they were added, so the cost is per message published, not per
// message remembered.
type dedupWindow struct {
	seen dedup.Window[dedupEntry]
}

type dedupEntry struct {
	expires        time.Time
	messageID, seq string
}

// lookup returns the entry for key if it is still within its window at now.
func (w *dedupWindow) lookup(key string, now time.Time) (dedupEntry, bool) {
	return w.seen.Get(key, now)
}

// add records e, which expires dedupInterval after it was accepted.
func (w *dedupWindow) add(key string, e dedupEntry) {
	w.seen.Put(key, e.expires.Add(-dedupInterval), e)
}

// contentDedupID is the MessageDeduplicationId content-based deduplication
// derives from a message body: the SHA-256 of the body, as SQS derives it.
func contentDedupID(body string) string { return dedup.ContentID(body) }

// sequenceNumber formats a FIFO topic's n-th sequence number: "a large,
// non-consecutive number" of 20 digits that increases with every message.
func sequenceNumber(n uint64) string {
	return fmt.Sprintf("%020d", uint64(10000000000000000000)+n*1000)
}
