package s3_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

func TestBuckets_SnapshotCountsObjectsVersionsAndUploads(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	enableVersioning(t, c, "bkt")
	putObject(t, c, "bkt", "a", "1")
	putObject(t, c, "bkt", "b", "2")
	_, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("b")})
	require.NoError(t, err)
	_, err = c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("c")})
	require.NoError(t, err)

	snap := cloud.S3().Buckets()
	require.Len(t, snap, 1)
	assert.Equal(t, "bkt", snap[0].Name)
	assert.Equal(t, "Enabled", snap[0].Versioning)
	assert.Equal(t, 1, snap[0].Objects, "b's current version is a delete marker")
	assert.Equal(t, 2, snap[0].Keys)
	assert.Equal(t, 1, snap[0].UploadsActive)

	o, ok := cloud.S3().Object("bkt", "a")
	require.True(t, ok)
	o.Data[0] = 'X' // a snapshot is a copy
	cloud.S3().CheckObject(t, "bkt", "a", []byte("1"))
	cloud.S3().CheckNoObject(t, "bkt", "b")
	vs := cloud.S3().Versions("bkt", "b")
	require.Len(t, vs, 2)
	assert.True(t, vs[0].DeleteMarker)
	assert.True(t, vs[0].IsLatest)
}

// With a fake clock and one seed, the same scenario gives byte-identical
// answers and event documents.
func TestDeterminism_SameSeedSameIDsAndEvents(t *testing.T) {
	run := func() []string {
		ctx := context.Background()
		cloud := awsfake.NewT(t, awsfake.WithClock(clock.NewFake(t0)), awsfake.WithSeed(42))
		c := s3.NewFromConfig(cloud.AWSConfig())
		createBucket(t, c, "bkt")
		enableVersioning(t, c, "bkt")
		_, err := c.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{Bucket: aws.String("bkt"),
			SkipDestinationValidation: aws.Bool(true),
			NotificationConfiguration: &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{{
				QueueArn: aws.String("arn:aws:sqs:us-east-1:000000000000:gone"), Events: []types.Event{"s3:ObjectCreated:*"}}}}})
		require.NoError(t, err)
		var out []string
		for _, k := range []string{"a", "b", "a"} {
			p := putObject(t, c, "bkt", k, k)
			out = append(out, aws.ToString(p.VersionId))
		}
		up, err := c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("m")})
		require.NoError(t, err)
		out = append(out, aws.ToString(up.UploadId))
		for _, n := range cloud.S3().Notifications() {
			out = append(out, string(n.Body))
		}
		require.NoError(t, cloud.Settle(ctx))
		return out
	}
	first, second := run(), run()
	assert.Len(t, first, 3+1+3)
	assert.Equal(t, first, second)
}

func TestLastModified_IsTheClockToTheSecond(t *testing.T) {
	cloud, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	clk.Advance(999 * time.Millisecond) // just before a second
	putObject(t, c, "bkt", "before", "x")
	clk.Advance(time.Millisecond) // exactly at it
	putObject(t, c, "bkt", "at", "x")
	clk.Advance(time.Millisecond) // just after
	putObject(t, c, "bkt", "after", "x")
	get := func(k string) time.Time { o, _ := cloud.S3().Object("bkt", k); return o.LastModified }
	assert.Equal(t, t0, get("before"))
	assert.Equal(t, t0.Add(time.Second), get("at"))
	assert.Equal(t, t0.Add(time.Second), get("after"))
}
