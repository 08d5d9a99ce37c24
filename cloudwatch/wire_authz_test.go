package cloudwatch_test

import (
	"testing"

	"github.com/awsfake/awsfake/cloudwatch"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// The IAM action table has one row per operation of the wire table.
func TestActions_OneRowPerOperation(t *testing.T) {
	servicetest.CheckActions(t, cloudwatch.Actions(), cloudwatch.Operations())
}
