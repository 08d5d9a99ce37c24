package s3_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/servicetest"
	s3fake "github.com/awsfake/awsfake/s3"
)

// Every operation of the SDK's S3 client is in the wire table, and nothing
// else but PostObject, the browser form upload, and PreflightRequest, the
// browser's CORS preflight (OPTIONS), which no SDK calls.
func TestServed_EveryOperationOfTheSDKClient(t *testing.T) {
	all := s3fake.Operations()
	require.Contains(t, all, "PostObject")
	require.Contains(t, all, "PreflightRequest")
	browserOnly := func(op string) bool { return op == "PostObject" || op == "PreflightRequest" }
	servicetest.CheckServed(t, &s3.Client{}, slices.DeleteFunc(all, browserOnly))
}

// Every code the package raises is in its catalogue.
func TestCatalogue_HoldsEveryCodeRaised(t *testing.T) {
	servicetest.CheckCatalogue(t, ".", s3fake.Errs)
}

// Issue 8: GetBucketCors on a bucket without CORS answered 404
// NoSuchCORSConfiguration, and the same code injected answered 400, as it
// was missing from the fault catalogue. Both are 404 now.
func TestNoSuchCORSConfiguration_RealAndInjectedAnswerAlike(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t, noBackoff)
	createBucket(t, c, "bkt")
	_, real := c.GetBucketCors(ctx, &s3.GetBucketCorsInput{Bucket: aws.String("bkt")})
	requireCode(t, real, "NoSuchCORSConfiguration", 404)
	cloud.S3().InjectFault("GetBucketCors", "NoSuchCORSConfiguration", 1)
	_, injected := c.GetBucketCors(ctx, &s3.GetBucketCorsInput{Bucket: aws.String("bkt")})
	servicetest.CheckSameAnswer(t, real, injected)
	requireCode(t, injected, "NoSuchCORSConfiguration", 404)
}

// Every code S3 raises answers with the same status whether the engine
// raises it or InjectFault injects it; a few through the SDK.
func TestInjectFault_AnswersAsTheRealErrors(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t, noBackoff)
	createBucket(t, c, "bkt")
	_, noTags := c.GetBucketTagging(ctx, &s3.GetBucketTaggingInput{Bucket: aws.String("bkt")})
	_, noPolicy := c.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: aws.String("bkt")})
	_, noKey := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	_, badName := c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("Bad_Name")})
	for _, tc := range []struct {
		op   string
		real error
		call func() error
	}{
		{"GetBucketTagging", noTags, func() error {
			_, err := c.GetBucketTagging(ctx, &s3.GetBucketTaggingInput{Bucket: aws.String("bkt")})
			return err
		}},
		{"GetBucketPolicy", noPolicy, func() error {
			_, err := c.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: aws.String("bkt")})
			return err
		}},
		{"GetObject", noKey, func() error {
			_, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
			return err
		}},
		{"CreateBucket", badName, func() error {
			_, err := c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("other")})
			return err
		}},
	} {
		_, code := servicetest.Status(tc.real)
		cloud.S3().InjectFault(tc.op, code, 1)
		servicetest.CheckSameAnswer(t, tc.real, tc.call())
	}
}

// InjectLatency parks the call on the cloud clock, counted by BlockUntil,
// until the test advances the clock; it never sleeps.
func TestInjectLatency_ParksTheCallOnTheCloudClock(t *testing.T) {
	ctx := context.Background()
	cloud, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	cloud.S3().InjectLatency("HeadBucket", 3*time.Second)
	done := make(chan error, 1)
	go func() {
		_, err := c.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String("bkt")})
		done <- err
	}()
	require.NoError(t, clk.BlockUntil(ctx, 1))
	clk.Advance(3*time.Second - time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("the call returned (%v) before its latency was over", err)
	default:
	}
	clk.Advance(time.Millisecond)
	require.NoError(t, <-done)
	calls := cloud.S3().Calls()
	assert.Equal(t, t0.Add(3*time.Second), calls[len(calls)-1].At, "recorded when it runs")

	cloud.S3().ClearFaults()
	_, err := c.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String("bkt")})
	require.NoError(t, err, "ClearFaults removes the latency")
	assert.Panics(t, func() { cloud.S3().InjectLatency("Fly", time.Second) })
}

// An operation the fake does not serve is bound by name: it is recorded
// and answers NotImplemented, or the fault injected for it.
func TestUnsupportedOperations_AreBoundByName(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t, noBackoff)
	createBucket(t, c, "bkt")
	_, err := c.GetObjectTorrent(ctx, &s3.GetObjectTorrentInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	requireCode(t, err, "NotImplemented", 501)
	calls := cloud.S3().Calls()
	assert.Equal(t, s3fake.Call{Operation: "GetObjectTorrent", Bucket: "bkt", Key: "k", At: t0}, calls[len(calls)-1])
	cloud.S3().InjectFault("GetObjectAcl", "AccessDenied", 1)
	_, err = c.GetObjectAcl(ctx, &s3.GetObjectAclInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	requireCode(t, err, "AccessDenied", 403)
}

// Every operation of the Go API starts with enter: the call log, faults,
// latency and the caller's scope.
func TestServed_EveryOperationStartsWithEnter(t *testing.T) {
	servicetest.CheckEnterFirst(t, ".", s3fake.Operations())
}
