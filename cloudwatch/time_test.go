package cloudwatch

import (
	"bytes"
	"math"
	"testing"
	"time"
)

// TestTimeMarshalCBOR_SameBytesAsTheEncoder pins the hand-written tag-1
// encoding of whole seconds to the bytes fxamacker/cbor writes for the
// same instant, at each boundary of CBOR's integer heads.
func TestTimeMarshalCBOR_SameBytesAsTheEncoder(t *testing.T) {
	secs := []int64{0, 1, 23, 24, 255, 256, 65535, 65536, math.MaxUint32, math.MaxUint32 + 1,
		1_700_000_000, -1, -24, -25, -256, -257, -65537, -math.MaxUint32 - 2}
	for _, s := range secs {
		for _, ns := range []int64{0, 500_000_000} {
			at := time.Unix(s, ns).UTC()
			got, err := Time{at}.MarshalCBOR()
			if err != nil {
				t.Fatal(err)
			}
			want, err := cborTime.Marshal(at)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%v: % x, want % x", at, got, want)
			}
		}
	}
}
