package sts_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go-v2/service/sts/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/servicetest"
	stsfake "github.com/awsfake/awsfake/sts"
)

var deployer = stsfake.AssumeRoleInput{RoleArn: "arn:aws:iam::000000000000:role/deployer", RoleSessionName: "ci"}

// An injected fault reaches the SDK as STS's typed error with STS's
// status, the next calls fail in the order the faults were injected, and
// the log lists every call.
func TestInjectFault_TypedErrorWithSTSStatus(t *testing.T) {
	t0 := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	cloud := awsfake.NewT(t, awsfake.WithClock(clock.NewFake(t0)))
	ctx := context.Background()
	client := sts.NewFromConfig(cloud.AWSConfig())
	cloud.STS().InjectFault("AssumeRole", "RegionDisabledException", 1)
	cloud.STS().InjectFault("AssumeRole", "MalformedPolicyDocument", 1)
	in := &sts.AssumeRoleInput{RoleArn: aws.String(deployer.RoleArn), RoleSessionName: aws.String(deployer.RoleSessionName)}

	_, err := client.AssumeRole(ctx, in)
	var disabled *types.RegionDisabledException
	require.ErrorAs(t, err, &disabled)
	var re *smithyhttp.ResponseError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 403, re.HTTPStatusCode())
	_, err = client.AssumeRole(ctx, in)
	var malformed *types.MalformedPolicyDocumentException
	require.ErrorAs(t, err, &malformed)
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 400, re.HTTPStatusCode())
	_, err = client.AssumeRole(ctx, in)
	require.NoError(t, err)

	var failed []string
	for _, c := range cloud.STS().Calls() {
		assert.Equal(t, "AssumeRole", c.Operation)
		assert.Equal(t, t0, c.At)
		if c.Err != nil {
			failed = append(failed, c.Err.(smithy.APIError).ErrorCode())
		}
	}
	assert.Equal(t, []string{"RegionDisabledException", "MalformedPolicyDocument"}, failed)
}

// A failed call issues nothing: the credentials issued next are those a
// cloud that never saw the failure issues first.
func TestInjectFault_IssuesNothing(t *testing.T) {
	ctx := context.Background()
	faulty := awsfake.NewT(t, awsfake.WithSeed(7))
	faulty.STS().InjectFault("AssumeRole", "Throttling", 0)
	_, err := faulty.STS().AssumeRole(ctx, deployer)
	var ae smithy.APIError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "Throttling", ae.ErrorCode())
	faulty.STS().ClearFaults()
	got, err := faulty.STS().AssumeRole(ctx, deployer)
	require.NoError(t, err)

	want, err := awsfake.NewT(t, awsfake.WithSeed(7)).STS().AssumeRole(ctx, deployer)
	require.NoError(t, err)
	assert.Equal(t, want.Credentials, got.Credentials)
}

// Common and unknown codes, and the panic on an unknown operation.
func TestInjectFault_CommonAndUnknownCodes(t *testing.T) {
	cloud := awsfake.NewT(t)
	client := sts.NewFromConfig(cloud.AWSConfig(), func(o *sts.Options) { o.RetryMaxAttempts = 1 })
	for _, tc := range []struct {
		code   string
		status int
	}{{"ServiceUnavailable", 503}, {"ExpiredToken", 403}, {"Gremlins", 400}} {
		cloud.STS().InjectFault("GetCallerIdentity", tc.code, 1)
		_, err := client.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
		var ae smithy.APIError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, tc.code, ae.ErrorCode())
		var re *smithyhttp.ResponseError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, tc.status, re.HTTPStatusCode())
	}
	assert.PanicsWithValue(t, `sts.InjectFault: unknown operation "Fly"`, func() { cloud.STS().InjectFault("Fly", "Throttling", 1) })
}

// fixture is a cloud on a fake clock and an STS client signed with the
// test keys.
type fixture struct {
	cloud  *awsfake.Cloud
	clk    *clock.Fake
	client *sts.Client
}

func newFixture(t *testing.T) *fixture {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.NewT(t, awsfake.WithClock(clk))
	return &fixture{cloud: cloud, clk: clk, client: sts.NewFromConfig(cloud.AWSConfig())}
}

// as returns a client signed with the temporary credentials c.
func (f *fixture) as(c *types.Credentials) *sts.Client {
	cfg := f.cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(c.AccessKeyId), aws.ToString(c.SecretAccessKey), aws.ToString(c.SessionToken))
	return sts.NewFromConfig(cfg)
}

// The real ExpiredToken (credentials past their expiry) and the code
// injected with InjectFault reach the SDK alike.
func TestInjectFault_AnswersAsTheRealError(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	out, err := f.client.GetSessionToken(ctx, &sts.GetSessionTokenInput{DurationSeconds: aws.Int32(900)})
	require.NoError(t, err)
	f.clk.Advance(900 * time.Second)
	_, real := f.as(out.Credentials).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	awsfake.CheckCode(t, real, "ExpiredToken")
	f.cloud.STS().InjectFault("GetCallerIdentity", "ExpiredToken", 1)
	_, injected := f.client.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	servicetest.CheckSameAnswer(t, real, injected)
}

// An injected latency parks the call on the cloud clock until the test
// advances it; it never sleeps.
func TestInjectLatency_TheCallWaitsForTheClock(t *testing.T) {
	f := newFixture(t)
	f.cloud.STS().InjectLatency("GetCallerIdentity", time.Minute)
	done := make(chan error, 1)
	go func() {
		_, err := f.client.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
		done <- err
	}()
	require.NoError(t, f.clk.BlockUntil(context.Background(), 1))
	select {
	case err := <-done:
		t.Fatalf("the call returned before the clock moved: %v", err)
	default:
	}
	f.clk.Advance(time.Minute)
	require.NoError(t, <-done)
	f.cloud.STS().ClearFaults()
	_, err := f.client.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	require.NoError(t, err, "ClearFaults removes the latency")
}
