package s3

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// keyIndex must agree with a sorted slice under any mix of inserts and
// deletes, across block splits and merges.
func TestKeyIndex_MatchesASortedSetUnderRandomChanges(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var x keyIndex
	ref := map[string]bool{}
	for i := range 20000 {
		k := fmt.Sprintf("k%05d", rng.IntN(5000))
		if rng.IntN(3) == 0 {
			assert.Equal(t, ref[k], x.Delete(k), "delete %s", k)
			delete(ref, k)
		} else {
			assert.Equal(t, !ref[k], x.Insert(k), "insert %s", k)
			ref[k] = true
		}
		if i%2000 == 0 {
			checkIndex(t, &x, ref)
		}
	}
	checkIndex(t, &x, ref)
	for k := range ref {
		require.True(t, x.Delete(k))
	}
	assert.Equal(t, 0, x.Len())
	assert.Empty(t, x.blocks)
}

func checkIndex(t *testing.T, x *keyIndex, ref map[string]bool) {
	t.Helper()
	want := make([]string, 0, len(ref))
	for k := range ref {
		want = append(want, k)
	}
	slices.Sort(want)
	var got []string
	for c := x.Seek(""); c.Valid(); c.Next() {
		got = append(got, c.Key())
	}
	require.Equal(t, want, got)
	require.Equal(t, len(want), x.Len())
	for _, b := range x.blocks {
		require.NotEmpty(t, b)
		require.LessOrEqual(t, len(b), blockSize)
	}
	for _, probe := range []string{"", "k02500", "k02500x", "zzz"} {
		i, _ := slices.BinarySearch(want, probe)
		c := x.Seek(probe)
		if i == len(want) {
			require.False(t, c.Valid())
		} else {
			require.Equal(t, want[i], c.Key(), "seek %q", probe)
		}
	}
}

func TestPrefixEnd_IsTheFirstStringPastThePrefix(t *testing.T) {
	assert.Equal(t, "a0", prefixEnd("a/"))
	assert.Equal(t, "b", prefixEnd("a\xff"))
	assert.Equal(t, "", prefixEnd("\xff\xff"))
	assert.Equal(t, "", prefixEnd(""))
}
