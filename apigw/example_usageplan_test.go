package apigw_test

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// A method needing an API key, the key in a usage plan of one request a
// second with a burst of one: no key is 403, the second request at once
// 429, and one second later the bucket has a token again.
func ExampleService_CreateUsagePlan() {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	ctx := context.Background()
	client := sdk.NewFromConfig(cloud.AWSConfig())
	api, _ := client.CreateRestApi(ctx, &sdk.CreateRestApiInput{Name: aws.String("metered")})
	get := aws.String("GET")
	_, _ = client.PutMethod(ctx, &sdk.PutMethodInput{RestApiId: api.Id, ResourceId: api.RootResourceId, HttpMethod: get,
		AuthorizationType: aws.String("NONE"), ApiKeyRequired: true})
	_, _ = client.PutIntegration(ctx, &sdk.PutIntegrationInput{RestApiId: api.Id, ResourceId: api.RootResourceId, HttpMethod: get,
		Type: types.IntegrationTypeMock, RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`}})
	_, _ = client.PutMethodResponse(ctx, &sdk.PutMethodResponseInput{RestApiId: api.Id, ResourceId: api.RootResourceId, HttpMethod: get, StatusCode: aws.String("200")})
	_, _ = client.PutIntegrationResponse(ctx, &sdk.PutIntegrationResponseInput{RestApiId: api.Id, ResourceId: api.RootResourceId, HttpMethod: get, StatusCode: aws.String("200")})
	if _, err := client.CreateDeployment(ctx, &sdk.CreateDeploymentInput{RestApiId: api.Id, StageName: aws.String("prod")}); err != nil {
		panic(err)
	}
	plan, err := client.CreateUsagePlan(ctx, &sdk.CreateUsagePlanInput{Name: aws.String("basic"),
		ApiStages: []types.ApiStage{{ApiId: api.Id, Stage: aws.String("prod")}},
		Throttle:  &types.ThrottleSettings{RateLimit: 1, BurstLimit: 1}})
	if err != nil {
		panic(err)
	}
	key, _ := client.CreateApiKey(ctx, &sdk.CreateApiKeyInput{Name: aws.String("customer"), Enabled: true})
	if _, err := client.CreateUsagePlanKey(ctx, &sdk.CreateUsagePlanKeyInput{UsagePlanId: plan.Id, KeyId: key.Id, KeyType: aws.String("API_KEY")}); err != nil {
		panic(err)
	}

	call := func(apiKey string) int {
		req, _ := http.NewRequest(http.MethodGet, cloud.APIGateway().InvokeURL(*api.Id, "prod")+"/", http.NoBody)
		if apiKey != "" {
			req.Header.Set("x-api-key", apiKey)
		}
		resp, err := cloud.HTTPClient().Do(req)
		if err != nil {
			panic(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	fmt.Println("no key:", call(""))
	fmt.Println("first:", call(*key.Value))
	fmt.Println("at once:", call(*key.Value))
	clk.Advance(time.Second)
	fmt.Println("a second later:", call(*key.Value))
	// Output:
	// no key: 403
	// first: 200
	// at once: 429
	// a second later: 200
}
