package awsfake_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"testing/synctest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// writeCABundle writes a real PEM certificate for AWS_CA_BUNDLE.
func writeCABundle(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "awsfake test CA"},
		NotBefore: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "ca.pem")
	require.NoError(t, os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600))
	return path
}

// isolateSharedConfig keeps the machine's ~/.aws out of LoadDefaultConfig.
func isolateSharedConfig(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_ENDPOINT_URL", "")
}

// Production code loads its configuration with LoadDefaultConfig; with
// AWS_CA_BUNDLE set, the loader needs an *awshttp.BuildableClient to add
// the roots to (issue 14: "unable to add custom RootCAs HTTPClient, has no
// WithTransportOptions" with AWSConfig's client).
func TestLoadOptions_LoadDefaultConfigWithACABundleReachesTheCloud(t *testing.T) {
	isolateSharedConfig(t)
	t.Setenv("AWS_CA_BUNDLE", writeCABundle(t))
	cloud := awsfake.NewT(t)
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx, cloud.LoadOptions()...)
	require.NoError(t, err)
	q, err := sqs.NewFromConfig(cfg).CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("loaded")})
	require.NoError(t, err)
	assert.Contains(t, aws.ToString(q.QueueUrl), "/000000000000/loaded")
	id, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, cloud.AccountID(), aws.ToString(id.Account))
}

// The pipe-backed client's goroutines start at its first call and Close
// stops them all.
func TestBuildableHTTPClient_CloseLeavesNoGoroutine(t *testing.T) {
	before := settledGoroutines(t, -1)
	cloud := awsfake.New()
	client := sqs.NewFromConfig(aws.Config{Region: "us-east-1", Credentials: cloud.AWSConfig().Credentials,
		BaseEndpoint: aws.String(cloud.URL()), HTTPClient: cloud.BuildableHTTPClient()})
	for range 3 {
		_, err := client.CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String("q")})
		require.NoError(t, err)
	}
	require.NoError(t, cloud.Close())
	settledGoroutines(t, before)
}

// The pipe-backed client works inside a synctest bubble, whose goroutines
// must all end before it does.
func TestLoadOptions_InsideSynctest(t *testing.T) {
	isolateSharedConfig(t)
	synctest.Test(t, func(t *testing.T) {
		cloud := awsfake.New()
		defer cloud.Close()
		cfg, err := config.LoadDefaultConfig(context.Background(), cloud.LoadOptions()...)
		require.NoError(t, err)
		_, err = sqs.NewFromConfig(cfg).CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String("bubble")})
		require.NoError(t, err)
	})
}

// A request after Close is refused by the transport with ErrClosed, in
// memory and through the pipe-backed client alike.
func TestClose_ThenACallFailsWithErrClosed(t *testing.T) {
	isolateSharedConfig(t)
	cloud := awsfake.New()
	loaded, err := config.LoadDefaultConfig(context.Background(), cloud.LoadOptions()...)
	require.NoError(t, err)
	require.NoError(t, cloud.Close())
	for name, cfg := range map[string]aws.Config{"AWSConfig": cloud.AWSConfig(), "LoadOptions": loaded} {
		_, err := sqs.NewFromConfig(cfg).SendMessage(context.Background(), &sqs.SendMessageInput{
			QueueUrl: aws.String(cloud.URL() + "/000000000000/q"), MessageBody: aws.String("late")})
		require.Error(t, err, name)
		assert.True(t, errors.Is(err, awsfake.ErrClosed), "%s: %v", name, err)
	}
}

// AWSConfig's clients retry as the SDK's standard retryer does (three
// attempts in all for a throttle) with no backoff between them: the
// retryer's delay is zero, so the two injected SlowDowns cost no wall time
// (BenchmarkRetriedCall measures it). Its Retryer set to nil gives the
// SDK's own retryer and backoff back.
func TestAWSConfig_RetriesWithoutBackoff(t *testing.T) {
	cloud := awsfake.NewT(t)
	ctx := context.Background()
	cfg := cloud.AWSConfig()
	delay, err := cfg.Retryer().RetryDelay(1, errors.New("throttled"))
	require.NoError(t, err)
	assert.Zero(t, delay)
	assert.Equal(t, 3, cfg.Retryer().MaxAttempts())

	client := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true })
	_, err = client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("retried")})
	require.NoError(t, err)
	cloud.S3().InjectFault("ListObjectsV2", "SlowDown", 2)
	_, err = client.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("retried")})
	require.NoError(t, err, "the third attempt succeeds")
	cloud.S3().InjectFault("ListObjectsV2", "SlowDown", 3)
	_, err = client.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("retried")})
	awsfake.CheckCode(t, err, "SlowDown")
	var lists int
	for _, c := range cloud.S3().Calls() {
		if c.Operation == "ListObjectsV2" {
			lists++
		}
	}
	assert.Equal(t, 6, lists, "three attempts per call")
}
