package lambda_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPublishVersion_NumbersVersionsAndReusesAnUnchangedOne(t *testing.T) {
	e := newEnv(t)
	twoVersions(t, e)
	again, err := e.client.PublishVersion(e.ctx, &sdk.PublishVersionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Equal(t, "2", aws.ToString(again.Version), "an unchanged $LATEST is not published twice")
	_, err = e.client.PublishVersion(e.ctx, &sdk.PublishVersionInput{FunctionName: aws.String("fn"), CodeSha256: aws.String("nope")})
	requireCode(t, err, "InvalidParameterValueException")

	list, err := e.client.ListVersionsByFunction(e.ctx, &sdk.ListVersionsByFunctionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	var got []string
	for _, v := range list.Versions {
		got = append(got, aws.ToString(v.Version)+"="+aws.ToString(v.Handler))
	}
	assert.Equal(t, []string{"$LATEST=v2", "1=v1", "2=v2"}, got)
	assert.Equal(t, "second", aws.ToString(list.Versions[2].Description))

	for q, want := range map[string]string{"1": `"one"`, "2": `"two"`, "$LATEST": `"two"`} {
		out, err := e.client.Invoke(e.ctx, &sdk.InvokeInput{FunctionName: aws.String("fn"), Qualifier: aws.String(q)})
		require.NoError(t, err)
		assert.Equal(t, want, string(out.Payload), q)
		assert.Equal(t, q, aws.ToString(out.ExecutedVersion))
	}
}

// CreateFunction with Publish answers version 1's configuration under the
// function's unqualified ARN (recorded: lambda test_lambda_api.py::
// TestLambdaVersions::test_publish_version_on_create), while
// UpdateFunctionCode with Publish answers the new version's qualified ARN
// (recorded: lambda TestLambdaVersions::test_publish_with_update).
func TestCreateFunction_WithPublishAnswersTheUnqualifiedArnOfVersion1(t *testing.T) {
	e := newEnv(t)
	const fnArn = "arn:aws:lambda:us-east-1:000000000000:function:fn"
	created := e.createFunction(t, "fn", "h", func(in *sdk.CreateFunctionInput) { in.Publish = true })
	assert.Equal(t, fnArn, aws.ToString(created.FunctionArn))
	assert.Equal(t, "1", aws.ToString(created.Version))

	got, err := e.client.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("fn"), Qualifier: aws.String("1")})
	require.NoError(t, err)
	assert.Equal(t, fnArn+":1", aws.ToString(got.Configuration.FunctionArn))
	for _, in := range []*sdk.GetFunctionInput{
		{FunctionName: aws.String("fn"), Qualifier: aws.String("$LATEST")}, {FunctionName: aws.String("fn:$LATEST")},
	} {
		got, err = e.client.GetFunction(e.ctx, in)
		require.NoError(t, err)
		assert.Equal(t, fnArn+":$LATEST", aws.ToString(got.Configuration.FunctionArn))
		assert.Equal(t, "$LATEST", aws.ToString(got.Configuration.Version))
	}
	got, err = e.client.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Equal(t, fnArn, aws.ToString(got.Configuration.FunctionArn), "unqualified, the function's own ARN")
	list, err := e.client.ListVersionsByFunction(e.ctx, &sdk.ListVersionsByFunctionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	require.Len(t, list.Versions, 2)
	assert.Equal(t, fnArn+":$LATEST", aws.ToString(list.Versions[0].FunctionArn))
	assert.Equal(t, fnArn+":1", aws.ToString(list.Versions[1].FunctionArn))

	updated, err := e.client.UpdateFunctionCode(e.ctx, &sdk.UpdateFunctionCodeInput{FunctionName: aws.String("fn"),
		ZipFile: []byte("new code"), Publish: true})
	require.NoError(t, err)
	assert.Equal(t, fnArn+":2", aws.ToString(updated.FunctionArn))
	assert.Equal(t, "2", aws.ToString(updated.Version))
}
