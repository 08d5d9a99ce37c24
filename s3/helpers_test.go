package s3_test

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// t0 is the time every fake clock of these tests starts at.
var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// newS3 returns a cloud on a fake clock and an SDK client for it, virtual-
// hosted style unless an option says otherwise.
func newS3(t *testing.T, opts ...func(*s3.Options)) (*awsfake.Cloud, *s3.Client, *clock.Fake) {
	t.Helper()
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk), awsfake.WithSeed(1))
	return cloud, s3.NewFromConfig(cloud.AWSConfig(), opts...), clk
}

// pathStyle makes a client address buckets in the path.
func pathStyle(o *s3.Options) { o.UsePathStyle = true }

// withChecksums makes a client send and validate checksums, as
// config.LoadDefaultConfig's defaults do.
func withChecksums(o *s3.Options) {
	o.RequestChecksumCalculation = aws.RequestChecksumCalculationWhenSupported
	o.ResponseChecksumValidation = aws.ResponseChecksumValidationWhenSupported
}

func createBucket(t *testing.T, c *s3.Client, name string) {
	t.Helper()
	_, err := c.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(name)})
	require.NoError(t, err)
}

func putObject(t *testing.T, c *s3.Client, bucket, key, body string) *s3.PutObjectOutput {
	t.Helper()
	out, err := c.PutObject(context.Background(), &s3.PutObjectInput{
		Bucket: aws.String(bucket), Key: aws.String(key), Body: bytes.NewReader([]byte(body))})
	require.NoError(t, err)
	return out
}

func getBody(t *testing.T, c *s3.Client, in *s3.GetObjectInput) (string, *s3.GetObjectOutput) {
	t.Helper()
	out, err := c.GetObject(context.Background(), in)
	require.NoError(t, err)
	defer out.Body.Close()
	b, err := io.ReadAll(out.Body)
	require.NoError(t, err)
	return string(b), out
}

// apiError returns the code and HTTP status of an SDK error.
func apiError(t *testing.T, err error) (string, int) {
	t.Helper()
	require.Error(t, err)
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae), "not an API error: %v", err)
	status := 0
	var re *smithyhttp.ResponseError
	if errors.As(err, &re) {
		status = re.HTTPStatusCode()
	}
	return ae.ErrorCode(), status
}

// requireCode fails unless err is the API error code with status.
func requireCode(t *testing.T, err error, code string, status int) {
	t.Helper()
	gotCode, gotStatus := apiError(t, err)
	require.Equal(t, code, gotCode, "%v", err)
	require.Equal(t, status, gotStatus, "%v", err)
}

func enableVersioning(t *testing.T, c *s3.Client, bucket string) {
	t.Helper()
	_, err := c.PutBucketVersioning(context.Background(), &s3.PutBucketVersioningInput{Bucket: aws.String(bucket),
		VersioningConfiguration: &types.VersioningConfiguration{Status: types.BucketVersioningStatusEnabled}})
	require.NoError(t, err)
}

func md5hex(b []byte) string {
	s := md5.Sum(b)
	return hex.EncodeToString(s[:])
}

func decodeB64(s string) ([]byte, error) { return base64.StdEncoding.DecodeString(s) }
