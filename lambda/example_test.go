package lambda_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/lambda"
)

// A Go handler written for aws-lambda-go registers unchanged, and the real
// SDK client invokes it in memory.
func Example() {
	cloud := awsfake.New()
	defer cloud.Close()
	ctx := context.Background()

	type greeting struct {
		Name string `json:"name"`
	}
	_ = cloud.Lambda().RegisterHandler("hello", func(ctx context.Context, g greeting) (string, error) {
		return "hello, " + g.Name, nil
	})
	client := sdk.NewFromConfig(cloud.AWSConfig())
	_, err := client.CreateFunction(ctx, &sdk.CreateFunctionInput{
		FunctionName: aws.String("greeter"), Runtime: types.RuntimeProvidedal2023, Handler: aws.String("hello"),
		Role: aws.String("arn:aws:iam::000000000000:role/lambda"), Code: &types.FunctionCode{ZipFile: []byte("zip")},
	})
	if err != nil {
		panic(err)
	}
	out, err := client.Invoke(ctx, &sdk.InvokeInput{FunctionName: aws.String("greeter"), Payload: []byte(`{"name":"gopher"}`)})
	if err != nil {
		panic(err)
	}
	fmt.Println(out.StatusCode, string(out.Payload))
	// Output: 200 "hello, gopher"
}

// Asynchronous invocations retry on the cloud's clock: one minute after the
// first attempt, two minutes after the second.
func ExampleService_Invoke_asyncRetries() {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	ctx := context.Background()
	svc := cloud.Lambda()

	_ = svc.RegisterHandler("flaky", func() error { return errors.New("not yet") })
	_, _ = svc.CreateFunction(ctx, lambda.CreateFunctionInput{FunctionName: "flaky", Runtime: "provided.al2023",
		Handler: "flaky", Role: "arn:aws:iam::000000000000:role/lambda", Code: &lambda.FunctionCode{ZipFile: []byte("zip")}})
	_, _ = svc.Invoke(ctx, lambda.InvokeInput{FunctionName: "flaky", InvocationType: "Event"})
	for range 3 {
		_ = cloud.Settle(ctx)
		clk.Advance(time.Minute)
	}
	_ = cloud.Settle(ctx)
	for _, inv := range svc.Invocations("flaky") {
		fmt.Println(inv.Attempt, inv.Start.Format(time.TimeOnly), inv.FunctionError)
	}
	// Output:
	// 1 00:00:00 Unhandled
	// 2 00:01:00 Unhandled
	// 3 00:03:00 Unhandled
}

// A handler reads its invocation's details from its context, and writes to
// the function's log through Logger.
func ExampleFromContext() {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	ctx := context.Background()
	svc := cloud.Lambda()

	_ = svc.RegisterHandler("inspect", func(ctx context.Context) error {
		info, _ := lambda.FromContext(ctx)
		lambda.Logger(ctx).Printf("%s has %s left", info.FunctionName, info.RemainingTime())
		return nil
	})
	_, _ = svc.CreateFunction(ctx, lambda.CreateFunctionInput{FunctionName: "inspect", Runtime: "provided.al2023",
		Handler: "inspect", Role: "arn:aws:iam::000000000000:role/lambda", Code: &lambda.FunctionCode{ZipFile: []byte("zip")},
		Timeout: aws.Int32(30)})
	_, _ = svc.Invoke(ctx, lambda.InvokeInput{FunctionName: "inspect"})
	logs, _ := svc.Logs(ctx, "inspect")
	fmt.Println(logs[1].Message)
	// Output: inspect has 30s left
}

// InjectFault makes an API operation fail with Lambda's typed error, here
// Invoke refused as throttled; FailNextInvocations would make the function
// itself fail instead.
func ExampleService_InjectFault() {
	cloud := awsfake.New()
	defer cloud.Close()
	ctx := context.Background()
	_ = cloud.Lambda().RegisterHandler("ok", func() (string, error) { return "ok", nil })
	client := sdk.NewFromConfig(cloud.AWSConfig(), func(o *sdk.Options) { o.RetryMaxAttempts = 1 })
	_, _ = client.CreateFunction(ctx, &sdk.CreateFunctionInput{
		FunctionName: aws.String("fn"), Runtime: types.RuntimeProvidedal2023, Handler: aws.String("ok"),
		Role: aws.String("arn:aws:iam::000000000000:role/lambda"), Code: &types.FunctionCode{ZipFile: []byte("zip")},
	})
	cloud.Lambda().InjectFault("Invoke", "TooManyRequestsException", 1)

	_, err := client.Invoke(ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
	var throttled *types.TooManyRequestsException
	fmt.Println(errors.As(err, &throttled), throttled.ErrorMessage())
	out, err := client.Invoke(ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
	fmt.Println(string(out.Payload), err)
	for _, c := range cloud.Lambda().Calls() {
		fmt.Println(c.Operation, c.Err != nil)
	}
	// Output:
	// true Rate Exceeded.
	// "ok" <nil>
	// CreateFunction false
	// Invoke true
	// Invoke false
}
