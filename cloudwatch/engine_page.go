package cloudwatch

import (
	"slices"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// pageKeys sorts keys and returns the page the token starts.
func pageKeys(keys []string, token string, size int) (page []string, next string, ok bool) {
	slices.Sort(keys)
	return pagetoken.Page(keys, func(k string) string { return k }, token, size)
}
