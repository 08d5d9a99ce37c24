package pagetoken_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

func TestKey_ReturnsTheKeyOfAToken(t *testing.T) {
	for _, key := range []string{"a", "queue-1", "arn:aws:sns:us-east-1:000000000000:t", "ünïcode/+="} {
		got, ok := pagetoken.Key(pagetoken.Of(key))
		require.True(t, ok, key)
		assert.Equal(t, key, got)
	}
}

func TestKey_RefusesWhatOfDidNotMake(t *testing.T) {
	for _, token := range []string{"", "!", "a", "YQ==", "a b"} {
		_, ok := pagetoken.Key(token)
		assert.False(t, ok, "%q", token)
	}
}

// A page resumes after the key its token names, whether that key is still
// there, was removed, or lies beyond the end.
func TestAfter_StartsAfterTheNamedKey(t *testing.T) {
	sorted := []string{"b", "d", "f"}
	for _, tc := range []struct {
		key  string
		want int
	}{
		{"a", 0}, {"b", 1}, {"c", 1}, {"d", 2}, {"f", 3}, {"g", 3},
	} {
		i, ok := pagetoken.After(sorted, pagetoken.Of(tc.key))
		require.True(t, ok)
		assert.Equal(t, tc.want, i, "after %q", tc.key)
	}
	_, ok := pagetoken.After(sorted, "!")
	assert.False(t, ok)
}

func FuzzAfter(f *testing.F) {
	for _, seed := range []string{"", "YQ", "!", pagetoken.Of("d")} {
		f.Add(seed)
	}
	sorted := []string{"b", "d", "f"}
	f.Fuzz(func(t *testing.T, token string) {
		i, ok := pagetoken.After(sorted, token)
		if !ok {
			return
		}
		key, _ := pagetoken.Key(token)
		require.True(t, i >= 0 && i <= len(sorted))
		for _, k := range sorted[:i] {
			assert.LessOrEqual(t, k, key)
		}
		for _, k := range sorted[i:] {
			assert.Greater(t, k, key)
		}
	})
}

func TestPage_ResumesAfterTheLastKeyOfThePage(t *testing.T) {
	id := func(s string) string { return s }
	items := []string{"a", "b", "c", "d", "e"}
	p, next, ok := pagetoken.Page(items, id, "", 2)
	require.True(t, ok)
	assert.Equal(t, []string{"a", "b"}, p)
	// An item added before the token's key and one removed at it change nothing after it.
	items = []string{"a", "aa", "c", "d", "e"}
	p, next, ok = pagetoken.Page(items, id, next, 2)
	require.True(t, ok)
	assert.Equal(t, []string{"c", "d"}, p)
	p, next, ok = pagetoken.Page(items, id, next, 2)
	require.True(t, ok)
	assert.Equal(t, []string{"e"}, p)
	assert.Empty(t, next, "the last page has no token")
	p, next, _ = pagetoken.Page(items, id, "", 0)
	assert.Len(t, p, 5, "size 0: everything")
	assert.Empty(t, next)
	_, _, ok = pagetoken.Page(items, id, "not base64!", 2)
	assert.False(t, ok)
}
