package awsfake_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

func wrongSecret(cfg aws.Config) aws.Config {
	cfg.Credentials = credentials.NewStaticCredentialsProvider(awsfake.TestAccessKeyID, "not-the-secret", "")
	return cfg
}

// With verification on, a wrong secret is SignatureDoesNotMatch through
// the SDK, as AWS answers; the right one works, and so do STS's keys until
// they expire.
func TestSigV4Verification_AWrongSecretIsRefused(t *testing.T) {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.NewT(t, awsfake.WithClock(clk), awsfake.WithSigV4Verification())
	ctx := context.Background()
	good := cloud.AWSConfig()
	_, err := sqs.NewFromConfig(good).CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("q")})
	require.NoError(t, err)
	_, err = sqs.NewFromConfig(wrongSecret(good)).ListQueues(ctx, &sqs.ListQueuesInput{})
	awsfake.CheckCode(t, err, "InvalidSignatureException") // SQS speaks JSON: the JSON services' code
	_, err = sts.NewFromConfig(wrongSecret(good)).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	awsfake.CheckCode(t, err, "SignatureDoesNotMatch")
	_, err = s3.NewFromConfig(wrongSecret(good), func(o *s3.Options) { o.UsePathStyle = true }).ListBuckets(ctx, &s3.ListBucketsInput{})
	awsfake.CheckCode(t, err, "SignatureDoesNotMatch")

	cfg := good
	cfg.Credentials = credentials.NewStaticCredentialsProvider("AKIAUNKNOWNKEY000000", awsfake.TestSecretAccessKey, "")
	_, err = sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	awsfake.CheckCode(t, err, "InvalidClientTokenId")

	out, err := sts.NewFromConfig(good).GetSessionToken(ctx, &sts.GetSessionTokenInput{DurationSeconds: aws.Int32(900)})
	require.NoError(t, err)
	session := good
	session.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(out.Credentials.AccessKeyId),
		aws.ToString(out.Credentials.SecretAccessKey), aws.ToString(out.Credentials.SessionToken))
	_, err = sqs.NewFromConfig(session).ListQueues(ctx, &sqs.ListQueuesInput{})
	require.NoError(t, err, "an STS key signs with its own secret")
	clk.Advance(900 * time.Second)
	_, err = sqs.NewFromConfig(session).ListQueues(ctx, &sqs.ListQueuesInput{})
	awsfake.CheckCode(t, err, "ExpiredToken")
}

// Verification off or on, a presigned URL expires on the cloud's timeline:
// a 15-minute URL works 15 minutes less a second after it was made, and is
// AWS's AccessDenied "Request has expired" once the fake clock has moved 15
// minutes.
func TestPresignedURLs_ExpireOnTheCloudsTimeline(t *testing.T) {
	for _, verify := range []bool{false, true} {
		clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
		opts := []awsfake.Option{awsfake.WithClock(clk)}
		if verify {
			opts = append(opts, awsfake.WithSigV4Verification())
		}
		cloud := awsfake.NewT(t, opts...)
		ctx := context.Background()
		client := s3.NewFromConfig(cloud.AWSConfig(), func(o *s3.Options) { o.UsePathStyle = true })
		_, err := client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("bkt")})
		require.NoError(t, err)
		_, err = client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Body: strings.NewReader("hi")})
		require.NoError(t, err)
		req, err := s3.NewPresignClient(client, s3.WithPresignExpires(15*time.Minute)).PresignGetObject(ctx,
			&s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
		require.NoError(t, err)
		get := func() int {
			resp, err := cloud.HTTPClient().Get(req.URL)
			require.NoError(t, err)
			resp.Body.Close()
			return resp.StatusCode
		}
		clk.Advance(15*time.Minute - time.Second)
		assert.Equal(t, http.StatusOK, get(), "verify=%v: just before expiry", verify)
		clk.Advance(time.Second)
		assert.Equal(t, http.StatusForbidden, get(), "verify=%v: at expiry", verify)
	}
}
