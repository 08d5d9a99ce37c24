package logs

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// What another service (Step Functions' logging configuration, API
// Gateway's execution and access logs) posts to a log group ARN lands in
// the group and stream named, both created, in timestamp order; lines
// outside PutLogEvents' window are dropped.
func TestBusEndpoint_LinesLandInTheGroup(t *testing.T) {
	clk := clock.NewFake(fuzzT0)
	env := cloudenv.ForTest(clk)
	s := New(env)
	env.Attach(s.Describe())
	t.Cleanup(s.Close)
	now := clk.Now().UnixMilli()
	body, _ := json.Marshal([]bus.LogLine{
		{Timestamp: now + 1, Message: `{"type":"ExecutionSucceeded"}`},
		{Timestamp: now, Message: `{"type":"ExecutionStarted"}`},
		{Timestamp: now - int64(15*24*time.Hour/time.Millisecond), Message: "too old"},
	})
	env.Bus.Post("arn:aws:logs:us-east-1:000000000000:log-group:/aws/vendedlogs/states/m:*",
		bus.Message{Body: body, Meta: map[string]string{bus.MetaLogStream: "states/m/2030-01-01/abc"}})
	require.NoError(t, env.Bus.Settle(context.Background()))
	evs := s.Events("/aws/vendedlogs/states/m")
	require.Len(t, evs, 2)
	assert.Equal(t, `{"type":"ExecutionStarted"}`, evs[0].Message)
	assert.Equal(t, "states/m/2030-01-01/abc", evs[0].LogStream)
	assert.Empty(t, env.Bus.Failures())

	env.Bus.Post("arn:aws:logs:us-east-1:000000000000:log-group:g", bus.Message{Body: []byte("not json"),
		Meta: map[string]string{bus.MetaLogStream: "s"}})
	require.NoError(t, env.Bus.Settle(context.Background()))
	assert.Len(t, env.Bus.Failures(), 1, "a malformed delivery is a recorded failure")
}
