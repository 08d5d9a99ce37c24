package lambda_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFunctionURL_CreateGetUpdateListDelete(t *testing.T) {
	e := newEnv(t)
	e.createFunction(t, "fn", "h", func(in *sdk.CreateFunctionInput) { in.Publish = true })
	out, err := e.client.CreateFunctionUrlConfig(e.ctx, &sdk.CreateFunctionUrlConfigInput{FunctionName: aws.String("fn"), AuthType: types.FunctionUrlAuthTypeNone})
	require.NoError(t, err)
	assert.Regexp(t, `^https://[0-9a-f]{32}\.lambda-url\.us-east-1\.on\.aws/$`, aws.ToString(out.FunctionUrl))
	assert.Equal(t, types.InvokeModeBuffered, out.InvokeMode)
	assert.Equal(t, "2030-01-02T03:04:05.000+0000", aws.ToString(out.CreationTime))
	_, err = e.client.CreateFunctionUrlConfig(e.ctx, &sdk.CreateFunctionUrlConfigInput{FunctionName: aws.String("fn"), AuthType: types.FunctionUrlAuthTypeNone})
	requireCode(t, err, "ResourceConflictException")
	_, err = e.client.CreateFunctionUrlConfig(e.ctx, &sdk.CreateFunctionUrlConfigInput{FunctionName: aws.String("fn"), Qualifier: aws.String("1"), AuthType: types.FunctionUrlAuthTypeNone})
	requireCode(t, err, "InvalidParameterValueException")
	_, err = e.client.CreateFunctionUrlConfig(e.ctx, &sdk.CreateFunctionUrlConfigInput{FunctionName: aws.String("fn"), AuthType: "OPEN"})
	requireCode(t, err, "ValidationException")

	upd, err := e.client.UpdateFunctionUrlConfig(e.ctx, &sdk.UpdateFunctionUrlConfigInput{FunctionName: aws.String("fn"), AuthType: types.FunctionUrlAuthTypeAwsIam,
		Cors: &types.Cors{AllowOrigins: []string{"*"}}})
	require.NoError(t, err)
	assert.Equal(t, types.FunctionUrlAuthTypeAwsIam, upd.AuthType)
	assert.Equal(t, []string{"*"}, upd.Cors.AllowOrigins)
	assert.Equal(t, aws.ToString(out.FunctionUrl), aws.ToString(upd.FunctionUrl))
	list, err := e.client.ListFunctionUrlConfigs(e.ctx, &sdk.ListFunctionUrlConfigsInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Len(t, list.FunctionUrlConfigs, 1)
	_, err = e.client.DeleteFunctionUrlConfig(e.ctx, &sdk.DeleteFunctionUrlConfigInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	_, err = e.client.GetFunctionUrlConfig(e.ctx, &sdk.GetFunctionUrlConfigInput{FunctionName: aws.String("fn")})
	requireCode(t, err, "ResourceNotFoundException")
}
