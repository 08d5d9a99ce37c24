package s3_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
)

// morning is 10:30 UTC on the first day of every lifecycle test.
var morning = t0.Add(10*time.Hour + 30*time.Minute)

// at advances clk to instant.
func at(clk *clock.Fake, instant time.Time) { clk.Advance(instant.Sub(clk.Now())) }

// exists reports whether key's current version is an object.
func exists(t *testing.T, c *s3.Client, bucket, key string) bool {
	t.Helper()
	_, err := c.HeadObject(context.Background(), &s3.HeadObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	if err == nil {
		return true
	}
	code, _ := apiError(t, err)
	require.Equal(t, "NotFound", code, "%v", err)
	return false
}

// versionIDs lists the delete markers of a bucket ("marker") and then its
// versions, newest first.
func versionIDs(t *testing.T, c *s3.Client, bucket string) []string {
	t.Helper()
	out, err := c.ListObjectVersions(context.Background(), &s3.ListObjectVersionsInput{Bucket: aws.String(bucket)})
	require.NoError(t, err)
	var ids []string
	for range out.DeleteMarkers {
		ids = append(ids, "marker")
	}
	for _, v := range out.Versions {
		ids = append(ids, aws.ToString(v.VersionId))
	}
	return ids
}

// Days are added to the creation time and rounded up to the next
// midnight UTC (S3 User Guide, "Lifecycle configuration elements": an
// object created 1/15 10:30 with 3 days transitions 1/19 00:00): an
// object put 1 January 10:30 under a 1-day rule expires 3 January 00:00,
// which PutObject, HeadObject and GetObject announce in x-amz-expiration
// as S3 writes it (test_bucket_lifecycle_configuration_object_expiry);
// an object outside the rule's prefix carries none and stays.
func TestLifecycle_ExpiresAtTheMidnightAfterTheDays(t *testing.T) {
	ctx := context.Background()
	_, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	require.NoError(t, putLifecycle(c, "bkt", expireAfter("picture-deletion-rule", "pics/", 1)))
	at(clk, morning)
	put := putObject(t, c, "bkt", "pics/cat.jpg", "meow")
	want := `expiry-date="Thu, 03 Jan 2030 00:00:00 GMT", rule-id="picture-deletion-rule"`
	assert.Equal(t, want, aws.ToString(put.Expiration))
	head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("pics/cat.jpg")})
	require.NoError(t, err)
	assert.Equal(t, want, aws.ToString(head.Expiration))
	_, got := getBody(t, c, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("pics/cat.jpg")})
	assert.Equal(t, want, aws.ToString(got.Expiration))
	other := putObject(t, c, "bkt", "docs/a.txt", "x")
	assert.Nil(t, other.Expiration)

	due := time.Date(2030, 1, 3, 0, 0, 0, 0, time.UTC)
	at(clk, due.Add(-time.Second))
	assert.True(t, exists(t, c, "bkt", "pics/cat.jpg"), "just before")
	at(clk, due)
	assert.False(t, exists(t, c, "bkt", "pics/cat.jpg"), "at midnight")
	at(clk, due.Add(time.Second))
	assert.False(t, exists(t, c, "bkt", "pics/cat.jpg"), "just after")
	assert.True(t, exists(t, c, "bkt", "docs/a.txt"))
}

// A configuration applies to objects already stored
// (test_object_expiry_after_bucket_lifecycle_configuration); a Date rule
// acts on its date, and a date already past at the next midnight; a
// disabled rule and a deleted configuration do nothing.
func TestLifecycle_DateRulesAndExistingObjects(t *testing.T) {
	_, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	at(clk, morning)
	putObject(t, c, "bkt", "old", "x")
	putObject(t, c, "bkt", "future/a", "x")
	putObject(t, c, "bkt", "off/a", "x")
	date := func(id, prefix string, d time.Time, status types.ExpirationStatus) types.LifecycleRule {
		return types.LifecycleRule{ID: aws.String(id), Status: status, Filter: &types.LifecycleRuleFilter{Prefix: aws.String(prefix)},
			Expiration: &types.LifecycleExpiration{Date: aws.Time(d)}}
	}
	jan5 := time.Date(2030, 1, 5, 0, 0, 0, 0, time.UTC)
	require.NoError(t, putLifecycle(c, "bkt",
		date("past", "old", t0, types.ExpirationStatusEnabled),
		date("future", "future/", jan5, types.ExpirationStatusEnabled),
		date("off", "off/", t0, types.ExpirationStatusDisabled)))
	head, err := c.HeadObject(context.Background(), &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("future/a")})
	require.NoError(t, err)
	assert.Equal(t, `expiry-date="Sat, 05 Jan 2030 00:00:00 GMT", rule-id="future"`, aws.ToString(head.Expiration))

	jan2 := t0.Add(24 * time.Hour)
	at(clk, jan2.Add(-time.Second))
	assert.True(t, exists(t, c, "bkt", "old"), "a past date acts at the next midnight")
	at(clk, jan2)
	assert.False(t, exists(t, c, "bkt", "old"))
	at(clk, jan5.Add(-time.Second))
	assert.True(t, exists(t, c, "bkt", "future/a"))
	at(clk, jan5)
	assert.False(t, exists(t, c, "bkt", "future/a"))
	assert.True(t, exists(t, c, "bkt", "off/a"), "a disabled rule does nothing")

	putObject(t, c, "bkt", "future/b", "x")
	require.NoError(t, putLifecycle(c, "bkt", expireAfter("r", "", 1)))
	_, err = c.DeleteBucketLifecycle(context.Background(), &s3.DeleteBucketLifecycleInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	at(clk, jan5.Add(10*24*time.Hour))
	assert.True(t, exists(t, c, "bkt", "future/b"), "no configuration, no expiry")
}

// In a versioned bucket the current version's expiry puts a delete marker
// on top and the version, noncurrent from then, expires NoncurrentDays
// later; x-amz-expiration is sent for the current version asked without a
// version id only (test_bucket_lifecycle_configuration_object_expiry_versioned).
func TestLifecycle_VersionedExpiryAndNoncurrentVersions(t *testing.T) {
	ctx := context.Background()
	_, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	enableVersioning(t, c, "bkt")
	rule := expireAfter("rule2", "", 1)
	rule.NoncurrentVersionExpiration = &types.NoncurrentVersionExpiration{NoncurrentDays: aws.Int32(1)}
	require.NoError(t, putLifecycle(c, "bkt", rule))
	at(clk, morning)
	v1 := aws.ToString(putObject(t, c, "bkt", "k", "one").VersionId)
	head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: aws.String(v1)})
	require.NoError(t, err)
	assert.Nil(t, head.Expiration, "not with a version id")

	jan3 := time.Date(2030, 1, 3, 0, 0, 0, 0, time.UTC)
	at(clk, jan3.Add(-time.Second))
	assert.Equal(t, []string{v1}, versionIDs(t, c, "bkt"))
	at(clk, jan3)
	assert.Equal(t, []string{"marker", v1}, versionIDs(t, c, "bkt"), "a delete marker on top")
	assert.False(t, exists(t, c, "bkt", "k"))

	jan4 := jan3.Add(24 * time.Hour)
	at(clk, jan4.Add(-time.Second))
	assert.Equal(t, []string{"marker", v1}, versionIDs(t, c, "bkt"))
	at(clk, jan4)
	assert.Equal(t, []string{"marker"}, versionIDs(t, c, "bkt"), "noncurrent for a day, then removed")
	at(clk, jan4.Add(30*24*time.Hour))
	assert.Equal(t, []string{"marker"}, versionIDs(t, c, "bkt"), "a lone marker stays without ExpiredObjectDeleteMarker")
}

// NewerNoncurrentVersions keeps the newest noncurrent versions; an expired
// object delete marker (the only version left) is removed at a later
// midnight (test_lifecycle_expired_object_delete_marker).
func TestLifecycle_NewerNoncurrentVersionsAndExpiredMarkers(t *testing.T) {
	ctx := context.Background()
	_, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	enableVersioning(t, c, "bkt")
	require.NoError(t, putLifecycle(c, "bkt", types.LifecycleRule{ID: aws.String("rule-marker"), Status: types.ExpirationStatusEnabled,
		Filter:                      &types.LifecycleRuleFilter{},
		Expiration:                  &types.LifecycleExpiration{ExpiredObjectDeleteMarker: aws.Bool(true)},
		NoncurrentVersionExpiration: &types.NoncurrentVersionExpiration{NoncurrentDays: aws.Int32(1), NewerNoncurrentVersions: aws.Int32(1)}}))
	at(clk, morning)
	v1 := aws.ToString(putObject(t, c, "bkt", "k", "1").VersionId)
	v2 := aws.ToString(putObject(t, c, "bkt", "k", "2").VersionId)
	_, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	assert.Equal(t, []string{"marker", v2, v1}, versionIDs(t, c, "bkt"))

	jan3 := time.Date(2030, 1, 3, 0, 0, 0, 0, time.UTC)
	at(clk, jan3.Add(-time.Second))
	assert.Equal(t, []string{"marker", v2, v1}, versionIDs(t, c, "bkt"))
	at(clk, jan3)
	assert.Equal(t, []string{"marker", v2}, versionIDs(t, c, "bkt"), "the newest noncurrent version is kept")

	_, err = c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: aws.String(v2)})
	require.NoError(t, err)
	jan4 := jan3.Add(24 * time.Hour)
	at(clk, jan4.Add(-time.Second))
	assert.Equal(t, []string{"marker"}, versionIDs(t, c, "bkt"))
	at(clk, jan4)
	assert.Empty(t, versionIDs(t, c, "bkt"), "the expired delete marker is removed")
}

// Transitions change the storage class on the clock: 128 KiB and more by
// default, smaller ones only under a rule with ObjectSizeGreaterThan; an
// object moved to GLACIER is then refused by GetObject.
func TestLifecycle_TransitionsChangeTheStorageClass(t *testing.T) {
	ctx := context.Background()
	_, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	toGlacier := func(id, prefix string, f *types.LifecycleRuleFilter) types.LifecycleRule {
		if f == nil {
			f = &types.LifecycleRuleFilter{Prefix: aws.String(prefix)}
		}
		return types.LifecycleRule{ID: aws.String(id), Status: types.ExpirationStatusEnabled, Filter: f,
			Transitions: []types.Transition{{Days: aws.Int32(1), StorageClass: types.TransitionStorageClassGlacier}}}
	}
	require.NoError(t, putLifecycle(c, "bkt", toGlacier("big", "big/", nil), toGlacier("small", "", &types.LifecycleRuleFilter{
		And: &types.LifecycleRuleAndOperator{Prefix: aws.String("small/"), ObjectSizeGreaterThan: aws.Int64(0)}})))
	at(clk, morning)
	big := string(bytes.Repeat([]byte("b"), 128<<10))
	putObject(t, c, "bkt", "big/a", big)
	putObject(t, c, "bkt", "big/tiny", "t")
	putObject(t, c, "bkt", "small/a", "s")
	class := func(key string) types.StorageClass {
		out, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("bkt"), Key: aws.String(key)})
		require.NoError(t, err)
		return types.StorageClass(out.StorageClass)
	}
	jan3 := time.Date(2030, 1, 3, 0, 0, 0, 0, time.UTC)
	at(clk, jan3.Add(-time.Second))
	assert.Equal(t, types.StorageClass(""), class("big/a"))
	at(clk, jan3)
	assert.Equal(t, types.StorageClassGlacier, class("big/a"))
	assert.Equal(t, types.StorageClass(""), class("big/tiny"), "under 128 KiB, not transitioned by default")
	assert.Equal(t, types.StorageClassGlacier, class("small/a"), "ObjectSizeGreaterThan overrides the default minimum")
	_, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("bkt"), Key: aws.String("big/a")})
	requireCode(t, err, "InvalidObjectState", 403)
}

// Tag and size filters select what a rule expires
// (test_bucket_lifecycle_tag_rules, test_bucket_lifecycle_object_size_rules).
func TestLifecycle_TagAndSizeFilters(t *testing.T) {
	ctx := context.Background()
	_, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	tag := types.Tag{Key: aws.String("testlifecycle"), Value: aws.String("positive")}
	require.NoError(t, putLifecycle(c, "bkt",
		types.LifecycleRule{ID: aws.String("rule_one"), Status: types.ExpirationStatusEnabled,
			Filter: &types.LifecycleRuleFilter{Tag: &tag}, Expiration: &types.LifecycleExpiration{Days: aws.Int32(1)}},
		types.LifecycleRule{ID: aws.String("rule_two"), Status: types.ExpirationStatusEnabled,
			Filter: &types.LifecycleRuleFilter{ObjectSizeGreaterThan: aws.Int64(20)}, Expiration: &types.LifecycleExpiration{Days: aws.Int32(2)}}))
	at(clk, morning)
	tagged, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("tagged"),
		Body: bytes.NewReader([]byte("x")), Tagging: aws.String("testlifecycle=positive")})
	require.NoError(t, err)
	assert.Contains(t, aws.ToString(tagged.Expiration), `rule-id="rule_one"`)
	wrong, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("bkt"), Key: aws.String("wrong"),
		Body: bytes.NewReader([]byte("x")), Tagging: aws.String("testlifecycle=negative")})
	require.NoError(t, err)
	assert.Nil(t, wrong.Expiration)
	large := putObject(t, c, "bkt", "large", "0123456789012345678901")
	assert.Equal(t, `expiry-date="Fri, 04 Jan 2030 00:00:00 GMT", rule-id="rule_two"`, aws.ToString(large.Expiration))
	assert.Nil(t, putObject(t, c, "bkt", "short", "0123").Expiration)

	at(clk, time.Date(2030, 1, 4, 0, 0, 0, 0, time.UTC))
	assert.False(t, exists(t, c, "bkt", "tagged"))
	assert.False(t, exists(t, c, "bkt", "large"))
	assert.True(t, exists(t, c, "bkt", "wrong"))
	assert.True(t, exists(t, c, "bkt", "short"))
}

// Incomplete multipart uploads are aborted DaysAfterInitiation after they
// were initiated, rounded up to midnight.
func TestLifecycle_AbortsIncompleteUploads(t *testing.T) {
	ctx := context.Background()
	_, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	require.NoError(t, putLifecycle(c, "bkt", types.LifecycleRule{ID: aws.String("mpu"), Status: types.ExpirationStatusEnabled,
		Filter:                         &types.LifecycleRuleFilter{Prefix: aws.String("up/")},
		AbortIncompleteMultipartUpload: &types.AbortIncompleteMultipartUpload{DaysAfterInitiation: aws.Int32(1)}}))
	at(clk, morning)
	for _, k := range []string{"up/a", "keep/b"} {
		_, err := c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String(k)})
		require.NoError(t, err)
	}
	uploads := func() []string {
		out, err := c.ListMultipartUploads(ctx, &s3.ListMultipartUploadsInput{Bucket: aws.String("bkt")})
		require.NoError(t, err)
		var keys []string
		for _, u := range out.Uploads {
			keys = append(keys, aws.ToString(u.Key))
		}
		return keys
	}
	jan3 := time.Date(2030, 1, 3, 0, 0, 0, 0, time.UTC)
	at(clk, jan3.Add(-time.Second))
	assert.Equal(t, []string{"keep/b", "up/a"}, uploads())
	at(clk, jan3)
	assert.Equal(t, []string{"keep/b"}, uploads())
}

// Lifecycle's deletions and transitions are notified with S3's
// LifecycleExpiration and LifecycleTransition events, naming S3 as the
// principal and, for a deletion, no size (S3 User Guide, "Configuring S3
// Lifecycle event notifications").
func TestLifecycle_Events(t *testing.T) {
	ctx := context.Background()
	cloud, c, clk := newS3(t)
	sq := sqs.NewFromConfig(cloud.AWSConfig())
	url, arn := queue(t, sq, "lifecycle")
	createBucket(t, c, "bkt")
	_, err := c.PutBucketNotificationConfiguration(ctx, &s3.PutBucketNotificationConfigurationInput{Bucket: aws.String("bkt"),
		NotificationConfiguration: &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{{
			QueueArn: aws.String(arn), Events: []types.Event{"s3:LifecycleExpiration:*", "s3:LifecycleTransition"}}}}})
	require.NoError(t, err)
	gone := expireAfter("gone", "gone/", 2)
	move := types.LifecycleRule{ID: aws.String("move"), Status: types.ExpirationStatusEnabled,
		Filter:      &types.LifecycleRuleFilter{ObjectSizeGreaterThan: aws.Int64(0)},
		Transitions: []types.Transition{{Days: aws.Int32(1), StorageClass: types.TransitionStorageClassDeepArchive}}}
	require.NoError(t, putLifecycle(c, "bkt", gone, move))
	at(clk, morning)
	putObject(t, c, "bkt", "gone/a", "x")
	drain(t, sq, url)

	at(clk, time.Date(2030, 1, 4, 0, 0, 0, 0, time.UTC))
	require.NoError(t, cloud.Settle(ctx))
	var names []string
	for _, n := range cloud.S3().Notifications() {
		names = append(names, n.Event)
	}
	assert.Equal(t, []string{"s3:TestEvent", "LifecycleTransition", "LifecycleExpiration:Delete"}, names)
	bodies := drain(t, sq, url)
	require.Len(t, bodies, 2)
	var doc struct {
		Records []struct {
			EventName    string `json:"eventName"`
			EventTime    string `json:"eventTime"`
			UserIdentity struct {
				PrincipalID string `json:"principalId"`
			} `json:"userIdentity"`
			S3 struct {
				Object map[string]any `json:"object"`
			} `json:"s3"`
		}
	}
	require.NoError(t, json.Unmarshal([]byte(bodies[1]), &doc))
	r := doc.Records[0]
	assert.Equal(t, "LifecycleExpiration:Delete", r.EventName)
	assert.Equal(t, "2030-01-04T00:00:00.000Z", r.EventTime)
	assert.Equal(t, "s3.amazonaws.com", r.UserIdentity.PrincipalID)
	assert.Equal(t, "gone/a", r.S3.Object["key"])
	assert.NotContains(t, r.S3.Object, "size")
}

// CopyObject and CompleteMultipartUpload announce the new object's expiry
// too (test_object_expiry_after_bucket_lifecycle_configuration put-object-after).
func TestLifecycle_ExpirationOnCopyAndCompletion(t *testing.T) {
	ctx := context.Background()
	_, c, clk := newS3(t)
	createBucket(t, c, "bkt")
	require.NoError(t, putLifecycle(c, "bkt", expireAfter("rule3", "", 1)))
	at(clk, morning)
	putObject(t, c, "bkt", "src", "x")
	want := `expiry-date="Thu, 03 Jan 2030 00:00:00 GMT", rule-id="rule3"`
	cp, err := c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("dst"), CopySource: aws.String("bkt/src")})
	require.NoError(t, err)
	assert.Equal(t, want, aws.ToString(cp.Expiration))
	up, err := c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("mpu")})
	require.NoError(t, err)
	part, err := c.UploadPart(ctx, &s3.UploadPartInput{Bucket: aws.String("bkt"), Key: aws.String("mpu"), UploadId: up.UploadId,
		PartNumber: aws.Int32(1), Body: bytes.NewReader([]byte("part"))})
	require.NoError(t, err)
	done, err := c.CompleteMultipartUpload(ctx, &s3.CompleteMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("mpu"), UploadId: up.UploadId,
		MultipartUpload: &types.CompletedMultipartUpload{Parts: []types.CompletedPart{{PartNumber: aws.Int32(1), ETag: part.ETag}}}})
	require.NoError(t, err)
	assert.Equal(t, want, aws.ToString(done.Expiration))
}

// Lifecycle leaves a noncurrent version under Object Lock until its
// retention ends, then removes it at the next midnight.
func TestLifecycle_WaitsForObjectLock(t *testing.T) {
	_, c, clk := newS3(t, withChecksums)
	createLockedBucket(t, c, "bkt")
	rule := types.LifecycleRule{ID: aws.String("old"), Status: types.ExpirationStatusEnabled, Filter: &types.LifecycleRuleFilter{},
		NoncurrentVersionExpiration: &types.NoncurrentVersionExpiration{NoncurrentDays: aws.Int32(1)}}
	require.NoError(t, putLifecycle(c, "bkt", rule))
	at(clk, morning)
	until := time.Date(2030, 1, 5, 12, 0, 0, 0, time.UTC)
	v1 := putLocked(t, c, "bkt", "k", types.ObjectLockModeCompliance, until)
	v2 := aws.ToString(putObject(t, c, "bkt", "k", "new").VersionId)
	at(clk, time.Date(2030, 1, 6, 0, 0, 0, 0, time.UTC).Add(-time.Second))
	assert.Equal(t, []string{v2, v1}, versionIDs(t, c, "bkt"), "locked until 5 January noon")
	at(clk, time.Date(2030, 1, 6, 0, 0, 0, 0, time.UTC))
	assert.Equal(t, []string{v2}, versionIDs(t, c, "bkt"))
}
