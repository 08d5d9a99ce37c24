package lambda_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEventInvokeConfig_ValidatesAndRoundTrips(t *testing.T) {
	e := newEnv(t)
	e.createFunction(t, "fn", "h", func(in *sdk.CreateFunctionInput) { in.Publish = true })
	_, err := e.client.GetFunctionEventInvokeConfig(e.ctx, &sdk.GetFunctionEventInvokeConfigInput{FunctionName: aws.String("fn")})
	requireCode(t, err, "ResourceNotFoundException")
	for _, in := range []*sdk.PutFunctionEventInvokeConfigInput{
		{FunctionName: aws.String("fn"), MaximumRetryAttempts: aws.Int32(3)},
		{FunctionName: aws.String("fn"), MaximumEventAgeInSeconds: aws.Int32(59)},
		{FunctionName: aws.String("fn"), MaximumEventAgeInSeconds: aws.Int32(21601)},
	} {
		_, err := e.client.PutFunctionEventInvokeConfig(e.ctx, in)
		requireCode(t, err, "ValidationException")
	}
	_, err = e.client.PutFunctionEventInvokeConfig(e.ctx, &sdk.PutFunctionEventInvokeConfigInput{FunctionName: aws.String("fn"),
		DestinationConfig: &types.DestinationConfig{OnFailure: &types.OnFailure{Destination: aws.String("arn:aws:s3:::bucket")}}})
	requireCode(t, err, "InvalidParameterValueException")

	put, err := e.client.PutFunctionEventInvokeConfig(e.ctx, &sdk.PutFunctionEventInvokeConfigInput{FunctionName: aws.String("fn"),
		Qualifier: aws.String("1"), MaximumRetryAttempts: aws.Int32(1)})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:lambda:us-east-1:000000000000:function:fn:1", aws.ToString(put.FunctionArn))
	assert.Equal(t, int32(21600), aws.ToInt32(put.MaximumEventAgeInSeconds))
	assert.Equal(t, t0, aws.ToTime(put.LastModified))

	upd, err := e.client.UpdateFunctionEventInvokeConfig(e.ctx, &sdk.UpdateFunctionEventInvokeConfigInput{FunctionName: aws.String("fn"),
		Qualifier: aws.String("1"), MaximumEventAgeInSeconds: aws.Int32(120)})
	require.NoError(t, err)
	assert.Equal(t, int32(1), aws.ToInt32(upd.MaximumRetryAttempts), "update keeps what it is not given")
	assert.Equal(t, int32(120), aws.ToInt32(upd.MaximumEventAgeInSeconds))

	list, err := e.client.ListFunctionEventInvokeConfigs(e.ctx, &sdk.ListFunctionEventInvokeConfigsInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	require.Len(t, list.FunctionEventInvokeConfigs, 1)
	_, err = e.client.DeleteFunctionEventInvokeConfig(e.ctx, &sdk.DeleteFunctionEventInvokeConfigInput{FunctionName: aws.String("fn"), Qualifier: aws.String("1")})
	require.NoError(t, err)
	_, err = e.client.GetFunctionEventInvokeConfig(e.ctx, &sdk.GetFunctionEventInvokeConfigInput{FunctionName: aws.String("fn"), Qualifier: aws.String("1")})
	requireCode(t, err, "ResourceNotFoundException")
}
