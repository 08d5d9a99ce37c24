package sqs

import (
	"encoding/base64"
	"encoding/binary"
	"strings"
)

// A receipt handle names one receive of one message: the queue (by uid, so a
// handle of a deleted queue is invalid for its namesake), the message (by
// its arrival sequence), the receive (by count) and a random tag that only
// the latest receive's handle carries. Every receive makes a new handle.
// They look like AWS's (AQEB + base64) and are opaque to clients.

const handlePrefix = "AQEB"

const handleLen = 30 // version, reserved, uid, seq, receives, tag

type receipt struct {
	uid, seq uint64
	receives int32
	tag      uint64
}

// String is the receipt handle clients see.
func (r receipt) String() string {
	var b [handleLen]byte
	b[0] = 1
	binary.BigEndian.PutUint64(b[2:], r.uid)
	binary.BigEndian.PutUint64(b[10:], r.seq)
	binary.BigEndian.PutUint32(b[18:], uint32(r.receives))
	binary.BigEndian.PutUint64(b[22:], r.tag)
	return handlePrefix + base64.StdEncoding.EncodeToString(b[:])
}

// parseReceipt decodes a receipt handle; ok is false for anything this
// service did not issue.
func parseReceipt(s string) (r receipt, ok bool) {
	rest, found := strings.CutPrefix(s, handlePrefix)
	if !found || base64.StdEncoding.DecodedLen(len(rest)) != handleLen {
		return receipt{}, false
	}
	var b [handleLen]byte
	if n, err := base64.StdEncoding.Decode(b[:], []byte(rest)); err != nil || n != handleLen || b[0] != 1 {
		return receipt{}, false
	}
	r = receipt{
		uid:      binary.BigEndian.Uint64(b[2:]),
		seq:      binary.BigEndian.Uint64(b[10:]),
		receives: int32(binary.BigEndian.Uint32(b[18:])),
		tag:      binary.BigEndian.Uint64(b[22:]),
	}
	return r, r.receives > 0
}

// errBadReceipt is AWS's answer for a receipt handle it did not issue.
func errBadReceipt(handle string) error {
	return newError(codeReceiptHandleIsInvalid, "The input receipt handle \"%s\" is not a valid receipt handle.", handle)
}

// errExpiredReceipt is AWS's answer for a FIFO receipt handle whose receive
// is no longer the message's receive in flight (recorded:
// test_fifo_delete_after_visibility_timeout).
func errExpiredReceipt(handle string) error {
	return invalidParameter(handle, "ReceiptHandle", "The receipt handle has expired.")
}

// lookupReceipt finds the message a receipt handle of q names. m is nil when
// the message is gone (deleted, expired, moved); stale is true when the
// message has been received again since this handle was issued. A handle that
// q did not issue is ReceiptHandleIsInvalid.
func (q *queue) lookupReceipt(handle string) (m *message, stale bool, err error) {
	r, ok := parseReceipt(handle)
	if !ok || r.uid != q.uid || r.seq == 0 || r.seq > q.nextSeq {
		return nil, false, errBadReceipt(handle)
	}
	m = q.received[r.seq]
	if m == nil {
		return nil, false, nil
	}
	switch {
	case r.receives > m.receives, r.receives == m.receives && r.tag != m.handleTag:
		return nil, false, errBadReceipt(handle)
	case r.receives < m.receives:
		return m, true, nil
	}
	return m, false, nil
}
