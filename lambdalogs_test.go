package awsfake_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	awslambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// With enforcement on, a function whose execution role may not write logs
// leaves no log stream, as AWS documents, and its lines land once
// AWSLambdaBasicExecutionRole is attached (issue 17: "no
// logs:CreateLogStream: no log stream, as in AWS"). Without enforcement
// every function's lines land.
func TestEnforcement_LambdaLogsNeedTheRolesLogsPermissions(t *testing.T) {
	ctx := context.Background()
	for _, enforce := range []bool{false, true} {
		var opts []awsfake.Option
		if enforce {
			opts = append(opts, awsfake.WithIAMEnforcement())
		}
		cloud := awsfake.NewT(t, opts...)
		role := createRole(t, cloud, "quiet-role", lambdaTrust)
		require.NoError(t, cloud.Lambda().RegisterHandler("quiet", func(context.Context) error { return nil }))
		fn := awslambda.NewFromConfig(cloud.AWSConfig())
		_, err := fn.CreateFunction(ctx, &awslambda.CreateFunctionInput{FunctionName: aws.String("quiet"), Handler: aws.String("quiet"),
			Runtime: lambdatypes.RuntimeProvidedal2023, Role: aws.String(role), Code: &lambdatypes.FunctionCode{ZipFile: []byte("zip")}})
		require.NoError(t, err)
		logs := cloudwatchlogs.NewFromConfig(cloud.AWSConfig())
		streams := func() int {
			out, err := logs.DescribeLogStreams(ctx, &cloudwatchlogs.DescribeLogStreamsInput{LogGroupName: aws.String("/aws/lambda/quiet")})
			if err != nil {
				return 0 // no group either
			}
			return len(out.LogStreams)
		}

		_, err = fn.Invoke(ctx, &awslambda.InvokeInput{FunctionName: aws.String("quiet")})
		require.NoError(t, err)
		require.NoError(t, cloud.Settle(ctx))
		if !enforce {
			assert.Equal(t, 1, streams(), "without enforcement the lines land")
			continue
		}
		assert.Equal(t, 0, streams(), "a role without logs permissions leaves no log stream")

		_, err = iam.NewFromConfig(cloud.AWSConfig()).AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("quiet-role"),
			PolicyArn: aws.String("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")})
		require.NoError(t, err)
		_, err = fn.Invoke(ctx, &awslambda.InvokeInput{FunctionName: aws.String("quiet")})
		require.NoError(t, err)
		require.NoError(t, cloud.Settle(ctx))
		assert.Equal(t, 1, streams(), "with AWSLambdaBasicExecutionRole the lines land")
	}
}
