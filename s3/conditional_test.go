package s3_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// status returns the HTTP status of a GetObject: 200/206 on success, the
// error's status otherwise.
func getStatus(t *testing.T, c *s3.Client, in *s3.GetObjectInput) int {
	t.Helper()
	out, err := c.GetObject(context.Background(), in)
	if err == nil {
		out.Body.Close()
		if out.ContentRange != nil {
			return 206
		}
		return 200
	}
	_, st := apiError(t, err)
	return st
}

// RFC 7232 as S3 applies it, with Last-Modified at one-second precision:
// each date condition just before, exactly at and just after the object's
// Last-Modified.
func TestGetObject_DateConditionsAtTheLastModifiedBoundary(t *testing.T) {
	_, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	clk.Advance(10*time.Second + 300*time.Millisecond)
	putObject(t, c, "bkt", "k", "v")
	lm := t0.Add(10 * time.Second)
	clk.Advance(time.Hour)

	in := func(mod func(*s3.GetObjectInput)) *s3.GetObjectInput {
		i := &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")}
		mod(i)
		return i
	}
	for _, tc := range []struct {
		name string
		in   func(*s3.GetObjectInput)
		want int
	}{
		{"If-Modified-Since just before", func(i *s3.GetObjectInput) { i.IfModifiedSince = aws.Time(lm.Add(-time.Second)) }, 200},
		{"If-Modified-Since exactly at", func(i *s3.GetObjectInput) { i.IfModifiedSince = aws.Time(lm) }, 304},
		{"If-Modified-Since just after", func(i *s3.GetObjectInput) { i.IfModifiedSince = aws.Time(lm.Add(time.Second)) }, 304},
		{"If-Modified-Since in the future is ignored", func(i *s3.GetObjectInput) { i.IfModifiedSince = aws.Time(clk.Now().Add(time.Hour)) }, 200},
		{"If-Unmodified-Since just before", func(i *s3.GetObjectInput) { i.IfUnmodifiedSince = aws.Time(lm.Add(-time.Second)) }, 412},
		{"If-Unmodified-Since exactly at", func(i *s3.GetObjectInput) { i.IfUnmodifiedSince = aws.Time(lm) }, 200},
		{"If-Unmodified-Since just after", func(i *s3.GetObjectInput) { i.IfUnmodifiedSince = aws.Time(lm.Add(time.Second)) }, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, getStatus(t, c, in(tc.in)))
		})
	}
}

// S3 GetObject: "If both of the If-Match and If-Unmodified-Since headers are
// present ... If-Match evaluates to true, and If-Unmodified-Since evaluates
// to false ... returns 200 OK"; "If-None-Match evaluates to false, and
// If-Modified-Since evaluates to true ... returns 304 Not Modified".
func TestGetObject_ETagConditionsTakePrecedenceOverDates(t *testing.T) {
	ctx := context.Background()
	_, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	put := putObject(t, c, "bkt", "k", "v")
	etag := aws.ToString(put.ETag)
	clk.Advance(time.Hour)
	past, future := t0.Add(-time.Hour), t0.Add(time.Minute)

	for _, tc := range []struct {
		name string
		in   s3.GetObjectInput
		want int
	}{
		{"If-Match true", s3.GetObjectInput{IfMatch: aws.String(etag)}, 200},
		{"If-Match unquoted", s3.GetObjectInput{IfMatch: aws.String(etag[1 : len(etag)-1])}, 200},
		{"If-Match star", s3.GetObjectInput{IfMatch: aws.String("*")}, 200},
		{"If-Match false", s3.GetObjectInput{IfMatch: aws.String(`"other"`)}, 412},
		{"If-Match in a list", s3.GetObjectInput{IfMatch: aws.String(`"other", ` + etag)}, 200},
		{"If-Match true overrides If-Unmodified-Since false", s3.GetObjectInput{IfMatch: aws.String(etag), IfUnmodifiedSince: aws.Time(past)}, 200},
		{"If-None-Match matching", s3.GetObjectInput{IfNoneMatch: aws.String(etag)}, 304},
		{"If-None-Match other", s3.GetObjectInput{IfNoneMatch: aws.String(`"other"`)}, 200},
		{"If-None-Match matching with If-Modified-Since true", s3.GetObjectInput{IfNoneMatch: aws.String(etag), IfModifiedSince: aws.Time(past)}, 304},
		{"If-None-Match other ignores If-Modified-Since", s3.GetObjectInput{IfNoneMatch: aws.String(`"other"`), IfModifiedSince: aws.Time(future)}, 200},
		{"If-Match false wins over If-None-Match", s3.GetObjectInput{IfMatch: aws.String(`"other"`), IfNoneMatch: aws.String(etag)}, 412},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in
			in.Bucket, in.Key = aws.String("bkt"), aws.String("k")
			assert.Equal(t, tc.want, getStatus(t, c, &in))
			head := s3.HeadObjectInput{Bucket: in.Bucket, Key: in.Key, IfMatch: in.IfMatch, IfNoneMatch: in.IfNoneMatch,
				IfModifiedSince: in.IfModifiedSince, IfUnmodifiedSince: in.IfUnmodifiedSince}
			_, err := c.HeadObject(ctx, &head)
			if tc.want == 200 {
				assert.NoError(t, err)
			} else {
				_, st := apiError(t, err)
				assert.Equal(t, tc.want, st, "HEAD answers as GET does")
			}
		})
	}
}

func TestGetObject_RangesAsS3ServesThem(t *testing.T) {
	_, c, _ := newS3(t, withChecksums)
	createBucket(t, c, "bkt")
	putObject(t, c, "bkt", "k", "hello world") // 11 bytes
	putObject(t, c, "bkt", "empty", "")
	for _, tc := range []struct {
		key, rng   string
		status     int
		body, cr   string
		checksumed bool
	}{
		{"k", "bytes=0-4", 206, "hello", "bytes 0-4/11", false},
		{"k", "bytes=6-", 206, "world", "bytes 6-10/11", false},
		{"k", "bytes=-3", 206, "rld", "bytes 8-10/11", false},
		{"k", "bytes=-100", 206, "hello world", "bytes 0-10/11", false},
		{"k", "bytes=5-100", 206, " world", "bytes 5-10/11", false},
		{"k", "bytes=10-10", 206, "d", "bytes 10-10/11", false},
		{"k", "bytes=11-", 416, "", "", false},
		{"k", "bytes=-0", 416, "", "", false},
		{"k", "bytes=5-2", 200, "hello world", "", true},
		{"k", "bytes=0-1,3-4", 200, "hello world", "", true},
		{"k", "items=0-1", 200, "hello world", "", true},
		{"empty", "bytes=0-", 416, "", "", false},
	} {
		t.Run(tc.key+" "+tc.rng, func(t *testing.T) {
			in := &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String(tc.key), Range: aws.String(tc.rng),
				ChecksumMode: "ENABLED"}
			if tc.status == 416 {
				_, err := c.GetObject(context.Background(), in)
				requireCode(t, err, "InvalidRange", 416)
				return
			}
			body, out := getBody(t, c, in)
			assert.Equal(t, tc.body, body)
			assert.Equal(t, tc.cr, aws.ToString(out.ContentRange))
			assert.Equal(t, int64(len(tc.body)), aws.ToInt64(out.ContentLength))
			assert.Equal(t, tc.checksumed, out.ChecksumCRC32 != nil || out.ChecksumCRC64NVME != nil,
				"a checksum is returned for whole objects only, never for ranges")
		})
	}
}

func TestGetObject_NotModifiedCarriesTheETag(t *testing.T) {
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	put := putObject(t, c, "bkt", "k", "v")
	_, err := c.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), IfNoneMatch: put.ETag})
	_, st := apiError(t, err)
	require.Equal(t, 304, st)
}
