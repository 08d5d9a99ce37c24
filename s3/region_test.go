package s3_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// recorder keeps the last response of an SDK client, body included.
type recorder struct {
	inner  aws.HTTPClient
	status int
	header http.Header
	body   []byte
}

func (r *recorder) Do(req *http.Request) (*http.Response, error) {
	resp, err := r.inner.Do(req)
	if err != nil {
		return resp, err
	}
	r.body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(r.body))
	r.status, r.header = resp.StatusCode, resp.Header.Clone()
	return resp, nil
}

func TestRegions_ABucketInEUCentral1AnswersOtherRegionsAsAWSDoes(t *testing.T) {
	ctx := context.Background()
	cloud := awsfake.NewT(t)
	eu := s3.NewFromConfig(cloud.AWSConfigFor("eu-central-1", "000000000000"))
	_, err := eu.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("euro"), CreateBucketConfiguration: &types.CreateBucketConfiguration{
		LocationConstraint: types.BucketLocationConstraintEuCentral1}})
	require.NoError(t, err)
	_, err = eu.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("euro"), Key: aws.String("k"), Body: strings.NewReader("v")})
	require.NoError(t, err)
	cloud.S3().CheckObject(t, "euro", "k", []byte("v"))

	cfg := cloud.AWSConfig() // us-east-1
	rec := &recorder{inner: cfg.HTTPClient}
	cfg.HTTPClient = rec
	us := s3.NewFromConfig(cfg)

	// Virtual-hosted: 400 AuthorizationHeaderMalformed naming the region.
	_, err = us.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("euro"), Key: aws.String("k")})
	requireCode(t, err, "AuthorizationHeaderMalformed", 400)
	assert.Contains(t, string(rec.body), "<Region>eu-central-1</Region>")
	assert.ErrorContains(t, err, "the region 'us-east-1' is wrong; expecting 'eu-central-1'")
	assert.Equal(t, "eu-central-1", rec.header.Get("x-amz-bucket-region"))

	// HEAD: the status and the region, no body.
	_, err = us.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("euro"), Key: aws.String("k")})
	require.Error(t, err)
	assert.Equal(t, 400, rec.status)
	assert.Empty(t, rec.body)
	assert.Equal(t, "eu-central-1", rec.header.Get("x-amz-bucket-region"))

	// Path style: 301 PermanentRedirect with the endpoint; the SDK returns it.
	path := s3.NewFromConfig(cfg, pathStyle)
	_, err = path.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("euro"), Key: aws.String("k")})
	requireCode(t, err, "PermanentRedirect", 301)
	assert.Contains(t, string(rec.body), "<Endpoint>euro.s3.eu-central-1.amazonaws.com</Endpoint>")
	assert.Equal(t, "eu-central-1", rec.header.Get("x-amz-bucket-region"))

	// How Go users find the region, from any region and style.
	for _, c := range []*s3.Client{us, path, eu} {
		region, err := manager.GetBucketRegion(ctx, c, "euro")
		require.NoError(t, err)
		assert.Equal(t, "eu-central-1", region)
	}
	loc, err := us.GetBucketLocation(ctx, &s3.GetBucketLocationInput{Bucket: aws.String("euro")})
	require.NoError(t, err)
	assert.Equal(t, types.BucketLocationConstraintEuCentral1, loc.LocationConstraint)

	list, err := us.ListBuckets(ctx, &s3.ListBucketsInput{})
	require.NoError(t, err)
	require.Len(t, list.Buckets, 1)
	assert.Equal(t, "eu-central-1", aws.ToString(list.Buckets[0].BucketRegion))

	got, err := eu.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("euro"), Key: aws.String("k")})
	require.NoError(t, err)
	body, _ := io.ReadAll(got.Body)
	assert.Equal(t, "v", string(body))
}

func TestAccounts_OneNamespaceEachAccountListsItsOwn(t *testing.T) {
	ctx := context.Background()
	cloud := awsfake.NewT(t)
	mine := s3.NewFromConfig(cloud.AWSConfig())
	theirs := s3.NewFromConfig(cloud.AWSConfigFor("us-east-1", "111111111111"))
	createBucket(t, mine, "shared")
	_, err := theirs.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("shared")})
	requireCode(t, err, "BucketAlreadyExists", 409)
	var exists *types.BucketAlreadyExists
	require.ErrorAs(t, err, &exists)
	_, err = mine.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("shared")})
	require.NoError(t, err, "us-east-1's legacy answer to its owner")
	createBucket(t, theirs, "theirs")

	a, err := mine.ListBuckets(ctx, &s3.ListBucketsInput{})
	require.NoError(t, err)
	b, err := theirs.ListBuckets(ctx, &s3.ListBucketsInput{})
	require.NoError(t, err)
	require.Len(t, a.Buckets, 1)
	require.Len(t, b.Buckets, 1)
	assert.Equal(t, "shared", aws.ToString(a.Buckets[0].Name))
	assert.Equal(t, "theirs", aws.ToString(b.Buckets[0].Name))
	assert.NotEqual(t, aws.ToString(a.Owner.ID), aws.ToString(b.Owner.ID))

	_, err = mine.GetBucketTagging(ctx, &s3.GetBucketTaggingInput{Bucket: aws.String("theirs"), ExpectedBucketOwner: aws.String("000000000000")})
	requireCode(t, err, "AccessDenied", 403)
	snap := cloud.S3().Buckets()
	require.Len(t, snap, 2)
	assert.Equal(t, "000000000000", snap[0].Account)
	assert.Equal(t, "111111111111", snap[1].Account)
}

func TestPartitions_AWSCNHasItsOwnNamespaceAndARNs(t *testing.T) {
	ctx := context.Background()
	cloud := awsfake.NewT(t)
	createBucket(t, s3.NewFromConfig(cloud.AWSConfig()), "shared")
	cn := s3.NewFromConfig(cloud.AWSConfigFor("cn-north-1", "000000000000"))
	_, err := cn.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("shared"), CreateBucketConfiguration: &types.CreateBucketConfiguration{
		LocationConstraint: types.BucketLocationConstraintCnNorth1}})
	require.NoError(t, err, "aws-cn is a namespace of its own")
	_, err = cn.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("shared"), Key: aws.String("k"), Body: strings.NewReader("cn")})
	require.NoError(t, err)

	cloud.S3().CheckObject(t, "arn:aws-cn:s3:::shared", "k", []byte("cn"))
	cloud.S3().CheckNoObject(t, "shared", "k")
	snap := cloud.S3().Buckets()
	require.Len(t, snap, 2)
	assert.Equal(t, []string{"aws", "aws-cn"}, []string{snap[0].Partition, snap[1].Partition})
	assert.Equal(t, "cn-north-1", snap[1].Region)

	list, err := cn.ListBuckets(ctx, &s3.ListBucketsInput{})
	require.NoError(t, err)
	require.Len(t, list.Buckets, 1)
	assert.Equal(t, "cn-north-1", aws.ToString(list.Buckets[0].BucketRegion))
}

func TestNotifications_ADestinationInAnotherRegionIsRefused(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	for _, cfg := range []*types.NotificationConfiguration{
		{QueueConfigurations: []types.QueueConfiguration{{QueueArn: aws.String("arn:aws:sqs:eu-west-1:000000000000:q"), Events: []types.Event{"s3:ObjectCreated:*"}}}},
		{TopicConfigurations: []types.TopicConfiguration{{TopicArn: aws.String("arn:aws:sns:eu-west-1:000000000000:t"), Events: []types.Event{"s3:ObjectCreated:*"}}}},
		{LambdaFunctionConfigurations: []types.LambdaFunctionConfiguration{{LambdaFunctionArn: aws.String("arn:aws:lambda:eu-west-1:000000000000:function:f"), Events: []types.Event{"s3:ObjectCreated:*"}}}},
	} {
		_, err := c.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{Bucket: aws.String("bkt"), NotificationConfiguration: cfg})
		requireCode(t, err, "InvalidArgument", 400)
		assert.ErrorContains(t, err, "The notification destination service region is not valid for the bucket location constraint")
	}
}
