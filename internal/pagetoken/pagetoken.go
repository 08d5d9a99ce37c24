// Package pagetoken makes the page tokens of the fake's list operations.
// AWS's tokens are opaque; the fake's name a key of the listing, so that a
// listing in key order resumes where it stopped even when items were added
// or removed between pages. Page sizes, which key a token names (the last of
// a page or the first of the next) and the error for a bad token are each
// service's own.
package pagetoken

import (
	"encoding/base64"
	"sort"
)

// Of returns the token that names key.
func Of(key string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(key))
}

// Key returns the key a token names; ok is false when the token is not one
// Of made for a key.
func Key(token string) (key string, ok bool) {
	b, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || len(b) == 0 {
		return "", false
	}
	return string(b), true
}

// After returns the index in sorted (ascending) of the first key after the
// one the token names: where the page after a page ending at that key
// starts. ok is false when the token is not one Of made.
func After(sorted []string, token string) (i int, ok bool) {
	key, ok := Key(token)
	if !ok {
		return 0, false
	}
	i = sort.SearchStrings(sorted, key)
	if i < len(sorted) && sorted[i] == key {
		i++
	}
	return i, true
}
