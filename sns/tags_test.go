package sns_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
