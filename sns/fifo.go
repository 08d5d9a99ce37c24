package sns

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"time"
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
const dedupInterval = 5 * time.Minute

// fifoID is the format of MessageGroupId and MessageDeduplicationId: "up to
// 128 alphanumeric characters (a-z, A-Z, 0-9) and punctuation
// (!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~)".
var fifoID = regexp.MustCompile("^[A-Za-z0-9!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]{1,128}$")

// dedupWindow remembers what a FIFO topic accepted in the last five
// minutes. Entries expire in the order they were added, so a queue of them
// is pruned from its head: the cost is per message published, not per
// message remembered.
type dedupWindow struct {
	seen  map[string]dedupEntry
	queue []queued // in the order added
}

type dedupEntry struct {
	expires        time.Time
	messageID, seq string
}

type queued struct {
	key     string
	expires time.Time
}

// lookup returns the entry for key if it is still within its window at now.
func (w *dedupWindow) lookup(key string, now time.Time) (dedupEntry, bool) {
	for len(w.queue) > 0 && !now.Before(w.queue[0].expires) {
		head := w.queue[0]
		if e, ok := w.seen[head.key]; ok && e.expires.Equal(head.expires) {
			delete(w.seen, head.key)
		}
		w.queue = w.queue[1:]
	}
	e, ok := w.seen[key]
	if !ok || !now.Before(e.expires) {
		return dedupEntry{}, false
	}
	return e, true
}

func (w *dedupWindow) add(key string, e dedupEntry) {
	if w.seen == nil {
		w.seen = map[string]dedupEntry{}
	}
	w.seen[key] = e
	w.queue = append(w.queue, queued{key: key, expires: e.expires})
}

// contentDedupID is the MessageDeduplicationId content-based deduplication
// derives from a message body.
func contentDedupID(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}

// sequenceNumber formats a FIFO topic's n-th sequence number: "a large,
// non-consecutive number" of 20 digits that increases with every message.
func sequenceNumber(n uint64) string {
	return fmt.Sprintf("%020d", uint64(10000000000000000000)+n*1000)
}
