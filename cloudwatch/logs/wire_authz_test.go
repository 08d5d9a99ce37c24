package logs_test

import (
	"testing"

	"github.com/awsfake/awsfake/cloudwatch/logs"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// The IAM action table has one row per operation of the wire table.
func TestActions_OneRowPerOperation(t *testing.T) {
	servicetest.CheckActions(t, logs.Actions(), logs.Operations())
}
