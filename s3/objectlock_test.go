package s3_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func createLockedBucket(t *testing.T, c *s3.Client, name string) {
	t.Helper()
	_, err := c.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(name), ObjectLockEnabledForBucket: aws.Bool(true)})
	require.NoError(t, err)
}

// putLocked puts key with a retention in mode until until, with a checksum
// as Object Lock requires, and returns its version id.
func putLocked(t *testing.T, c *s3.Client, bucket, key string, mode types.ObjectLockMode, until time.Time) string {
	t.Helper()
	out, err := c.PutObject(context.Background(), &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(key),
		Body: bytes.NewReader([]byte("locked")), ObjectLockMode: mode, ObjectLockRetainUntilDate: aws.Time(until)})
	require.NoError(t, err)
	return aws.ToString(out.VersionId)
}

func deleteVersion(c *s3.Client, bucket, key, id string, bypass bool) error {
	in := &s3.DeleteObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), VersionId: aws.String(id)}
	if bypass {
		in.BypassGovernanceRetention = aws.Bool(true)
	}
	_, err := c.DeleteObject(context.Background(), in)
	return err
}

// A bucket created with Object Lock is versioned and reports Enabled; one
// without has no configuration, and gets one only once versioned; the
// versioning of a locked bucket cannot be suspended; a default retention
// is read back (shared/aws-recordings, s3 TestS3ObjectLock::
// test_get_put_object_lock_configuration, test_get_object_lock_configuration_exc,
// test_put_object_lock_configuration_on_existing_bucket,
// test_disable_versioning_on_locked_bucket, test_put_object_lock_configuration_exc).
func TestObjectLock_Configuration(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t, withChecksums)
	createBucket(t, c, "plain")
	_, err := c.GetObjectLockConfiguration(ctx, &s3.GetObjectLockConfigurationInput{Bucket: aws.String("plain")})
	requireCode(t, err, "ObjectLockConfigurationNotFoundError", 404)
	enabled := &types.ObjectLockConfiguration{ObjectLockEnabled: types.ObjectLockEnabledEnabled}
	_, err = c.PutObjectLockConfiguration(ctx, &s3.PutObjectLockConfigurationInput{Bucket: aws.String("plain"), ObjectLockConfiguration: enabled})
	requireCode(t, err, "InvalidBucketState", 409)
	enableVersioning(t, c, "plain")
	_, err = c.PutObjectLockConfiguration(ctx, &s3.PutObjectLockConfigurationInput{Bucket: aws.String("plain"), ObjectLockConfiguration: enabled})
	require.NoError(t, err)

	createLockedBucket(t, c, "locked")
	v, err := c.GetBucketVersioning(ctx, &s3.GetBucketVersioningInput{Bucket: aws.String("locked")})
	require.NoError(t, err)
	assert.Equal(t, types.BucketVersioningStatusEnabled, v.Status)
	got, err := c.GetObjectLockConfiguration(ctx, &s3.GetObjectLockConfigurationInput{Bucket: aws.String("locked")})
	require.NoError(t, err)
	assert.Equal(t, types.ObjectLockEnabledEnabled, got.ObjectLockConfiguration.ObjectLockEnabled)
	assert.Nil(t, got.ObjectLockConfiguration.Rule)
	_, err = c.PutBucketVersioning(ctx, &s3.PutBucketVersioningInput{Bucket: aws.String("locked"),
		VersioningConfiguration: &types.VersioningConfiguration{Status: types.BucketVersioningStatusSuspended}})
	requireCode(t, err, "InvalidBucketState", 409)

	withRule := func(r *types.DefaultRetention) *s3.PutObjectLockConfigurationInput {
		return &s3.PutObjectLockConfigurationInput{Bucket: aws.String("locked"), ObjectLockConfiguration: &types.ObjectLockConfiguration{
			ObjectLockEnabled: types.ObjectLockEnabledEnabled, Rule: &types.ObjectLockRule{DefaultRetention: r}}}
	}
	for _, bad := range []*types.DefaultRetention{
		{Mode: types.ObjectLockRetentionModeGovernance},
		{Mode: types.ObjectLockRetentionModeGovernance, Days: aws.Int32(1), Years: aws.Int32(1)},
		{Mode: "BAD", Days: aws.Int32(1)},
		{Days: aws.Int32(1)},
	} {
		_, err = c.PutObjectLockConfiguration(ctx, withRule(bad))
		requireCode(t, err, "MalformedXML", 400)
	}
	_, err = c.PutObjectLockConfiguration(ctx, withRule(&types.DefaultRetention{Mode: types.ObjectLockRetentionModeGovernance, Days: aws.Int32(1)}))
	require.NoError(t, err)
	got, err = c.GetObjectLockConfiguration(ctx, &s3.GetObjectLockConfigurationInput{Bucket: aws.String("locked")})
	require.NoError(t, err)
	require.NotNil(t, got.ObjectLockConfiguration.Rule)
	assert.Equal(t, types.ObjectLockRetentionModeGovernance, got.ObjectLockConfiguration.Rule.DefaultRetention.Mode)
	assert.Equal(t, int32(1), aws.ToInt32(got.ObjectLockConfiguration.Rule.DefaultRetention.Days))
}

// A COMPLIANCE version survives a delete of its version until its
// retention ends on the clock, bypass or not; a delete without a version
// id only puts a delete marker on top (test_s3_object_retention_compliance_mode).
func TestObjectLock_ComplianceRetentionEndsOnTheClock(t *testing.T) {
	ctx := context.Background()
	_, c, clk := newS3(t, withChecksums)
	createLockedBucket(t, c, "bkt")
	until := t0.Add(time.Hour)
	id := putLocked(t, c, "bkt", "k", types.ObjectLockModeCompliance, until)
	head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	assert.Equal(t, types.ObjectLockModeCompliance, head.ObjectLockMode)
	assert.Equal(t, until, aws.ToTime(head.ObjectLockRetainUntilDate))

	m, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err, "a delete marker is allowed")
	assert.True(t, aws.ToBool(m.DeleteMarker))
	at(clk, until.Add(-time.Second))
	err = deleteVersion(c, "bkt", "k", id, true)
	requireCode(t, err, "AccessDenied", 403)
	assert.Contains(t, err.Error(), "Access Denied because object protected by object lock.")
	at(clk, until)
	require.NoError(t, deleteVersion(c, "bkt", "k", id, false), "the retention has ended")
	assert.Equal(t, []string{"marker"}, versionIDs(t, c, "bkt"))
}

// A GOVERNANCE version is deleted with x-amz-bypass-governance-retention
// only (test_s3_object_retention); the header on a bucket without Object
// Lock is InvalidArgument (test_delete_object_with_no_locking).
func TestObjectLock_GovernanceBypass(t *testing.T) {
	_, c, _ := newS3(t, withChecksums)
	createLockedBucket(t, c, "bkt")
	id := putLocked(t, c, "bkt", "k", types.ObjectLockModeGovernance, t0.Add(24*time.Hour))
	requireCode(t, deleteVersion(c, "bkt", "k", id, false), "AccessDenied", 403)
	require.NoError(t, deleteVersion(c, "bkt", "k", id, true))

	createBucket(t, c, "plain")
	putObject(t, c, "plain", "k", "x")
	_, err := c.DeleteObject(context.Background(), &s3.DeleteObjectInput{Bucket: aws.String("plain"), Key: aws.String("k"),
		BypassGovernanceRetention: aws.Bool(false)})
	requireCode(t, err, "InvalidArgument", 400)
	assert.Contains(t, err.Error(), "x-amz-bypass-governance-retention is only applicable to Object Lock enabled buckets.")
}

// The bucket's default retention applies to new versions from their
// creation (test_bucket_config_default_retention).
func TestObjectLock_DefaultRetention(t *testing.T) {
	ctx := context.Background()
	_, c, clk := newS3(t, withChecksums)
	createLockedBucket(t, c, "bkt")
	_, err := c.PutObjectLockConfiguration(ctx, &s3.PutObjectLockConfigurationInput{Bucket: aws.String("bkt"),
		ObjectLockConfiguration: &types.ObjectLockConfiguration{ObjectLockEnabled: types.ObjectLockEnabledEnabled,
			Rule: &types.ObjectLockRule{DefaultRetention: &types.DefaultRetention{Mode: types.ObjectLockRetentionModeCompliance, Days: aws.Int32(1)}}}})
	require.NoError(t, err)
	at(clk, morning)
	id := aws.ToString(putObject(t, c, "bkt", "k", "x").VersionId)
	head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	assert.Equal(t, types.ObjectLockModeCompliance, head.ObjectLockMode)
	assert.Equal(t, morning.Add(24*time.Hour), aws.ToTime(head.ObjectLockRetainUntilDate))
	at(clk, morning.Add(24*time.Hour-time.Second))
	requireCode(t, deleteVersion(c, "bkt", "k", id, false), "AccessDenied", 403)
	at(clk, morning.Add(24*time.Hour))
	require.NoError(t, deleteVersion(c, "bkt", "k", id, false))
}

// Put/GetObjectRetention: none set is NoSuchObjectLockConfiguration; a
// retention is extended, never shortened without the bypass; a past date
// is refused; a bucket without Object Lock is InvalidRequest; a delete
// marker is MethodNotAllowed (test_s3_object_retention_exc,
// test_object_lock_extend_duration, test_object_lock_delete_markers).
func TestObjectLock_Retention(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t, withChecksums)
	createLockedBucket(t, c, "bkt")
	putObject(t, c, "bkt", "k", "x")
	get := &s3.GetObjectRetentionInput{Bucket: aws.String("bkt"), Key: aws.String("k")}
	_, err := c.GetObjectRetention(ctx, get)
	requireCode(t, err, "NoSuchObjectLockConfiguration", 404)
	set := func(mode types.ObjectLockRetentionMode, until time.Time) error {
		_, err := c.PutObjectRetention(ctx, &s3.PutObjectRetentionInput{Bucket: aws.String("bkt"), Key: aws.String("k"),
			Retention: &types.ObjectLockRetention{Mode: mode, RetainUntilDate: aws.Time(until)}})
		return err
	}
	require.NoError(t, set(types.ObjectLockRetentionModeGovernance, t0.Add(time.Hour)))
	require.NoError(t, set(types.ObjectLockRetentionModeGovernance, t0.Add(2*time.Hour)), "extended")
	requireCode(t, set(types.ObjectLockRetentionModeGovernance, t0.Add(time.Hour)), "AccessDenied", 403)
	err = set(types.ObjectLockRetentionModeGovernance, t0.Add(-time.Hour))
	requireCode(t, err, "InvalidArgument", 400)
	assert.Contains(t, err.Error(), "The retain until date must be in the future!")
	out, err := c.GetObjectRetention(ctx, get)
	require.NoError(t, err)
	assert.Equal(t, types.ObjectLockRetentionModeGovernance, out.Retention.Mode)
	assert.Equal(t, t0.Add(2*time.Hour), aws.ToTime(out.Retention.RetainUntilDate))

	m, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	_, err = c.GetObjectRetention(ctx, &s3.GetObjectRetentionInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: m.VersionId})
	requireCode(t, err, "MethodNotAllowed", 405)

	createBucket(t, c, "plain")
	putObject(t, c, "plain", "k", "x")
	_, err = c.GetObjectRetention(ctx, &s3.GetObjectRetentionInput{Bucket: aws.String("plain"), Key: aws.String("k")})
	requireCode(t, err, "InvalidRequest", 400)
	assert.Contains(t, err.Error(), "Bucket is missing Object Lock Configuration")
}

// A legal hold keeps a version from DeleteObject and DeleteObjects until
// it is turned OFF (test_put_get_object_legal_hold, test_delete_locked_object).
func TestObjectLock_LegalHold(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t, withChecksums)
	createLockedBucket(t, c, "bkt")
	id := aws.ToString(putObject(t, c, "bkt", "k", "x").VersionId)
	get := &s3.GetObjectLegalHoldInput{Bucket: aws.String("bkt"), Key: aws.String("k")}
	_, err := c.GetObjectLegalHold(ctx, get)
	requireCode(t, err, "NoSuchObjectLockConfiguration", 404)
	hold := func(s types.ObjectLockLegalHoldStatus) {
		_, err := c.PutObjectLegalHold(ctx, &s3.PutObjectLegalHoldInput{Bucket: aws.String("bkt"), Key: aws.String("k"),
			LegalHold: &types.ObjectLockLegalHold{Status: s}})
		require.NoError(t, err)
	}
	hold(types.ObjectLockLegalHoldStatusOn)
	out, err := c.GetObjectLegalHold(ctx, get)
	require.NoError(t, err)
	assert.Equal(t, types.ObjectLockLegalHoldStatusOn, out.LegalHold.Status)
	head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	assert.Equal(t, types.ObjectLockLegalHoldStatusOn, head.ObjectLockLegalHoldStatus)

	requireCode(t, deleteVersion(c, "bkt", "k", id, true), "AccessDenied", 403)
	many, err := c.DeleteObjects(ctx, &s3.DeleteObjectsInput{Bucket: aws.String("bkt"), Delete: &types.Delete{
		Objects: []types.ObjectIdentifier{{Key: aws.String("k"), VersionId: aws.String(id)}}}})
	require.NoError(t, err)
	require.Len(t, many.Errors, 1)
	assert.Equal(t, "AccessDenied", aws.ToString(many.Errors[0].Code))
	assert.Equal(t, "Access Denied because object protected by object lock.", aws.ToString(many.Errors[0].Message))

	hold(types.ObjectLockLegalHoldStatusOff)
	require.NoError(t, deleteVersion(c, "bkt", "k", id, false))
}

// The lock headers of PutObject are checked as S3 checks them
// (test_s3_object_lock_mode_validation, test_bucket_config_default_retention);
// with lock parameters a Content-MD5 or checksum is required.
func TestObjectLock_PutObjectHeaders(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t, withChecksums)
	createLockedBucket(t, c, "bkt")
	createBucket(t, c, "plain")
	put := func(c *s3.Client, bucket string, in s3.PutObjectInput) error {
		in.Bucket, in.Key, in.Body = aws.String(bucket), aws.String("k"), bytes.NewReader([]byte("x"))
		_, err := c.PutObject(ctx, &in)
		return err
	}
	future := aws.Time(t0.Add(time.Hour))
	cases := []struct {
		in      s3.PutObjectInput
		bucket  string
		code    string
		message string
	}{
		{s3.PutObjectInput{ObjectLockMode: types.ObjectLockModeGovernance}, "bkt", "InvalidArgument",
			"x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied"},
		{s3.PutObjectInput{ObjectLockRetainUntilDate: future}, "bkt", "InvalidArgument",
			"x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied"},
		{s3.PutObjectInput{ObjectLockMode: "BAD-VALUE", ObjectLockRetainUntilDate: future}, "bkt", "InvalidArgument", "Unknown wormMode directive."},
		{s3.PutObjectInput{ObjectLockLegalHoldStatus: types.ObjectLockLegalHoldStatusOn}, "plain", "InvalidRequest",
			"Bucket is missing Object Lock Configuration"},
	}
	for _, tc := range cases {
		err := put(c, tc.bucket, tc.in)
		requireCode(t, err, tc.code, 400)
		assert.Contains(t, err.Error(), tc.message)
	}
	_, noSums, _ := newS3(t)
	createLockedBucket(t, noSums, "bare")
	err := put(noSums, "bare", s3.PutObjectInput{ObjectLockLegalHoldStatus: types.ObjectLockLegalHoldStatusOn})
	requireCode(t, err, "InvalidRequest", 400)
	assert.Contains(t, err.Error(), "Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object requests with Object Lock parameters")
}

// CopyObject and CreateMultipartUpload take the lock headers too: the
// copy or the completed object carries them, the source's lock is not
// copied (test_s3_copy_object_retention_lock), a bad mode is refused
// (test_s3_object_lock_mode_validation create-mpu-locked-bad-value).
func TestObjectLock_CopyAndMultipart(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t, withChecksums)
	createLockedBucket(t, c, "bkt")
	until := t0.Add(time.Hour)
	putLocked(t, c, "bkt", "src", types.ObjectLockModeGovernance, until)
	_, err := c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("plain-copy"), CopySource: aws.String("bkt/src")})
	require.NoError(t, err)
	head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("plain-copy")})
	require.NoError(t, err)
	assert.Empty(t, head.ObjectLockMode, "the source's lock is not copied")
	_, err = c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("locked-copy"), CopySource: aws.String("bkt/src"),
		ObjectLockMode: types.ObjectLockModeCompliance, ObjectLockRetainUntilDate: aws.Time(until)})
	require.NoError(t, err)
	head, err = c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("locked-copy")})
	require.NoError(t, err)
	assert.Equal(t, types.ObjectLockModeCompliance, head.ObjectLockMode)

	_, err = c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("mpu"),
		ObjectLockMode: "BAD-VALUE", ObjectLockRetainUntilDate: aws.Time(until)})
	requireCode(t, err, "InvalidArgument", 400)
	up, err := c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("mpu"),
		ObjectLockLegalHoldStatus: types.ObjectLockLegalHoldStatusOn})
	require.NoError(t, err)
	part, err := c.UploadPart(ctx, &s3.UploadPartInput{Bucket: aws.String("bkt"), Key: aws.String("mpu"), UploadId: up.UploadId,
		PartNumber: aws.Int32(1), Body: bytes.NewReader([]byte("part"))})
	require.NoError(t, err)
	done, err := c.CompleteMultipartUpload(ctx, &s3.CompleteMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("mpu"), UploadId: up.UploadId,
		MultipartUpload: &types.CompletedMultipartUpload{Parts: []types.CompletedPart{{PartNumber: aws.Int32(1), ETag: part.ETag,
			ChecksumCRC32: part.ChecksumCRC32}}}})
	require.NoError(t, err)
	requireCode(t, deleteVersion(c, "bkt", "mpu", aws.ToString(done.VersionId), true), "AccessDenied", 403)
}
