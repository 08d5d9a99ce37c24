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
