package apigw_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/awsfake/awsfake"
)

// BenchmarkInvoke_CachedAuthorizer is the proxy GET of
// BenchmarkInvoke_LambdaProxyGET without an authorizer and behind a TOKEN
// authorizer whose result is cached: the budget is at most 20% more.
func BenchmarkInvoke_CachedAuthorizer(b *testing.B) {
	for _, guarded := range []bool{false, true} {
		name := "authorizer=none"
		if guarded {
			name = "authorizer=cached"
		}
		b.Run(name, func(b *testing.B) {
			cloud, url := benchAPI(b, 10)
			if guarded {
				guardBench(b, cloud, url)
			}
			c := cloud.HTTPClient()
			req, _ := http.NewRequest(http.MethodGet, url, http.NoBody)
			req.Header.Set("Authorization", "tok")
			do := func() {
				resp, err := c.Do(req)
				if err != nil || resp.StatusCode != 200 {
					b.Fatalf("%v %v", err, resp)
				}
				resp.Body.Close()
			}
			do()
			b.ReportAllocs()
			for b.Loop() {
				do()
			}
		})
	}
}

// guardBench puts a TOKEN authorizer allowing everything on GET
// /items/{id} of the bench API and redeploys it.
func guardBench(b *testing.B, cloud *awsfake.Cloud, url string) {
	ctx := context.Background()
	fn := cloud.Lambda().FunctionT(b, "allower", func(context.Context, map[string]any) (map[string]any, error) {
		return map[string]any{"principalId": "u", "policyDocument": map[string]any{"Version": "2012-10-17",
			"Statement": []any{map[string]any{"Action": "execute-api:Invoke", "Effect": "Allow", "Resource": "*"}}}}, nil
	})
	cloud.Lambda().AllowT(b, fn.Name, "apigateway.amazonaws.com", "")
	client := sdk.NewFromConfig(cloud.AWSConfig())
	apis, _ := client.GetRestApis(ctx, &sdk.GetRestApisInput{})
	api := apis.Items[0].Id
	if !strings.Contains(url, *api) {
		b.Fatal("not the bench API")
	}
	z, err := client.CreateAuthorizer(ctx, &sdk.CreateAuthorizerInput{RestApiId: api, Name: aws.String("a"), Type: types.AuthorizerTypeToken,
		IdentitySource: aws.String("method.request.header.Authorization"),
		AuthorizerUri:  aws.String("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + fn.ARN + "/invocations")})
	if err != nil {
		b.Fatal(err)
	}
	res, _ := client.GetResources(ctx, &sdk.GetResourcesInput{RestApiId: api})
	for _, r := range res.Items {
		if aws.ToString(r.Path) != "/items/{id}" {
			continue
		}
		if _, err := client.UpdateMethod(ctx, &sdk.UpdateMethodInput{RestApiId: api, ResourceId: r.Id, HttpMethod: aws.String("GET"),
			PatchOperations: []types.PatchOperation{
				{Op: types.OpReplace, Path: aws.String("/authorizationType"), Value: aws.String("CUSTOM")},
				{Op: types.OpReplace, Path: aws.String("/authorizerId"), Value: z.Id}}}); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := client.CreateDeployment(ctx, &sdk.CreateDeploymentInput{RestApiId: api, StageName: aws.String("prod")}); err != nil {
		b.Fatal(err)
	}
}
