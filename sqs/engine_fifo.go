package sqs

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// fifoWindow is both the deduplication interval of FIFO sends and the time a
// ReceiveRequestAttemptId can be retried: 5 minutes (SendMessage and
// ReceiveMessage docs).
const fifoWindow = 5 * time.Minute

// dedupIndex remembers the FIFO sends of the last 5 minutes by
// deduplication key; a send whose key is there is accepted but not
// delivered, and answers with the original message's id.
type dedupIndex = expiring[dedupRecord]

type dedupRecord struct {
	messageID string
	seqNumber uint64
}

// dedupKey is the key a FIFO send is deduplicated on: its deduplication id,
// within the whole queue or, with DeduplicationScope messageGroup, within its
// message group.
func dedupKey(scope, groupID, dedupID string) string {
	if scope == dedupScopeMessageGroup {
		return groupID + "\x00" + dedupID
	}
	return dedupID
}

// contentDedupID is the deduplication id of content-based deduplication: the
// SHA-256 of the body ("Amazon SQS uses a SHA-256 hash to generate the
// MessageDeduplicationId using the body of the message (but not the
// attributes of the message)").
func contentDedupID(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}

// attemptIndex remembers FIFO receives by ReceiveRequestAttemptId, so that a
// retry within 5 minutes gets the same messages and receipt handles, as long
// as none of them was deleted or had its visibility changed.
type attemptIndex = expiring[[]receivedRef]

// receivedRef is one message as a receive handed it out.
type receivedRef struct {
	m        *message
	receives int32
	until    int64
}

// unchanged reports whether the message is still in flight from the receive
// that handed it out, with the visibility timeout that receive gave it.
func (r receivedRef) unchanged() bool {
	return r.m.retIdx >= 0 && r.m.state == stInFlight && r.m.receives == r.receives && r.m.availableAt == r.until
}
