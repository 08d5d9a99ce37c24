package lambda

import (
	"github.com/awsfake/awsfake/internal/pagetoken"
)

// defaultMaxItems is the page size of Lambda's list operations when MaxItems
// is not given.
const defaultMaxItems = 50

// pageRule is a list operation's MaxItems rule: the model's range, 1 to
// max, and the most items a page holds whatever MaxItems asks for (the
// SDK's doc: "ListFunctions returns a maximum of 50 items in each
// response, even if you set the number higher").
type pageRule struct{ max, most int32 }

var (
	// pageTo10000: ListAliases.
	pageTo10000 = pageRule{max: 10000, most: 10000}
	// pageTo50: ListLayers, ListLayerVersions, ListFunctionUrlConfigs,
	// ListFunctionEventInvokeConfigs, ListProvisionedConcurrencyConfigs.
	pageTo50 = pageRule{max: 50, most: 50}
	// pageFunctions: ListFunctions and ListVersionsByFunction, 50 a page.
	pageFunctions = pageRule{max: 10000, most: 50}
	// pageMappings: ListEventSourceMappings, 100 a page.
	pageMappings = pageRule{max: 10000, most: 100}
)

// page returns one page of items, which are sorted by key: those after the
// item the marker names, at most maxItems of them (0 meaning the default,
// and no more than the rule's most), and the marker of the next page (""
// on the last). A MaxItems outside the rule's range is a
// ValidationException. A marker names the last key of its page
// (pagetoken's convention), so a page survives items added or removed
// around it.
func page[T any](items []T, key func(T) string, marker string, maxItems int32, rule pageRule) ([]T, string, error) {
	n := int(min(maxItems, rule.most))
	switch {
	case maxItems == 0:
		n = min(defaultMaxItems, int(rule.most))
	case maxItems < 1 || maxItems > rule.max:
		return nil, "", errRange("maxItems", int64(maxItems), 1, int64(rule.max))
	}
	out, next, ok := pagetoken.Page(items, key, marker, n)
	if !ok {
		return nil, "", errInvalid("Invalid marker: %s", marker)
	}
	return out, next, nil
}
