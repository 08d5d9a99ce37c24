package lambda_test

import (
	"encoding/base64"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/lambda"
)

func decodeTail(t *testing.T, out *sdk.InvokeOutput) string {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(aws.ToString(out.LogResult))
	require.NoError(t, err)
	return string(b)
}

func TestEnvironments_WarmReuseUntilIdleTimeoutOnTheClock(t *testing.T) {
	e := newEnv(t)
	e.cloud.Lambda().SetIdleTimeout(5 * time.Minute)
	e.register(t, "h", func() error { return nil })
	e.createFunction(t, "fn", "h")
	invoke := func() {
		t.Helper()
		_, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
		require.NoError(t, err)
	}
	invoke()
	e.cloud.Lambda().CheckColdStarts(t, "fn", 1)
	envs, err := e.cloud.Lambda().Environments(e.ctx, "fn")
	require.NoError(t, err)
	require.Len(t, envs, 1)
	assert.False(t, envs[0].Busy)

	e.clk.Advance(5*time.Minute - time.Nanosecond) // just before the idle timeout
	invoke()
	assert.Equal(t, 1, e.cloud.Lambda().ColdStarts("fn"), "still warm")

	e.clk.Advance(5 * time.Minute) // exactly at the idle timeout
	envs, err = e.cloud.Lambda().Environments(e.ctx, "fn")
	require.NoError(t, err)
	assert.Empty(t, envs, "retired")
	invoke()
	e.cloud.Lambda().CheckColdStarts(t, "fn", 2)
	e.clk.Advance(5*time.Minute + time.Nanosecond) // just after
	invoke()
	assert.Equal(t, 3, e.cloud.Lambda().ColdStarts("fn"))

	recs := e.cloud.Lambda().Invocations("fn")
	var cold []bool
	for _, r := range recs {
		cold = append(cold, r.ColdStart)
	}
	assert.Equal(t, []bool{true, false, true, true}, cold)
}

func TestEnvironments_OneEventAtATimeSoConcurrentCallsStartMore(t *testing.T) {
	e := newEnv(t)
	started, release := blocking(t, e, "busy")
	e.createFunction(t, "fn", "busy")
	done := make(chan error, 3)
	for range 3 {
		go func() {
			_, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
			done <- err
		}()
	}
	for range 3 {
		<-started
	}
	envs, err := e.cloud.Lambda().Environments(e.ctx, "fn")
	require.NoError(t, err)
	require.Len(t, envs, 3)
	for _, env := range envs {
		assert.True(t, env.Busy)
	}
	close(release)
	for range 3 {
		require.NoError(t, <-done)
	}
	assert.Equal(t, 3, e.cloud.Lambda().ColdStarts("fn"))
	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Equal(t, 3, e.cloud.Lambda().ColdStarts("fn"), "a fourth call reuses a warm one")
}

// A crash discards its environment, so the retry of an asynchronous event
// starts cold, in a new environment with a log stream of its own, though
// it keeps the event's request id.
func TestEnvironments_RetryAfterACrashGetsANewLogStream(t *testing.T) {
	e := newEnv(t)
	e.register(t, "crash", func() error { panic("boom") })
	e.createFunction(t, "fn", "crash")
	_, err := e.cloud.Lambda().Invoke(e.ctx, lambda.InvokeInput{FunctionName: "fn", InvocationType: "Event"})
	require.NoError(t, err)
	e.settle(t)
	e.clk.Advance(time.Minute) // the first retry
	e.settle(t)
	recs := e.cloud.Lambda().Invocations("fn")
	require.Len(t, recs, 2)
	require.Equal(t, recs[0].RequestID, recs[1].RequestID)
	assert.True(t, recs[1].ColdStart)
	logs, err := e.cloud.Lambda().Logs(e.ctx, "fn")
	require.NoError(t, err)
	streams := map[string]bool{}
	for _, l := range logs {
		streams[l.LogStream] = true
	}
	assert.Len(t, streams, 2, "one log stream per environment")
}
