package cloudwatch_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// s3Values are the one-minute sums of AWS/S3 request metrics of one
// bucket's metrics configuration, by name.
func s3Values(t *testing.T, f *fixture, bucket, filter string, names ...string) map[string][]float64 {
	t.Helper()
	var qs []types.MetricDataQuery
	for i, n := range names {
		qs = append(qs, types.MetricDataQuery{Id: aws.String("m" + string(rune('a'+i))), MetricStat: &types.MetricStat{Metric: &types.Metric{
			Namespace: aws.String("AWS/S3"), MetricName: aws.String(n),
			Dimensions: []types.Dimension{{Name: aws.String("BucketName"), Value: aws.String(bucket)},
				{Name: aws.String("FilterId"), Value: aws.String(filter)}}},
			Period: aws.Int32(60), Stat: aws.String("Sum")}})
	}
	out, err := f.client.GetMetricData(f.ctx, &awscw.GetMetricDataInput{StartTime: aws.Time(t0.Add(-time.Hour)),
		EndTime: aws.Time(t0.Add(time.Hour)), MetricDataQueries: qs, ScanBy: types.ScanByTimestampAscending})
	require.NoError(t, err)
	values := map[string][]float64{}
	for _, r := range out.MetricDataResults {
		if len(r.Values) > 0 {
			values[aws.ToString(r.Label)] = r.Values
		}
	}
	return values
}

// s3Fixture is a bucket "media" with five metrics configurations (the
// whole bucket, prefix img/, tag env=prod, prefix doc/ and tag env=prod,
// an access point) and a bucket "plain" with none.
func s3Fixture(t *testing.T, f *fixture) *awss3.Client {
	t.Helper()
	c := awss3.NewFromConfig(f.cloud.AWSConfig(), func(o *awss3.Options) { o.UsePathStyle = true })
	for _, b := range []string{"media", "plain"} {
		_, err := c.CreateBucket(f.ctx, &awss3.CreateBucketInput{Bucket: aws.String(b)})
		require.NoError(t, err)
	}
	for _, m := range []s3types.MetricsConfiguration{{Id: aws.String("EntireBucket")},
		{Id: aws.String("images"), Filter: &s3types.MetricsFilterMemberPrefix{Value: "img/"}},
		{Id: aws.String("prod"), Filter: &s3types.MetricsFilterMemberTag{Value: s3types.Tag{Key: aws.String("env"), Value: aws.String("prod")}}},
		{Id: aws.String("docprod"), Filter: &s3types.MetricsFilterMemberAnd{Value: s3types.MetricsAndOperator{Prefix: aws.String("doc/"),
			Tags: []s3types.Tag{{Key: aws.String("env"), Value: aws.String("prod")}}}}},
		{Id: aws.String("ap"), Filter: &s3types.MetricsFilterMemberAccessPointArn{Value: "arn:aws:s3:us-east-1:000000000000:accesspoint/ap"}}} {
		_, err := c.PutBucketMetricsConfiguration(f.ctx, &awss3.PutBucketMetricsConfigurationInput{Bucket: aws.String("media"),
			Id: m.Id, MetricsConfiguration: &m})
		require.NoError(t, err)
	}
	return c
}

// A bucket's requests are AWS/S3 request metrics by BucketName and
// FilterId for each metrics configuration they match (S3 User Guide,
// "Metrics and dimensions"); each minute is its own datapoint; a bucket
// without a configuration reports none.
func TestStandard_S3RequestMetrics(t *testing.T) {
	f := newFixture(t)
	c := s3Fixture(t, f)
	put := func(bucket, key, body, tagging string) {
		in := &awss3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), Body: strings.NewReader(body)}
		if tagging != "" {
			in.Tagging = aws.String(tagging)
		}
		_, err := c.PutObject(f.ctx, in)
		require.NoError(t, err)
	}
	get := func(bucket, key string) error {
		out, err := c.GetObject(f.ctx, &awss3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
		if err == nil {
			_, err = io.Copy(io.Discard, out.Body)
			out.Body.Close()
		}
		return err
	}
	put("media", "img/a.png", "hello", "env=prod")
	require.NoError(t, get("media", "img/a.png"))
	var nsk *s3types.NoSuchKey
	require.True(t, errors.As(get("media", "missing"), &nsk))
	_, err := c.ListObjectsV2(f.ctx, &awss3.ListObjectsV2Input{Bucket: aws.String("media")})
	require.NoError(t, err)
	put("media", "doc.txt", "hi", "")
	_, err = c.HeadObject(f.ctx, &awss3.HeadObjectInput{Bucket: aws.String("media"), Key: aws.String("doc.txt")})
	require.NoError(t, err)
	put("plain", "x", "data", "")
	f.clk.Advance(59 * time.Second) // the last instant of the first minute
	_, err = c.DeleteObject(f.ctx, &awss3.DeleteObjectInput{Bucket: aws.String("media"), Key: aws.String("doc.txt")})
	require.NoError(t, err)
	f.clk.Advance(time.Second) // the next minute
	require.NoError(t, get("media", "img/a.png"))

	names := []string{"AllRequests", "GetRequests", "PutRequests", "DeleteRequests", "HeadRequests", "PostRequests",
		"ListRequests", "BytesUploaded", "BytesDownloaded", "4xxErrors", "5xxErrors", "FirstByteLatency", "TotalRequestLatency"}
	whole := s3Values(t, f, "media", "EntireBucket", names...)
	// Seven requests on objects and the bucket, and the four
	// PutBucketMetricsConfiguration requests after the first configuration.
	assert.Equal(t, []float64{11, 1}, whole["AllRequests"])
	assert.Equal(t, []float64{2, 1}, whole["GetRequests"])
	assert.Equal(t, []float64{2}, whole["PutRequests"])
	assert.Equal(t, []float64{1}, whole["DeleteRequests"])
	assert.Equal(t, []float64{1}, whole["HeadRequests"])
	assert.Equal(t, []float64{1}, whole["ListRequests"])
	assert.Equal(t, []float64{1, 0}, whole["4xxErrors"])
	assert.Equal(t, []float64{0, 0}, whole["5xxErrors"])
	assert.Equal(t, []float64{0, 0}, whole["TotalRequestLatency"], "no time passes on the cloud clock within a request")
	assert.NotContains(t, whole, "PostRequests")

	images := s3Values(t, f, "media", "images", names...)
	assert.Equal(t, []float64{2, 1}, images["AllRequests"])
	assert.Equal(t, []float64{5}, images["BytesUploaded"])
	assert.Equal(t, []float64{5, 5}, images["BytesDownloaded"])
	prod := s3Values(t, f, "media", "prod", "AllRequests", "PutRequests")
	assert.Equal(t, map[string][]float64{"AllRequests": {2, 1}, "PutRequests": {1}}, prod)
	assert.Empty(t, s3Values(t, f, "media", "docprod", "AllRequests"), "doc.txt is not under doc/, img/a.png not either")
	assert.Empty(t, s3Values(t, f, "media", "ap", "AllRequests"), "no request comes through an access point")

	list, err := f.client.ListMetrics(f.ctx, &awscw.ListMetricsInput{Namespace: aws.String("AWS/S3"),
		Dimensions: []types.DimensionFilter{{Name: aws.String("BucketName"), Value: aws.String("plain")}}})
	require.NoError(t, err)
	assert.Empty(t, list.Metrics, "a bucket without a metrics configuration reports no request metrics")
}

// Deleting a bucket's last metrics configuration stops its request
// metrics; putting one again resumes them.
func TestStandard_S3RequestMetricsFollowTheConfiguration(t *testing.T) {
	f := newFixture(t)
	c := s3Fixture(t, f)
	for _, id := range []string{"EntireBucket", "images", "prod", "docprod", "ap"} {
		_, err := c.DeleteBucketMetricsConfiguration(f.ctx, &awss3.DeleteBucketMetricsConfigurationInput{Bucket: aws.String("media"), Id: aws.String(id)})
		require.NoError(t, err)
	}
	list := func() {
		_, err := c.ListObjectsV2(f.ctx, &awss3.ListObjectsV2Input{Bucket: aws.String("media")})
		require.NoError(t, err)
	}
	list()
	// The fixture's four PutBucketMetricsConfiguration requests after the
	// first configuration, and nothing since the last was deleted.
	assert.Equal(t, map[string][]float64{"AllRequests": {4}}, s3Values(t, f, "media", "EntireBucket", "AllRequests", "ListRequests"))
	m := s3types.MetricsConfiguration{Id: aws.String("EntireBucket")}
	_, err := c.PutBucketMetricsConfiguration(f.ctx, &awss3.PutBucketMetricsConfigurationInput{Bucket: aws.String("media"),
		Id: m.Id, MetricsConfiguration: &m})
	require.NoError(t, err)
	list()
	assert.Equal(t, map[string][]float64{"AllRequests": {5}, "ListRequests": {1}}, s3Values(t, f, "media", "EntireBucket", "AllRequests", "ListRequests"))
}

// DeleteObjects counts as a DeleteRequest, not a PostRequest; a 500 is a
// 5xxError (the SDK's retry a second request); the latencies are the
// cloud clock's, here an injected 150 ms before GetObject runs.
func TestStandard_S3RequestMetricsErrorsAndLatency(t *testing.T) {
	f := newFixture(t)
	c := s3Fixture(t, f)
	f.clk.Advance(time.Minute) // past the fixture's four configuration requests, counted in the first minute
	_, err := c.PutObject(f.ctx, &awss3.PutObjectInput{Bucket: aws.String("media"), Key: aws.String("doc/x"), Body: strings.NewReader("x")})
	require.NoError(t, err)
	_, err = c.DeleteObjects(f.ctx, &awss3.DeleteObjectsInput{Bucket: aws.String("media"),
		Delete: &s3types.Delete{Objects: []s3types.ObjectIdentifier{{Key: aws.String("doc/x")}, {Key: aws.String("doc/y")}}}})
	require.NoError(t, err)
	f.cloud.S3().InjectFault("HeadObject", "InternalError", 1)
	_, err = c.HeadObject(f.ctx, &awss3.HeadObjectInput{Bucket: aws.String("media"), Key: aws.String("img/none")})
	var nf *s3types.NotFound
	require.True(t, errors.As(err, &nf), "the retry answers 404: %v", err)

	f.cloud.S3().InjectLatency("GetObject", 150*time.Millisecond)
	done := make(chan error, 1)
	go func() {
		_, err := c.GetObject(f.ctx, &awss3.GetObjectInput{Bucket: aws.String("media"), Key: aws.String("img/none")})
		done <- err
	}()
	require.NoError(t, f.clk.BlockUntil(f.ctx, 1))
	f.clk.Advance(150 * time.Millisecond)
	var nsk *s3types.NoSuchKey
	require.True(t, errors.As(<-done, &nsk))

	got := s3Values(t, f, "media", "EntireBucket", "AllRequests", "PutRequests", "DeleteRequests", "PostRequests",
		"HeadRequests", "GetRequests", "4xxErrors", "5xxErrors", "FirstByteLatency", "TotalRequestLatency")
	assert.Equal(t, map[string][]float64{"AllRequests": {4, 5}, "PutRequests": {1}, "DeleteRequests": {1}, "HeadRequests": {2},
		"GetRequests": {1}, "4xxErrors": {0, 2}, "5xxErrors": {0, 1}, "FirstByteLatency": {0, 150}, "TotalRequestLatency": {0, 150}}, got)
}

// Concurrent requests to a metered bucket are each counted once.
func TestStandard_S3RequestMetricsConcurrent(t *testing.T) {
	f := newFixture(t)
	c := s3Fixture(t, f)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				_, err := c.PutObject(f.ctx, &awss3.PutObjectInput{Bucket: aws.String("media"), Key: aws.String(fmt.Sprintf("img/%d-%d", g, i)),
					Body: strings.NewReader("ab")})
				assert.NoError(t, err)
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, map[string][]float64{"PutRequests": {160}, "BytesUploaded": {320}},
		s3Values(t, f, "media", "images", "PutRequests", "BytesUploaded"))
}
