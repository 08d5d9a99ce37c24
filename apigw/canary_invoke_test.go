package apigw_test

import (
	"context"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	cwlogs "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// At 0 percent the stage's deployment answers; at 100 the canary's, with
// the stage's variables overridden and added to and
// $context.isCanaryRequest true, as recorded
// (TestCanaryDeployments::test_invoking_canary_deployment). The records
// say which deployment served and whether it was the canary.
func TestCanary_InvokeAsRecorded(t *testing.T) {
	f := newFixture(t)
	api, root := f.canaryAPI(t)
	d1 := f.deployment(t, api, &sdk.CreateDeploymentInput{StageName: aws.String("dev"),
		Variables: map[string]string{"testVar": "default", "defaultVar": "default"}})
	f.answer(t, api, root, "canary deployment")
	d2 := f.deployment(t, api, &sdk.CreateDeploymentInput{StageName: aws.String("dev"),
		CanarySettings: &types.DeploymentCanarySettings{PercentTraffic: 0,
			StageVariableOverrides: map[string]string{"testVar": "canary", "noStageVar": "canary"}}})
	url := f.cloud.APIGateway().InvokeURL(api, "dev") + "/"
	for range 20 {
		status, _, body := f.call(t, "GET", url, "")
		require.Equal(t, 200, status)
		assert.JSONEq(t, `{"isCanary":"false","message":"default deployment","nonExistingDefault":"","nonOverridden":"default","statusCode":200,"variable":"default"}`, body)
	}

	up, err := f.patchStage(api, "dev", [3]string{"replace", "/canarySettings/percentTraffic", "100.0"})
	require.NoError(t, err)
	assert.Equal(t, canary(d2, 100, map[string]string{"noStageVar": "canary", "testVar": "canary"}), up.CanarySettings)
	assert.Equal(t, map[string]string{"defaultVar": "default", "testVar": "default"}, up.Variables)
	for range 20 {
		status, _, body := f.call(t, "GET", url, "")
		require.Equal(t, 200, status)
		assert.JSONEq(t, `{"isCanary":"true","message":"canary deployment","nonExistingDefault":"canary","nonOverridden":"default","statusCode":200,"variable":"canary"}`, body)
	}
	calls := f.cloud.APIGateway().Invocations()
	require.Len(t, calls, 40)
	assert.False(t, calls[0].Canary)
	assert.Equal(t, d1, calls[0].DeploymentID)
	assert.True(t, calls[39].Canary)
	assert.Equal(t, d2, calls[39].DeploymentID)
	// The stage's own variables are untouched by the canary's requests.
	assert.Equal(t, map[string]string{"defaultVar": "default", "testVar": "default"}, f.stage(t, api, "dev").Variables)
}

// canaryShare sends n requests to a stage whose canary takes percent of
// the traffic, from workers goroutines, on a cloud seeded with seed, and
// returns how many the canary served.
func canaryShare(t *testing.T, seed uint64, percent string, n, workers int) int {
	t.Helper()
	cloud := awsfake.NewT(t, awsfake.WithClock(clock.NewFake(t0)), awsfake.WithSeed(seed))
	f := &fixture{ctx: context.Background(), cloud: cloud, client: sdk.NewFromConfig(cloud.AWSConfig()), http: cloud.HTTPClient()}
	api, root := f.canaryAPI(t)
	f.deploy(t, api, "prod")
	f.answer(t, api, root, "canary deployment")
	f.deployment(t, api, &sdk.CreateDeploymentInput{StageName: aws.String("prod"), CanarySettings: &types.DeploymentCanarySettings{}})
	_, err := f.patchStage(api, "prod", [3]string{"replace", "/canarySettings/percentTraffic", percent})
	require.NoError(t, err)
	url := cloud.APIGateway().InvokeURL(api, "prod")
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				resp, err := f.http.Get(url)
				if assert.NoError(t, err) {
					resp.Body.Close()
				}
			}
		}()
	}
	wg.Wait()
	canaries := 0
	for _, c := range cloud.APIGateway().Invocations() {
		if c.Canary {
			canaries++
		}
	}
	return canaries
}

// The canary's share over N = 4,000 seeded requests is 25% within a
// tolerance of 3% (120 requests, above three standard deviations,
// sqrt(4000 x 0.25 x 0.75) = 27.4); the same seed gives the same count,
// whether the requests come one by one or from 8 goroutines at once (the
// draws are the stage's own); 0 and 100 percent are none and all.
func TestCanary_ShareWithinToleranceSeeded(t *testing.T) {
	const n = 4000
	got := canaryShare(t, 42, "25", n, 1)
	t.Logf("seed 42: %d of %d", got, n)
	assert.InDelta(t, n/4, got, 120, "canary requests out of %d", n)
	assert.Equal(t, got, canaryShare(t, 42, "25", n, 1), "same seed, same count")
	assert.Equal(t, got, canaryShare(t, 42, "25", n, 8), "same seed, same count under concurrency")
	other := canaryShare(t, 43, "25", n, 1)
	assert.InDelta(t, n/4, other, 120)
	assert.Equal(t, 0, canaryShare(t, 42, "0", 200, 4))
	assert.Equal(t, 200, canaryShare(t, 42, "100", 200, 4))
}

// Overrides reach a proxy event's stageVariables on canary requests only.
func TestCanary_OverridesReachTheProxyEvent(t *testing.T) {
	f := newFixture(t)
	var got []map[string]any
	api, url := f.proxyAPI(t, func(_ context.Context, ev map[string]any) (map[string]any, error) {
		got = append(got, ev)
		return map[string]any{"statusCode": 200, "body": "ok"}, nil
	})
	_, err := f.patchStage(api, "stage", [3]string{"replace", "/variables/base", "b"}, [3]string{"replace", "/variables/shared", "stage"})
	require.NoError(t, err)
	f.call(t, "GET", url+"/x", "")
	_, err = f.patchStage(api, "stage", [3]string{"replace", "/canarySettings/stageVariableOverrides/shared", "canary"},
		[3]string{"replace", "/canarySettings/stageVariableOverrides/extra", "e"}, [3]string{"replace", "/canarySettings/percentTraffic", "100"})
	require.NoError(t, err)
	f.call(t, "GET", url+"/x", "")
	require.Len(t, got, 2)
	assert.Equal(t, map[string]any{"base": "b", "shared": "stage"}, got[0]["stageVariables"])
	assert.Equal(t, map[string]any{"base": "b", "shared": "canary", "extra": "e"}, got[1]["stageVariables"])
}

// Promotion as the console and CLI document it: the stage takes the
// canary's deployment (replace /deploymentId), then remove /canarySettings;
// every request is then the promoted deployment's, none a canary request.
func TestCanary_PromotionServesTheCanarysDeployment(t *testing.T) {
	f := newFixture(t)
	api, root := f.canaryAPI(t)
	f.deployment(t, api, &sdk.CreateDeploymentInput{StageName: aws.String("dev"), Variables: map[string]string{"testVar": "default"}})
	f.answer(t, api, root, "canary deployment")
	d2 := f.deployment(t, api, &sdk.CreateDeploymentInput{StageName: aws.String("dev"),
		CanarySettings: &types.DeploymentCanarySettings{PercentTraffic: 10}})
	_, err := f.patchStage(api, "dev", [3]string{"replace", "/deploymentId", d2}, [3]string{"remove", "/canarySettings", ""})
	require.NoError(t, err)
	url := f.cloud.APIGateway().InvokeURL(api, "dev")
	for range 30 {
		_, _, body := f.call(t, "GET", url, "")
		assert.Contains(t, body, `"message": "canary deployment"`)
		assert.Contains(t, body, `"isCanary": "false"`)
	}
	for _, c := range f.cloud.APIGateway().Invocations() {
		assert.False(t, c.Canary)
		assert.Equal(t, d2, c.DeploymentID)
	}
	// The promoted deployment is the stage's: no longer deletable.
	_, err = f.client.DeleteDeployment(f.ctx, &sdk.DeleteDeploymentInput{RestApiId: &api, DeploymentId: &d2})
	checkErr(t, err, "BadRequestException", "")
}

// A canary request's execution and access log lines go to the stage's log
// groups and to the canary's, named with /Canary; the stage's requests to
// the stage's alone.
func TestCanary_LogGroups(t *testing.T) {
	f := newFixture(t)
	api, _ := f.canaryAPI(t)
	d1 := f.deploy(t, api, "prod")
	dest := "arn:aws:logs:us-east-1:000000000000:log-group:access"
	_, err := f.patchStage(api, "prod", [3]string{"replace", "/*/*/logging/loglevel", "INFO"},
		[3]string{"replace", "/accessLogSettings/destinationArn", dest + ":*"},
		[3]string{"replace", "/accessLogSettings/format", "$context.requestId"},
		[3]string{"replace", "/canarySettings/deploymentId", d1})
	require.NoError(t, err)
	url := f.cloud.APIGateway().InvokeURL(api, "prod")
	f.call(t, "GET", url, "")
	groups := func() map[string]int {
		out := map[string]int{}
		for _, l := range f.cloud.APIGateway().ExecutionLogs(api, "prod") {
			out[l.Group]++
		}
		for _, l := range f.cloud.APIGateway().AccessLogs(api, "prod") {
			out[l.Group]++
		}
		return out
	}
	exec := "API-Gateway-Execution-Logs_" + api + "/prod"
	assert.Equal(t, map[string]int{exec: 4, dest + ":*": 1}, groups())
	_, err = f.patchStage(api, "prod", [3]string{"replace", "/canarySettings/percentTraffic", "100"})
	require.NoError(t, err)
	f.call(t, "GET", url, "")
	assert.Equal(t, map[string]int{exec: 8, exec + "/Canary": 4, dest + ":*": 2, dest + "/Canary": 1}, groups())
	// The same groups in CloudWatch Logs, read with its client.
	logs := cwlogs.NewFromConfig(f.cloud.AWSConfig())
	for group, want := range map[string]int{exec: 8, exec + "/Canary": 4, "access": 2, "access/Canary": 1} {
		got, err := logs.FilterLogEvents(f.ctx, &cwlogs.FilterLogEventsInput{LogGroupName: aws.String(group)})
		require.NoError(t, err, group)
		assert.Len(t, got.Events, want, group)
	}
}
