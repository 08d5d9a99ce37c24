package lambda

import (
	"github.com/awsfake/awsfake/internal/pagetoken"
)

// defaultMaxItems is the page size of Lambda's list operations when MaxItems
// is not given.
const defaultMaxItems = 50

// page returns one page of items, which are sorted by key: those after the
// item the marker names, at most maxItems of them (1 to 10000, 0 meaning
// the default), and the marker of the next page ("" on the last). A marker
// names the last key of its page (pagetoken's convention), so a page
// survives items added or removed around it.
func page[T any](items []T, key func(T) string, marker string, maxItems int32) ([]T, string, error) {
	n := int(maxItems)
	switch {
	case maxItems == 0:
		n = defaultMaxItems
	case maxItems < 1 || maxItems > 10000:
		return nil, "", errRange("maxItems", int64(maxItems), 1, 10000)
	}
	out, next, ok := pagetoken.Page(items, key, marker, n)
	if !ok {
		return nil, "", errInvalid("Invalid marker: %s", marker)
	}
	return out, next, nil
}
