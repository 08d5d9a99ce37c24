package apigw_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/aws/smithy-go/middleware"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// canaryTemplate is the recording's response template: the message, three
// stage variables and $context.isCanaryRequest
// (test_apigateway_canary.py::TestCanaryDeployments::test_invoking_canary_deployment).
func canaryTemplate(message string) string {
	return `{"statusCode": 200, "message": "` + message + `", "variable": "$stageVariables.testVar", ` +
		`"nonExistingDefault": "$stageVariables.noStageVar", "nonOverridden": "$stageVariables.defaultVar", ` +
		`"isCanary": "$context.isCanaryRequest"}`
}

// canaryAPI is the recording's API: GET / a MOCK answering
// canaryTemplate("default deployment"). It returns the API and its root.
func (f *fixture) canaryAPI(t *testing.T) (string, string) {
	t.Helper()
	api, root := f.api(t, "canary")
	f.mock(t, api, root, "GET", "200", canaryTemplate("default deployment"))
	return api, root
}

// answer changes what GET / answers in the next deployment.
func (f *fixture) answer(t *testing.T, api, root, message string) {
	t.Helper()
	_, err := f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &root,
		HttpMethod: aws.String("GET"), StatusCode: aws.String("200"), SelectionPattern: aws.String(""),
		ResponseTemplates: map[string]string{"application/json": canaryTemplate(message)}})
	require.NoError(t, err)
}

// patchStage applies patch operations given as op, path, value triples.
func (f *fixture) patchStage(api, stage string, ops ...[3]string) (*sdk.UpdateStageOutput, error) {
	var in []types.PatchOperation
	for _, o := range ops {
		op := types.PatchOperation{Op: types.Op(o[0]), Path: aws.String(o[1])}
		if o[0] == "copy" {
			op.From = aws.String(o[2])
		} else if o[2] != "" {
			op.Value = aws.String(o[2])
		}
		in = append(in, op)
	}
	return f.client.UpdateStage(f.ctx, &sdk.UpdateStageInput{RestApiId: &api, StageName: &stage, PatchOperations: in})
}

// stage returns GetStage's answer without its response metadata, for
// comparing one answer with another.
func (f *fixture) stage(t *testing.T, api, stage string) *sdk.GetStageOutput {
	t.Helper()
	out, err := f.client.GetStage(f.ctx, &sdk.GetStageInput{RestApiId: &api, StageName: &stage})
	require.NoError(t, err)
	out.ResultMetadata = middleware.Metadata{}
	return out
}

func canary(d string, percent float64, overrides map[string]string) *types.CanarySettings {
	return &types.CanarySettings{DeploymentId: &d, PercentTraffic: percent, StageVariableOverrides: overrides}
}

// CreateStage with canarySettings, an override replaced, the canary
// removed, as recorded (TestStageCrudCanary::test_create_update_stages).
func TestCanary_CreateUpdateRemoveAsRecorded(t *testing.T) {
	f := newFixture(t)
	api, root := f.canaryAPI(t)
	d1 := f.deployment(t, api, nil)
	f.answer(t, api, root, "second deployment")
	d2 := f.deployment(t, api, nil)
	st, err := f.client.CreateStage(f.ctx, &sdk.CreateStageInput{RestApiId: &api, StageName: aws.String("dev"), DeploymentId: &d1,
		Description: aws.String("dev stage"), Variables: map[string]string{"testVar": "default"},
		CanarySettings: canary(d2, 50, map[string]string{"testVar": "canary"})})
	require.NoError(t, err)
	want := &types.CanarySettings{DeploymentId: &d2, PercentTraffic: 50, StageVariableOverrides: map[string]string{"testVar": "canary"}}
	assert.Equal(t, want, st.CanarySettings)
	assert.Equal(t, d1, *st.DeploymentId)
	assert.Equal(t, want, f.stage(t, api, "dev").CanarySettings)

	up, err := f.patchStage(api, "dev", [3]string{"replace", "/canarySettings/stageVariableOverrides/testVar", "updated"})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"testVar": "updated"}, up.CanarySettings.StageVariableOverrides)
	assert.Equal(t, map[string]string{"testVar": "default"}, up.Variables)

	up, err = f.patchStage(api, "dev", [3]string{"remove", "/canarySettings", ""})
	require.NoError(t, err)
	assert.Nil(t, up.CanarySettings)
	assert.Nil(t, f.stage(t, api, "dev").CanarySettings)
	assert.Equal(t, d1, *f.stage(t, api, "dev").DeploymentId)
}

// deployment creates a deployment, to no stage when canary is nil.
func (f *fixture) deployment(t *testing.T, api string, in *sdk.CreateDeploymentInput) string {
	t.Helper()
	if in == nil {
		in = &sdk.CreateDeploymentInput{}
	}
	in.RestApiId = &api
	out, err := f.client.CreateDeployment(f.ctx, in)
	require.NoError(t, err)
	return *out.Id
}

// CreateDeployment with canarySettings makes the new deployment the
// canary, replacing the whole canary, and leaves the stage's deployment
// (TestStageCrudCanary::test_create_canary_deployment_with_stage,
// test_create_canary_deployment); a canary naming no deployment is
// refused (bad-canary-deployment-id).
func TestCanary_CreateDeploymentMakesTheCanary(t *testing.T) {
	f := newFixture(t)
	api, _ := f.canaryAPI(t)
	d1 := f.deployment(t, api, nil)
	_, err := f.client.CreateStage(f.ctx, &sdk.CreateStageInput{RestApiId: &api, StageName: aws.String("dev1"), DeploymentId: &d1,
		Variables: map[string]string{"testVar": "default"}, CanarySettings: canary(d1, 40, map[string]string{"testVar": "canary1"})})
	require.NoError(t, err)
	d2 := f.deployment(t, api, &sdk.CreateDeploymentInput{StageName: aws.String("dev1"),
		CanarySettings: &types.DeploymentCanarySettings{PercentTraffic: 50, StageVariableOverrides: map[string]string{"testVar": "canary2"}}})
	st := f.stage(t, api, "dev1")
	assert.Equal(t, d1, *st.DeploymentId)
	assert.Equal(t, canary(d2, 50, map[string]string{"testVar": "canary2"}), st.CanarySettings)
	assert.Equal(t, map[string]string{"testVar": "default"}, st.Variables)

	_, err = f.client.CreateStage(f.ctx, &sdk.CreateStageInput{RestApiId: &api, StageName: aws.String("dev3"), DeploymentId: &d1,
		CanarySettings: &types.CanarySettings{DeploymentId: aws.String("deploy")}})
	checkErr(t, err, "BadRequestException", "Deployment id does not exist")
	_, err = f.client.GetStage(f.ctx, &sdk.GetStageInput{RestApiId: &api, StageName: aws.String("dev3")})
	checkErr(t, err, "NotFoundException", "")

	// The stage (and its canary) keep the deployments they serve.
	_, err = f.client.DeleteDeployment(f.ctx, &sdk.DeleteDeploymentInput{RestApiId: &api, DeploymentId: &d2})
	checkErr(t, err, "BadRequestException", "Active stages pointing to this deployment must be moved or deleted")
}

// CreateDeployment's canary needs an existing stage, with AWS's texts
// (TestStageCrudCanary::test_create_canary_deployment_validation); a
// refused canary deployment makes no deployment.
func TestCanary_CreateDeploymentValidation(t *testing.T) {
	f := newFixture(t)
	api, _ := f.canaryAPI(t)
	c := &types.DeploymentCanarySettings{PercentTraffic: 50, StageVariableOverrides: map[string]string{"testVar": "canary"}}
	_, err := f.client.CreateDeployment(f.ctx, &sdk.CreateDeploymentInput{RestApiId: &api, CanarySettings: c})
	checkErr(t, err, "BadRequestException", "Invalid deployment content specified.Non null and non empty stageName must be provided for canary deployment. Provided value is null")
	_, err = f.client.CreateDeployment(f.ctx, &sdk.CreateDeploymentInput{RestApiId: &api, StageName: aws.String(""), CanarySettings: c})
	checkErr(t, err, "BadRequestException", "Invalid deployment content specified.Non null and non empty stageName must be provided for canary deployment. Provided value is ")
	_, err = f.client.CreateDeployment(f.ctx, &sdk.CreateDeploymentInput{RestApiId: &api, StageName: aws.String("non-existing"), CanarySettings: c})
	checkErr(t, err, "BadRequestException", "Invalid deployment content specified.Stage non-existing must already be created before making a canary release deployment")
	out, err := f.client.GetDeployments(f.ctx, &sdk.GetDeploymentsInput{RestApiId: &api})
	require.NoError(t, err)
	assert.Empty(t, out.Items)
}

// UpdateStage makes a canary from a stage without one: replace
// /canarySettings/deploymentId (0.0 percent) or
// /canarySettings/percentTraffic (the stage's deployment), as recorded
// (TestStageCrudCanary::test_create_canary_deployment_by_stage_update).
func TestCanary_MadeByStageUpdate(t *testing.T) {
	f := newFixture(t)
	api, _ := f.canaryAPI(t)
	d1 := f.deployment(t, api, nil)
	d2 := f.deployment(t, api, nil)
	_, err := f.client.CreateStage(f.ctx, &sdk.CreateStageInput{RestApiId: &api, StageName: aws.String("dev"), DeploymentId: &d1})
	require.NoError(t, err)
	up, err := f.patchStage(api, "dev", [3]string{"replace", "/canarySettings/deploymentId", d2})
	require.NoError(t, err)
	assert.Equal(t, canary(d2, 0, nil), up.CanarySettings)
	_, err = f.patchStage(api, "dev", [3]string{"remove", "/canarySettings", ""})
	require.NoError(t, err)
	up, err = f.patchStage(api, "dev", [3]string{"replace", "/canarySettings/percentTraffic", "50"})
	require.NoError(t, err)
	assert.Equal(t, canary(d1, 50, nil), up.CanarySettings)
	up, err = f.patchStage(api, "dev", [3]string{"replace", "/canarySettings/useStageCache", "true"})
	require.NoError(t, err)
	assert.True(t, up.CanarySettings.UseStageCache)
	assert.Equal(t, canary(d1, 50, nil), withoutCache(f.stage(t, api, "dev").CanarySettings))
}

// withoutCache is c with useStageCache cleared, to compare the rest.
func withoutCache(c *types.CanarySettings) *types.CanarySettings {
	out := *c
	out.UseStageCache = false
	return &out
}

// The paths UpdateStage refuses, with AWS's texts
// (TestStageCrudCanary::test_update_stage_canary_deployment_validation),
// each leaving the stage as it was.
func TestCanary_UpdateStageValidation(t *testing.T) {
	f := newFixture(t)
	api, _ := f.canaryAPI(t)
	f.deploy(t, api, "dev")
	f.deployment(t, api, &sdk.CreateDeploymentInput{StageName: aws.String("dev"),
		CanarySettings: &types.DeploymentCanarySettings{PercentTraffic: 50, StageVariableOverrides: map[string]string{"testVar": "canary"}}})
	before := f.stage(t, api, "dev")
	for _, tc := range []struct {
		op   [3]string
		want string
	}{
		{[3]string{"remove", "/canarySettings/stageVariableOverrides", ""}, "Cannot remove method setting canarySettings/stageVariableOverrides because there is no method setting for this method "},
		{[3]string{"remove", "/canarySettings/badPath", ""}, "Cannot remove method setting canarySettings/badPath because there is no method setting for this method "},
		{[3]string{"replace", "/canarySettings", "test"}, "Invalid method setting path: /canarySettings. Must be one of: [/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, /{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, /{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds, /{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, /{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, /*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name}, /tracingEnabled]"},
		{[3]string{"replace", "/canarySettings/badPath", "badPath"}, "Invalid method setting path: /canarySettings/badPath. Must be one of: "},
		{[3]string{"add", "/canarySettings/deploymentId", *before.DeploymentId}, "Invalid add operation with path: /canarySettings/deploymentId"},
		{[3]string{"replace", "/canarySettings/deploymentId", "deploy"}, "Deployment id does not exist"},
	} {
		_, err := f.patchStage(api, "dev", tc.op)
		require.Error(t, err, tc.op)
		checkErr(t, err, "BadRequestException", "")
		assert.Contains(t, err.Error(), tc.want, tc.op)
		assert.Equal(t, before, f.stage(t, api, "dev"), tc.op)
	}
}

// percentTraffic outside 0.0–100.0 (or not a number) is refused on each
// way in, leaving nothing made or changed; 0 and 100 are taken.
func TestCanary_PercentTrafficRange(t *testing.T) {
	f := newFixture(t)
	api, _ := f.canaryAPI(t)
	d1 := f.deploy(t, api, "prod")
	before := f.stage(t, api, "prod")
	const msg = "Canary percentTraffic must be between 0.0 and 100.0"
	for _, p := range []float64{-0.1, 100.1, 1e9} {
		_, err := f.client.CreateStage(f.ctx, &sdk.CreateStageInput{RestApiId: &api, StageName: aws.String("bad"), DeploymentId: &d1,
			CanarySettings: canary(d1, p, nil)})
		checkErr(t, err, "BadRequestException", "")
		assert.Contains(t, err.Error(), msg)
		_, err = f.client.CreateDeployment(f.ctx, &sdk.CreateDeploymentInput{RestApiId: &api, StageName: aws.String("prod"),
			CanarySettings: &types.DeploymentCanarySettings{PercentTraffic: p}})
		checkErr(t, err, "BadRequestException", "")
	}
	for _, v := range []string{"-1", "100.5", "abc", "", "NaN"} {
		_, err := f.patchStage(api, "prod", [3]string{"replace", "/canarySettings/percentTraffic", v})
		checkErr(t, err, "BadRequestException", "")
		assert.Contains(t, err.Error(), msg, v)
	}
	_, err := f.client.GetStage(f.ctx, &sdk.GetStageInput{RestApiId: &api, StageName: aws.String("bad")})
	checkErr(t, err, "NotFoundException", "")
	assert.Equal(t, before, f.stage(t, api, "prod"))
	deps, err := f.client.GetDeployments(f.ctx, &sdk.GetDeploymentsInput{RestApiId: &api})
	require.NoError(t, err)
	assert.Len(t, deps.Items, 1)

	for _, v := range []string{"0", "0.0", "100", "100.0"} {
		_, err := f.patchStage(api, "prod", [3]string{"replace", "/canarySettings/percentTraffic", v})
		require.NoError(t, err, v)
	}
}

// The promotion the CLI documents: percentTraffic to 0, copy the canary's
// deployment to the stage and its overrides into the stage's variables;
// without a canary it is refused, and a copy elsewhere is refused, as
// recorded (TestStageCrudCanary::test_update_stage_with_copy_ops).
func TestCanary_PromotionByCopyAsRecorded(t *testing.T) {
	f := newFixture(t)
	api, _ := f.canaryAPI(t)
	d1 := f.deployment(t, api, &sdk.CreateDeploymentInput{StageName: aws.String("dev"),
		Variables: map[string]string{"testVar": "test", "testVar2": "test2"}})
	before := f.stage(t, api, "dev")
	_, err := f.patchStage(api, "dev", [3]string{"copy", "/canarySettings/stageVariableOverrides", "/variables"},
		[3]string{"copy", "/canarySettings/deploymentId", "/deploymentId"})
	checkErr(t, err, "BadRequestException", "Invalid copy operation with path: /canarySettings/stageVariableOverrides and from /variables. Valid copy:path are [/deploymentId, /variables] and valid copy:from are [/canarySettings/deploymentId, /canarySettings/stageVariableOverrides]")
	promotion := [][3]string{{"replace", "/canarySettings/percentTraffic", "0.0"},
		{"copy", "/deploymentId", "/canarySettings/deploymentId"}, {"copy", "/variables", "/canarySettings/stageVariableOverrides"}}
	_, err = f.patchStage(api, "dev", promotion[1:]...)
	checkErr(t, err, "BadRequestException", "Promotion not available. Canary does not exist.")
	assert.Equal(t, before, f.stage(t, api, "dev"))

	up, err := f.patchStage(api, "dev", promotion...)
	require.NoError(t, err)
	assert.Equal(t, canary(d1, 0, nil), up.CanarySettings)
	assert.Equal(t, d1, *up.DeploymentId)
	assert.Equal(t, map[string]string{"testVar": "test", "testVar2": "test2"}, up.Variables)

	d2 := f.deployment(t, api, &sdk.CreateDeploymentInput{StageName: aws.String("dev"),
		CanarySettings: &types.DeploymentCanarySettings{PercentTraffic: 50, StageVariableOverrides: map[string]string{"testVar": "override"}}})
	assert.Equal(t, canary(d2, 50, map[string]string{"testVar": "override"}), f.stage(t, api, "dev").CanarySettings)
	up, err = f.patchStage(api, "dev", promotion...)
	require.NoError(t, err)
	assert.Equal(t, canary(d2, 0, map[string]string{"testVar": "override"}), up.CanarySettings)
	assert.Equal(t, d2, *up.DeploymentId)
	assert.Equal(t, map[string]string{"testVar": "override", "testVar2": "test2"}, up.Variables)
}
