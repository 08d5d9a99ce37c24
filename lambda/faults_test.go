package lambda_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/lambda"
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

// InjectFault fails the next calls of an API operation with Lambda's typed
// error and status, before anything changes; the Go API sees it too.
func TestInjectFault_TypedErrorsWithLambdaStatusAndStateUntouched(t *testing.T) {
	e := newEnv(t)
	e.register(t, "h", func() (string, error) { return "fine", nil })
	api := e.cloud.Lambda()
	api.InjectFault("CreateFunction", "ResourceConflictException", 1)
	_, err := e.client.CreateFunction(e.ctx, &sdk.CreateFunctionInput{FunctionName: aws.String("fn"), Role: aws.String(role),
		Runtime: types.RuntimeProvidedal2023, Handler: aws.String("h"), Code: &types.FunctionCode{ZipFile: []byte("zip")}})
	var conflict *types.ResourceConflictException
	require.ErrorAs(t, err, &conflict)
	assert.Equal(t, "User", aws.ToString(conflict.Type))
	requireStatus(t, err, 409)
	_, err = api.GetFunction(e.ctx, lambda.GetFunctionInput{FunctionName: "fn"})
	requireCode(t, err, "ResourceNotFoundException") // no function was made

	e.createFunction(t, "fn", "h")
	api.InjectFault("Invoke", "TooManyRequestsException", 1)
	api.InjectFault("Invoke", "ServiceException", 1)
	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
	var throttled *types.TooManyRequestsException
	require.ErrorAs(t, err, &throttled)
	requireStatus(t, err, 429)
	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
	var service *types.ServiceException
	require.ErrorAs(t, err, &service)
	assert.Equal(t, "Service", aws.ToString(service.Type))
	requireStatus(t, err, 500)
	assert.Empty(t, api.Invocations("fn"), "refused invocations run nothing")
	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Equal(t, `"fine"`, string(out.Payload))

	api.InjectFault("GetFunctionConfiguration", "ResourceNotFoundException", 0)
	for range 2 {
		_, err = api.GetFunctionConfiguration(e.ctx, lambda.GetFunctionInput{FunctionName: "fn"})
		requireCode(t, err, "ResourceNotFoundException")
	}
	api.ClearFaults()
	_, err = api.GetFunctionConfiguration(e.ctx, lambda.GetFunctionInput{FunctionName: "fn"})
	require.NoError(t, err)
	assert.PanicsWithValue(t, `lambda.InjectFault: unknown operation "Fly"`, func() { api.InjectFault("Fly", "ServiceException", 1) })
}

// Calls lists API calls, wire and Go API alike, with their time and the
// fault that failed them; invocations by event sources are not API calls.
func TestCalls_RecordAPICallsOnly(t *testing.T) {
	e := newEnv(t)
	e.register(t, "h", func() (string, error) { return "fine", nil })
	api := e.cloud.Lambda()
	e.createFunction(t, "fn", "h")
	e.clk.Advance(time.Second)
	api.InjectFault("ListFunctions", "Gremlins", 1)
	_, err := e.client.ListFunctions(e.ctx, &sdk.ListFunctionsInput{})
	requireStatus(t, err, 400)
	_, err = api.Invoke(e.ctx, lambda.InvokeInput{FunctionName: "fn"})
	require.NoError(t, err)
	_, err = e.client.GetFunctionCodeSigningConfig(e.ctx, &sdk.GetFunctionCodeSigningConfigInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)

	calls := api.Calls()
	var ops []string
	for _, c := range calls {
		ops = append(ops, c.Operation)
	}
	assert.Equal(t, []string{"CreateFunction", "ListFunctions", "Invoke"}, ops,
		"GetFunctionCodeSigningConfig is not recorded as GetFunctionConfiguration")
	assert.Equal(t, t0, calls[0].At)
	assert.Equal(t, t0.Add(time.Second), calls[1].At)
	assert.Error(t, calls[1].Err)
	assert.NoError(t, calls[2].Err)
}

// requireStatus asserts that err came from an HTTP answer with the status.
func requireStatus(t *testing.T, err error, status int) {
	t.Helper()
	var re *smithyhttp.ResponseError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, status, re.HTTPStatusCode())
}

// InjectLatency parks each call of the operation on the cloud clock until
// the test advances it; the call then runs as usual.
func TestInjectLatency_ParksTheCallOnTheClock(t *testing.T) {
	e := newEnv(t)
	e.createFunction(t, "fn", "h")
	e.cloud.Lambda().InjectLatency("GetFunction", 5*time.Second)
	done := make(chan error, 1)
	go func() {
		_, err := e.client.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("fn")})
		done <- err
	}()
	ctx, cancel := context.WithTimeout(e.ctx, 10*time.Second)
	defer cancel()
	require.NoError(t, e.clk.BlockUntil(ctx, 1))
	e.clk.Advance(5*time.Second - time.Nanosecond)
	select {
	case err := <-done:
		t.Fatalf("returned before the latency: %v", err)
	default:
	}
	e.clk.Advance(time.Nanosecond)
	require.NoError(t, <-done)
	calls := e.cloud.Lambda().Calls()
	assert.Equal(t, t0.Add(5*time.Second), calls[len(calls)-1].At, "recorded when it ran")

	e.cloud.Lambda().ClearFaults()
	_, err := e.client.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.PanicsWithValue(t, `lambda.InjectLatency: unknown operation "Fly"`, func() { e.cloud.Lambda().InjectLatency("Fly", time.Second) })
}
