// Package xtrace is what the services of a cloud share to trace as AWS's
// do: the X-Amzn-Trace-Id header (Parse, Header.String), the trace header
// a request's ctx carries (With, From), the segment documents they write
// (Segment) and what they ask of the cloud's X-Ray: Sample, the sampling
// decision of a service that starts a trace (over the bus), and Emit,
// which hands it segments (Sink, drained when X-Ray reads). A service that
// is not traced calls none of it.
package xtrace

import (
	"context"
	"strings"
	"time"
)

// HeaderName is the HTTP header that carries a trace.
const HeaderName = "X-Amzn-Trace-Id"

// Header is an X-Amzn-Trace-Id: Root=1-<8 hex>-<24 hex>;Parent=<16
// hex>;Sampled=<1|0|?>. Sampled is "" when the header holds no decision.
type Header struct {
	Root, Parent, Sampled string
}

// Parse reads a trace header: semicolon-separated key=value pairs, keys
// matched without regard to case, a Root of the trace id form required.
// Pairs it does not know (Lineage, Self) are dropped.
func Parse(s string) (Header, bool) {
	var h Header
	for _, part := range strings.Split(s, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "root":
			h.Root = v
		case "parent":
			h.Parent = v
		case "sampled":
			h.Sampled = v
		}
	}
	if !ValidTraceID(h.Root) {
		return Header{}, false
	}
	if !ValidSegmentID(h.Parent) {
		h.Parent = ""
	}
	if h.Sampled != "1" && h.Sampled != "0" && h.Sampled != "?" {
		h.Sampled = ""
	}
	return h, true
}

// String writes the header as AWS does: Root, then Parent and Sampled when
// set.
func (h Header) String() string {
	var b strings.Builder
	b.Grow(len(h.Root) + 45)
	b.WriteString("Root=")
	b.WriteString(h.Root)
	if h.Parent != "" {
		b.WriteString(";Parent=")
		b.WriteString(h.Parent)
	}
	if h.Sampled != "" {
		b.WriteString(";Sampled=")
		b.WriteString(h.Sampled)
	}
	return b.String()
}

// IsSampled reports whether the header says the trace is sampled.
func (h Header) IsSampled() bool { return h.Sampled == "1" }

// Decided reports whether the header holds a sampling decision (1 or 0).
func (h Header) Decided() bool { return h.Sampled == "1" || h.Sampled == "0" }

// ValidTraceID reports whether s is a trace id: 1-<8 hex>-<24 hex>.
func ValidTraceID(s string) bool {
	return len(s) == 35 && s[0] == '1' && s[1] == '-' && s[10] == '-' && isHex(s[2:10], 8) && isHex(s[11:], 24)
}

// ValidSegmentID reports whether s is a segment id: 16 hex digits.
func ValidSegmentID(s string) bool { return isHex(s, 16) }

// NewTraceID is a trace id of the instant now (its Unix seconds, 8 hex
// digits) and 24 hex digits from hex24.
func NewTraceID(now time.Time, hex24 string) string {
	const digits = "0123456789abcdef"
	var b [10]byte
	b[0], b[1] = '1', '-'
	sec := uint32(now.Unix())
	for i := 9; i >= 2; i-- {
		b[i] = digits[sec&0xf]
		sec >>= 4
	}
	return string(b[:]) + "-" + hex24
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

type headerKey struct{}

// With returns ctx carrying the trace header h (as sent), which the
// operations a request runs read with From; "" leaves ctx as it is.
func With(ctx context.Context, h string) context.Context {
	if h == "" {
		return ctx
	}
	return context.WithValue(ctx, headerKey{}, h)
}

// From is the trace header ctx carries, "" for none.
func From(ctx context.Context) string {
	h, _ := ctx.Value(headerKey{}).(string)
	return h
}
