package lambda_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFailNextInvocations_FailsExactlyN(t *testing.T) {
	e := newEnv(t)
	e.register(t, "h", func() (string, error) { return "fine", nil })
	e.createFunction(t, "fn", "h")
	require.NoError(t, e.cloud.Lambda().FailNextInvocations(e.ctx, "fn", 2))
	var errs []string
	for range 3 {
		out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
		require.NoError(t, err)
		errs = append(errs, aws.ToString(out.FunctionError))
		if out.FunctionError != nil {
			var doc map[string]string
			require.NoError(t, json.Unmarshal(out.Payload, &doc))
			assert.Equal(t, "InjectedFailure", doc["errorType"])
		}
	}
	assert.Equal(t, []string{"Unhandled", "Unhandled", ""}, errs)
	assert.Error(t, e.cloud.Lambda().FailNextInvocations(e.ctx, "ghost", 1))
}

func TestSetLatency_DelaysOnTheClockAndCountsAgainstTheTimeout(t *testing.T) {
	e := newEnv(t)
	e.register(t, "h", func() (string, error) { return "late", nil })
	e.createFunction(t, "fn", "h", func(in *sdk.CreateFunctionInput) { in.Timeout = aws.Int32(3) })
	require.NoError(t, e.cloud.Lambda().SetLatency(e.ctx, "fn", 2*time.Second))
	done := make(chan *sdk.InvokeOutput, 1)
	go func() {
		out, _ := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
		done <- out
	}()
	waitLatency(t, e)
	e.clk.Advance(2*time.Second - time.Nanosecond)
	select {
	case <-done:
		t.Fatal("returned before the latency")
	default:
	}
	e.clk.Advance(time.Nanosecond)
	out := <-done
	assert.Equal(t, `"late"`, string(out.Payload))
	recs := e.cloud.Lambda().Invocations("fn")
	require.Len(t, recs, 1)
	assert.Equal(t, 2*time.Second, recs[0].End.Sub(recs[0].Start))

	require.NoError(t, e.cloud.Lambda().SetLatency(e.ctx, "fn", 3*time.Second))
	go func() {
		out, _ := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
		done <- out
	}()
	waitLatency(t, e)
	e.clk.Advance(3 * time.Second)
	out = <-done
	assert.Equal(t, "Unhandled", aws.ToString(out.FunctionError), "a latency as long as the timeout times out")
	assert.Contains(t, string(out.Payload), "Task timed out after 3.00 seconds")
}

// waitLatency waits until an invocation is parked on its latency timer, a
// channel timer on the fake clock (its timeout timer is armed before it).
func waitLatency(t *testing.T, e *env) {
	t.Helper()
	ctx, cancel := context.WithTimeout(e.ctx, 10*time.Second)
	defer cancel()
	require.NoError(t, e.clk.BlockUntil(ctx, 1))
}
