package s3_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func putArchived(t *testing.T, c *s3.Client, key string, class types.StorageClass) {
	t.Helper()
	_, err := c.PutObject(context.Background(), &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String(key),
		Body: bytes.NewReader([]byte("cold")), StorageClass: class})
	require.NoError(t, err)
}

func restore(c *s3.Client, key string, days int32, tier types.Tier) error {
	_, err := c.RestoreObject(context.Background(), &s3.RestoreObjectInput{Bucket: aws.String("bkt"), Key: aws.String(key),
		RestoreRequest: &types.RestoreRequest{Days: aws.Int32(days), GlacierJobParameters: &types.GlacierJobParameters{Tier: tier}}})
	return err
}

func restoreHeader(t *testing.T, c *s3.Client, key string) string {
	t.Helper()
	out, err := c.HeadObject(context.Background(), &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String(key)})
	require.NoError(t, err)
	return aws.ToString(out.Restore)
}

func readable(t *testing.T, c *s3.Client, key string) bool {
	t.Helper()
	out, err := c.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String(key)})
	if err == nil {
		out.Body.Close()
		return true
	}
	requireCode(t, err, "InvalidObjectState", 403)
	return false
}

// A GLACIER object restored with the Standard tier is readable 5 hours
// later (the upper end of S3's 3-5 hours) until the midnight UTC after
// Days from then; x-amz-restore reports the restore as S3 writes it, a
// second request meanwhile is RestoreAlreadyInProgress, and the copy's
// expiry makes the object archived again.
func TestRestoreObject_CompletesAndExpiresOnTheClock(t *testing.T) {
	_, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	putArchived(t, c, "k", types.StorageClassGlacier)
	assert.False(t, readable(t, c, "k"))
	assert.Empty(t, restoreHeader(t, c, "k"))
	require.NoError(t, restore(c, "k", 2, types.TierStandard))
	assert.Equal(t, `ongoing-request="true"`, restoreHeader(t, c, "k"))
	requireCode(t, restore(c, "k", 2, types.TierStandard), "RestoreAlreadyInProgress", 409)

	done := t0.Add(5 * time.Hour)
	at(clk, done.Add(-time.Second))
	assert.False(t, readable(t, c, "k"), "just before completion")
	at(clk, done)
	assert.Equal(t, `ongoing-request="false", expiry-date="Fri, 04 Jan 2030 00:00:00 GMT"`, restoreHeader(t, c, "k"))
	assert.True(t, readable(t, c, "k"))

	expiry := time.Date(2030, 1, 4, 0, 0, 0, 0, time.UTC)
	at(clk, expiry.Add(-time.Second))
	assert.True(t, readable(t, c, "k"), "just before expiry")
	at(clk, expiry)
	assert.False(t, readable(t, c, "k"))
	assert.Empty(t, restoreHeader(t, c, "k"))
}

// A restored copy's period is reset from now by another request (200);
// DEEP_ARCHIVE's Bulk tier takes 48 hours; objects of other storage
// classes cannot be restored.
func TestRestoreObject_ExtendDeepArchiveAndRefusals(t *testing.T) {
	_, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	putArchived(t, c, "g", types.StorageClassGlacier)
	require.NoError(t, restore(c, "g", 1, types.TierExpedited))
	at(clk, t0.Add(5*time.Minute))
	assert.True(t, readable(t, c, "g"), "Expedited: 5 minutes")
	require.NoError(t, restore(c, "g", 10, types.TierStandard), "a restored copy's period is updated")
	assert.Equal(t, `ongoing-request="false", expiry-date="Sat, 12 Jan 2030 00:00:00 GMT"`, restoreHeader(t, c, "g"))
	at(clk, time.Date(2030, 1, 3, 0, 0, 0, 0, time.UTC))
	assert.True(t, readable(t, c, "g"), "the first period's expiry no longer applies")

	putArchived(t, c, "d", types.StorageClassDeepArchive)
	start := clk.Now()
	require.NoError(t, restore(c, "d", 1, types.TierBulk))
	at(clk, start.Add(48*time.Hour-time.Second))
	assert.False(t, readable(t, c, "d"))
	at(clk, start.Add(48*time.Hour))
	assert.True(t, readable(t, c, "d"))
	requireCode(t, restore(c, "d2", 1, types.TierBulk), "NoSuchKey", 404)

	putObject(t, c, "bkt", "warm", "x")
	err := restore(c, "warm", 1, types.TierStandard)
	requireCode(t, err, "InvalidObjectState", 403)
	assert.Contains(t, err.Error(), "Restore is not allowed for the object's current storage class")
}

// Restores are notified: ObjectRestore:Post when asked, :Completed when
// done and :Delete when the copy expires.
func TestRestoreObject_Events(t *testing.T) {
	ctx := context.Background()
	cloud, c, clk := newS3(t)
	sq := sqs.NewFromConfig(cloud.AWSConfig())
	_, arn := queue(t, sq, "restores")
	createBucket(t, c, "bkt")
	_, err := c.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{Bucket: aws.String("bkt"),
		NotificationConfiguration: &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{{
			QueueArn: aws.String(arn), Events: []types.Event{"s3:ObjectRestore:*"}}}}})
	require.NoError(t, err)
	putArchived(t, c, "k", types.StorageClassGlacier)
	require.NoError(t, restore(c, "k", 1, types.TierBulk))
	at(clk, t0.Add(12*time.Hour))
	at(clk, time.Date(2030, 1, 3, 0, 0, 0, 0, time.UTC))
	require.NoError(t, cloud.Settle(ctx))
	var names []string
	for _, n := range cloud.S3().Notifications() {
		names = append(names, n.Event)
	}
	assert.Equal(t, []string{"s3:TestEvent", "ObjectRestore:Post", "ObjectRestore:Completed", "ObjectRestore:Delete"}, names)
}
