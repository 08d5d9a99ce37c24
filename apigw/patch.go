package apigw

import (
	"fmt"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// patchOps are the ops of API Gateway's PatchOperation enum.
var patchOps = []string{"add", "remove", "move", "test", "replace", "copy"}

// checkPatch returns the ValidationException AWS gives for ops outside the
// enum, every one named at once, as recorded
// (test_apigateway_api.py::test_update_rest_api_concatenation_of_errors):
// "Value 'wrong' at 'updateRestApiInput.patchOperations.1.member.op' failed
// to satisfy constraint: Member must satisfy enum value set: [add, remove,
// move, test, replace, copy]".
func checkPatch(input string, ops []PatchOperation) error {
	if problems := patchProblems(input, ops); problems != nil {
		return errValidation(problems...)
	}
	return nil
}

// patchProblems are the texts of checkPatch's ValidationException, none
// when every op is in the enum.
func patchProblems(input string, ops []PatchOperation) []string {
	var problems []string
	for i, op := range ops {
		if !slices.Contains(patchOps, op.Op) {
			problems = append(problems, fmt.Sprintf("Value '%s' at '%s.patchOperations.%d.member.op' failed to satisfy constraint: "+
				"Member must satisfy enum value set: [%s]", op.Op, input, i+1, strings.Join(patchOps, ", ")))
		}
	}
	return problems
}

// errPatchPath is AWS's answer for a path an op does not take:
// "Invalid patch path  '/invalid' specified for op 'replace'. Must be one
// of: [/parentId, /pathPart]" (test_update_resource_behaviour; the double
// space is AWS's).
func errPatchPath(op PatchOperation, allowed ...string) error {
	if op.Op != "replace" || len(allowed) == 0 {
		return badRequest("Invalid patch path  '%s' specified for op '%s'. Please choose supported operations", op.Path, op.Op)
	}
	return badRequest("Invalid patch path  '%s' specified for op '%s'. Must be one of: [%s]", op.Path, op.Op, strings.Join(allowed, ", "))
}

// value returns the op's value, "" when it has none.
func (op PatchOperation) value() string {
	if op.Value == nil {
		return ""
	}
	return *op.Value
}

// unescapePointer decodes a JSON-pointer path segment (~1 is /, ~0 is ~).
func unescapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}

// Page sizes of the Get* listings: "The default value is 25 and the
// maximum value is 500" (api_op_GetRestApis.go).
const (
	defaultLimit = 25
	maxLimit     = 500
)

// pageOf is a page of the values of m, each shown by view, in the order
// of key (the order AWS lists them in): the listing every Get*s operation
// of a kept collection makes.
func pageOf[V, T any](m map[string]V, view func(V) T, key func(T) string, in PageInput) (Page[T], error) {
	all := make([]T, 0, len(m))
	for _, v := range m {
		all = append(all, view(v))
	}
	slices.SortFunc(all, func(x, y T) int { return strings.Compare(key(x), key(y)) })
	return page(all, key, in)
}

// page returns the page of sorted items that in selects.
func page[T any](items []T, key func(T) string, in PageInput) (Page[T], error) {
	if in.Limit < 0 || in.Limit > maxLimit {
		return Page[T]{}, badRequest("The limit must be between 1 and %d", maxLimit)
	}
	size := int(in.Limit)
	if size == 0 {
		size = defaultLimit
	}
	items, next, ok := pagetoken.Page(items, key, in.Position, size)
	if !ok {
		return Page[T]{}, badRequest("Invalid position parameter")
	}
	if items == nil {
		items = []T{}
	}
	return Page[T]{Items: items, Position: next}, nil
}
