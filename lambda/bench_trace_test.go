package lambda_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	xraysdk "github.com/aws/aws-sdk-go-v2/service/xray"
	xraytypes "github.com/aws/aws-sdk-go-v2/service/xray/types"

	"github.com/awsfake/awsfake/lambda"
)

// BenchmarkInvoke_TracedVsUntraced alternates, in each iteration, a warm
// SDK Invoke of an Active function that a sampling rule of rate 1 traces
// (its sampling decision and its two segments stored in X-Ray) with the
// same Invoke of a PassThrough function that nothing traces (the floor),
// and reports the ratio.
func BenchmarkInvoke_TracedVsUntraced(b *testing.B) {
	cloud := benchCloud(b)
	ctx := context.Background()
	svc := cloud.Lambda()
	traced := lambdaCreate("traced", "h")
	traced.TracingConfig = &lambda.TracingConfig{Mode: "Active"}
	if _, err := svc.CreateFunction(ctx, traced); err != nil {
		b.Fatal(err)
	}
	x := xraysdk.NewFromConfig(cloud.AWSConfig())
	if _, err := x.CreateSamplingRule(ctx, &xraysdk.CreateSamplingRuleInput{SamplingRule: &xraytypes.SamplingRule{
		RuleName: aws.String("all"), Priority: aws.Int32(1), FixedRate: 1, ServiceName: aws.String("*"),
		ServiceType: aws.String("*"), Host: aws.String("*"), HTTPMethod: aws.String("*"), URLPath: aws.String("*"),
		ResourceARN: aws.String("*"), Version: aws.Int32(1)}}); err != nil {
		b.Fatal(err)
	}
	client := sdk.NewFromConfig(cloud.AWSConfig())
	ins := [2]*sdk.InvokeInput{
		{FunctionName: aws.String("traced"), Payload: []byte(`{"id":"x","count":1}`)},
		{FunctionName: aws.String("fn"), Payload: []byte(`{"id":"x","count":1}`)},
	}
	for _, in := range ins {
		if _, err := client.Invoke(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
	var spent [2]time.Duration
	b.ReportAllocs()
	for b.Loop() {
		for i, in := range ins {
			start := time.Now()
			if _, err := client.Invoke(ctx, in); err != nil {
				b.Fatal(err)
			}
			spent[i] += time.Since(start)
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(spent[0].Nanoseconds())/n, "traced-ns/call")
	b.ReportMetric(float64(spent[1].Nanoseconds())/n, "untraced-ns/call")
	b.ReportMetric(float64(spent[0])/float64(spent[1]), "ratio")
}
