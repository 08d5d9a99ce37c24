package stepfn_test

import (
	"testing"

	"github.com/awsfake/awsfake/internal/servicetest"
	"github.com/awsfake/awsfake/stepfn"
)

// The IAM action table has one row per operation of the wire table.
func TestActions_OneRowPerOperation(t *testing.T) {
	servicetest.CheckActions(t, stepfn.Actions(), stepfn.Operations())
}
