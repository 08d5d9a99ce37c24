package s3_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	s3fake "github.com/awsfake/awsfake/s3"
)

func TestCreateBucket_VirtualHostedAndPathStyleBothWork(t *testing.T) {
	ctx := context.Background()
	for name, opt := range map[string]func(*s3.Options){"virtual-hosted": func(*s3.Options) {}, "path": pathStyle} {
		t.Run(name, func(t *testing.T) {
			cloud, c, _ := newS3(t, opt)
			createBucket(t, c, "my.dotted-bucket")
			_, err := c.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String("my.dotted-bucket")})
			require.NoError(t, err)
			putObject(t, c, "my.dotted-bucket", "dir/file.txt", "x")
			cloud.S3().CheckObject(t, "my.dotted-bucket", "dir/file.txt", []byte("x"))
		})
	}
}

// Bucket naming rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
func TestCreateBucket_InvalidNamesGetInvalidBucketName(t *testing.T) {
	_, c, _ := newS3(t, pathStyle)
	for _, name := range []string{
		"ab", strings.Repeat("a", 64), "Upper", "under_score", "-leading", "trailing-", "two..dots",
		"192.168.5.4", "xn--punycode", "sthree-x", "amzn-s3-demo-bucket", "x-s3alias", "x--ol-s3", "x.mrap",
		"x--table-s3",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := c.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(name)})
			requireCode(t, err, "InvalidBucketName", 400)
		})
	}
	for _, name := range []string{"abc", strings.Repeat("a", 63), "a.b-c1", "1bucket"} {
		assert.True(t, s3fake.ValidBucketName(name), name)
	}
	// The SDK sends names ending in --x-s3 to S3 Express: checked directly.
	assert.False(t, s3fake.ValidBucketName("x--x-s3"))
}

func TestCreateBucket_ExistingBucketIsOwnedByYouExceptInUSEast1(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "legacy")
	// "For legacy compatibility, if you re-create an existing bucket that
	// you already own in the North Virginia Region, Amazon S3 returns 200 OK."
	_, err := c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("legacy")})
	require.NoError(t, err)

	cloud := awsfake.NewT(t, awsfake.WithRegion("eu-west-1"))
	eu := s3.NewFromConfig(cloud.AWSConfig())
	in := &s3.CreateBucketInput{Bucket: aws.String("euro"), CreateBucketConfiguration: &types.CreateBucketConfiguration{
		LocationConstraint: types.BucketLocationConstraintEuWest1}}
	_, err = eu.CreateBucket(ctx, in)
	require.NoError(t, err)
	_, err = eu.CreateBucket(ctx, in)
	requireCode(t, err, "BucketAlreadyOwnedByYou", 409)
	var owned *types.BucketAlreadyOwnedByYou
	require.ErrorAs(t, err, &owned)
}

func TestCreateBucket_LocationConstraintMustMatchRegionalEndpoint(t *testing.T) {
	ctx := context.Background()
	cloud := awsfake.NewT(t, awsfake.WithRegion("eu-west-1"))
	eu := s3.NewFromConfig(cloud.AWSConfig())
	_, err := eu.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("none")})
	requireCode(t, err, "IllegalLocationConstraintException", 400)
	_, err = eu.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("other"), CreateBucketConfiguration: &types.CreateBucketConfiguration{
		LocationConstraint: types.BucketLocationConstraintUsWest2}})
	requireCode(t, err, "IllegalLocationConstraintException", 400)
	assert.Empty(t, cloud.S3().Buckets(), "a refused create leaves nothing behind")

	_, us, _ := newS3(t)
	_, err = us.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("explicit"), CreateBucketConfiguration: &types.CreateBucketConfiguration{
		LocationConstraint: "us-east-1"}})
	requireCode(t, err, "InvalidLocationConstraint", 400)
	// The us-east-1 endpoint takes any region's constraint.
	_, err = us.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("west"), CreateBucketConfiguration: &types.CreateBucketConfiguration{
		LocationConstraint: types.BucketLocationConstraintUsWest2}})
	require.NoError(t, err)
	loc, err := us.GetBucketLocation(ctx, &s3.GetBucketLocationInput{Bucket: aws.String("west")})
	require.NoError(t, err)
	assert.Equal(t, types.BucketLocationConstraintUsWest2, loc.LocationConstraint)
	// HeadBucket from another region answers the redirect's status and the
	// bucket's region, no body, as the issue that partitioned regions
	// requires; manager.GetBucketRegion reads the region off it.
	_, err = us.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String("west")})
	var re *awshttp.ResponseError
	require.ErrorAs(t, err, &re)
	assert.Contains(t, []int{301, 400}, re.HTTPStatusCode())
	assert.Equal(t, "us-west-2", re.Response.Header.Get("x-amz-bucket-region"))
	region, err := manager.GetBucketRegion(ctx, us, "west")
	require.NoError(t, err)
	assert.Equal(t, "us-west-2", region)
}

func TestGetBucketLocation_USEast1IsEmpty(t *testing.T) {
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	loc, err := c.GetBucketLocation(context.Background(), &s3.GetBucketLocationInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Empty(t, loc.LocationConstraint)
}

func TestHeadBucket_MissingBucketIsNotFound(t *testing.T) {
	_, c, _ := newS3(t)
	_, err := c.HeadBucket(context.Background(), &s3.HeadBucketInput{Bucket: aws.String("nope")})
	var nf *types.NotFound
	require.ErrorAs(t, err, &nf, "HEAD errors have no body: the SDK derives NotFound from the 404")
}

func TestDeleteBucket_RefusesNonEmptyBucketThenDeletes(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "k", "v")
	_, err := c.DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "BucketNotEmpty", 409)

	_, err = c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	_, err = c.DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	_, err = c.DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "NoSuchBucket", 404)
}

func TestDeleteBucket_DeleteMarkersKeepAVersionedBucketNonEmpty(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	enableVersioning(t, c, "bkt")
	putObject(t, c, "bkt", "k", "v")
	_, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	_, err = c.DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "BucketNotEmpty", 409)
}

func TestListBuckets_SortedByNameAndPaged(t *testing.T) {
	ctx := context.Background()
	_, c, clk := newS3(t)
	for _, n := range []string{"charlie", "alpha", "bravo"} {
		createBucket(t, c, n)
	}
	out, err := c.ListBuckets(ctx, &s3.ListBucketsInput{})
	require.NoError(t, err)
	var names []string
	for _, b := range out.Buckets {
		names = append(names, aws.ToString(b.Name))
		assert.Equal(t, clk.Now(), aws.ToTime(b.CreationDate))
	}
	assert.Equal(t, []string{"alpha", "bravo", "charlie"}, names)
	assert.Len(t, aws.ToString(out.Owner.ID), 64)

	page, err := c.ListBuckets(ctx, &s3.ListBucketsInput{MaxBuckets: aws.Int32(2)})
	require.NoError(t, err)
	require.Len(t, page.Buckets, 2)
	require.NotNil(t, page.ContinuationToken)
	rest, err := c.ListBuckets(ctx, &s3.ListBucketsInput{MaxBuckets: aws.Int32(2), ContinuationToken: page.ContinuationToken})
	require.NoError(t, err)
	require.Len(t, rest.Buckets, 1)
	assert.Equal(t, "charlie", aws.ToString(rest.Buckets[0].Name))
	assert.Nil(t, rest.ContinuationToken)

	_, err = c.ListBuckets(ctx, &s3.ListBucketsInput{MaxBuckets: aws.Int32(10001)})
	requireCode(t, err, "InvalidArgument", 400)
}

func TestServeHTTP_UnsupportedSubresourceIsNotImplemented(t *testing.T) {
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "k", "v")
	_, err := c.GetObjectTorrent(context.Background(), &s3.GetObjectTorrentInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	requireCode(t, err, "NotImplemented", 501)
}

func TestServeHTTP_ExpectedBucketOwnerMismatchIsAccessDenied(t *testing.T) {
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	_, err := c.HeadBucket(context.Background(), &s3.HeadBucketInput{Bucket: aws.String("bkt"), ExpectedBucketOwner: aws.String("111111111111")})
	_, status := apiError(t, err)
	assert.Equal(t, 403, status)
}

// HeadBucket's answer has no body and Content-Type: application/xml, as
// S3's does (the peer's AWS-verified test_header_content_type).
func TestHeadBucket_AnswersWithContentTypeXML(t *testing.T) {
	var rec answers
	_, c, _ := newS3(t, recording(&rec))
	createBucket(t, c, "bkt")
	_, err := c.HeadBucket(context.Background(), &s3.HeadBucketInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Equal(t, "application/xml", rec.Last().header.Get("Content-Type"))
	assert.Empty(t, rec.Last().body)

	// So do the answers to HEAD that fail: S3 sends the error document's
	// Content-Type without the document.
	_, err = c.HeadBucket(context.Background(), &s3.HeadBucketInput{Bucket: aws.String("missing")})
	_, status := apiError(t, err)
	assert.Equal(t, 404, status)
	assert.Equal(t, "application/xml", rec.Last().header.Get("Content-Type"))
	assert.Empty(t, rec.Last().body)
	_, err = c.HeadObject(context.Background(), &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("missing")})
	_, status = apiError(t, err)
	assert.Equal(t, 404, status)
	assert.Equal(t, "application/xml", rec.Last().header.Get("Content-Type"))
}
