package route53_test

import (
	"testing"

	"github.com/awsfake/awsfake/internal/servicetest"
	"github.com/awsfake/awsfake/route53"
)

// The IAM action tables have one row per operation of the wire tables,
// Route 53's and Route 53 Domains'.
func TestActions_OneRowPerOperation(t *testing.T) {
	servicetest.CheckActions(t, route53.Actions(), route53.Operations())
	servicetest.CheckActions(t, route53.DomainActions(), route53.DomainOps())
}
