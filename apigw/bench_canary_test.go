package apigw_test

import (
	"context"
	"io"
	"testing"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/apigw"
)

// BenchmarkInvoke_Canary is a GET to a MOCK on a stage without a canary
// (the floor), and on the same stage with a 50% canary whose requests
// merge a stage variable override: the cost of the draw and the merge.
func BenchmarkInvoke_Canary(b *testing.B) {
	for _, tc := range []struct {
		name   string
		canary *apigw.CanarySettings
	}{
		{"none", nil},
		{"50pct", &apigw.CanarySettings{PercentTraffic: 50, StageVariableOverrides: map[string]string{"v": "canary"}}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			cloud := awsfake.NewT(b)
			url := canaryBenchStage(b, cloud, tc.canary)
			c := cloud.HTTPClient()
			b.ReportAllocs()
			for b.Loop() {
				resp, err := c.Get(url)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
}

// canaryBenchStage deploys GET / as a MOCK answering $stageVariables.v to
// stage prod with canary c (the stage's deployment) and returns its URL.
func canaryBenchStage(b *testing.B, cloud *awsfake.Cloud, c *apigw.CanarySettings) string {
	s, ctx := cloud.APIGateway(), context.Background()
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	a, err := s.CreateRestApi(ctx, apigw.CreateRestApiInput{Name: "bench"})
	must(err)
	in := apigw.PutMethodInput{RestAPIID: a.ID, ResourceID: a.RootResourceID, HTTPMethod: "GET", AuthorizationType: "NONE"}
	_, err = s.PutMethod(ctx, in)
	must(err)
	_, err = s.PutIntegration(ctx, apigw.PutIntegrationInput{RestAPIID: a.ID, ResourceID: a.RootResourceID, HTTPMethod: "GET",
		Type: "MOCK", RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`}})
	must(err)
	_, err = s.PutMethodResponse(ctx, apigw.PutMethodResponseInput{RestAPIID: a.ID, ResourceID: a.RootResourceID, HTTPMethod: "GET", StatusCode: "200"})
	must(err)
	_, err = s.PutIntegrationResponse(ctx, apigw.PutIntegrationResponseInput{RestAPIID: a.ID, ResourceID: a.RootResourceID,
		HTTPMethod: "GET", StatusCode: "200", ResponseTemplates: map[string]string{"application/json": `{"v": "$stageVariables.v"}`}})
	must(err)
	d, err := s.CreateDeployment(ctx, apigw.CreateDeploymentInput{RestAPIID: a.ID})
	must(err)
	if c != nil {
		c.DeploymentID = d.ID
	}
	_, err = s.CreateStage(ctx, apigw.CreateStageInput{RestAPIID: a.ID, StageName: "prod", DeploymentID: d.ID,
		Variables: map[string]string{"v": "stage"}, CanarySettings: c})
	must(err)
	return s.InvokeURL(a.ID, "prod")
}
