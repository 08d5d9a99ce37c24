package sns_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

func tag(k, v string) types.Tag { return types.Tag{Key: aws.String(k), Value: aws.String(v)} }

func TestTags_AddOverwriteListAndRemove(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	_, err := f.sns.TagResource(f.ctx, &awssns.TagResourceInput{ResourceArn: aws.String(topic), Tags: []types.Tag{tag("b", "1"), tag("a", "2")}})
	require.NoError(t, err)
	_, err = f.sns.TagResource(f.ctx, &awssns.TagResourceInput{ResourceArn: aws.String(topic), Tags: []types.Tag{tag("b", "3")}})
	require.NoError(t, err)
	out, err := f.sns.ListTagsForResource(f.ctx, &awssns.ListTagsForResourceInput{ResourceArn: aws.String(topic)})
	require.NoError(t, err)
	assert.Equal(t, []types.Tag{tag("a", "2"), tag("b", "3")}, out.Tags)

	_, err = f.sns.UntagResource(f.ctx, &awssns.UntagResourceInput{ResourceArn: aws.String(topic), TagKeys: []string{"a", "zzz"}})
	require.NoError(t, err)
	out, err = f.sns.ListTagsForResource(f.ctx, &awssns.ListTagsForResourceInput{ResourceArn: aws.String(topic)})
	require.NoError(t, err)
	assert.Equal(t, []types.Tag{tag("b", "3")}, out.Tags)
}

func TestTags_RejectsWhatAWSRejectsAndKeepsTheTags(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	fifty := make([]types.Tag, 50)
	for i := range fifty {
		fifty[i] = tag(fmt.Sprint("k", i), "v")
	}
	_, err := f.sns.TagResource(f.ctx, &awssns.TagResourceInput{ResourceArn: aws.String(topic), Tags: fifty})
	require.NoError(t, err, "50 tags is the limit")
	for name, c := range map[string]struct {
		arn  string
		tags []types.Tag
		code string
	}{
		"51st tag":       {topic, []types.Tag{tag("another", "v")}, "TagLimitExceeded"},
		"duplicate keys": {topic, []types.Tag{tag("x", "1"), tag("x", "2")}, "InvalidParameter"},
		"empty key":      {topic, []types.Tag{tag("", "1")}, "ValidationError"},
		"reserved key":   {topic, []types.Tag{tag("aws:x", "1")}, "InvalidParameter"},
		"missing topic":  {topic + "x", []types.Tag{tag("k0", "1")}, "ResourceNotFound"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := f.sns.TagResource(f.ctx, &awssns.TagResourceInput{ResourceArn: aws.String(c.arn), Tags: c.tags})
			requireCode(t, err, c.code)
		})
	}
	out, err := f.sns.ListTagsForResource(f.ctx, &awssns.ListTagsForResourceInput{ResourceArn: aws.String(topic)})
	require.NoError(t, err)
	assert.Len(t, out.Tags, 50)
}

func TestCreateTopic_WithTagsTagsTheTopic(t *testing.T) {
	f := newFixture(t)
	out, err := f.sns.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String("t"), Tags: []types.Tag{tag("team", "core")}})
	require.NoError(t, err)
	tags, err := f.sns.ListTagsForResource(f.ctx, &awssns.ListTagsForResourceInput{ResourceArn: out.TopicArn})
	require.NoError(t, err)
	assert.Equal(t, []types.Tag{tag("team", "core")}, tags.Tags)
}

// AWS counts a tag key's characters, not its bytes: a key of 100 "é" (200
// bytes) is accepted, by CreateTopic and TagResource alike, and a key of 129
// characters is refused with SNS's wording.
func TestTags_KeyLengthIsCountedInCharacters(t *testing.T) {
	f := newFixture(t)
	accented := strings.Repeat("é", 100)
	out, err := f.sns.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String("t"), Tags: []types.Tag{tag(accented, "v")}})
	require.NoError(t, err, "100 characters, 200 bytes")
	topic := aws.ToString(out.TopicArn)
	long := strings.Repeat("é", 128)
	_, err = f.sns.TagResource(f.ctx, &awssns.TagResourceInput{ResourceArn: aws.String(topic), Tags: []types.Tag{tag(long, strings.Repeat("ü", 256))}})
	require.NoError(t, err, "128 characters, 256 bytes; a value of 256 characters, 512 bytes")
	list, err := f.sns.ListTagsForResource(f.ctx, &awssns.ListTagsForResourceInput{ResourceArn: aws.String(topic)})
	require.NoError(t, err)
	assert.Len(t, list.Tags, 2)

	_, err = f.sns.TagResource(f.ctx, &awssns.TagResourceInput{ResourceArn: aws.String(topic), Tags: []types.Tag{tag("a", "1"), tag(long+"é", "v")}})
	ae := awsfake.CheckCode(t, err, "ValidationError")
	assert.Equal(t, "1 validation error detected: Value '"+long+"é' at 'tags.2.member.key' failed to satisfy constraint: "+
		"Member must have length less than or equal to 128 and greater than or equal to 1", ae.ErrorMessage())
	_, err = f.sns.CreateTopic(f.ctx, &awssns.CreateTopicInput{Name: aws.String("u"), Tags: []types.Tag{tag(strings.Repeat("k", 129), "v")}})
	awsfake.CheckCode(t, err, "ValidationError")
}
