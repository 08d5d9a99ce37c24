package apigw_test

import (
	"context"
	"fmt"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/awsfake/awsfake"
)

// A REST API built with the real SDK client, its GET /hello a Lambda proxy
// integration, deployed and called over plain HTTP at its invoke URL.
func Example() {
	cloud := awsfake.New()
	defer cloud.Close()
	ctx := context.Background()
	fn := cloud.Lambda()
	_ = fn.RegisterHandler("hello", func(_ context.Context, ev map[string]any) (map[string]any, error) {
		return map[string]any{"statusCode": 200, "body": "hello from " + ev["path"].(string)}, nil
	})
	// The function greeter runs it, and API Gateway may invoke it.
	if err := createFunction(ctx, cloud); err != nil {
		panic(err)
	}

	client := sdk.NewFromConfig(cloud.AWSConfig())
	api, _ := client.CreateRestApi(ctx, &sdk.CreateRestApiInput{Name: aws.String("greeter")})
	res, _ := client.CreateResource(ctx, &sdk.CreateResourceInput{RestApiId: api.Id, ParentId: api.RootResourceId, PathPart: aws.String("hello")})
	_, _ = client.PutMethod(ctx, &sdk.PutMethodInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: aws.String("GET"),
		AuthorizationType: aws.String("NONE")})
	_, err := client.PutIntegration(ctx, &sdk.PutIntegrationInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: aws.String("GET"),
		Type: types.IntegrationTypeAwsProxy, IntegrationHttpMethod: aws.String("POST"),
		Uri: aws.String("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:greeter/invocations")})
	if err != nil {
		panic(err)
	}
	if _, err := client.CreateDeployment(ctx, &sdk.CreateDeploymentInput{RestApiId: api.Id, StageName: aws.String("prod")}); err != nil {
		panic(err)
	}

	resp, err := cloud.HTTPClient().Get(cloud.APIGateway().InvokeURL(*api.Id, "prod") + "/hello")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, string(body))
	// Output: 200 hello from /hello
}
