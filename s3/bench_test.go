package s3_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/awsfake/awsfake"
	s3fake "github.com/awsfake/awsfake/s3"
)

// fill creates bucket "bkt" holding n small objects whose keys spread over
// 100 prefixes: p00/k0000000 ...
func fill(b *testing.B, s *s3fake.Service, n int) {
	b.Helper()
	ctx := context.Background()
	if _, err := s.CreateBucket(ctx, s3fake.CreateBucketInput{Bucket: "bkt"}); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		key := fmt.Sprintf("p%02d/k%07d", i%100, i)
		if _, err := s.PutObject(ctx, s3fake.PutObjectInput{Bucket: "bkt", Key: key, Body: []byte("x")}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPutObject_GoAPI_1KiB(b *testing.B) {
	cloud := awsfake.New()
	defer cloud.Close()
	s := cloud.S3()
	fill(b, s, 0)
	body := bytes.Repeat([]byte("x"), 1024)
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	i := 0
	for b.Loop() {
		if _, err := s.PutObject(ctx, s3fake.PutObjectInput{Bucket: "bkt", Key: fmt.Sprint(i), Body: body}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkPutGetObject_SDK_64KiB(b *testing.B) {
	cloud := awsfake.New()
	defer cloud.Close()
	c := s3.NewFromConfig(cloud.AWSConfig())
	fill(b, cloud.S3(), 0)
	body := bytes.Repeat([]byte("x"), 64<<10)
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(2 * int64(len(body)))
	for b.Loop() {
		if _, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Body: bytes.NewReader(body)}); err != nil {
			b.Fatal(err)
		}
		out, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, out.Body)
		out.Body.Close()
	}
}

// benchListObjectsV2 lists in buckets of 1,000 and 100,000 keys (see fill);
// count picks what each answer must hold 100 of.
func benchListObjectsV2(b *testing.B, in s3fake.ListObjectsV2Input, count func(s3fake.ListObjectsV2Output) int) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprintf("keys=%d", n), func(b *testing.B) {
			cloud := awsfake.New()
			defer cloud.Close()
			s := cloud.S3()
			fill(b, s, n)
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				out, err := s.ListObjectsV2(ctx, in)
				if err != nil || count(out) != 100 {
					b.Fatal(err, count(out))
				}
			}
		})
	}
}

// A page of 100 keys from the middle of the bucket costs about the same
// whatever the bucket holds: keys live in an ordered index.
func BenchmarkListObjectsV2_PageOf100(b *testing.B) {
	benchListObjectsV2(b, s3fake.ListObjectsV2Input{Bucket: "bkt", MaxKeys: aws.Int(100), StartAfter: "p50/"},
		func(out s3fake.ListObjectsV2Output) int { return len(out.Contents) })
}

// Rolling the whole bucket up into its 100 common prefixes jumps over the
// keys under each prefix instead of reading them.
func BenchmarkListObjectsV2_Delimiter(b *testing.B) {
	benchListObjectsV2(b, s3fake.ListObjectsV2Input{Bucket: "bkt", Delimiter: "/"},
		func(out s3fake.ListObjectsV2Output) int { return len(out.CommonPrefixes) })
}
