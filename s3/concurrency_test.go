package s3_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// Many clients at once: the engine is safe for concurrent use (run with
// -race), and every write lands.
func TestService_ConcurrentClientsAreSafe(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	enableVersioning(t, c, "bkt")
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 25 {
				key := fmt.Sprintf("w%d/%d", w, i%5)
				_, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String(key), Body: stringBody(key)})
				assert.NoError(t, err)
				_, err = c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("bkt"), Prefix: aws.String(fmt.Sprintf("w%d/", w)), MaxKeys: aws.Int32(2)})
				assert.NoError(t, err)
				if i%3 == 0 {
					_, err = c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String(key)})
					assert.NoError(t, err)
				}
				_, _ = c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String(key)})
			}
		})
	}
	wg.Wait()
	versions := 0
	for w := range 8 {
		for i := range 5 {
			versions += len(cloud.S3().Versions("bkt", fmt.Sprintf("w%d/%d", w, i)))
		}
	}
	assert.Equal(t, 8*(25+9), versions, "every put and every delete marker is a version")
}

// Inside a synctest bubble, with the default real clock: uploads and their
// notifications run, Settle returns, and Close leaves no goroutine behind
// (synctest.Test fails if one outlives the bubble).
func TestService_WorksInASynctestBubbleAndLeavesNoGoroutine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		cloud := awsfake.New()
		c := s3.NewFromConfig(cloud.AWSConfig())
		sq := sqs.NewFromConfig(cloud.AWSConfig())
		url, arn := queue(t, sq, "events")
		createBucket(t, c, "bkt")
		_, err := c.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{Bucket: aws.String("bkt"),
			NotificationConfiguration: &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{{
				QueueArn: aws.String(arn), Events: []types.Event{"s3:ObjectCreated:*"}}}}})
		require.NoError(t, err)
		for i := range 10 {
			putObject(t, c, "bkt", fmt.Sprint(i), "x")
		}
		require.NoError(t, cloud.Settle(ctx))
		assert.Len(t, drain(t, sq, url), 11)
		require.NoError(t, cloud.Close())
	})
}
