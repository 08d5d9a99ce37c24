package apigw_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tags of a REST API and of a stage, by ARN, through the SDK; reserved
// keys and more than 50 tags are refused, the tags unchanged.
func TestTags_RestAPIAndStageByARN(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "tagged")
	f.mock(t, api, root, "GET", "200", "ok")
	f.deploy(t, api, "prod")
	apiARN := "arn:aws:apigateway:us-east-1::/restapis/" + api
	stageARN := apiARN + "/stages/prod"
	for _, a := range []string{apiARN, stageARN} {
		_, err := f.client.TagResource(f.ctx, &sdk.TagResourceInput{ResourceArn: aws.String(a), Tags: map[string]string{"team": "core", "env": "test"}})
		require.NoError(t, err)
		_, err = f.client.UntagResource(f.ctx, &sdk.UntagResourceInput{ResourceArn: aws.String(a), TagKeys: []string{"env"}})
		require.NoError(t, err)
		got, err := f.client.GetTags(f.ctx, &sdk.GetTagsInput{ResourceArn: aws.String(a)})
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"team": "core"}, got.Tags)
	}
	_, err := f.client.TagResource(f.ctx, &sdk.TagResourceInput{ResourceArn: aws.String(apiARN), Tags: map[string]string{"aws:x": "y"}})
	checkErr(t, err, "BadRequestException", "")
	many := map[string]string{}
	for i := range 50 {
		many[string(rune('a'+i%26))+string(rune('a'+i/26))] = "v"
	}
	_, err = f.client.TagResource(f.ctx, &sdk.TagResourceInput{ResourceArn: aws.String(apiARN), Tags: many})
	checkErr(t, err, "BadRequestException", "")
	got, err := f.client.GetRestApi(f.ctx, &sdk.GetRestApiInput{RestApiId: &api})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"team": "core"}, got.Tags)
	_, err = f.client.GetTags(f.ctx, &sdk.GetTagsInput{ResourceArn: aws.String(apiARN + "/stages/none")})
	checkErr(t, err, "NotFoundException", "")
}
