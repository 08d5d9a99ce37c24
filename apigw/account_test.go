package apigw_test

import (
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/require"
)

func TestAccount_DefaultsAndCloudwatchRole(t *testing.T) {
	f := newFixture(t)
	acct, err := f.client.GetAccount(f.ctx, &sdk.GetAccountInput{})
	require.NoError(t, err)
	require.Equal(t, int32(5000), acct.ThrottleSettings.BurstLimit)
	require.Equal(t, 10000.0, acct.ThrottleSettings.RateLimit)
	require.Equal(t, "4", *acct.ApiKeyVersion)
	require.Nil(t, acct.CloudwatchRoleArn)

	role := "arn:aws:iam::000000000000:role/apigw-logs"
	up, err := f.client.UpdateAccount(f.ctx, &sdk.UpdateAccountInput{PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/cloudwatchRoleArn"), Value: &role}}})
	require.NoError(t, err)
	require.Equal(t, role, *up.CloudwatchRoleArn)
	acct, err = f.client.GetAccount(f.ctx, &sdk.GetAccountInput{})
	require.NoError(t, err)
	require.Equal(t, role, *acct.CloudwatchRoleArn)

	for _, bad := range []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/cloudwatchRoleArn"), Value: aws.String("not-an-arn")},
		{Op: types.OpReplace, Path: aws.String("/cloudwatchRoleArn"), Value: aws.String("arn:aws:s3:::bucket")},
		{Op: types.OpReplace, Path: aws.String("/features"), Value: aws.String("x")},
	} {
		_, err = f.client.UpdateAccount(f.ctx, &sdk.UpdateAccountInput{PatchOperations: []types.PatchOperation{bad}})
		var br *types.BadRequestException
		require.True(t, errors.As(err, &br), "%v", err)
	}
	acct, err = f.client.GetAccount(f.ctx, &sdk.GetAccountInput{})
	require.NoError(t, err)
	require.Equal(t, role, *acct.CloudwatchRoleArn, "a refused update leaves the role")
}

func TestSdkTypes_AWSDocumentedList(t *testing.T) {
	f := newFixture(t)
	list, err := f.client.GetSdkTypes(f.ctx, &sdk.GetSdkTypesInput{})
	require.NoError(t, err)
	var ids []string
	for _, it := range list.Items {
		ids = append(ids, *it.Id)
	}
	require.Equal(t, []string{"android", "java", "javascript", "objectivec", "ruby", "swift"}, ids)
	got, err := f.client.GetSdkType(f.ctx, &sdk.GetSdkTypeInput{Id: aws.String("swift")})
	require.NoError(t, err)
	require.Equal(t, "classPrefix", *got.ConfigurationProperties[0].Name)
	_, err = f.client.GetSdkType(f.ctx, &sdk.GetSdkTypeInput{Id: aws.String("cobol")})
	checkErr(t, err, "NotFoundException", "Invalid SDK type identifier specified")
}
