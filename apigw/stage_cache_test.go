package apigw_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/stretchr/testify/require"
)

// FlushStageCache: 202 for a stage (nothing cached to flush), AWS's
// NotFoundException for an unknown stage or API.
func TestFlushStageCache(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "cache")
	f.mock(t, api, root, "GET", "200", "{}")
	f.deploy(t, api, "prod")
	_, err := f.client.FlushStageCache(f.ctx, &sdk.FlushStageCacheInput{RestApiId: &api, StageName: aws.String("prod")})
	require.NoError(t, err)
	_, err = f.client.FlushStageCache(f.ctx, &sdk.FlushStageCacheInput{RestApiId: &api, StageName: aws.String("nope")})
	checkErr(t, err, "NotFoundException", "Invalid Stage identifier specified")
	_, err = f.client.FlushStageCache(f.ctx, &sdk.FlushStageCacheInput{RestApiId: aws.String("nope"), StageName: aws.String("prod")})
	checkErr(t, err, "NotFoundException", "")
}
