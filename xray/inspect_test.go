package xray_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/servicetest"
)

func TestCheckHelpers_PassAndFail(t *testing.T) {
	e, a, b, _, _ := filterFixture(t)
	xr := e.cloud.XRay()
	snap := xr.CheckTrace(t, a)
	assert.Equal(t, []string{"api", "DynamoDB", "orders"}, snap.Services)
	xr.CheckSelects(t, "fault", b)

	for _, fail := range []func(tb testing.TB){
		func(tb testing.TB) { xr.CheckSelects(tb, "fault", a) },
		func(tb testing.TB) { xr.CheckTrace(tb, "1-00000000-000000000000000000000000") },
		func(tb testing.TB) { xr.CheckSelects(tb, "duration >") },
	} {
		rec := &servicetest.Recorder{}
		fail(rec)
		assert.NotEmpty(t, rec.Message)
	}
}
