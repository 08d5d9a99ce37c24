// Package pagetoken is the one pager of the fake's list operations.
// AWS's tokens are opaque; the fake's name the last key of the page they end,
// so that a listing in key order resumes after it even when items were added
// or removed between pages (one convention in every service). Page sizes and
// the error for a bad token are each service's own.
//
//	page, next, ok := pagetoken.Page(sorted, func(q *queue) string { return q.name }, in.NextToken, size)
//	if !ok { return invalidToken(in.NextToken) }
package pagetoken

import (
	"encoding/base64"
	"sort"
)

// Page returns the page of items (sorted ascending by key) that token
// starts: the items after the key it names ("" starts at the first), at most
// size of them (size <= 0 means all), and the token of the next page, ""
// on the last one. ok is false when the token is not one Page made.
func Page[T any](items []T, key func(T) string, token string, size int) (page []T, next string, ok bool) {
	start := 0
	if token != "" {
		k, valid := Key(token)
		if !valid {
			return nil, "", false
		}
		start = sort.Search(len(items), func(i int) bool { return key(items[i]) > k })
	}
	end := len(items)
	if size > 0 {
		end = min(start+size, len(items))
	}
	page = items[start:end]
	if end < len(items) && end > start {
		next = Of(key(items[end-1]))
	}
	return page, next, true
}

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
