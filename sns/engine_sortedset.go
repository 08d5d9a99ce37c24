package sns

import (
	"sort"
	"strings"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// pageSize is how many items SNS's List* operations return per page:
// "Each call returns a limited list of topics, up to 100" (ListTopics), and
// likewise for subscriptions, platform applications and endpoints.
const pageSize = 100

// sortedSet is a set of keys (ARNs) kept in ascending order, so that a list
// resumes after the last key of the previous page even when items were
// added or removed in between.
type sortedSet []string

func (s *sortedSet) add(k string) {
	i := sort.SearchStrings(*s, k)
	if i < len(*s) && (*s)[i] == k {
		return
	}
	*s = append(*s, "")
	copy((*s)[i+1:], (*s)[i:])
	(*s)[i] = k
}

func (s *sortedSet) remove(k string) {
	i := sort.SearchStrings(*s, k)
	if i < len(*s) && (*s)[i] == k {
		*s = append((*s)[:i], (*s)[i+1:]...)
	}
}

// page returns up to n keys after the key named by token ("" starts at the
// beginning) and the token of the next page, "" on the last one: one
// pagetoken.Page. A token that does not decode is AWS's InvalidParameter
// for NextToken.
func (s sortedSet) page(token string, n int) ([]string, string, error) {
	page, next, ok := pagetoken.Page(s, func(k string) string { return k }, token, n)
	if !ok {
		return nil, "", invalidParameter("Invalid parameter: NextToken")
	}
	return append([]string(nil), page...), next, nil // the set changes after the lock
}

func (s sortedSet) contains(k string) bool {
	_, found := sort.Find(len(s), func(i int) int { return strings.Compare(k, s[i]) })
	return found
}
