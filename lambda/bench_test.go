package lambda_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/lambda"
)

type benchEvent struct {
	ID    string `json:"id"`
	Count int    `json:"count"`
}

func benchCloud(b *testing.B) *awsfake.Cloud {
	cloud := awsfake.NewT(b)
	svc := cloud.Lambda()
	if err := svc.RegisterHandler("h", func(ctx context.Context, e benchEvent) (benchEvent, error) {
		e.Count++
		return e, nil
	}); err != nil {
		b.Fatal(err)
	}
	if _, err := svc.CreateFunction(context.Background(), lambdaCreate("fn", "h")); err != nil {
		b.Fatal(err)
	}
	return cloud
}

// BenchmarkInvoke_SDKWarm is a warm synchronous invoke through the real SDK
// client, served in memory.
func BenchmarkInvoke_SDKWarm(b *testing.B) {
	cloud := benchCloud(b)
	client := sdk.NewFromConfig(cloud.AWSConfig())
	ctx := context.Background()
	in := &sdk.InvokeInput{FunctionName: aws.String("fn"), Payload: []byte(`{"id":"x","count":1}`)}
	if _, err := client.Invoke(ctx, in); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := client.Invoke(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInvoke_GoAPIWarm is the same invoke through the Go API.
func BenchmarkInvoke_GoAPIWarm(b *testing.B) {
	cloud := benchCloud(b)
	svc := cloud.Lambda()
	ctx := context.Background()
	in := lambda.InvokeInput{FunctionName: "fn", Payload: []byte(`{"id":"x","count":1}`)}
	if _, err := svc.Invoke(ctx, in); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := svc.Invoke(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInvocations_OneFunctionAmongMany reads the record of one
// function's 10 invocations while 99 other functions have 100 each: the
// cost is that function's records, not the service's.
func BenchmarkInvocations_OneFunctionAmongMany(b *testing.B) {
	cloud := benchCloud(b)
	svc := cloud.Lambda()
	ctx := context.Background()
	for i := range 100 {
		name, runs := fmt.Sprint("other", i), 100
		if i == 0 {
			name, runs = "fn", 10
		} else if _, err := svc.CreateFunction(ctx, lambdaCreate(name, "h")); err != nil {
			b.Fatal(err)
		}
		for range runs {
			if _, err := svc.Invoke(ctx, lambdaInvoke(name, `{"id":"x"}`)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if len(svc.Invocations("fn")) != 10 {
			b.Fatal("want 10 invocations")
		}
	}
}
