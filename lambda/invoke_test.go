package lambda_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/lambda"
)

type order struct {
	ID    string `json:"id"`
	Count int    `json:"count"`
}

type receipt struct {
	ID    string `json:"id"`
	Total int    `json:"total"`
}

func TestInvoke_RunsTypedHandlerAndReturnsItsJSON(t *testing.T) {
	e := newEnv(t)
	e.register(t, "orders.handle", func(ctx context.Context, o order) (receipt, error) {
		return receipt{ID: o.ID, Total: o.Count * 3}, nil
	})
	e.createFunction(t, "orders", "orders.handle")

	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("orders"), Payload: []byte(`{"id":"o-1","count":4}`)})
	require.NoError(t, err)
	assert.Equal(t, int32(200), out.StatusCode)
	assert.Nil(t, out.FunctionError)
	assert.Equal(t, "$LATEST", aws.ToString(out.ExecutedVersion))
	assert.JSONEq(t, `{"id":"o-1","total":12}`, string(out.Payload))
}

func TestInvoke_HandlerErrorBecomesErrorDocumentWithFunctionError(t *testing.T) {
	e := newEnv(t)
	e.register(t, "fail", func() error { return errors.New("out of stock") })
	e.createFunction(t, "f", "fail")

	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("f")})
	require.NoError(t, err, "a function error is not an API error")
	assert.Equal(t, int32(200), out.StatusCode)
	assert.Equal(t, "Unhandled", aws.ToString(out.FunctionError))
	assert.JSONEq(t, `{"errorMessage":"out of stock","errorType":"errorString"}`, string(out.Payload))
}

func TestInvoke_PanicBecomesErrorDocumentWithStackTrace(t *testing.T) {
	e := newEnv(t)
	e.register(t, "boom", func(context.Context, json.RawMessage) (string, error) { panic("boom") })
	e.createFunction(t, "f", "boom")

	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("f"), Payload: []byte(`{}`)})
	require.NoError(t, err)
	assert.Equal(t, "Unhandled", aws.ToString(out.FunctionError))
	var doc struct {
		ErrorMessage string `json:"errorMessage"`
		ErrorType    string `json:"errorType"`
		StackTrace   []struct {
			Path  string `json:"path"`
			Line  int    `json:"line"`
			Label string `json:"label"`
		} `json:"stackTrace"`
	}
	require.NoError(t, json.Unmarshal(out.Payload, &doc))
	assert.Equal(t, "boom", doc.ErrorMessage)
	assert.Equal(t, "string", doc.ErrorType)
	require.NotEmpty(t, doc.StackTrace)
	assert.Contains(t, doc.StackTrace[0].Path, "invoke_test.go", "the first frame is the panicking handler")

	// The runtime crashed: the next invocation starts a new environment.
	_, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("f")})
	require.NoError(t, err)
	e.cloud.Lambda().CheckColdStarts(t, "f", 2)
}

func TestInvoke_TimesOutWhenTheClockPassesTheTimeout(t *testing.T) {
	e := newEnv(t)
	started, release := make(chan struct{}), make(chan struct{})
	t.Cleanup(func() { close(release) })
	e.register(t, "slow", func(ctx context.Context) error {
		close(started)
		<-release // ignores its context: runs until the test ends
		return nil
	})
	e.createFunction(t, "slow", "slow", func(in *sdk.CreateFunctionInput) { in.Timeout = aws.Int32(3) })

	type result struct {
		out *sdk.InvokeOutput
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("slow"), LogType: types.LogTypeTail})
		done <- result{out, err}
	}()
	<-started

	e.clk.Advance(3*time.Second - time.Nanosecond) // just before the timeout
	select {
	case <-done:
		t.Fatal("the invocation ended before its timeout")
	default:
	}
	e.clk.Advance(time.Nanosecond) // exactly at the timeout
	r := <-done
	require.NoError(t, r.err)
	assert.Equal(t, "Unhandled", aws.ToString(r.out.FunctionError))
	var doc map[string]string
	require.NoError(t, json.Unmarshal(r.out.Payload, &doc))
	assert.Regexp(t, `^2030-01-02T03:04:08\.000Z [0-9a-f-]{36} Task timed out after 3\.00 seconds$`, doc["errorMessage"])

	logs, err := base64.StdEncoding.DecodeString(aws.ToString(r.out.LogResult))
	require.NoError(t, err)
	assert.Contains(t, string(logs), "Task timed out after 3.00 seconds")
	assert.Regexp(t, `REPORT RequestId: [0-9a-f-]{36}\tDuration: 3000\.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [0-9.]+ ms\tStatus: timeout`, string(logs))
	recs := e.cloud.Lambda().Invocations("slow")
	require.Len(t, recs, 1)
	assert.True(t, recs[0].TimedOut)
	assert.Equal(t, 3*time.Second, recs[0].End.Sub(recs[0].Start))
}

func TestInvoke_HandlerContextCarriesDeadlineAndInvocationDetails(t *testing.T) {
	e := newEnv(t)
	var got *lambda.InvocationContext
	var deadline time.Time
	var remaining time.Duration
	e.register(t, "inspect", func(ctx context.Context) error {
		got, _ = lambda.FromContext(ctx)
		deadline, _ = ctx.Deadline()
		remaining = got.RemainingTime()
		lambda.Logger(ctx).Printf("hello from %s", got.FunctionName)
		return nil
	})
	e.createFunction(t, "inspect", "inspect", func(in *sdk.CreateFunctionInput) {
		in.Timeout, in.MemorySize = aws.Int32(30), aws.Int32(256)
	})
	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("inspect"), LogType: types.LogTypeTail,
		ClientContext: aws.String(base64.StdEncoding.EncodeToString([]byte(`{"client":{"app_title":"shop"},"custom":{"k":"v"}}`)))})
	require.NoError(t, err)
	require.NotNil(t, got)
	assert.Equal(t, "arn:aws:lambda:us-east-1:000000000000:function:inspect", got.InvokedFunctionArn)
	assert.Equal(t, "$LATEST", got.FunctionVersion)
	assert.Equal(t, 256, got.MemoryLimitInMB)
	assert.Equal(t, "/aws/lambda/inspect", got.LogGroupName)
	assert.Regexp(t, `^2030/01/02/\[\$LATEST\][0-9a-f]{32}$`, got.LogStreamName)
	assert.Equal(t, t0.Add(30*time.Second), deadline, "the deadline is on the cloud's clock")
	assert.Equal(t, 30*time.Second, remaining)
	assert.Equal(t, "shop", got.ClientContext.Client.AppTitle)
	assert.Equal(t, "v", got.ClientContext.Custom["k"])

	logs, _ := base64.StdEncoding.DecodeString(aws.ToString(out.LogResult))
	lines := strings.Split(strings.TrimSuffix(string(logs), "\n"), "\n")
	require.Len(t, lines, 4)
	assert.Equal(t, "START RequestId: "+got.AwsRequestID+" Version: $LATEST", lines[0])
	assert.Equal(t, "hello from inspect", lines[1])
	assert.Equal(t, "END RequestId: "+got.AwsRequestID, lines[2])
	assert.Equal(t, "REPORT RequestId: "+got.AwsRequestID+"\tDuration: 0.00 ms\tBilled Duration: 1 ms\tMemory Size: 256 MB\tMax Memory Used: 32 MB\tInit Duration: 0.00 ms\t", lines[3])
	reqID, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata)
	assert.Equal(t, reqID, got.AwsRequestID, "the invocation's request id is the API call's")
}
