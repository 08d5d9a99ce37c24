package lambda_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// blocking registers a handler that runs until release is closed, and
// reports each start on started.
func blocking(t *testing.T, e *env, name string) (started chan struct{}, release chan struct{}) {
	started, release = make(chan struct{}, 16), make(chan struct{})
	e.register(t, name, func(ctx context.Context) error {
		started <- struct{}{}
		<-release
		return nil
	})
	return started, release
}

func TestReservedConcurrency_ThrottlesSynchronousCallsWithReason(t *testing.T) {
	e := newEnv(t)
	started, release := blocking(t, e, "busy")
	e.createFunction(t, "fn", "busy")
	_, err := e.client.PutFunctionConcurrency(e.ctx, &sdk.PutFunctionConcurrencyInput{FunctionName: aws.String("fn"), ReservedConcurrentExecutions: aws.Int32(1)})
	require.NoError(t, err)

	first := make(chan error, 1)
	go func() {
		_, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
		first <- err
	}()
	<-started
	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
	ae := requireCode(t, err, "TooManyRequestsException")
	var tmr *types.TooManyRequestsException
	require.ErrorAs(t, err, &tmr)
	assert.Equal(t, types.ThrottleReasonReservedFunctionConcurrentInvocationLimitExceeded, tmr.Reason)
	assert.Equal(t, "Rate Exceeded.", ae.ErrorMessage())
	assert.Equal(t, "User", aws.ToString(tmr.Type))

	close(release)
	require.NoError(t, <-first)
	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
	assert.NoError(t, err, "the slot is free again")
	e.cloud.Lambda().CheckInvoked(t, "fn", 2) // the throttled call never ran
}

func TestAccountConcurrency_ThrottlesUnreservedFunctions(t *testing.T) {
	e := newEnv(t)
	e.cloud.Lambda().SetAccountConcurrency(1)
	started, release := blocking(t, e, "busy")
	e.createFunction(t, "a", "busy")
	e.createFunction(t, "b", "busy")
	done := make(chan error, 1)
	go func() {
		_, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("a")})
		done <- err
	}()
	<-started
	_, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("b")})
	var tmr *types.TooManyRequestsException
	require.ErrorAs(t, err, &tmr)
	assert.Equal(t, types.ThrottleReasonConcurrentInvocationLimitExceeded, tmr.Reason)
	close(release)
	require.NoError(t, <-done)
}

func TestPutFunctionConcurrency_KeepsOneHundredUnreservedAndRoundTrips(t *testing.T) {
	e := newEnv(t)
	e.createFunction(t, "fn", "h")
	_, err := e.client.PutFunctionConcurrency(e.ctx, &sdk.PutFunctionConcurrencyInput{FunctionName: aws.String("fn"), ReservedConcurrentExecutions: aws.Int32(901)})
	ae := requireCode(t, err, "InvalidParameterValueException")
	assert.Contains(t, ae.ErrorMessage(), "below its minimum value of [100]")
	_, err = e.client.PutFunctionConcurrency(e.ctx, &sdk.PutFunctionConcurrencyInput{FunctionName: aws.String("fn"), ReservedConcurrentExecutions: aws.Int32(900)})
	require.NoError(t, err)

	got, err := e.client.GetFunctionConcurrency(e.ctx, &sdk.GetFunctionConcurrencyInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Equal(t, int32(900), aws.ToInt32(got.ReservedConcurrentExecutions))
	fn, err := e.client.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Equal(t, int32(900), aws.ToInt32(fn.Concurrency.ReservedConcurrentExecutions))
	settings, err := e.client.GetAccountSettings(e.ctx, &sdk.GetAccountSettingsInput{})
	require.NoError(t, err)
	assert.Equal(t, int32(1000), settings.AccountLimit.ConcurrentExecutions)
	assert.Equal(t, int32(100), aws.ToInt32(settings.AccountLimit.UnreservedConcurrentExecutions))
	assert.Equal(t, int64(1), settings.AccountUsage.FunctionCount)

	_, err = e.client.DeleteFunctionConcurrency(e.ctx, &sdk.DeleteFunctionConcurrencyInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	got, err = e.client.GetFunctionConcurrency(e.ctx, &sdk.GetFunctionConcurrencyInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Nil(t, got.ReservedConcurrentExecutions)
}

func TestProvisionedConcurrency_KeepsEnvironmentsWarm(t *testing.T) {
	e := newEnv(t)
	e.register(t, "h", func() error { return nil })
	e.createFunction(t, "fn", "h", func(in *sdk.CreateFunctionInput) { in.Publish = true })
	_, err := e.client.PutProvisionedConcurrencyConfig(e.ctx, &sdk.PutProvisionedConcurrencyConfigInput{FunctionName: aws.String("fn"),
		Qualifier: aws.String("$LATEST"), ProvisionedConcurrentExecutions: aws.Int32(2)})
	requireCode(t, err, "InvalidParameterValueException")
	out, err := e.client.PutProvisionedConcurrencyConfig(e.ctx, &sdk.PutProvisionedConcurrencyConfigInput{FunctionName: aws.String("fn"),
		Qualifier: aws.String("1"), ProvisionedConcurrentExecutions: aws.Int32(2)})
	require.NoError(t, err)
	assert.Equal(t, types.ProvisionedConcurrencyStatusEnumReady, out.Status)

	for range 3 {
		res, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn:1"), LogType: types.LogTypeTail})
		require.NoError(t, err)
		assert.NotContains(t, decodeTail(t, res), "Init Duration", "a provisioned environment has no cold start")
	}
	assert.Zero(t, e.cloud.Lambda().ColdStarts("fn"))
	e.clk.Advance(24 * 3600 * 1e9)
	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn:1")})
	require.NoError(t, err)
	assert.Zero(t, e.cloud.Lambda().ColdStarts("fn"), "provisioned environments never idle out")
	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Equal(t, 1, e.cloud.Lambda().ColdStarts("fn"), "$LATEST has no provisioned concurrency")

	list, err := e.client.ListProvisionedConcurrencyConfigs(e.ctx, &sdk.ListProvisionedConcurrencyConfigsInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	require.Len(t, list.ProvisionedConcurrencyConfigs, 1)
	assert.Equal(t, "arn:aws:lambda:us-east-1:000000000000:function:fn:1", aws.ToString(list.ProvisionedConcurrencyConfigs[0].FunctionArn))
	_, err = e.client.DeleteProvisionedConcurrencyConfig(e.ctx, &sdk.DeleteProvisionedConcurrencyConfigInput{FunctionName: aws.String("fn"), Qualifier: aws.String("1")})
	require.NoError(t, err)
	_, err = e.client.GetProvisionedConcurrencyConfig(e.ctx, &sdk.GetProvisionedConcurrencyConfigInput{FunctionName: aws.String("fn"), Qualifier: aws.String("1")})
	requireCode(t, err, "ProvisionedConcurrencyConfigNotFoundException")
}
