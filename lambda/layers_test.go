package lambda_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLayers_PublishListAttachAndDelete(t *testing.T) {
	e := newEnv(t)
	publish := func(desc string) *sdk.PublishLayerVersionOutput {
		out, err := e.client.PublishLayerVersion(e.ctx, &sdk.PublishLayerVersionInput{LayerName: aws.String("deps"),
			Description: aws.String(desc), Content: &types.LayerVersionContentInput{ZipFile: []byte("layer " + desc)},
			CompatibleRuntimes: []types.Runtime{types.RuntimeProvidedal2023}})
		require.NoError(t, err)
		return out
	}
	v1 := publish("one")
	v2 := publish("two")
	assert.Equal(t, int64(1), v1.Version)
	assert.Equal(t, "arn:aws:lambda:us-east-1:000000000000:layer:deps:2", aws.ToString(v2.LayerVersionArn))
	assert.Equal(t, int64(len("layer two")), v2.Content.CodeSize)

	layers, err := e.client.ListLayers(e.ctx, &sdk.ListLayersInput{})
	require.NoError(t, err)
	require.Len(t, layers.Layers, 1)
	assert.Equal(t, int64(2), layers.Layers[0].LatestMatchingVersion.Version)
	versions, err := e.client.ListLayerVersions(e.ctx, &sdk.ListLayerVersionsInput{LayerName: aws.String("deps")})
	require.NoError(t, err)
	require.Len(t, versions.LayerVersions, 2)
	assert.Equal(t, int64(2), versions.LayerVersions[0].Version, "newest first")
	none, err := e.client.ListLayers(e.ctx, &sdk.ListLayersInput{CompatibleRuntime: types.RuntimePython312})
	require.NoError(t, err)
	assert.Empty(t, none.Layers)

	fn := e.createFunction(t, "fn", "h", func(in *sdk.CreateFunctionInput) { in.Layers = []string{aws.ToString(v1.LayerVersionArn)} })
	require.Len(t, fn.Layers, 1)
	assert.Equal(t, aws.ToString(v1.LayerVersionArn), aws.ToString(fn.Layers[0].Arn))
	assert.Equal(t, int64(len("layer one")), fn.Layers[0].CodeSize)

	byArn, err := e.client.GetLayerVersionByArn(e.ctx, &sdk.GetLayerVersionByArnInput{Arn: v2.LayerVersionArn})
	require.NoError(t, err)
	assert.Equal(t, "two", aws.ToString(byArn.Description))
	_, err = e.client.DeleteLayerVersion(e.ctx, &sdk.DeleteLayerVersionInput{LayerName: aws.String("deps"), VersionNumber: aws.Int64(1)})
	require.NoError(t, err)
	_, err = e.client.GetLayerVersion(e.ctx, &sdk.GetLayerVersionInput{LayerName: aws.String("deps"), VersionNumber: aws.Int64(1)})
	requireCode(t, err, "ResourceNotFoundException")
	cfg, err := e.client.GetFunctionConfiguration(e.ctx, &sdk.GetFunctionConfigurationInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Len(t, cfg.Layers, 1, "a function keeps a deleted layer version")
	_, err = e.client.UpdateFunctionConfiguration(e.ctx, &sdk.UpdateFunctionConfigurationInput{FunctionName: aws.String("fn"), Layers: []string{}})
	require.NoError(t, err)
	cfg, err = e.client.GetFunctionConfiguration(e.ctx, &sdk.GetFunctionConfigurationInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Empty(t, cfg.Layers)
}

// Version numbers are never reused: with every version deleted, the next
// one published takes the next number, and the emptied layer is listed
// nowhere. Recorded: lambda test_lambda_api.py::TestLambdaLayer::test_layer_lifecycle
// (publish 1 and 2, delete both, list empty, publish 3).
func TestLayers_VersionNumbersAreNeverReused(t *testing.T) {
	e := newEnv(t)
	publish := func() int64 {
		out, err := e.client.PublishLayerVersion(e.ctx, &sdk.PublishLayerVersionInput{LayerName: aws.String("deps"),
			Content: &types.LayerVersionContentInput{ZipFile: []byte("layer")}})
		require.NoError(t, err)
		return out.Version
	}
	del := func(n int64) {
		_, err := e.client.DeleteLayerVersion(e.ctx, &sdk.DeleteLayerVersionInput{LayerName: aws.String("deps"), VersionNumber: aws.Int64(n)})
		require.NoError(t, err)
	}
	assert.Equal(t, int64(1), publish())
	assert.Equal(t, int64(2), publish())
	del(2)
	assert.Equal(t, int64(3), publish(), "delete v2 of 2, publish: 3")
	del(1)
	del(3)
	versions, err := e.client.ListLayerVersions(e.ctx, &sdk.ListLayerVersionsInput{LayerName: aws.String("deps")})
	require.NoError(t, err)
	assert.Empty(t, versions.LayerVersions)
	layers, err := e.client.ListLayers(e.ctx, &sdk.ListLayersInput{})
	require.NoError(t, err)
	assert.Empty(t, layers.Layers, "a layer without versions is not listed")
	_, err = e.client.GetLayerVersion(e.ctx, &sdk.GetLayerVersionInput{LayerName: aws.String("deps"), VersionNumber: aws.Int64(3)})
	requireCode(t, err, "ResourceNotFoundException")
	assert.Equal(t, int64(4), publish(), "every version deleted, publish: the next number")
}
