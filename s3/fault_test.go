package s3_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	s3fake "github.com/awsfake/awsfake/s3"
)

func TestInjectFault_FailsTheNamedOperationAndIsRecorded(t *testing.T) {
	ctx := context.Background()
	noBackoff := func(o *s3.Options) {
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) {
			so.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		})
	}
	cloud, c, _ := newS3(t, noBackoff)
	createBucket(t, c, "bkt")

	// A 503 SlowDown once: the SDK retries, as it would against AWS.
	cloud.S3().InjectFault("PutObject", s3fake.NewError("SlowDown", "Please reduce your request rate.", 503), 1)
	putObject(t, c, "bkt", "k", "v")
	var puts []s3fake.Call
	for _, call := range cloud.S3().Calls() {
		if call.Operation == "PutObject" {
			puts = append(puts, call)
		}
	}
	require.Len(t, puts, 2)
	assert.Error(t, puts[0].Err)
	assert.NoError(t, puts[1].Err)
	assert.Equal(t, "k", puts[1].Key)

	// An error that is not retried fails every call until cleared.
	cloud.S3().InjectFault("GetObject", s3fake.NewError("AccessDenied", "Access Denied", 403), 0)
	for range 2 {
		_, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
		requireCode(t, err, "AccessDenied", 403)
	}
	cloud.S3().ClearFaults()
	body, _ := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	assert.Equal(t, "v", body)

	// Any other error is a 500 InternalError; the Go API sees it too.
	cloud.S3().InjectFault("HeadBucket", errors.New("disk on fire"), 1)
	_, err := cloud.S3().HeadBucket(ctx, s3fake.HeadBucketInput{Bucket: "bkt"})
	assert.ErrorContains(t, err, "InternalError")
}
