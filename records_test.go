package awsfake_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	lambdasdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/internal/record"
	"github.com/awsfake/awsfake/lambda"
)

// recordRig is a cloud with a function "sink" that answers every payload
// with {}, and its Lambda client.
func recordRig(tb testing.TB, opts ...awsfake.Option) (*awsfake.Cloud, *lambdasdk.Client) {
	tb.Helper()
	cloud := awsfake.NewT(tb, opts...)
	require.NoError(tb, cloud.Lambda().RegisterHandler("sink", func(context.Context, json.RawMessage) (struct{}, error) {
		return struct{}{}, nil
	}))
	client := lambdasdk.NewFromConfig(cloud.AWSConfig())
	_, err := client.CreateFunction(context.Background(), &lambdasdk.CreateFunctionInput{
		FunctionName: aws.String("sink"), Role: aws.String("arn:aws:iam::000000000000:role/lambda-role"),
		Runtime: lambdatypes.RuntimeProvidedal2023, Handler: aws.String("sink"),
		Code: &lambdatypes.FunctionCode{ZipFile: []byte("zip")},
	})
	require.NoError(tb, err)
	return cloud, client
}

// payload is a 64 KiB JSON document numbered n.
func payload(n int) []byte {
	p := fmt.Appendf(nil, `{"n":%d,"pad":"`, n)
	p = append(p, bytes.Repeat([]byte("x"), 64<<10-len(p)-2)...)
	return append(p, `"}`...)
}

func invokeSink(tb testing.TB, client *lambdasdk.Client, n int) {
	tb.Helper()
	out, err := client.Invoke(context.Background(), &lambdasdk.InvokeInput{FunctionName: aws.String("sink"), Payload: payload(n)})
	require.NoError(tb, err)
	require.Nil(tb, out.FunctionError)
}

func heldBytes(records []lambda.Invocation) int64 {
	var n int64
	for _, r := range records {
		n += int64(len(r.Payload)+len(r.Response)) + record.Overhead
	}
	return n
}

// Issue 13: 2,000 invocations with 64 KiB payloads under a 16 MiB budget
// keep the records within it, the newest kept, the last one always there.
func TestRecordBytes_LambdaInvocationsStayWithinTheBudget(t *testing.T) {
	const budget = 16 << 20
	cloud, client := recordRig(t, awsfake.WithRecordBytes(budget))
	const n = 2000
	for i := range n {
		invokeSink(t, client, i)
	}
	fn := cloud.Lambda().Invocations("sink")
	all := cloud.Lambda().Invocations("")
	held := heldBytes(fn) + heldBytes(all)
	assert.LessOrEqual(t, held, int64(budget), "the records hold %d bytes", held)
	assert.Greater(t, held, int64(budget)*3/4, "the budget is used, not wasted")
	require.NotEmpty(t, fn)
	assert.Less(t, len(fn), n, "the oldest are forgotten")
	for i, r := range fn { // the newest, in order, ending with the last
		assert.Equal(t, payload(n-len(fn)+i), r.Payload, "record %d of %d", i, len(fn))
	}
	assert.Equal(t, payload(n-1), all[len(all)-1].Payload)
}

// BenchmarkRecordHeap reports the live heap after b.N invocations of one
// function with 64 KiB payloads under the default 64 MiB budget:
//
//	go test -run '^$' -bench RecordHeap -benchtime 20000x .
func BenchmarkRecordHeap(b *testing.B) {
	_, client := recordRig(b)
	b.ResetTimer()
	for i := range b.N {
		invokeSink(b, client, i)
	}
	b.StopTimer()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MiB")
}
