package logs_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
	lsdk "github.com/aws/aws-sdk-go-v2/service/lambda"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/cloudwatch/logs"
	"github.com/awsfake/awsfake/internal/servicetest"
	"github.com/awsfake/awsfake/lambda"
)

// batch is 100 events of a typical size.
func batch(now int64) []types.InputLogEvent {
	evs := make([]types.InputLogEvent, 100)
	for i := range evs {
		evs[i] = types.InputLogEvent{Timestamp: aws.Int64(now + int64(i)),
			Message: aws.String(fmt.Sprintf(`{"level":"INFO","requestId":"%08d","msg":"handled request","latencyMs":%d}`, i, i%50))}
	}
	return evs
}

// PutLogEvents of 100 events: the fake against a canned answer through
// the same transport (the floor).
func BenchmarkPutLogEvents100(b *testing.B) {
	clk := clock.NewFake(t0)
	cloud := awsfake.New(awsfake.WithClock(clk))
	b.Cleanup(func() { _ = cloud.Close() })
	floor := servicetest.Canned{Header: http.Header{"Content-Type": {"application/x-amz-json-1.1"}},
		Body: []byte(`{"nextSequenceToken":"00000000000000000000000000000000000000000000000000000001"}`)}
	for _, tc := range []struct {
		name    string
		handler http.Handler
	}{{"fake", cloud.Logs()}, {"floor", floor}} {
		b.Run(tc.name, func(b *testing.B) {
			cfg := cloud.AWSConfig()
			cfg.HTTPClient = &http.Client{Transport: servicetest.InMemory{Handler: tc.handler}}
			client := sdk.NewFromConfig(cfg)
			_, _ = client.CreateLogGroup(ctx, &sdk.CreateLogGroupInput{LogGroupName: aws.String("g")})
			_, _ = client.CreateLogStream(ctx, &sdk.CreateLogStreamInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s")})
			in := &sdk.PutLogEventsInput{LogGroupName: aws.String("g"), LogStreamName: aws.String("s"), LogEvents: batch(clk.Now().UnixMilli())}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := client.PutLogEvents(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FilterLogEvents with a selective term over a million stored events, in
// a one-minute window: the cost follows the window, not the group.
func BenchmarkFilterLogEventsSelective(b *testing.B) {
	clk := clock.NewFake(t0)
	cloud := awsfake.New(awsfake.WithClock(clk))
	b.Cleanup(func() { _ = cloud.Close() })
	api := cloud.Logs()
	client := sdk.NewFromConfig(cloud.AWSConfig())
	_, _ = client.CreateLogGroup(ctx, &sdk.CreateLogGroupInput{LogGroupName: aws.String("g")})
	for s := range 10 {
		_, _ = client.CreateLogStream(ctx, &sdk.CreateLogStreamInput{LogGroupName: aws.String("g"), LogStreamName: aws.String(fmt.Sprint("s", s))})
	}
	// 1,000,000 events: 10 streams x 100,000, one every 10 ms over ~17 minutes.
	start := clk.Now().Add(-20 * time.Minute).UnixMilli()
	for s := range 10 {
		for k := 0; k < 100_000; k += 10_000 {
			evs := make([]types.InputLogEvent, 10_000)
			for i := range evs {
				n := k + i
				msg := "INFO ok"
				if n%997 == 0 {
					msg = "ERROR needle"
				}
				evs[i] = types.InputLogEvent{Timestamp: aws.Int64(start + int64(n)*10), Message: aws.String(msg)}
			}
			if _, err := api.PutLogEvents(ctx, putInput(fmt.Sprint("s", s), evs)); err != nil {
				b.Fatal(err)
			}
		}
	}
	in := &sdk.FilterLogEventsInput{LogGroupName: aws.String("g"), FilterPattern: aws.String("ERROR"),
		StartTime: aws.Int64(start + 500_000), EndTime: aws.Int64(start + 560_000)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.FilterLogEvents(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

// A Lambda invocation with its logs on: START, one handler line, END and
// REPORT posted to CloudWatch Logs and stored, settled each time.
func BenchmarkLambdaInvokeWithLogs(b *testing.B) {
	clk := clock.NewFake(t0)
	cloud := awsfake.New(awsfake.WithClock(clk))
	b.Cleanup(func() { _ = cloud.Close() })
	f := &fixture{cloud: cloud, clk: clk, client: sdk.NewFromConfig(cloud.AWSConfig())}
	lc := f.createFunction(b, "bench", func(ctx context.Context) error {
		lambda.Logger(ctx).Println("handled")
		return nil
	}, nil)
	in := &lsdk.InvokeInput{FunctionName: aws.String("bench")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lc.Invoke(ctx, in); err != nil {
			b.Fatal(err)
		}
		if err := cloud.Settle(ctx); err != nil {
			b.Fatal(err)
		}
	}
	if n := len(cloud.Logs().Events("/aws/lambda/bench")); n == 0 {
		b.Fatal("no log line landed")
	}
}

// StartQuery of a stats query by bin(5m) over 10,000 JSON events: the
// query runs whole when it starts. The floor is a canned answer through
// the same transport.
func BenchmarkStartQueryStats10k(b *testing.B) {
	clk := clock.NewFake(t0)
	cloud := awsfake.New(awsfake.WithClock(clk))
	b.Cleanup(func() { _ = cloud.Close() })
	api := cloud.Logs()
	_ = api.CreateLogGroup(ctx, logs.CreateLogGroupInput{LogGroupName: "g"})
	_ = api.CreateLogStream(ctx, logs.CreateLogStreamInput{LogGroupName: "g", LogStreamName: "s"})
	for k := range 100 {
		if _, err := api.PutLogEvents(ctx, putInput("s", batch(clk.Now().UnixMilli()+int64(k)*100))); err != nil {
			b.Fatal(err)
		}
	}
	floor := servicetest.Canned{Header: http.Header{"Content-Type": {"application/x-amz-json-1.1"}},
		Body: []byte(`{"queryId":"12345678-1234-1234-1234-123456789012"}`)}
	for _, tc := range []struct {
		name    string
		handler http.Handler
	}{{"fake", api}, {"floor", floor}} {
		b.Run(tc.name, func(b *testing.B) {
			cfg := cloud.AWSConfig()
			cfg.HTTPClient = &http.Client{Transport: servicetest.InMemory{Handler: tc.handler}}
			client := sdk.NewFromConfig(cfg)
			in := &sdk.StartQueryInput{LogGroupName: aws.String("g"), StartTime: aws.Int64(t0.Unix()), EndTime: aws.Int64(t0.Unix() + 3600),
				QueryString: aws.String(`filter level = "INFO" | stats count(*), avg(latencyMs), pct(latencyMs, 99) by bin(5m)`)}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := client.StartQuery(ctx, in); err != nil {
					b.Fatal(err)
				}
				clk.Advance(time.Second) // the query completes: no concurrency limit

			}
		})
	}
}
