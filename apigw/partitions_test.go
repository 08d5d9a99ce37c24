package apigw_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// REST APIs are per account and region: another region or account does
// not see them; a stage's invoke URL names the API's own region and is
// served there.
func TestPartitions_APIsPerAccountAndRegion(t *testing.T) {
	f := newFixture(t)
	eu := sdk.NewFromConfig(f.cloud.AWSConfigFor("eu-west-1", "111111111111"))
	out, err := eu.CreateRestApi(f.ctx, &sdk.CreateRestApiInput{Name: aws.String("eu")})
	require.NoError(t, err)
	_, err = f.client.GetRestApi(f.ctx, &sdk.GetRestApiInput{RestApiId: out.Id})
	checkErr(t, err, "NotFoundException", "Invalid API identifier specified 000000000000:"+*out.Id)
	mine, err := f.client.GetRestApis(f.ctx, &sdk.GetRestApisInput{})
	require.NoError(t, err)
	assert.Empty(t, mine.Items)
	theirs, err := eu.GetRestApis(f.ctx, &sdk.GetRestApisInput{})
	require.NoError(t, err)
	assert.Len(t, theirs.Items, 1)
	assert.Equal(t, "https://"+*out.Id+".execute-api.eu-west-1.amazonaws.com/prod", f.cloud.APIGateway().InvokeURL(*out.Id, "prod"))
}
