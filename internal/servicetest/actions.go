package servicetest

import (
	"regexp"
	"slices"
	"testing"

	"github.com/awsfake/awsfake/internal/authz"
)

// actionName is the form of an IAM action: service prefix, colon, a name.
var actionName = regexp.MustCompile(`^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$`)

// CheckActions fails tb unless table, a service's IAM action table, has
// one row per operation of ops and none else, each naming an action of the
// IAM form (sqs:SendMessage) or, for the operations AWS lets anyone call
// (sts:GetCallerIdentity), none.
func CheckActions(tb testing.TB, table authz.Table, ops []string) {
	tb.Helper()
	for _, op := range ops {
		row, ok := table[op]
		if !ok {
			tb.Errorf("operation %s has no row in the action table", op)
			continue
		}
		if row.Action != "" && !actionName.MatchString(row.Action) {
			tb.Errorf("operation %s: action %q is not of the form service:Action", op, row.Action)
		}
	}
	for op := range table {
		if !slices.Contains(ops, op) {
			tb.Errorf("the action table has a row for %s, which the service does not serve", op)
		}
	}
}
