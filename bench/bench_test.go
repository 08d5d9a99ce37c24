package bench_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/awsfake/awsfake"
)

// BenchmarkCloudNewClose builds and closes a whole cloud, every service
// included: what each test pays for a fresh one.
func BenchmarkCloudNewClose(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		c := awsfake.New()
		_ = c.Close()
	}
}

// BenchmarkHTTPTestServerNewClose is the yardstick: an empty httptest server
// on a loopback socket, started and closed.
func BenchmarkHTTPTestServerNewClose(b *testing.B) {
	h := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	b.ReportAllocs()
	for b.Loop() {
		s := httptest.NewServer(h)
		s.Close()
	}
}

// BenchmarkSTSGetCallerIdentity is one call of the real SDK client through
// AWSConfig's in-memory transport: signing, serialising, dispatch, the STS
// engine and the XML response.
func BenchmarkSTSGetCallerIdentity(b *testing.B) {
	cloud := awsfake.New()
	defer cloud.Close()
	client := sts.NewFromConfig(cloud.AWSConfig())
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildableHTTPClient compares GetCallerIdentity through
// AWSConfig's in-memory RoundTripper (the floor) with the same call
// through LoadOptions' BuildableHTTPClient (an http.Transport on in-memory
// pipe connections), alternating in each iteration: the ratio is what
// LoadDefaultConfig's path costs.
func BenchmarkBuildableHTTPClient(b *testing.B) {
	cloud := awsfake.New()
	b.Cleanup(func() { _ = cloud.Close() })
	piped := cloud.AWSConfig()
	piped.HTTPClient = cloud.BuildableHTTPClient()
	clients := [2]*sts.Client{sts.NewFromConfig(cloud.AWSConfig()), sts.NewFromConfig(piped)}
	alternate(b, func(i int) error {
		_, err := clients[i].GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
		return err
	}, "roundtripper-ns/call", "pipe-ns/call")
}

// BenchmarkRetriedCall compares an S3 ListObjectsV2 that succeeds at once
// (the floor) with one whose first attempt gets an injected SlowDown and
// is retried by AWSConfig's retryer: with no backoff, the retry costs one
// more call, not the SDK's backoff of up to 20 s.
func BenchmarkRetriedCall(b *testing.B) {
	cloud := awsfake.New()
	b.Cleanup(func() { _ = cloud.Close() })
	client := s3.NewFromConfig(cloud.AWSConfig(), func(o *s3.Options) { o.UsePathStyle = true })
	ctx := context.Background()
	if _, err := client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("bench")}); err != nil {
		b.Fatal(err)
	}
	alternate(b, func(i int) error {
		if i == 1 {
			cloud.S3().InjectFault("ListObjectsV2", "SlowDown", 1)
		}
		_, err := client.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("bench")})
		return err
	}, "first-try-ns/call", "retried-ns/call")
}
