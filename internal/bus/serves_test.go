package bus_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/bus"
)

// Serves tells the services registered from those not.
func TestServes(t *testing.T) {
	b := bus.New(clock.Real())
	defer b.Close()
	assert.False(t, b.Serves("logs"))
	b.Register("logs", func(context.Context, string, bus.Message) ([]byte, error) { return nil, nil })
	assert.True(t, b.Serves("logs"))
	assert.False(t, b.Serves("cloudwatch"))
}
