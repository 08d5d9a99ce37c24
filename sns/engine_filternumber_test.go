package sns

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestToFixed_KeepsFiveDecimalsRoundingDown(t *testing.T) {
	for f, want := range map[float64]fixed{
		100.123456789: 10012345, 100.1234567: 10012345, 100.12345: 10012345, 100.12346: 10012346,
		0.00001: 1, 0.000009: 0, -0.000001: -1, -0.00001: -1, -5.000001: -500001, 3.015e2: 30150000,
		1e9: 100000000000000, -1e9: -100000000000000, 0: 0,
	} {
		got, ok := toFixed(f)
		assert.True(t, ok, "%v", f)
		assert.Equal(t, want, got, "%v", f)
	}
	for _, f := range []float64{1e9 + 1e-5, -1e9 - 1e-5, math.Inf(1), math.NaN()} {
		_, ok := toFixed(f)
		assert.False(t, ok, "%v is outside the range", f)
	}
}

// FuzzToFixed checks toFixed's two promises on any pair of numbers: it is
// within one unit below the number, and it keeps their order.
func FuzzToFixed(f *testing.F) {
	f.Add(100.123456789, 100.1234567)
	f.Add(-0.000001, 0.0)
	f.Add(1e9, -1e9)
	f.Add(999999999.999999, 1e-300)
	f.Fuzz(func(t *testing.T, a, b float64) {
		fa, okA := toFixed(a)
		fb, okB := toFixed(b)
		if !okA || !okB {
			return
		}
		if a <= b && fa > fb || b <= a && fb > fa {
			t.Fatalf("order lost: %v -> %d, %v -> %d", a, fa, b, fb)
		}
		// A unit is 1e-5; allow float64's own error at 1e9 magnitude.
		if d := a - float64(fa)/1e5; d < -1e-6 || d > 1e-5+1e-6 {
			t.Fatalf("%v -> %d is %v away", a, fa, d)
		}
	})
}
