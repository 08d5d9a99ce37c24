package logs_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func groupNames(gs []types.LogGroup) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = aws.ToString(g.LogGroupName)
	}
	return out
}

// A group is described as AWS describes it (test_logs_groups
// test_create_log_group_with_kms_key): its two ARNs, class STANDARD, no
// metric filter, no byte stored, deletion protection off.
func TestGroups_CreateAndDescribe(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.CreateLogGroup(ctx, &sdk.CreateLogGroupInput{LogGroupName: aws.String("/app/web"),
		KmsKeyId: aws.String("arn:aws:kms:us-east-1:000000000000:key/k1"), Tags: map[string]string{"env": "testing"}})
	require.NoError(t, err)
	out, err := f.client.DescribeLogGroups(ctx, &sdk.DescribeLogGroupsInput{})
	require.NoError(t, err)
	require.Len(t, out.LogGroups, 1)
	g := out.LogGroups[0]
	assert.Equal(t, "arn:aws:logs:us-east-1:000000000000:log-group:/app/web:*", aws.ToString(g.Arn))
	assert.Equal(t, "arn:aws:logs:us-east-1:000000000000:log-group:/app/web", aws.ToString(g.LogGroupArn))
	assert.Equal(t, types.LogGroupClassStandard, g.LogGroupClass)
	assert.Equal(t, t0.UnixMilli(), aws.ToInt64(g.CreationTime))
	assert.Equal(t, "arn:aws:kms:us-east-1:000000000000:key/k1", aws.ToString(g.KmsKeyId))
	assert.Equal(t, int32(0), aws.ToInt32(g.MetricFilterCount))
	assert.Equal(t, int64(0), aws.ToInt64(g.StoredBytes))
	assert.False(t, aws.ToBool(g.DeletionProtectionEnabled))
	assert.Nil(t, g.RetentionInDays)

	tags, err := f.client.ListTagsLogGroup(ctx, &sdk.ListTagsLogGroupInput{LogGroupName: aws.String("/app/web")})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"env": "testing"}, tags.Tags)
}

// test_logs_groups: the duplicate, the over-long name, prefix and pattern
// together.
func TestGroups_Errors(t *testing.T) {
	f := newFixture(t)
	f.group(t, "g")
	_, err := f.client.CreateLogGroup(ctx, &sdk.CreateLogGroupInput{LogGroupName: aws.String("g")})
	e := requireCode(t, err, "ResourceAlreadyExistsException")
	assert.Equal(t, "The specified log group already exists", e.ErrorMessage())
	_, err = f.client.CreateLogGroup(ctx, &sdk.CreateLogGroupInput{LogGroupName: aws.String(strings.Repeat("a", 513))})
	e = requireCode(t, err, "InvalidParameterException")
	assert.Equal(t, "Invalid LogGroup or LogStream, both must have length less than or equal to 512.", e.ErrorMessage())
	_, err = f.client.CreateLogGroup(ctx, &sdk.CreateLogGroupInput{LogGroupName: aws.String("bad name")})
	requireCode(t, err, "InvalidParameterException")
	_, err = f.client.CreateLogGroup(ctx, &sdk.CreateLogGroupInput{LogGroupName: aws.String("aws/reserved")})
	requireCode(t, err, "InvalidParameterException")
	_, err = f.client.DescribeLogGroups(ctx, &sdk.DescribeLogGroupsInput{LogGroupNamePrefix: aws.String("a"), LogGroupNamePattern: aws.String("b")})
	e = requireCode(t, err, "InvalidParameterException")
	assert.Equal(t, "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.", e.ErrorMessage())
	_, err = f.client.DeleteLogGroup(ctx, &sdk.DeleteLogGroupInput{LogGroupName: aws.String("missing")})
	e = requireCode(t, err, "ResourceNotFoundException")
	assert.Equal(t, "The specified log group does not exist.", e.ErrorMessage())
	out, err := f.client.DescribeLogGroups(ctx, &sdk.DescribeLogGroupsInput{})
	require.NoError(t, err)
	assert.Equal(t, []string{"g"}, groupNames(out.LogGroups), "no bad request changed the state")
}

// Groups are listed in name order, by prefix, by a case-sensitive
// substring pattern, and page by the limit.
func TestGroups_OrderPrefixPatternPaging(t *testing.T) {
	f := newFixture(t)
	for _, n := range []string{"/b/DataLogs", "/a/two", "/a/one", "GroupDataLogs", "datalogs"} {
		f.group(t, n)
	}
	all, err := f.client.DescribeLogGroups(ctx, &sdk.DescribeLogGroupsInput{})
	require.NoError(t, err)
	assert.Equal(t, []string{"/a/one", "/a/two", "/b/DataLogs", "GroupDataLogs", "datalogs"}, groupNames(all.LogGroups))

	pre, err := f.client.DescribeLogGroups(ctx, &sdk.DescribeLogGroupsInput{LogGroupNamePrefix: aws.String("/a/")})
	require.NoError(t, err)
	assert.Equal(t, []string{"/a/one", "/a/two"}, groupNames(pre.LogGroups))

	pat, err := f.client.DescribeLogGroups(ctx, &sdk.DescribeLogGroupsInput{LogGroupNamePattern: aws.String("DataLogs")})
	require.NoError(t, err)
	assert.Equal(t, []string{"/b/DataLogs", "GroupDataLogs"}, groupNames(pat.LogGroups))
	assert.Nil(t, pat.LogGroups[0].StoredBytes, "a pattern search gives the short form (test_describe_log_groups_with_pattern)")

	var pages [][]string
	p := sdk.NewDescribeLogGroupsPaginator(f.client, &sdk.DescribeLogGroupsInput{Limit: aws.Int32(2)})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		require.NoError(t, err)
		pages = append(pages, groupNames(out.LogGroups))
	}
	assert.Equal(t, [][]string{{"/a/one", "/a/two"}, {"/b/DataLogs", "GroupDataLogs"}, {"datalogs"}}, pages)

	_, err = f.client.DescribeLogGroups(ctx, &sdk.DescribeLogGroupsInput{NextToken: aws.String("!!")})
	requireCode(t, err, "InvalidParameterException")
	_, err = f.client.DescribeLogGroups(ctx, &sdk.DescribeLogGroupsInput{Limit: aws.Int32(51)})
	requireCode(t, err, "InvalidParameterException")

	list, err := f.client.ListLogGroups(ctx, &sdk.ListLogGroupsInput{LogGroupNamePattern: aws.String("nomatch")})
	require.NoError(t, err)
	assert.Empty(t, list.LogGroups)
}

// Tags through both APIs (test_logs_groups test_tag_resource_api).
func TestGroups_Tags(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.CreateLogGroup(ctx, &sdk.CreateLogGroupInput{LogGroupName: aws.String("g"), Tags: map[string]string{"env": "testing1"}})
	require.NoError(t, err)
	arn := "arn:aws:logs:us-east-1:000000000000:log-group:g"
	_, err = f.client.TagResource(ctx, &sdk.TagResourceInput{ResourceArn: aws.String(arn), Tags: map[string]string{"test1": "val1", "test2": "val2"}})
	require.NoError(t, err)
	_, err = f.client.TagLogGroup(ctx, &sdk.TagLogGroupInput{LogGroupName: aws.String("g"), Tags: map[string]string{"test3": "val3"}})
	require.NoError(t, err)
	got, err := f.client.ListTagsForResource(ctx, &sdk.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"env": "testing1", "test1": "val1", "test2": "val2", "test3": "val3"}, got.Tags)
	_, err = f.client.UntagResource(ctx, &sdk.UntagResourceInput{ResourceArn: aws.String(arn), TagKeys: []string{"env", "test1"}})
	require.NoError(t, err)
	_, err = f.client.UntagLogGroup(ctx, &sdk.UntagLogGroupInput{LogGroupName: aws.String("g"), Tags: []string{"test3"}})
	require.NoError(t, err)
	old, err := f.client.ListTagsLogGroup(ctx, &sdk.ListTagsLogGroupInput{LogGroupName: aws.String("g")})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"test2": "val2"}, old.Tags)
}

// Retention takes AWS's allowed values only; the settings are stored and
// described.
func TestGroups_Settings(t *testing.T) {
	f := newFixture(t)
	f.group(t, "g")
	_, err := f.client.PutRetentionPolicy(ctx, &sdk.PutRetentionPolicyInput{LogGroupName: aws.String("g"), RetentionInDays: aws.Int32(2)})
	requireCode(t, err, "InvalidParameterException")
	_, err = f.client.PutRetentionPolicy(ctx, &sdk.PutRetentionPolicyInput{LogGroupName: aws.String("g"), RetentionInDays: aws.Int32(7)})
	require.NoError(t, err)
	_, err = f.client.PutDataProtectionPolicy(ctx, &sdk.PutDataProtectionPolicyInput{LogGroupIdentifier: aws.String("g"), PolicyDocument: aws.String(`{"Name":"p"}`)})
	require.NoError(t, err)
	_, err = f.client.PutLogGroupDeletionProtection(ctx, &sdk.PutLogGroupDeletionProtectionInput{LogGroupIdentifier: aws.String("g"), DeletionProtectionEnabled: aws.Bool(true)})
	require.NoError(t, err)
	out, err := f.client.DescribeLogGroups(ctx, &sdk.DescribeLogGroupsInput{})
	require.NoError(t, err)
	g := out.LogGroups[0]
	assert.Equal(t, int32(7), aws.ToInt32(g.RetentionInDays))
	assert.Equal(t, types.DataProtectionStatusActivated, g.DataProtectionStatus)
	assert.True(t, aws.ToBool(g.DeletionProtectionEnabled))
	dp, err := f.client.GetDataProtectionPolicy(ctx, &sdk.GetDataProtectionPolicyInput{LogGroupIdentifier: aws.String("g")})
	require.NoError(t, err)
	assert.Equal(t, `{"Name":"p"}`, aws.ToString(dp.PolicyDocument))
	_, err = f.client.DeleteLogGroup(ctx, &sdk.DeleteLogGroupInput{LogGroupName: aws.String("g")})
	requireCode(t, err, "OperationAbortedException")
	_, err = f.client.PutLogGroupDeletionProtection(ctx, &sdk.PutLogGroupDeletionProtectionInput{LogGroupIdentifier: aws.String("g"), DeletionProtectionEnabled: aws.Bool(false)})
	require.NoError(t, err)
	_, err = f.client.DeleteLogGroup(ctx, &sdk.DeleteLogGroupInput{LogGroupName: aws.String("g")})
	require.NoError(t, err)
}
