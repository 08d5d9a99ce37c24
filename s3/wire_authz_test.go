package s3_test

import (
	"testing"

	"github.com/awsfake/awsfake/internal/servicetest"
	"github.com/awsfake/awsfake/s3"
)

// The IAM action table has one row per operation of the wire table.
func TestActions_OneRowPerOperation(t *testing.T) {
	servicetest.CheckActions(t, s3.Actions(), s3.Operations())
}
