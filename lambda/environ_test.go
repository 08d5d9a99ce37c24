package lambda_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/lambda"
)

// withEnv sets the function's Environment.Variables.
func withEnv(vars map[string]string) func(*sdk.CreateFunctionInput) {
	return func(in *sdk.CreateFunctionInput) { in.Environment = &types.Environment{Variables: vars} }
}

// environHandler answers the function's environment as its context holds it.
func environHandler(ctx context.Context) (map[string]string, error) { return lambda.Environ(ctx), nil }

func invokeForMap(t *testing.T, e *env, in *sdk.InvokeInput) map[string]string {
	t.Helper()
	out, err := e.client.Invoke(e.ctx, in)
	require.NoError(t, err)
	require.Empty(t, aws.ToString(out.FunctionError), "%s", out.Payload)
	var got map[string]string
	require.NoError(t, json.Unmarshal(out.Payload, &got))
	return got
}

func TestEnviron_FunctionVariablesAndAWSRuntimeVariables(t *testing.T) {
	e := newEnv(t)
	e.register(t, "env.handle", environHandler)
	e.createFunction(t, "orders", "env.handle", withEnv(map[string]string{"TABLE": "orders"}), func(in *sdk.CreateFunctionInput) {
		in.MemorySize = aws.Int32(512)
		in.Runtime = types.RuntimePython312
	})
	got := invokeForMap(t, e, &sdk.InvokeInput{FunctionName: aws.String("orders")})
	stream := got["AWS_LAMBDA_LOG_STREAM_NAME"]
	assert.Regexp(t, `^2030/01/02/\[\$LATEST\][0-9a-f]{32}$`, stream)
	assert.Regexp(t, `^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$`, got["_X_AMZN_TRACE_ID"])
	delete(got, "_X_AMZN_TRACE_ID")
	assert.Equal(t, map[string]string{
		"TABLE": "orders", "_HANDLER": "env.handle", "AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1",
		"AWS_EXECUTION_ENV": "AWS_Lambda_python3.12", "AWS_LAMBDA_FUNCTION_NAME": "orders",
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "512", "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
		"AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand", "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/orders",
		"AWS_LAMBDA_LOG_STREAM_NAME": stream, "LAMBDA_TASK_ROOT": "/var/task", "LAMBDA_RUNTIME_DIR": "/var/runtime",
		"TZ": ":UTC",
	}, got)
}

func TestEnviron_OSOnlyRuntimeHasNoExecutionEnvAndVersionFollowsQualifier(t *testing.T) {
	e := newEnv(t)
	e.register(t, "bootstrap", environHandler)
	e.createFunction(t, "fn", "bootstrap", withEnv(map[string]string{"STAGE": "one"}))
	_, err := e.client.PublishVersion(e.ctx, &sdk.PublishVersionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	_, err = e.client.UpdateFunctionConfiguration(e.ctx, &sdk.UpdateFunctionConfigurationInput{FunctionName: aws.String("fn"),
		Environment: &types.Environment{Variables: map[string]string{"STAGE": "two"}}})
	require.NoError(t, err)
	v1 := invokeForMap(t, e, &sdk.InvokeInput{FunctionName: aws.String("fn"), Qualifier: aws.String("1")})
	latest := invokeForMap(t, e, &sdk.InvokeInput{FunctionName: aws.String("fn")})
	assert.NotContains(t, v1, "AWS_EXECUTION_ENV", "AWS defines none for the provided.* runtimes")
	assert.Equal(t, []string{"1", "one"}, []string{v1["AWS_LAMBDA_FUNCTION_VERSION"], v1["STAGE"]})
	assert.Equal(t, []string{"$LATEST", "two"}, []string{latest["AWS_LAMBDA_FUNCTION_VERSION"], latest["STAGE"]})
}

func TestGetenv_ProvisionedEnvironmentAndOutsideAnInvocation(t *testing.T) {
	e := newEnv(t)
	e.register(t, "init", func(ctx context.Context) (string, error) {
		return lambda.Getenv(ctx, "AWS_LAMBDA_INITIALIZATION_TYPE"), nil
	})
	e.createFunction(t, "fn", "init")
	_, err := e.client.PublishVersion(e.ctx, &sdk.PublishVersionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	_, err = e.client.PutProvisionedConcurrencyConfig(e.ctx, &sdk.PutProvisionedConcurrencyConfigInput{
		FunctionName: aws.String("fn"), Qualifier: aws.String("1"), ProvisionedConcurrentExecutions: aws.Int32(1)})
	require.NoError(t, err)
	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn"), Qualifier: aws.String("1")})
	require.NoError(t, err)
	assert.Equal(t, `"provisioned-concurrency"`, string(out.Payload))

	assert.Empty(t, lambda.Getenv(context.Background(), "AWS_REGION"))
	_, ok := lambda.LookupEnv(context.Background(), "AWS_REGION")
	assert.False(t, ok)
	assert.Nil(t, lambda.Environ(context.Background()))
}

func TestGetenv_ConcurrentFunctionsEachReadTheirOwn(t *testing.T) {
	e := newEnv(t)
	e.register(t, "read", func(ctx context.Context) (string, error) {
		_, known := lambda.LookupEnv(ctx, "NOT_SET")
		return lambda.Getenv(ctx, "COLOR") + "/" + lambda.Getenv(ctx, "AWS_LAMBDA_FUNCTION_NAME") + fmt.Sprint(known), nil
	})
	e.createFunction(t, "red", "read", withEnv(map[string]string{"COLOR": "red"}))
	e.createFunction(t, "blue", "read", withEnv(map[string]string{"COLOR": "blue"}))
	var wg sync.WaitGroup
	for i := range 40 {
		fn := []string{"red", "blue"}[i%2]
		wg.Go(func() {
			out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String(fn)})
			if assert.NoError(t, err) {
				assert.Equal(t, `"`+fn+"/"+fn+`false"`, string(out.Payload))
			}
		})
	}
	wg.Wait()
}

// The tests of SetProcessEnvironment change the process environment: none
// of them, nor any test of this package, runs in parallel.

func TestSetProcessEnvironment_SetsAndRestoresForTheOneFunction(t *testing.T) {
	t.Setenv("COLOR", "before")
	require.NoError(t, os.Unsetenv("AWS_LAMBDA_FUNCTION_NAME"))
	e := newEnv(t)
	e.register(t, "osenv", func(context.Context) (string, error) {
		return os.Getenv("COLOR") + "/" + os.Getenv("AWS_LAMBDA_FUNCTION_NAME"), nil
	})
	e.createFunction(t, "only", "osenv", withEnv(map[string]string{"COLOR": "green"}))
	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("only")})
	require.NoError(t, err)
	assert.Equal(t, `"before/"`, string(out.Payload), "off by default")

	require.NoError(t, e.cloud.Lambda().SetProcessEnvironment(true))
	out, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("only")})
	require.NoError(t, err)
	assert.Equal(t, `"green/only"`, string(out.Payload))
	assert.Equal(t, "before", os.Getenv("COLOR"), "restored before Invoke returns")
	_, set := os.LookupEnv("AWS_LAMBDA_FUNCTION_NAME")
	assert.False(t, set, "a variable that was not set is unset again")
}

func TestSetProcessEnvironment_RefusedWithTwoFunctions(t *testing.T) {
	e := newEnv(t)
	e.register(t, "osenv", func(context.Context) (string, error) { return os.Getenv("AWS_LAMBDA_FUNCTION_NAME"), nil })
	e.createFunction(t, "one", "osenv")
	require.NoError(t, e.cloud.Lambda().SetProcessEnvironment(true))
	e.createFunction(t, "two", "osenv")

	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("one")})
	require.NoError(t, err)
	assert.Equal(t, "Unhandled", aws.ToString(out.FunctionError))
	assert.JSONEq(t, `{"errorType":"awsfake.ProcessEnvironmentUnsafe",
		"errorMessage":"SetProcessEnvironment: the process environment can follow one function only, and the cloud holds 2"}`,
		string(out.Payload))
	assert.EqualError(t, e.cloud.Lambda().SetProcessEnvironment(true),
		"lambda: the process environment can follow one function only, and the cloud holds 2")
	require.NoError(t, e.cloud.Lambda().SetProcessEnvironment(false))
	out, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("one")})
	require.NoError(t, err)
	assert.Empty(t, aws.ToString(out.FunctionError), "off again, the handler runs")
}

func TestSetProcessEnvironment_RefusedWhileAnotherInvocationRuns(t *testing.T) {
	e := newEnv(t)
	release := make(chan struct{})
	started := make(chan struct{}, 1)
	e.register(t, "osenv", func(ctx context.Context, ev struct{ Wait bool }) (string, error) {
		if ev.Wait {
			started <- struct{}{}
			<-release
		}
		return os.Getenv("AWS_LAMBDA_FUNCTION_NAME"), nil
	})
	e.createFunction(t, "solo", "osenv")
	require.NoError(t, e.cloud.Lambda().SetProcessEnvironment(true))
	first := make(chan string, 1)
	go func() {
		out, err := e.cloud.Lambda().Invoke(e.ctx, lambdaInvoke("solo", `{"Wait":true}`))
		assert.NoError(t, err)
		first <- string(out.Payload)
	}()
	<-started
	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("solo")})
	require.NoError(t, err)
	assert.Contains(t, string(out.Payload), "another invocation is running with the process environment set")
	close(release)
	assert.Equal(t, `"solo"`, <-first)
	out, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("solo")})
	require.NoError(t, err)
	assert.Equal(t, `"solo"`, string(out.Payload), "once the first has ended, the next may set it")
}

func TestSetProcessEnvironment_HeldByAHandlerThatTimedOutUntilItReturns(t *testing.T) {
	e := newEnv(t)
	release := make(chan struct{})
	started := make(chan struct{}, 1)
	e.register(t, "osenv", func(ctx context.Context, ev struct{ Wait bool }) (string, error) {
		if ev.Wait {
			started <- struct{}{}
			<-release // ignores its context
		}
		return os.Getenv("AWS_LAMBDA_FUNCTION_NAME"), nil
	})
	e.createFunction(t, "solo", "osenv") // Timeout 3 s
	require.NoError(t, e.cloud.Lambda().SetProcessEnvironment(true))
	first := make(chan string, 1)
	go func() {
		out, err := e.cloud.Lambda().Invoke(e.ctx, lambdaInvoke("solo", `{"Wait":true}`))
		assert.NoError(t, err)
		first <- string(out.Payload)
	}()
	<-started
	e.clk.Advance(3 * time.Second)
	assert.Contains(t, <-first, "Task timed out after 3.00 seconds")
	assert.Equal(t, "solo", os.Getenv("AWS_LAMBDA_FUNCTION_NAME"), "the handler still runs with the environment set")

	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("solo")})
	require.NoError(t, err)
	assert.Contains(t, string(out.Payload), "another invocation is running with the process environment set")
	close(release)
	require.Eventually(t, func() bool { _, set := os.LookupEnv("AWS_LAMBDA_FUNCTION_NAME"); return !set },
		10*time.Second, time.Millisecond, "restored when the handler returns")
	out, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("solo")})
	require.NoError(t, err)
	assert.Equal(t, `"solo"`, string(out.Payload))
}
