package logs_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// State is per account and region: a group of one region is not seen from
// another, and its ARN names its own region.
func TestPartitions_RegionsAreSeparate(t *testing.T) {
	f := newFixture(t)
	cfg := f.cloud.AWSConfig()
	cfg.Region = "eu-west-1"
	eu := sdk.NewFromConfig(cfg)
	_, err := eu.CreateLogGroup(ctx, &sdk.CreateLogGroupInput{LogGroupName: aws.String("g")})
	require.NoError(t, err)
	f.group(t, "g") // the same name in us-east-1 is another group
	out, err := eu.DescribeLogGroups(ctx, &sdk.DescribeLogGroupsInput{})
	require.NoError(t, err)
	require.Len(t, out.LogGroups, 1)
	assert.Equal(t, "arn:aws:logs:eu-west-1:000000000000:log-group:g", aws.ToString(out.LogGroups[0].LogGroupArn))
	_, err = eu.DeleteLogGroup(ctx, &sdk.DeleteLogGroupInput{LogGroupName: aws.String("g")})
	require.NoError(t, err)
	us, err := f.client.DescribeLogGroups(ctx, &sdk.DescribeLogGroupsInput{})
	require.NoError(t, err)
	assert.Len(t, us.LogGroups, 1)
}
