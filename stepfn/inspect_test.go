package stepfn_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/servicetest"
)

// The Check helpers pass on what is true and report what is not.
func TestInspect_Checks(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "chk", obj{"StartAt": "P", "States": obj{"P": obj{"Type": "Pass", "End": true}}}, "")
	ex := f.start(t, sm, `{"a":1}`)
	svc := f.cloud.StepFunctions()
	e := svc.CheckStatus(t, ex, "SUCCEEDED")
	require.Equal(t, `{"a":1}`, e.Output)
	svc.CheckEvents(t, ex, "ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded")
	for _, check := range []func(testing.TB){
		func(tb testing.TB) { svc.CheckStatus(tb, ex, "FAILED") },
		func(tb testing.TB) { svc.CheckEvents(tb, ex, "ExecutionStarted") },
		func(tb testing.TB) { svc.CheckStatus(tb, ex+"x", "FAILED") },
	} {
		r := &servicetest.Recorder{}
		check(r)
		require.NotEmpty(t, r.Message)
	}
	require.Len(t, svc.Executions(sm), 1)
}
