// Package ids generates every identifier a cloud hands out: request ids,
// message ids, receipt handles, execution names, trace ids. One Generator
// belongs to one cloud; seeded, it gives the same sequence on every run.
package ids

import (
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
	"sync"
)

// Generator is a seeded source of identifiers, safe for concurrent use.
type Generator struct {
	mu   sync.Mutex
	seed [32]byte
	rng  *rand.ChaCha8
}

// New returns a generator seeded with seed; the same seed gives the same ids
// in the same order.
func New(seed uint64) *Generator {
	var s [32]byte
	binary.LittleEndian.PutUint64(s[:], seed)
	return &Generator{seed: s, rng: rand.NewChaCha8(s)}
}

// Derive returns a generator of its own for key (a queue's ARN, a function's
// name), seeded from this generator's seed and key. Ids drawn from it do not
// depend on what other goroutines draw from the parent or from other derived
// generators, so work that runs concurrently across resources (fan-out to
// several queues, pollers of several mappings) stays reproducible under
// WithSeed as long as each resource's own work happens in a fixed order. The
// same key always derives the same sequence.
func (g *Generator) Derive(key string) *Generator {
	h := sha256.New()
	h.Write(g.seed[:])
	h.Write([]byte(key))
	var s [32]byte
	copy(s[:], h.Sum(nil))
	return &Generator{seed: s, rng: rand.NewChaCha8(s)}
}

// NewRandom returns a generator seeded from the operating system.
func NewRandom() *Generator {
	var b [8]byte
	_, _ = crand.Read(b[:])
	return New(binary.LittleEndian.Uint64(b[:]))
}

// Read fills p with bytes from the generator.
func (g *Generator) Read(p []byte) {
	g.mu.Lock()
	_, _ = g.rng.Read(p)
	g.mu.Unlock()
}

// Uint64 returns the next 64 random bits.
func (g *Generator) Uint64() uint64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.rng.Uint64()
}

// Float64 returns a number in [0, 1).
func (g *Generator) Float64() float64 {
	return float64(g.Uint64()>>11) / (1 << 53)
}

// IntN returns a number in [0, n); n must be positive.
func (g *Generator) IntN(n int) int {
	return int(g.Uint64() % uint64(n))
}

// UUID returns a random (version 4) UUID in its canonical text form, as AWS
// uses for request ids and message ids.
func (g *Generator) UUID() string {
	var b [16]byte
	g.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var out [36]byte
	hex.Encode(out[0:8], b[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], b[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], b[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], b[8:10])
	out[23] = '-'
	hex.Encode(out[24:], b[10:])
	return string(out[:])
}

// Hex returns n random bytes as 2n lower-case hex digits.
func (g *Generator) Hex(n int) string {
	b := make([]byte, n)
	g.Read(b)
	return hex.EncodeToString(b)
}

// Base64 returns n random bytes in standard base64.
func (g *Generator) Base64(n int) string {
	b := make([]byte, n)
	g.Read(b)
	return base64.StdEncoding.EncodeToString(b)
}

const upperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// Upper returns n characters from A-Z and 0-9, the alphabet of AWS access key
// ids and Route 53 ids.
func (g *Generator) Upper(n int) string {
	b := make([]byte, n)
	g.Read(b)
	for i := range b {
		b[i] = upperAlnum[int(b[i])%len(upperAlnum)]
	}
	return string(b)
}
