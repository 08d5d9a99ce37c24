package apigw_test

import (
	"context"
	"fmt"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/awsfake/awsfake"
)

// A TOKEN authorizer guarding a MOCK method: a request without the token
// is 401, the token "deny" 403, any other token passes.
func ExampleService_CreateAuthorizer() {
	cloud := awsfake.New()
	defer cloud.Close()
	ctx := context.Background()
	// The function greeter (createFunction) runs the handler "hello": here,
	// the authorizer.
	_ = cloud.Lambda().RegisterHandler("hello", func(_ context.Context, ev map[string]any) (map[string]any, error) {
		effect := "Allow"
		if ev["authorizationToken"] == "deny" {
			effect = "Deny"
		}
		return map[string]any{"principalId": "user", "policyDocument": map[string]any{"Version": "2012-10-17",
			"Statement": []any{map[string]any{"Action": "execute-api:Invoke", "Effect": effect, "Resource": ev["methodArn"]}}}}, nil
	})
	if err := createFunction(ctx, cloud); err != nil {
		panic(err)
	}

	client := sdk.NewFromConfig(cloud.AWSConfig())
	api, _ := client.CreateRestApi(ctx, &sdk.CreateRestApiInput{Name: aws.String("guarded")})
	z, err := client.CreateAuthorizer(ctx, &sdk.CreateAuthorizerInput{RestApiId: api.Id, Name: aws.String("token"),
		Type: types.AuthorizerTypeToken, IdentitySource: aws.String("method.request.header.Authorization"),
		AuthorizerUri: aws.String("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:greeter/invocations")})
	if err != nil {
		panic(err)
	}
	_, _ = client.PutMethod(ctx, &sdk.PutMethodInput{RestApiId: api.Id, ResourceId: api.RootResourceId, HttpMethod: aws.String("GET"),
		AuthorizationType: aws.String("CUSTOM"), AuthorizerId: z.Id})
	_, _ = client.PutIntegration(ctx, &sdk.PutIntegrationInput{RestApiId: api.Id, ResourceId: api.RootResourceId, HttpMethod: aws.String("GET"),
		Type: types.IntegrationTypeMock, RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`}})
	_, _ = client.PutMethodResponse(ctx, &sdk.PutMethodResponseInput{RestApiId: api.Id, ResourceId: api.RootResourceId,
		HttpMethod: aws.String("GET"), StatusCode: aws.String("200")})
	_, _ = client.PutIntegrationResponse(ctx, &sdk.PutIntegrationResponseInput{RestApiId: api.Id, ResourceId: api.RootResourceId,
		HttpMethod: aws.String("GET"), StatusCode: aws.String("200")})
	if _, err := client.CreateDeployment(ctx, &sdk.CreateDeploymentInput{RestApiId: api.Id, StageName: aws.String("prod")}); err != nil {
		panic(err)
	}

	url := cloud.APIGateway().InvokeURL(*api.Id, "prod") + "/"
	for _, token := range []string{"", "deny", "secret"} {
		req, _ := http.NewRequest(http.MethodGet, url, http.NoBody)
		if token != "" {
			req.Header.Set("Authorization", token)
		}
		resp, err := cloud.HTTPClient().Do(req)
		if err != nil {
			panic(err)
		}
		resp.Body.Close()
		fmt.Printf("%q: %d\n", token, resp.StatusCode)
	}
	// Output:
	// "": 401
	// "deny": 403
	// "secret": 200
}
