package apigw_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkv2 "github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	lambdasdk "github.com/aws/aws-sdk-go-v2/service/lambda"
)

// BenchmarkHTTPAPI_ProxyV2 is an HTTP API's hot call, a GET through
// cloud.HTTPClient() to a payload 2.0 Lambda route on the $default stage,
// beside its floor in the same run: the same function invoked directly
// through the Lambda SDK client (goal: within 1.5x).
func BenchmarkHTTPAPI_ProxyV2(b *testing.B) {
	cloud, _ := benchAPI(b, 1)
	ctx := context.Background()
	b.Run("floor=direct-sdk-invoke", func(b *testing.B) {
		client := lambdasdk.NewFromConfig(cloud.AWSConfig())
		in := &lambdasdk.InvokeInput{FunctionName: aws.String("greeter"), Payload: []byte(`{"rawPath":"/items/42"}`)}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := client.Invoke(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("httpapi=payload-2.0", func(b *testing.B) {
		client := sdkv2.NewFromConfig(cloud.AWSConfig())
		api, err := client.CreateApi(ctx, &sdkv2.CreateApiInput{Name: aws.String("bench"), ProtocolType: "HTTP"})
		if err != nil {
			b.Fatal(err)
		}
		integ, _ := client.CreateIntegration(ctx, &sdkv2.CreateIntegrationInput{ApiId: api.ApiId, IntegrationType: "AWS_PROXY",
			IntegrationUri: aws.String("arn:aws:lambda:us-east-1:000000000000:function:greeter"), PayloadFormatVersion: aws.String("2.0")})
		_, _ = client.CreateRoute(ctx, &sdkv2.CreateRouteInput{ApiId: api.ApiId, RouteKey: aws.String("GET /items/{id}"),
			Target: aws.String("integrations/" + *integ.IntegrationId)})
		if _, err := client.CreateStage(ctx, &sdkv2.CreateStageInput{ApiId: api.ApiId, StageName: aws.String("$default"),
			AutoDeploy: aws.Bool(true)}); err != nil {
			b.Fatal(err)
		}
		c, url := cloud.HTTPClient(), *api.ApiEndpoint+"/items/42"
		get(b, c, url)
		b.ReportAllocs()
		for b.Loop() {
			get(b, c, url)
		}
	})
}
