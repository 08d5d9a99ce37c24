package eventbridge_test

import (
	"testing"

	"github.com/awsfake/awsfake/eventbridge"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// The IAM action tables have one row per operation of the wire tables,
// EventBridge's and Scheduler's.
func TestActions_OneRowPerOperation(t *testing.T) {
	servicetest.CheckActions(t, eventbridge.Actions(), eventbridge.EventsWireOperations())
	servicetest.CheckActions(t, eventbridge.SchedulerActions(), eventbridge.SchedulerWireOperations())
}
