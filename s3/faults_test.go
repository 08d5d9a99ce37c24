package s3_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	s3fake "github.com/awsfake/awsfake/s3"
)

func noBackoff(o *s3.Options) {
	o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) {
		so.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	})
}

// A 503 SlowDown is retried by the SDK, as against AWS, and the call log
// shows the failed attempt with the bucket and key it named.
func TestInjectFault_SlowDownIsRetriedAndRecorded(t *testing.T) {
	cloud, c, _ := newS3(t, noBackoff)
	createBucket(t, c, "bkt")
	cloud.S3().InjectFault("PutObject", "SlowDown", 1)
	putObject(t, c, "bkt", "k", "v")
	var puts []s3fake.Call
	for _, call := range cloud.S3().Calls() {
		if call.Operation == "PutObject" {
			puts = append(puts, call)
		}
	}
	require.Len(t, puts, 2)
	var injected smithy.APIError
	require.ErrorAs(t, puts[0].Err, &injected)
	assert.Equal(t, "SlowDown", injected.ErrorCode())
	assert.NoError(t, puts[1].Err)
	assert.Equal(t, "bkt", puts[1].Bucket)
	assert.Equal(t, "k", puts[1].Key)
	assert.Equal(t, t0, puts[1].At)
}

// An injected fault reaches the SDK as S3's typed error with S3's status,
// before any state is touched; one for every call lasts until ClearFaults.
func TestInjectFault_TypedErrorsWithS3StatusAndStateUntouched(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t, noBackoff)
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "k", "v")

	cloud.S3().InjectFault("GetObject", "NoSuchKey", 0)
	for range 2 {
		_, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
		requireCode(t, err, "NoSuchKey", 404)
		var typed *types.NoSuchKey
		assert.ErrorAs(t, err, &typed)
	}
	cloud.S3().ClearFaults()
	body, _ := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	assert.Equal(t, "v", body)

	cloud.S3().InjectFault("DeleteObject", "AccessDenied", 1)
	_, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	requireCode(t, err, "AccessDenied", 403)
	body, _ = getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	assert.Equal(t, "v", body, "the failed delete changed nothing")

	cloud.S3().InjectFault("CreateBucket", "NoSuchBucket", 1)
	_, err = c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("other")})
	requireCode(t, err, "NoSuchBucket", 404)
	_, err = cloud.S3().HeadBucket(ctx, s3fake.HeadBucketInput{Bucket: "other"})
	assert.ErrorContains(t, err, "NoSuchBucket", "no bucket was made")
}

// Server errors keep their status through the retries; a code S3 does not
// know is a 400 sender fault; the Go API sees faults too.
func TestInjectFault_ServerErrorsAndUnknownCodes(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t, noBackoff)
	createBucket(t, c, "bkt")
	for _, tc := range []struct {
		code   string
		status int
	}{{"InternalError", 500}, {"ServiceUnavailable", 503}, {"Gremlins", 400}} {
		cloud.S3().InjectFault("ListObjectsV2", tc.code, 0)
		_, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("bkt")})
		requireCode(t, err, tc.code, tc.status)
		_, err = cloud.S3().ListObjectsV2(ctx, s3fake.ListObjectsV2Input{Bucket: "bkt"})
		assert.ErrorContains(t, err, tc.code)
		cloud.S3().ClearFaults()
	}
	assert.PanicsWithValue(t, `s3.InjectFault: unknown operation "Fly"`, func() { cloud.S3().InjectFault("Fly", "SlowDown", 1) })
}
