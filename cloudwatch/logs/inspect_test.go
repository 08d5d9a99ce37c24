package logs_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/servicetest"
)

// CheckLogged finds an event by substring and fails, recorded, when none
// has it.
func TestCheckLogged(t *testing.T) {
	f := newFixture(t)
	f.group(t, "g", "s")
	f.put(t, "g", "s", ev{0, "hello world"})
	e := f.cloud.Logs().CheckLogged(t, "g", "world")
	assert.Equal(t, "s", e.LogStream)
	rec := &servicetest.Recorder{TB: t}
	f.cloud.Logs().CheckLogged(rec, "g", "absent")
	assert.Equal(t, `logs: no event of log group g contains "absent"`, rec.Message)
	assert.Nil(t, f.cloud.Logs().Events("missing"))
}
