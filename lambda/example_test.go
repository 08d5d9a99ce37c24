package lambda_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/lambdacontext"
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

// exampleFunction creates a provided.al2023 function whose Handler is
// bootstrap, with the environment variables vars.
func exampleFunction(svc *lambda.Service, name string, vars map[string]string) {
	_, err := svc.CreateFunction(context.Background(), lambda.CreateFunctionInput{FunctionName: name,
		Runtime: "provided.al2023", Handler: "bootstrap", Role: "arn:aws:iam::000000000000:role/lambda",
		Code: &lambda.FunctionCode{ZipFile: []byte("zip")}, Environment: &lambda.Environment{Variables: vars}})
	if err != nil {
		panic(err)
	}
}

// A handler written for aws-lambda-go reads lambdacontext.FromContext
// unchanged: the ARN is as invoked, here through an alias.
func ExampleFromContext_lambdacontext() {
	cloud := awsfake.New()
	defer cloud.Close()
	ctx := context.Background()
	svc := cloud.Lambda()
	_ = svc.RegisterHandler("bootstrap", func(ctx context.Context) (string, error) {
		lc, _ := lambdacontext.FromContext(ctx)
		return lc.InvokedFunctionArn, nil
	})
	exampleFunction(svc, "orders", nil)
	_, _ = svc.PublishVersion(ctx, lambda.PublishVersionInput{FunctionName: "orders"})
	_, _ = svc.CreateAlias(ctx, lambda.CreateAliasInput{FunctionName: "orders", Name: "live", FunctionVersion: "1"})
	out, _ := svc.Invoke(ctx, lambda.InvokeInput{FunctionName: "orders", Qualifier: "live"})
	fmt.Println(string(out.Payload))
	// Output: "arn:aws:lambda:us-east-1:000000000000:function:orders:live"
}

// Two functions share a handler and each reads its own environment from its
// context, even when they run at the same time.
func ExampleGetenv() {
	cloud := awsfake.New()
	defer cloud.Close()
	ctx := context.Background()
	svc := cloud.Lambda()
	_ = svc.RegisterHandler("bootstrap", func(ctx context.Context) (string, error) {
		return lambda.Getenv(ctx, "AWS_LAMBDA_FUNCTION_NAME") + " uses " + lambda.Getenv(ctx, "TABLE"), nil
	})
	exampleFunction(svc, "orders", map[string]string{"TABLE": "orders-table"})
	exampleFunction(svc, "users", map[string]string{"TABLE": "users-table"})
	for _, fn := range []string{"orders", "users"} {
		out, _ := svc.Invoke(ctx, lambda.InvokeInput{FunctionName: fn})
		fmt.Println(string(out.Payload))
	}
	// Output:
	// "orders uses orders-table"
	// "users uses users-table"
}

// LookupEnv tells a variable set to "" from one not set.
func ExampleLookupEnv() {
	cloud := awsfake.New()
	defer cloud.Close()
	svc := cloud.Lambda()
	_ = svc.RegisterHandler("bootstrap", func(ctx context.Context) (string, error) {
		_, empty := lambda.LookupEnv(ctx, "EMPTY")
		_, missing := lambda.LookupEnv(ctx, "MISSING")
		return fmt.Sprint(empty, missing), nil
	})
	exampleFunction(svc, "fn", map[string]string{"EMPTY": ""})
	out, _ := svc.Invoke(context.Background(), lambda.InvokeInput{FunctionName: "fn"})
	fmt.Println(string(out.Payload))
	// Output: "true false"
}

// Environ is the whole environment of the function: its variables and the
// ones AWS defines.
func ExampleEnviron() {
	cloud := awsfake.New()
	defer cloud.Close()
	svc := cloud.Lambda()
	_ = svc.RegisterHandler("bootstrap", func(ctx context.Context) (map[string]string, error) {
		return lambda.Environ(ctx), nil
	})
	exampleFunction(svc, "fn", map[string]string{"STAGE": "test"})
	out, _ := svc.Invoke(context.Background(), lambda.InvokeInput{FunctionName: "fn"})
	var env map[string]string
	_ = json.Unmarshal(out.Payload, &env)
	for _, k := range []string{"STAGE", "AWS_REGION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "LAMBDA_TASK_ROOT"} {
		fmt.Println(k, env[k])
	}
	// Output:
	// STAGE test
	// AWS_REGION us-east-1
	// AWS_LAMBDA_FUNCTION_MEMORY_SIZE 128
	// LAMBDA_TASK_ROOT /var/task
}

// InvocationOf is what an AWS call made with the handler's context is
// attributed to: the function's role and the invocation's trace header.
func ExampleInvocationOf() {
	cloud := awsfake.New()
	defer cloud.Close()
	svc := cloud.Lambda()
	_ = svc.RegisterHandler("bootstrap", func(ctx context.Context) (string, error) {
		role, trace, _ := lambda.InvocationOf(ctx)
		return role + " " + trace[:7], nil
	})
	exampleFunction(svc, "fn", nil)
	out, _ := svc.Invoke(context.Background(), lambda.InvokeInput{FunctionName: "fn"})
	fmt.Println(string(out.Payload))
	// Output: "arn:aws:iam::000000000000:role/lambda Root=1-"
}

// Functions whose Handler is bootstrap, as every provided.al2023 one's is,
// each get their own handler bound by name or ARN.
func ExampleService_RegisterFunctionHandler() {
	cloud := awsfake.New()
	defer cloud.Close()
	ctx := context.Background()
	svc := cloud.Lambda()
	_ = svc.RegisterFunctionHandler("orders", func() (string, error) { return "orders here", nil })
	_ = svc.RegisterFunctionHandler("arn:aws:lambda:us-east-1:000000000000:function:users",
		func() (string, error) { return "users here", nil })
	exampleFunction(svc, "orders", nil)
	exampleFunction(svc, "users", nil)
	for _, fn := range []string{"orders", "users"} {
		out, _ := svc.Invoke(ctx, lambda.InvokeInput{FunctionName: fn})
		fmt.Println(string(out.Payload))
	}
	// Output:
	// "orders here"
	// "users here"
}

// With one function and a test that does not run in parallel, code that
// reads os.Getenv sees the function's environment during the invocation.
func ExampleService_SetProcessEnvironment() {
	cloud := awsfake.New()
	defer cloud.Close()
	svc := cloud.Lambda()
	_ = svc.RegisterHandler("bootstrap", func() (string, error) { return os.Getenv("GREETING"), nil })
	exampleFunction(svc, "fn", map[string]string{"GREETING": "hello"})
	if err := svc.SetProcessEnvironment(true); err != nil {
		panic(err)
	}
	out, _ := svc.Invoke(context.Background(), lambda.InvokeInput{FunctionName: "fn"})
	_, after := os.LookupEnv("GREETING")
	fmt.Println(string(out.Payload), after)
	// Output: "hello" false
}
