package s3_test

import (
	"context"
	"io"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/awsfake/awsfake"
	s3fake "github.com/awsfake/awsfake/s3"
)

// BenchmarkGetObject_SDK_RequestMetrics is an SDK GetObject of a 1-byte
// object in a bucket without a metrics configuration while no bucket has
// one (none, the floor), while another bucket has one (other), and in a
// bucket with one configuration of the whole bucket (metered: the
// ResponseWriter wrapper and 10 counter increments).
func BenchmarkGetObject_SDK_RequestMetrics(b *testing.B) {
	for _, mode := range []string{"none", "other", "metered"} {
		b.Run(mode, func(b *testing.B) {
			cloud := awsfake.New()
			defer cloud.Close()
			ctx := context.Background()
			c := s3.NewFromConfig(cloud.AWSConfig(), func(o *s3.Options) { o.UsePathStyle = true })
			for _, name := range []string{"bkt", "other"} {
				if _, err := cloud.S3().CreateBucket(ctx, s3fake.CreateBucketInput{Bucket: name}); err != nil {
					b.Fatal(err)
				}
			}
			if _, err := cloud.S3().PutObject(ctx, s3fake.PutObjectInput{Bucket: "bkt", Key: "k", Body: []byte("x")}); err != nil {
				b.Fatal(err)
			}
			if mode != "none" {
				bucket := map[string]string{"other": "other", "metered": "bkt"}[mode]
				m := &types.MetricsConfiguration{Id: aws.String("EntireBucket")}
				if _, err := c.PutBucketMetricsConfiguration(ctx, &s3.PutBucketMetricsConfigurationInput{Bucket: aws.String(bucket),
					Id: m.Id, MetricsConfiguration: m}); err != nil {
					b.Fatal(err)
				}
			}
			in := &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")}
			b.ReportAllocs()
			for b.Loop() {
				out, err := c.GetObject(ctx, in)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, out.Body)
				out.Body.Close()
			}
		})
	}
}
