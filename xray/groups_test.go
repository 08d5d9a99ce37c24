package xray_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/xray"
	"github.com/aws/aws-sdk-go-v2/service/xray/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Groups are created with a filter expression that parses, listed,
// updated, tagged and deleted.
func TestGroups_Lifecycle(t *testing.T) {
	e := newEnv(t)
	c, err := e.client.CreateGroup(e.ctx, &sdk.CreateGroupInput{GroupName: aws.String("errs"), FilterExpression: aws.String("error OR fault"),
		Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}})
	require.NoError(t, err)
	assert.Regexp(t, `^arn:aws:xray:us-east-1:000000000000:group/errs/[A-Z0-9]{52}$`, *c.Group.GroupARN)
	assert.False(t, *c.Group.InsightsConfiguration.InsightsEnabled)

	var inv *types.InvalidRequestException
	_, err = e.client.CreateGroup(e.ctx, &sdk.CreateGroupInput{GroupName: aws.String("errs")})
	require.ErrorAs(t, err, &inv, "duplicate")
	_, err = e.client.CreateGroup(e.ctx, &sdk.CreateGroupInput{GroupName: aws.String("Default")})
	require.ErrorAs(t, err, &inv, "reserved")
	_, err = e.client.CreateGroup(e.ctx, &sdk.CreateGroupInput{GroupName: aws.String("bad"), FilterExpression: aws.String("duration >")})
	require.ErrorAs(t, err, &inv, "bad expression")
	_, err = e.client.CreateGroup(e.ctx, &sdk.CreateGroupInput{GroupName: aws.String("n"),
		InsightsConfiguration: &types.InsightsConfiguration{NotificationsEnabled: aws.Bool(true)}})
	require.ErrorAs(t, err, &inv, "notifications need insights")

	got, err := e.client.GetGroup(e.ctx, &sdk.GetGroupInput{GroupARN: c.Group.GroupARN})
	require.NoError(t, err)
	assert.Equal(t, "error OR fault", *got.Group.FilterExpression)
	up, err := e.client.UpdateGroup(e.ctx, &sdk.UpdateGroupInput{GroupName: aws.String("errs"), FilterExpression: aws.String("fault"),
		InsightsConfiguration: &types.InsightsConfiguration{InsightsEnabled: aws.Bool(true)}})
	require.NoError(t, err)
	assert.Equal(t, "fault", *up.Group.FilterExpression)
	assert.True(t, *up.Group.InsightsConfiguration.InsightsEnabled)
	list, err := e.client.GetGroups(e.ctx, &sdk.GetGroupsInput{})
	require.NoError(t, err)
	require.Len(t, list.Groups, 2)
	assert.Equal(t, "Default", *list.Groups[0].GroupName)
	assert.Equal(t, "arn:aws:xray:us-east-1:000000000000:group/Default", *list.Groups[0].GroupARN)
	_, err = e.client.DeleteGroup(e.ctx, &sdk.DeleteGroupInput{GroupName: aws.String("Default")})
	require.ErrorAs(t, err, &inv, "the Default group stays")

	_, err = e.client.TagResource(e.ctx, &sdk.TagResourceInput{ResourceARN: c.Group.GroupARN, Tags: []types.Tag{{Key: aws.String("k2"), Value: aws.String("v2")}}})
	require.NoError(t, err)
	_, err = e.client.UntagResource(e.ctx, &sdk.UntagResourceInput{ResourceARN: c.Group.GroupARN, TagKeys: []string{"k"}})
	require.NoError(t, err)
	tags, err := e.client.ListTagsForResource(e.ctx, &sdk.ListTagsForResourceInput{ResourceARN: c.Group.GroupARN})
	require.NoError(t, err)
	require.Len(t, tags.Tags, 1)
	assert.Equal(t, "k2", *tags.Tags[0].Key)

	_, err = e.client.DeleteGroup(e.ctx, &sdk.DeleteGroupInput{GroupName: aws.String("errs")})
	require.NoError(t, err)
	_, err = e.client.GetGroup(e.ctx, &sdk.GetGroupInput{GroupName: aws.String("errs")})
	require.ErrorAs(t, err, &inv)
}

// The encryption configuration is NONE until set; resource policies are
// stored with revisions.
func TestSettings_EncryptionAndResourcePolicies(t *testing.T) {
	e := newEnv(t)
	enc, err := e.client.GetEncryptionConfig(e.ctx, &sdk.GetEncryptionConfigInput{})
	require.NoError(t, err)
	assert.Equal(t, types.EncryptionTypeNone, enc.EncryptionConfig.Type)
	put, err := e.client.PutEncryptionConfig(e.ctx, &sdk.PutEncryptionConfigInput{Type: types.EncryptionTypeKms, KeyId: aws.String("alias/k")})
	require.NoError(t, err)
	assert.Equal(t, types.EncryptionStatusActive, put.EncryptionConfig.Status)
	assert.Equal(t, "alias/k", *put.EncryptionConfig.KeyId)

	pol := `{"Version":"2012-10-17","Statement":[]}`
	p, err := e.client.PutResourcePolicy(e.ctx, &sdk.PutResourcePolicyInput{PolicyName: aws.String("p"), PolicyDocument: aws.String(pol)})
	require.NoError(t, err)
	_, err = e.client.PutResourcePolicy(e.ctx, &sdk.PutResourcePolicyInput{PolicyName: aws.String("p"), PolicyDocument: aws.String(pol), PolicyRevisionId: aws.String("stale")})
	var rev *types.InvalidPolicyRevisionIdException
	require.ErrorAs(t, err, &rev)
	_, err = e.client.PutResourcePolicy(e.ctx, &sdk.PutResourcePolicyInput{PolicyName: aws.String("q"), PolicyDocument: aws.String("{")})
	var mal *types.MalformedPolicyDocumentException
	require.ErrorAs(t, err, &mal)
	list, err := e.client.ListResourcePolicies(e.ctx, &sdk.ListResourcePoliciesInput{})
	require.NoError(t, err)
	require.Len(t, list.ResourcePolicies, 1)
	_, err = e.client.DeleteResourcePolicy(e.ctx, &sdk.DeleteResourcePolicyInput{PolicyName: aws.String("p"), PolicyRevisionId: p.ResourcePolicy.PolicyRevisionId})
	require.NoError(t, err)
}
