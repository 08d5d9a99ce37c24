package eventbridge_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A bucket with EventBridge on sends its object events to the default bus
// in EventBridge's shape ("Using EventBridge", S3 User Guide): Object
// Created with the object's size and eTag, Object Deleted with its
// deletion type.
func TestS3Events_OnTheDefaultBus(t *testing.T) {
	f := newFixture(t)
	url, arn := f.queue(t, "q", nil)
	f.ruleToQueue(t, "s3", `{"source":["aws.s3"],"detail":{"bucket":{"name":["bucket-1"]}}}`, arn, ebtypes.Target{})
	s3c := awss3.NewFromConfig(f.cloud.AWSConfig())
	_, err := s3c.CreateBucket(ctx, &awss3.CreateBucketInput{Bucket: aws.String("bucket-1")})
	require.NoError(t, err)
	_, err = s3c.PutBucketNotificationConfiguration(ctx, &awss3.PutBucketNotificationConfigurationInput{Bucket: aws.String("bucket-1"),
		NotificationConfiguration: &s3types.NotificationConfiguration{EventBridgeConfiguration: &s3types.EventBridgeConfiguration{}}})
	require.NoError(t, err)
	_, err = s3c.PutObject(ctx, &awss3.PutObjectInput{Bucket: aws.String("bucket-1"), Key: aws.String("k.txt"), Body: strings.NewReader("hello")})
	require.NoError(t, err)
	_, err = s3c.DeleteObject(ctx, &awss3.DeleteObjectInput{Bucket: aws.String("bucket-1"), Key: aws.String("k.txt")})
	require.NoError(t, err)
	got := f.bodies(t, url)
	require.Len(t, got, 2)
	created, deleted := decode(t, got[0]), decode(t, got[1])
	assert.Equal(t, "Object Created", created["detail-type"])
	assert.Equal(t, "aws.s3", created["source"])
	assert.Equal(t, []any{"arn:aws:s3:::bucket-1"}, created["resources"])
	detail := created["detail"].(map[string]any)
	assert.Equal(t, "PutObject", detail["reason"])
	obj := detail["object"].(map[string]any)
	assert.Equal(t, "k.txt", obj["key"])
	assert.Equal(t, float64(5), obj["size"])
	assert.Equal(t, "Object Deleted", deleted["detail-type"])
	assert.Equal(t, "Permanently Deleted", deleted["detail"].(map[string]any)["deletion-type"])
}
