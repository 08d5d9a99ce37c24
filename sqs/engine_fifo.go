package sqs

import "github.com/awsfake/awsfake/internal/dedup"

// dedupIndex remembers the FIFO sends of the last 5 minutes (the
// deduplication interval, SendMessage docs) by deduplication key; a send
// whose key is there is accepted but not delivered, and answers with the
// original message's id. Its zero value is ready.
type dedupIndex = dedup.Window[dedupRecord]

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

// attemptIndex remembers FIFO receives by ReceiveRequestAttemptId, so that a
// retry within 5 minutes ("You can use ReceiveRequestAttemptId only for 5
// minutes after a ReceiveMessage action", ReceiveMessage docs) gets the
// same messages and receipt handles, as long as none of them was deleted or
// had its visibility changed. Its zero value is ready.
type attemptIndex = dedup.Window[[]receivedRef]

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
