package lambda_test

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/lambda"
)

func TestClose_EndsInvocationsAndLeavesNoGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	clk := clock.NewFake(t0)
	cloud := awsfake.New(awsfake.WithClock(clk))
	client := newClient(cloud)
	ctx := context.Background()
	started := make(chan struct{}, 4)
	svc := cloud.Lambda()
	require.NoError(t, svc.RegisterHandler("wait", func(ctx context.Context) error {
		started <- struct{}{}
		<-ctx.Done() // honours its context: Close cancels it
		return ctx.Err()
	}))
	require.NoError(t, svc.RegisterHandler("fail", func() error { return assert.AnError }))
	for _, fn := range []struct{ name, handler string }{{"waiter", "wait"}, {"failer", "fail"}} {
		_, err := client.CreateFunction(ctx, &sdk.CreateFunctionInput{FunctionName: aws.String(fn.name), Role: aws.String(role),
			Runtime: types.RuntimeProvidedal2023, Handler: aws.String(fn.handler), Code: &types.FunctionCode{ZipFile: []byte("z")}})
		require.NoError(t, err)
	}
	// A synchronous invocation in progress and an asynchronous event
	// waiting for its retry on the clock.
	var wg sync.WaitGroup
	wg.Add(1)
	var syncErr error
	go func() {
		defer wg.Done()
		_, syncErr = client.Invoke(ctx, &sdk.InvokeInput{FunctionName: aws.String("waiter")})
	}()
	<-started
	_, err := client.Invoke(ctx, &sdk.InvokeInput{FunctionName: aws.String("failer"), InvocationType: types.InvocationTypeEvent})
	require.NoError(t, err)
	require.NoError(t, cloud.Settle(ctx))

	require.NoError(t, cloud.Close())
	wg.Wait()
	requireCode(t, syncErr, "ServiceException")
	_, err = svc.Invoke(ctx, lambda.InvokeInput{FunctionName: "waiter"})
	requireCode(t, err, "ServiceException")

	clk.Advance(time.Hour) // the retry timer was stopped: nothing runs
	assert.Len(t, svc.Invocations("failer"), 1)
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	assert.LessOrEqual(t, runtime.NumGoroutine(), before, "goroutines left after Close")
}
