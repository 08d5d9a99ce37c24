package lambda_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/lambda"
)

func TestLogs_KeepEveryLineWithGroupAndStream(t *testing.T) {
	e := newEnv(t)
	e.register(t, "chatty", func(ctx context.Context) error {
		lambda.Logger(ctx).Println("line one")
		lambda.Logger(ctx).Print("line two\nline three")
		return nil
	})
	e.createFunction(t, "fn", "chatty")
	_, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	logs, err := e.cloud.Lambda().Logs(e.ctx, "fn")
	require.NoError(t, err)
	require.Len(t, logs, 6)
	var msgs []string
	for _, l := range logs {
		msgs = append(msgs, l.Message)
		assert.Equal(t, "/aws/lambda/fn", l.LogGroup)
		assert.Equal(t, logs[0].LogStream, l.LogStream)
		assert.Equal(t, logs[0].RequestID, l.RequestID)
		assert.Equal(t, t0, l.Timestamp)
	}
	assert.Equal(t, []string{"line one", "line two", "line three"}, msgs[1:4])
	assert.Regexp(t, `^START RequestId: \S+ Version: \$LATEST$`, msgs[0])
	assert.Regexp(t, `^END RequestId: \S+$`, msgs[4])
	assert.Regexp(t, `^REPORT RequestId: \S+\tDuration: 0\.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 32 MB\tInit Duration: 0\.00 ms\t$`, msgs[5])
	assert.Equal(t, "START", lambda.LogText(logs)[:5])
	_, err = e.cloud.Lambda().Logs(e.ctx, "ghost")
	requireCode(t, err, "ResourceNotFoundException")
}

func TestLogTail_IsTheLast4KB(t *testing.T) {
	e := newEnv(t)
	e.register(t, "loud", func(ctx context.Context) error {
		for i := range 200 {
			lambda.Logger(ctx).Printf("line %03d of a long log that goes on", i)
		}
		return nil
	})
	e.createFunction(t, "fn", "loud")
	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn"), LogType: types.LogTypeTail})
	require.NoError(t, err)
	tail := decodeTail(t, out)
	assert.Len(t, tail, 4096)
	assert.Contains(t, tail, "REPORT RequestId:")
	assert.NotContains(t, tail, "START RequestId:")
	out, err = e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Nil(t, out.LogResult, "no log without LogType Tail")
}

func TestInvocations_AreDeterministicWithAFakeClockAndASeed(t *testing.T) {
	run := func() []lambda.Invocation {
		e := newEnv(t)
		e.register(t, "fail", func() error { return errors.New("no") })
		e.register(t, "ok", func(in map[string]int) (int, error) { return in["n"], nil })
		e.createFunction(t, "bad", "fail")
		e.createFunction(t, "good", "ok")
		for i := range 3 {
			_, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("good"), Payload: []byte(`{"n":` + string(rune('0'+i)) + `}`)})
			require.NoError(t, err)
			e.clk.Advance(time.Second)
		}
		_, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("bad"), InvocationType: types.InvocationTypeEvent})
		require.NoError(t, err)
		e.settle(t)
		for range 3 {
			e.clk.Advance(time.Minute)
			e.settle(t)
		}
		return e.cloud.Lambda().Invocations("")
	}
	a, b := run(), run()
	require.Len(t, a, 6)
	assert.Equal(t, a, b)
}

// The records of a long-running cloud stay bounded: each function keeps its
// last 10,000 invocations and log lines, the service its last 10,000
// invocations overall.
func TestInvocations_KeepTheLast10000(t *testing.T) {
	svc, _, _ := newBare(t)
	ctx := context.Background()
	require.NoError(t, svc.RegisterHandler("h", func() error { return nil }))
	for _, fn := range []string{"busy", "quiet"} {
		_, err := svc.CreateFunction(ctx, lambdaCreate(fn, "h"))
		require.NoError(t, err)
	}
	_, err := svc.Invoke(ctx, lambdaInvoke("quiet", `{"n":-1}`))
	require.NoError(t, err)
	const n = 10001
	for i := range n {
		_, err := svc.Invoke(ctx, lambdaInvoke("busy", fmt.Sprintf(`{"n":%d}`, i)))
		require.NoError(t, err)
	}
	busy := svc.Invocations("busy")
	require.Len(t, busy, 10000)
	assert.JSONEq(t, `{"n":1}`, string(busy[0].Payload), "the oldest is forgotten")
	assert.JSONEq(t, `{"n":10000}`, string(busy[len(busy)-1].Payload))
	assert.Len(t, svc.Invocations("quiet"), 1, "one function's traffic does not push out another's")
	all := svc.Invocations("")
	require.Len(t, all, 10000)
	assert.Equal(t, "busy", all[0].FunctionName, "the service-wide record keeps the last 10,000")
	logs, err := svc.Logs(ctx, "busy")
	require.NoError(t, err)
	require.Len(t, logs, 10000)
	assert.Regexp(t, `^REPORT RequestId: `+busy[len(busy)-1].RequestID, logs[len(logs)-1].Message)
}
