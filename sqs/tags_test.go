package sqs_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// "A new tag with a key identical to that of an existing tag overwrites the
// existing tag."
func TestTags_TagUntagAndList(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("q"), Tags: map[string]string{"team": "a", "env": "dev"}})
	require.NoError(t, err)
	url := out.QueueUrl
	_, err = f.client.TagQueue(ctx, &awssqs.TagQueueInput{QueueUrl: url, Tags: map[string]string{"team": "b", "cost": "42"}})
	require.NoError(t, err)
	_, err = f.client.UntagQueue(ctx, &awssqs.UntagQueueInput{QueueUrl: url, TagKeys: []string{"env", "absent"}})
	require.NoError(t, err)
	tags, err := f.client.ListQueueTags(ctx, &awssqs.ListQueueTagsInput{QueueUrl: url})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"team": "b", "cost": "42"}, tags.Tags)
}

// The tag quotas: keys of 1 to 128 characters, values up to 256, letters,
// digits, spaces and _ . : / = + - @, and no aws: prefix.
func TestTags_QuotasAreEnforced(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	for tag, ok := range map[[2]string]bool{
		{strings.Repeat("k", 128), strings.Repeat("v", 256)}: true,
		{"a b_c.d:e/f=g+h-i@j", ""}:                          true,
		{strings.Repeat("k", 129), "v"}:                      false,
		{"k", strings.Repeat("v", 257)}:                      false,
		{"aws:reserved", "v"}:                                false,
		{"bad#char", "v"}:                                    false,
	} {
		_, err := f.client.TagQueue(ctx, &awssqs.TagQueueInput{QueueUrl: &url, Tags: map[string]string{tag[0]: tag[1]}})
		if ok {
			require.NoError(t, err, tag[0])
		} else {
			requireCode(t, err, "InvalidParameterValue")
		}
	}
}

// AWS counts a tag key's characters, not its bytes: 100 × "é" (200 bytes)
// is a valid key, 129 characters are one too many, with SQS's wording.
func TestTags_KeyLengthCountsCharacters(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	_, err := f.client.TagQueue(ctx, &awssqs.TagQueueInput{QueueUrl: &url, Tags: map[string]string{strings.Repeat("é", 100): "v"}})
	require.NoError(t, err)
	_, err = f.client.TagQueue(ctx, &awssqs.TagQueueInput{QueueUrl: &url, Tags: map[string]string{strings.Repeat("é", 129): "v"}})
	ae := requireCode(t, err, "InvalidParameterValue")
	assert.Equal(t, "Tag keys must be between 1 and 128 characters in length.", ae.ErrorMessage())
	_, err = f.client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("r"), Tags: map[string]string{strings.Repeat("é", 100): "v"}})
	require.NoError(t, err)
}
