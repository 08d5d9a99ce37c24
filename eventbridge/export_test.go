package eventbridge

// What the external tests read of the package's internals.
var (
	Errs       = errs
	SchedErrs  = schedErrs
	SchedCodes = schedCodes
)

// Operations returns the operations of the Go API, from the wire tables.
func Operations() []string { return operations }

// EventsWireOperations returns every operation of EventBridge's wire table.
func EventsWireOperations() []string { return jsonTargets.Operations() }

// SchedulerWireOperations returns every operation of Scheduler's wire table.
func SchedulerWireOperations() []string { return schedRoutes.Operations() }
