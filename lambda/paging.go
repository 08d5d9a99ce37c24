package lambda

import (
	"sort"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// defaultMaxItems is the page size of Lambda's list operations when MaxItems
// is not given.
const defaultMaxItems = 50

// page returns one page of items, which are sorted by key: those from the
// item marker names, at most maxItems of them (1 to 10000, 0 meaning the
// default), and the marker of the next page ("" on the last). A marker is
// the opaque encoding of the key of the first item of its page, so a page
// survives items added or removed before it.
func page[T any](items []T, key func(T) string, marker string, maxItems int32) ([]T, string, error) {
	n := int(maxItems)
	switch {
	case maxItems == 0:
		n = defaultMaxItems
	case maxItems < 1 || maxItems > 10000:
		return nil, "", errRange("maxItems", int64(maxItems), 1, 10000)
	}
	start := 0
	if marker != "" {
		k, ok := pagetoken.Key(marker)
		if !ok {
			return nil, "", errInvalid("Invalid marker: %s", marker)
		}
		start = sort.Search(len(items), func(i int) bool { return key(items[i]) >= k })
	}
	end := min(start+n, len(items))
	next := ""
	if end < len(items) {
		next = pagetoken.Of(key(items[end]))
	}
	return items[start:end], next, nil
}
