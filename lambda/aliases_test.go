package lambda_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// twoVersions creates fn with version 1 running handler v1 and version 2
// running v2 (each returns its name).
func twoVersions(t *testing.T, e *env) {
	t.Helper()
	e.register(t, "v1", func() (string, error) { return "one", nil })
	e.register(t, "v2", func() (string, error) { return "two", nil })
	e.createFunction(t, "fn", "v1", func(in *sdk.CreateFunctionInput) { in.Publish = true })
	_, err := e.client.UpdateFunctionConfiguration(e.ctx, &sdk.UpdateFunctionConfigurationInput{FunctionName: aws.String("fn"), Handler: aws.String("v2")})
	require.NoError(t, err)
	v, err := e.client.PublishVersion(e.ctx, &sdk.PublishVersionInput{FunctionName: aws.String("fn"), Description: aws.String("second")})
	require.NoError(t, err)
	require.Equal(t, "2", aws.ToString(v.Version))
}

func TestAlias_PointsToAVersionAndRoutesByWeight(t *testing.T) {
	e := newEnv(t)
	twoVersions(t, e)
	a, err := e.client.CreateAlias(e.ctx, &sdk.CreateAliasInput{FunctionName: aws.String("fn"), Name: aws.String("live"),
		FunctionVersion: aws.String("1")})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:lambda:us-east-1:000000000000:function:fn:live", aws.ToString(a.AliasArn))
	out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn:live")})
	require.NoError(t, err)
	assert.Equal(t, `"one"`, string(out.Payload))
	assert.Equal(t, "1", aws.ToString(out.ExecutedVersion), "X-Amz-Executed-Version names the version the alias resolved to")

	_, err = e.client.UpdateAlias(e.ctx, &sdk.UpdateAliasInput{FunctionName: aws.String("fn"), Name: aws.String("live"),
		RoutingConfig: &types.AliasRoutingConfiguration{AdditionalVersionWeights: map[string]float64{"2": 0.25}}})
	require.NoError(t, err)
	counts := map[string]int{}
	const n = 1000
	for range n {
		out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn"), Qualifier: aws.String("live")})
		require.NoError(t, err)
		counts[aws.ToString(out.ExecutedVersion)]++
	}
	assert.InDelta(t, 0.25*n, counts["2"], 0.05*n, "a quarter of the invocations go to version 2: %v", counts)
	assert.Equal(t, n, counts["1"]+counts["2"])

	got, err := e.client.GetAlias(e.ctx, &sdk.GetAliasInput{FunctionName: aws.String("fn"), Name: aws.String("live")})
	require.NoError(t, err)
	assert.Equal(t, map[string]float64{"2": 0.25}, got.RoutingConfig.AdditionalVersionWeights)
}

func TestAlias_WeightedRoutingIsDeterministicWithASeed(t *testing.T) {
	run := func() []string {
		e := newEnv(t, awsfake.WithSeed(42))
		twoVersions(t, e)
		_, err := e.client.CreateAlias(e.ctx, &sdk.CreateAliasInput{FunctionName: aws.String("fn"), Name: aws.String("canary"),
			FunctionVersion: aws.String("1"), RoutingConfig: &types.AliasRoutingConfiguration{AdditionalVersionWeights: map[string]float64{"2": 0.5}}})
		require.NoError(t, err)
		var seq []string
		for range 20 {
			out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn:canary")})
			require.NoError(t, err)
			seq = append(seq, aws.ToString(out.ExecutedVersion))
		}
		return seq
	}
	assert.Equal(t, run(), run())
}

func TestAlias_RejectsWhatAWSRejects(t *testing.T) {
	e := newEnv(t)
	twoVersions(t, e)
	for name, tc := range map[string]struct {
		in   *sdk.CreateAliasInput
		code string
	}{
		"numeric name":       {&sdk.CreateAliasInput{Name: aws.String("12"), FunctionVersion: aws.String("1")}, "ValidationException"},
		"missing version":    {&sdk.CreateAliasInput{Name: aws.String("a"), FunctionVersion: aws.String("9")}, "ResourceNotFoundException"},
		"weight above 1":     {&sdk.CreateAliasInput{Name: aws.String("a"), FunctionVersion: aws.String("1"), RoutingConfig: &types.AliasRoutingConfiguration{AdditionalVersionWeights: map[string]float64{"2": 1.5}}}, "ValidationException"},
		"routing to $LATEST": {&sdk.CreateAliasInput{Name: aws.String("a"), FunctionVersion: aws.String("1"), RoutingConfig: &types.AliasRoutingConfiguration{AdditionalVersionWeights: map[string]float64{"$LATEST": 0.5}}}, "InvalidParameterValueException"},
		"two extra versions": {&sdk.CreateAliasInput{Name: aws.String("a"), FunctionVersion: aws.String("1"), RoutingConfig: &types.AliasRoutingConfiguration{AdditionalVersionWeights: map[string]float64{"2": 0.1, "$LATEST": 0.1}}}, "InvalidParameterValueException"},
	} {
		t.Run(name, func(t *testing.T) {
			tc.in.FunctionName = aws.String("fn")
			_, err := e.client.CreateAlias(e.ctx, tc.in)
			requireCode(t, err, tc.code)
		})
	}
	_, err := e.client.CreateAlias(e.ctx, &sdk.CreateAliasInput{FunctionName: aws.String("fn"), Name: aws.String("live"), FunctionVersion: aws.String("1")})
	require.NoError(t, err)
	_, err = e.client.CreateAlias(e.ctx, &sdk.CreateAliasInput{FunctionName: aws.String("fn"), Name: aws.String("live"), FunctionVersion: aws.String("2")})
	requireCode(t, err, "ResourceConflictException")
	_, err = e.client.UpdateAlias(e.ctx, &sdk.UpdateAliasInput{FunctionName: aws.String("fn"), Name: aws.String("live"), RevisionId: aws.String("stale")})
	requireCode(t, err, "PreconditionFailedException")
	_, err = e.client.GetAlias(e.ctx, &sdk.GetAliasInput{FunctionName: aws.String("fn"), Name: aws.String("ghost")})
	requireCode(t, err, "ResourceNotFoundException")
	list, err := e.client.ListAliases(e.ctx, &sdk.ListAliasesInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	require.Len(t, list.Aliases, 1, "failed creates made no alias")
}
