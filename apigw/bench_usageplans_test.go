package apigw_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/apigw"
	"github.com/awsfake/awsfake/clock"
)

// BenchmarkInvoke_UsagePlanKeys is a MOCK GET with apiKeyRequired, its key
// in a usage plan with a throttle and a quota among 10 and 100,000 keys,
// against the same GET needing no key (keys=none, the floor): the check
// is map lookups, so the cost must not grow with the number of keys. The
// fake clock moves 1 ms a request so that no limit is reached.
func BenchmarkInvoke_UsagePlanKeys(b *testing.B) {
	for _, n := range []int{0, 10, 100000} {
		name := "keys=none"
		if n > 0 {
			name = fmt.Sprintf("keys=%d", n)
		}
		b.Run(name, func(b *testing.B) {
			clk := clock.NewFake(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
			cloud := awsfake.NewT(b, awsfake.WithClock(clk))
			url, value := usagePlanBench(b, cloud, n)
			c := cloud.HTTPClient()
			req, _ := http.NewRequest(http.MethodGet, url, http.NoBody)
			req.Header.Set("x-api-key", value)
			do := func() {
				clk.Advance(time.Millisecond)
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

// usagePlanBench deploys GET /items, a MOCK needing an API key when n > 0,
// with n keys in a plan over the stage; it returns the URL and the value
// of the last key.
func usagePlanBench(b *testing.B, cloud *awsfake.Cloud, n int) (string, string) {
	ctx := context.Background()
	client := sdk.NewFromConfig(cloud.AWSConfig())
	api, err := client.CreateRestApi(ctx, &sdk.CreateRestApiInput{Name: aws.String("bench")})
	if err != nil {
		b.Fatal(err)
	}
	res, _ := client.CreateResource(ctx, &sdk.CreateResourceInput{RestApiId: api.Id, ParentId: api.RootResourceId, PathPart: aws.String("items")})
	get := aws.String("GET")
	_, _ = client.PutMethod(ctx, &sdk.PutMethodInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: get,
		AuthorizationType: aws.String("NONE"), ApiKeyRequired: n > 0})
	_, _ = client.PutIntegration(ctx, &sdk.PutIntegrationInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: get, Type: types.IntegrationTypeMock,
		RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`}})
	_, _ = client.PutMethodResponse(ctx, &sdk.PutMethodResponseInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: get, StatusCode: aws.String("200")})
	_, _ = client.PutIntegrationResponse(ctx, &sdk.PutIntegrationResponseInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: get,
		StatusCode: aws.String("200"), ResponseTemplates: map[string]string{"application/json": `{"ok": true}`}})
	if _, err := client.CreateDeployment(ctx, &sdk.CreateDeploymentInput{RestApiId: api.Id, StageName: aws.String("prod")}); err != nil {
		b.Fatal(err)
	}
	url := cloud.APIGateway().InvokeURL(*api.Id, "prod") + "/items"
	if n == 0 {
		return url, ""
	}
	s := cloud.APIGateway()
	plan, err := s.CreateUsagePlan(ctx, apigw.CreateUsagePlanInput{Name: "bench", APIStages: []apigw.ApiStage{{APIID: *api.Id, Stage: "prod"}},
		Throttle: &apigw.ThrottleSettings{RateLimit: 5000, BurstLimit: 5000},
		Quota:    &apigw.QuotaSettings{Limit: 2000000000, Period: "MONTH"}})
	if err != nil {
		b.Fatal(err)
	}
	var value string
	for i := range n {
		k, err := s.CreateApiKey(ctx, apigw.CreateApiKeyInput{Name: fmt.Sprintf("k%d", i), Enabled: true})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.CreateUsagePlanKey(ctx, apigw.CreateUsagePlanKeyInput{UsagePlanID: plan.ID, KeyID: k.ID, KeyType: "API_KEY"}); err != nil {
			b.Fatal(err)
		}
		value = k.Value
	}
	return url, value
}
