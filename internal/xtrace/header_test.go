package xtrace

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestParse_ReadsTheHeaderAsAWSWritesIt(t *testing.T) {
	h, ok := Parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
	assert.True(t, ok)
	assert.Equal(t, Header{Root: "1-5759e988-bd862e3fe1be46a994272793", Parent: "53995c3f42cd8ad8", Sampled: "1"}, h)
	assert.True(t, h.IsSampled())
	assert.Equal(t, "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", h.String())

	h, ok = Parse(" root = 1-5759e988-bd862e3fe1be46a994272793 ; Lineage=a:1 ; sampled=? ")
	assert.True(t, ok, "keys without regard to case, unknown keys dropped")
	assert.Equal(t, Header{Root: "1-5759e988-bd862e3fe1be46a994272793", Sampled: "?"}, h)
	assert.False(t, h.Decided())

	for _, bad := range []string{"", "Root=", "Root=1-5759e988-bd86", "Root=2-5759e988-bd862e3fe1be46a994272793",
		"Parent=53995c3f42cd8ad8;Sampled=1", "Root=1-5759e98g-bd862e3fe1be46a994272793"} {
		_, ok := Parse(bad)
		assert.False(t, ok, bad)
	}
	h, _ = Parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=xyz;Sampled=yes")
	assert.Equal(t, Header{Root: "1-5759e988-bd862e3fe1be46a994272793"}, h, "a bad parent or decision is dropped")
}

// The trace id's time is the instant's Unix seconds: the second changes
// exactly at the boundary, not before.
func TestNewTraceID_TakesTheSecondsOfTheInstant(t *testing.T) {
	t0 := time.Unix(0x5759e988, 0)
	hex24 := strings.Repeat("a", 24)
	assert.Equal(t, "1-5759e987-"+hex24, NewTraceID(t0.Add(-time.Nanosecond), hex24))
	assert.Equal(t, "1-5759e988-"+hex24, NewTraceID(t0, hex24))
	assert.Equal(t, "1-5759e988-"+hex24, NewTraceID(t0.Add(999*time.Millisecond), hex24))
	assert.True(t, ValidTraceID(NewTraceID(t0, hex24)))
}

func TestDecide_RespectsTheCallersDecision(t *testing.T) {
	asked := 0
	sample := func() bool { asked++; return true }
	root := func() string { return "1-00000001-" + strings.Repeat("b", 24) }
	h := Decide("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0", root, sample)
	assert.Equal(t, "0", h.Sampled)
	assert.Equal(t, 0, asked, "a decision is not asked again")
	h = Decide("Root=1-5759e988-bd862e3fe1be46a994272793", root, sample)
	assert.Equal(t, Header{Root: "1-5759e988-bd862e3fe1be46a994272793", Sampled: "1"}, h)
	h = Decide("garbage", root, sample)
	assert.Equal(t, Header{Root: root(), Sampled: "1"}, h)
	assert.Equal(t, 2, asked)
}

func TestWithFrom_CarryTheHeaderInCtx(t *testing.T) {
	ctx := context.Background()
	assert.Equal(t, ctx, With(ctx, ""))
	assert.Equal(t, "", From(ctx))
	assert.Equal(t, "Root=x", From(With(ctx, "Root=x")))
}

func TestSegment_FlagAsXRayFlagsAStatus(t *testing.T) {
	for status, want := range map[int][3]bool{200: {}, 404: {true, false, false}, 429: {true, false, true}, 502: {false, true, false}} {
		var s Segment
		s.Flag(status)
		assert.Equal(t, want, [3]bool{s.Error, s.Fault, s.Throttle}, status)
	}
}

func TestSink_FlushesOnceFlushAtWait(t *testing.T) {
	var flushed int
	var k *Sink
	k = NewSink(func() { flushed += len(k.Drain()) })
	for range FlushAt - 1 {
		Emit(k, time.Time{}, "aws", "us-east-1", "1", &Segment{})
	}
	assert.Zero(t, flushed)
	Emit(k, time.Time{}, "aws", "us-east-1", "1", &Segment{})
	assert.Equal(t, FlushAt, flushed)
	Emit(nil, time.Time{}, "aws", "us-east-1", "1", &Segment{})
	assert.Nil(t, (*Sink)(nil).Drain())
}

// FuzzParse: any header parses or is refused without panicking, and what
// parses writes a header that parses to the same.
func FuzzParse(f *testing.F) {
	f.Add("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
	f.Add("root=1-5759e988-bd862e3fe1be46a994272793;;=;Sampled")
	f.Fuzz(func(t *testing.T, s string) {
		h, ok := Parse(s)
		if !ok {
			return
		}
		again, ok := Parse(h.String())
		if !ok || again != h {
			t.Fatalf("%q: %+v then %+v", s, h, again)
		}
	})
}
