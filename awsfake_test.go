package awsfake_test

import (
	"context"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

func TestNew_Defaults(t *testing.T) {
	cloud := awsfake.NewT(t)
	assert.Equal(t, "us-east-1", cloud.Region())
	assert.Equal(t, "000000000000", cloud.AccountID())
	assert.Equal(t, awsfake.DefaultURL, cloud.URL())
	assert.NotNil(t, cloud.Clock())
	assert.NotNil(t, cloud.Handler())
	assert.NotNil(t, cloud.STS())

	cfg := cloud.AWSConfig()
	assert.Equal(t, "us-east-1", cfg.Region)
	assert.Equal(t, awsfake.DefaultURL, aws.ToString(cfg.BaseEndpoint))
	creds, err := cfg.Credentials.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, awsfake.TestAccessKeyID, creds.AccessKeyID)
	assert.Equal(t, awsfake.TestSecretAccessKey, creds.SecretAccessKey)
	assert.NotNil(t, cfg.HTTPClient)
}

func TestNew_Options(t *testing.T) {
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk), awsfake.WithRegion("eu-west-1"),
		awsfake.WithAccountID("123456789012"), awsfake.WithURL("http://127.0.0.1:4566"), awsfake.WithSeed(1))
	assert.Same(t, clk, cloud.Clock())
	assert.Equal(t, "eu-west-1", cloud.Region())
	assert.Equal(t, "123456789012", cloud.AccountID())
	assert.Equal(t, "http://127.0.0.1:4566", cloud.URL())
	cfg := cloud.AWSConfig()
	assert.Equal(t, "eu-west-1", cfg.Region)
	assert.Equal(t, "http://127.0.0.1:4566", aws.ToString(cfg.BaseEndpoint))

	out, err := sts.NewFromConfig(cfg).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	require.NoError(t, err, "served in memory even with a URL that names a real address")
	assert.Equal(t, "123456789012", aws.ToString(out.Account))
}

func TestNewT_RegistersClose(t *testing.T) {
	rec := &cleanupRecorder{TB: t}
	cloud := awsfake.NewT(rec)
	require.Len(t, rec.fns, 1)
	rec.fns[0]()
	assert.NoError(t, cloud.Close(), "Close after the cleanup's Close is a no-op")
}

type cleanupRecorder struct {
	testing.TB
	fns []func()
}

func (c *cleanupRecorder) Cleanup(f func()) { c.fns = append(c.fns, f) }

func TestAWSConfig_DrivesTheRealSTSClientInMemory(t *testing.T) {
	cloud := awsfake.NewT(t, awsfake.WithAccountID("111122223333"))
	client := sts.NewFromConfig(cloud.AWSConfig())
	out, err := client.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "111122223333", aws.ToString(out.Account))
	assert.Equal(t, "arn:aws:iam::111122223333:root", aws.ToString(out.Arn))
}

func TestCloud_TwoCloudsShareNothing(t *testing.T) {
	a := awsfake.NewT(t, awsfake.WithAccountID("111111111111"))
	b := awsfake.NewT(t, awsfake.WithAccountID("222222222222"))
	ctx := context.Background()

	role, err := sts.NewFromConfig(a.AWSConfig()).AssumeRole(ctx, &sts.AssumeRoleInput{
		RoleArn: aws.String("arn:aws:iam::111111111111:role/r"), RoleSessionName: aws.String("session")})
	require.NoError(t, err)
	c := role.Credentials
	withRole := func(cloud *awsfake.Cloud) *sts.Client {
		cfg := cloud.AWSConfig()
		cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(c.AccessKeyId), aws.ToString(c.SecretAccessKey), aws.ToString(c.SessionToken))
		return sts.NewFromConfig(cfg)
	}
	idA, err := withRole(a).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:sts::111111111111:assumed-role/r/session", aws.ToString(idA.Arn))

	idB, err := withRole(b).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:iam::222222222222:root", aws.ToString(idB.Arn), "cloud b never issued a's credentials")
	assert.NotSame(t, a.STS(), b.STS())
}

func TestClose_IsIdempotentAndLeavesNoGoroutine(t *testing.T) {
	before := settledGoroutines(t, -1)
	for range 3 {
		cloud := awsfake.New()
		_, err := sts.NewFromConfig(cloud.AWSConfig()).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
		require.NoError(t, err)
		require.NoError(t, cloud.Settle(context.Background()))
		require.NoError(t, cloud.Close())
		require.NoError(t, cloud.Close())
	}
	settledGoroutines(t, before)
}

func TestNew_StartsNoGoroutine(t *testing.T) {
	before := settledGoroutines(t, -1)
	cloud := awsfake.New()
	defer cloud.Close()
	assert.Equal(t, before, runtime.NumGoroutine(), "background work starts only when something asks for it")
}

// settledGoroutines waits for the goroutine count to settle (to want, when
// want >= 0) and returns it.
func settledGoroutines(t *testing.T, want int) int {
	t.Helper()
	n := runtime.NumGoroutine()
	for range 100 {
		if want >= 0 && n <= want {
			return n
		}
		runtime.Gosched()
		time.Sleep(10 * time.Millisecond)
		m := runtime.NumGoroutine()
		if want < 0 && m == n {
			return n
		}
		n = m
	}
	if want >= 0 {
		buf := make([]byte, 1<<16)
		t.Fatalf("%d goroutines remain, want %d:\n%s", n, want, buf[:runtime.Stack(buf, true)])
	}
	return n
}

func TestCloud_WholeLifeInsideSynctest(t *testing.T) {
	// synctest.Test fails if any goroutine of the bubble outlives it.
	synctest.Test(t, func(t *testing.T) {
		cloud := awsfake.New()
		defer cloud.Close()
		start := time.Now()
		out, err := sts.NewFromConfig(cloud.AWSConfig()).AssumeRole(context.Background(), &sts.AssumeRoleInput{
			RoleArn: aws.String("arn:aws:iam::000000000000:role/r"), RoleSessionName: aws.String("session")})
		require.NoError(t, err)
		assert.Equal(t, start.Add(time.Hour).UTC(), aws.ToTime(out.Credentials.Expiration),
			"the real clock is the bubble's virtual clock")
		require.NoError(t, cloud.Settle(context.Background()))
	})
}

func TestHTTPClient_RoutesHostPrefixedCallsToTheCloud(t *testing.T) {
	cloud := awsfake.NewT(t)
	client := cloud.HTTPClient()
	for _, host := range []string{"awsfake.localhost", "sync-awsfake.localhost", "stream-awsfake.localhost"} {
		req, err := http.NewRequest("POST", "http://"+host+"/", strings.NewReader("Action=GetCallerIdentity&Version=2011-06-15"))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := client.Do(req)
		require.NoError(t, err, host)
		b, _ := io.ReadAll(resp.Body)
		assert.Equal(t, 200, resp.StatusCode, "%s: %s", host, b)
		assert.Contains(t, string(b), "<Account>000000000000</Account>")
		assert.NotEmpty(t, resp.Header.Get("x-amzn-RequestId"))
	}

	// A virtual-hosted bucket host reaches the cloud's handler too (it
	// answers in S3's shape whether or not S3 is wired).
	req, err := http.NewRequest("GET", "http://my-bucket.awsfake.localhost/key", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20300101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=x")
	resp, err := client.Do(req)
	require.NoError(t, err)
	assert.NotEmpty(t, resp.Header.Get("x-amzn-RequestId"), "answered by the cloud's handler")
	assert.Less(t, resp.StatusCode, 500)
}
