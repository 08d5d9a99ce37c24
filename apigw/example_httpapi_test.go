package apigw_test

import (
	"context"
	"fmt"
	"io"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	sdkv2 "github.com/aws/aws-sdk-go-v2/service/apigatewayv2"

	"github.com/awsfake/awsfake"
)

// An HTTP API with a payload 2.0 Lambda route on the autoDeploy $default
// stage: the function gets the version 2.0 event (rawPath, path
// parameters, query keys joined with commas) and answers a bare value,
// which the API returns as a 200 application/json body.
func Example_httpAPI() {
	cloud := awsfake.New()
	defer cloud.Close()
	ctx := context.Background()
	_ = cloud.Lambda().RegisterHandler("hello", func(_ context.Context, ev events.APIGatewayV2HTTPRequest) (map[string]string, error) {
		return map[string]string{"path": ev.RawPath, "id": ev.PathParameters["id"], "tag": ev.QueryStringParameters["tag"]}, nil
	})
	if err := createFunction(ctx, cloud); err != nil {
		panic(err)
	}

	client := sdkv2.NewFromConfig(cloud.AWSConfig())
	api, _ := client.CreateApi(ctx, &sdkv2.CreateApiInput{Name: aws.String("items"), ProtocolType: "HTTP"})
	integ, _ := client.CreateIntegration(ctx, &sdkv2.CreateIntegrationInput{ApiId: api.ApiId, IntegrationType: "AWS_PROXY",
		IntegrationUri: aws.String("arn:aws:lambda:us-east-1:000000000000:function:greeter"), PayloadFormatVersion: aws.String("2.0")})
	_, _ = client.CreateRoute(ctx, &sdkv2.CreateRouteInput{ApiId: api.ApiId, RouteKey: aws.String("GET /items/{id}"),
		Target: aws.String("integrations/" + *integ.IntegrationId)})
	if _, err := client.CreateStage(ctx, &sdkv2.CreateStageInput{ApiId: api.ApiId, StageName: aws.String("$default"),
		AutoDeploy: aws.Bool(true)}); err != nil {
		panic(err)
	}

	// The $default stage has no stage part in the URL.
	resp, err := cloud.HTTPClient().Get(*api.ApiEndpoint + "/items/42?tag=a&tag=b")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, resp.Header.Get("Content-Type"))
	fmt.Println(string(body))
	// Output:
	// 200 application/json
	// {"id":"42","path":"/items/42","tag":"a,b"}
}
