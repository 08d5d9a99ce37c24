package ids_test

import (
	"regexp"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/ids"
)

// sequence draws one of every kind of id from g.
func sequence(g *ids.Generator) []any {
	p := make([]byte, 5)
	g.Read(p)
	return []any{g.UUID(), g.Hex(8), g.Base64(12), g.Upper(20), g.Uint64(), g.IntN(1000), g.Float64(), p}
}

func TestGenerator_SameSeedGivesSameSequence(t *testing.T) {
	a, b := ids.New(42), ids.New(42)
	for range 10 {
		assert.Equal(t, sequence(a), sequence(b))
	}
}

func TestGenerator_DifferentSeedsDiffer(t *testing.T) {
	assert.NotEqual(t, sequence(ids.New(1)), sequence(ids.New(2)))
	assert.NotEqual(t, sequence(ids.NewRandom()), sequence(ids.NewRandom()))
}

// uuidV4 is RFC 9562's version 4 layout: version nibble 4, variant 10xx.
var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestGenerator_Formats(t *testing.T) {
	g := ids.New(7)
	seen := map[string]bool{}
	for range 1000 {
		u := g.UUID()
		require.Regexp(t, uuidV4, u)
		require.False(t, seen[u], "duplicate UUID %s", u)
		seen[u] = true
	}
	assert.Regexp(t, `^[0-9a-f]{16}$`, g.Hex(8))
	assert.Regexp(t, `^[A-Za-z0-9+/]{16}$`, g.Base64(12))
	assert.Regexp(t, `^[A-Z0-9]{17}$`, g.Upper(17), "the alphabet of AWS access key ids")
	for range 1000 {
		n := g.IntN(3)
		require.True(t, n >= 0 && n < 3, "%d", n)
		f := g.Float64()
		require.True(t, f >= 0 && f < 1, "%v", f)
	}
}

func TestGenerator_ConcurrentUseIsSafeAndLosesNothing(t *testing.T) {
	g := ids.New(3)
	const workers, each = 8, 200
	out := make(chan string, workers*each)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				out <- g.UUID()
			}
		}()
	}
	wg.Wait()
	close(out)
	// The same seed drawn serially gives the same set of ids.
	want := map[string]bool{}
	serial := ids.New(3)
	for range workers * each {
		want[serial.UUID()] = true
	}
	got := map[string]bool{}
	for u := range out {
		got[u] = true
	}
	assert.Equal(t, want, got)
}

func BenchmarkUUID(b *testing.B) {
	g := ids.New(1)
	b.ReportAllocs()
	for b.Loop() {
		_ = g.UUID()
	}
}

func TestDerive_SameKeySameSequenceIndependentOfParentDraws(t *testing.T) {
	a, b := ids.New(7), ids.New(7)
	b.UUID() // draws from the parent do not move derived streams
	da, db := a.Derive("arn:aws:sqs:us-east-1:000000000000:q"), b.Derive("arn:aws:sqs:us-east-1:000000000000:q")
	for range 5 {
		assert.Equal(t, da.UUID(), db.UUID())
	}
	assert.NotEqual(t, a.Derive("x").UUID(), a.Derive("y").UUID(), "different keys, different streams")
	assert.NotEqual(t, ids.New(8).Derive("x").UUID(), a.Derive("x").UUID(), "different seeds, different streams")
}
