package s3_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func putLifecycle(c *s3.Client, bucket string, rules ...types.LifecycleRule) error {
	_, err := c.PutBucketLifecycleConfiguration(context.Background(), &s3.PutBucketLifecycleConfigurationInput{
		Bucket: aws.String(bucket), LifecycleConfiguration: &types.BucketLifecycleConfiguration{Rules: rules}})
	return err
}

// expireAfter is a rule expiring objects under prefix after days.
func expireAfter(id, prefix string, days int32) types.LifecycleRule {
	return types.LifecycleRule{ID: aws.String(id), Status: types.ExpirationStatusEnabled,
		Filter:     &types.LifecycleRuleFilter{Prefix: aws.String(prefix)},
		Expiration: &types.LifecycleExpiration{Days: aws.Int32(days)}}
}

// A fresh bucket has no configuration; one put is read back, with S3's
// default TransitionDefaultMinimumObjectSize, and deleting it (204) leaves
// none, as AWS answers (shared/aws-recordings, s3
// TestS3BucketLifecycle::test_delete_bucket_lifecycle_configuration and
// test_s3_transition_default_minimum_object_size).
func TestLifecycle_PutGetDelete(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	get := &s3.GetBucketLifecycleConfigurationInput{Bucket: aws.String("bkt")}
	_, err := c.GetBucketLifecycleConfiguration(ctx, get)
	requireCode(t, err, "NoSuchLifecycleConfiguration", 404)

	require.NoError(t, putLifecycle(c, "bkt", expireAfter("wholebucket", "", 7)))
	out, err := c.GetBucketLifecycleConfiguration(ctx, get)
	require.NoError(t, err)
	require.Len(t, out.Rules, 1)
	r := out.Rules[0]
	assert.Equal(t, "wholebucket", aws.ToString(r.ID))
	assert.Equal(t, types.ExpirationStatusEnabled, r.Status)
	assert.Equal(t, int32(7), aws.ToInt32(r.Expiration.Days))
	require.NotNil(t, r.Filter)
	assert.Equal(t, "", aws.ToString(r.Filter.Prefix))
	assert.Equal(t, types.TransitionDefaultMinimumObjectSizeAllStorageClasses128k, out.TransitionDefaultMinimumObjectSize)

	put, err := c.PutBucketLifecycleConfiguration(ctx, &s3.PutBucketLifecycleConfigurationInput{Bucket: aws.String("bkt"),
		TransitionDefaultMinimumObjectSize: types.TransitionDefaultMinimumObjectSizeVariesByStorageClass,
		LifecycleConfiguration:             &types.BucketLifecycleConfiguration{Rules: []types.LifecycleRule{expireAfter("r", "", 1)}}})
	require.NoError(t, err)
	assert.Equal(t, types.TransitionDefaultMinimumObjectSizeVariesByStorageClass, put.TransitionDefaultMinimumObjectSize)

	_, err = c.DeleteBucketLifecycle(ctx, &s3.DeleteBucketLifecycleInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	_, err = c.GetBucketLifecycleConfiguration(ctx, get)
	requireCode(t, err, "NoSuchLifecycleConfiguration", 404)
	_, err = c.GetBucketLifecycleConfiguration(ctx, &s3.GetBucketLifecycleConfigurationInput{Bucket: aws.String("nope")})
	requireCode(t, err, "NoSuchBucket", 404)
}

// A rule without an ID gets one; every filter form is read back.
func TestLifecycle_FilterFormsRoundTrip(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	tag := types.Tag{Key: aws.String("k"), Value: aws.String("v")}
	rules := []types.LifecycleRule{
		{Status: types.ExpirationStatusEnabled, Filter: &types.LifecycleRuleFilter{Tag: &tag},
			Expiration: &types.LifecycleExpiration{Days: aws.Int32(1)}},
		{ID: aws.String("size"), Status: types.ExpirationStatusDisabled, Filter: &types.LifecycleRuleFilter{ObjectSizeGreaterThan: aws.Int64(20)},
			Expiration: &types.LifecycleExpiration{Date: aws.Time(time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC))}},
		{ID: aws.String("and"), Status: types.ExpirationStatusEnabled, Filter: &types.LifecycleRuleFilter{And: &types.LifecycleRuleAndOperator{
			Prefix: aws.String("logs/"), Tags: []types.Tag{tag}, ObjectSizeLessThan: aws.Int64(10)}},
			Transitions: []types.Transition{{Days: aws.Int32(0), StorageClass: types.TransitionStorageClassGlacier}}},
		{ID: aws.String("mpu"), Status: types.ExpirationStatusEnabled, Filter: &types.LifecycleRuleFilter{},
			AbortIncompleteMultipartUpload: &types.AbortIncompleteMultipartUpload{DaysAfterInitiation: aws.Int32(3)},
			NoncurrentVersionExpiration:    &types.NoncurrentVersionExpiration{NoncurrentDays: aws.Int32(2), NewerNoncurrentVersions: aws.Int32(1)}},
	}
	require.NoError(t, putLifecycle(c, "bkt", rules...))
	out, err := c.GetBucketLifecycleConfiguration(ctx, &s3.GetBucketLifecycleConfigurationInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	require.Len(t, out.Rules, 4)
	assert.NotEmpty(t, aws.ToString(out.Rules[0].ID), "an ID is given")
	assert.Equal(t, "v", aws.ToString(out.Rules[0].Filter.Tag.Value))
	assert.Equal(t, int64(20), aws.ToInt64(out.Rules[1].Filter.ObjectSizeGreaterThan))
	assert.Equal(t, types.ExpirationStatusDisabled, out.Rules[1].Status)
	assert.Equal(t, time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC), aws.ToTime(out.Rules[1].Expiration.Date))
	and := out.Rules[2].Filter.And
	assert.Equal(t, "logs/", aws.ToString(and.Prefix))
	assert.Equal(t, int64(10), aws.ToInt64(and.ObjectSizeLessThan))
	assert.Len(t, and.Tags, 1)
	assert.Equal(t, types.TransitionStorageClassGlacier, out.Rules[2].Transitions[0].StorageClass)
	assert.Equal(t, int32(3), aws.ToInt32(out.Rules[3].AbortIncompleteMultipartUpload.DaysAfterInitiation))
	assert.Equal(t, int32(1), aws.ToInt32(out.Rules[3].NoncurrentVersionExpiration.NewerNoncurrentVersions))
}

// S3's refusals, as AWS answers them (shared/aws-recordings, s3
// TestS3BucketLifecycle::test_put_bucket_lifecycle_conf_exc: missing-filter,
// wrong-filter-and-plus-prefix, wrong-filter-and-and-object-size,
// missing-noncurrent-version-expiration-data, expired-delete-marker-and-
// days, wrong-data-no-midnight, duplicate-tag-keys;
// test_s3_transition_default_minimum_object_size bad-value); a refused
// configuration leaves the one in place.
func TestLifecycle_Validation(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	require.NoError(t, putLifecycle(c, "bkt", expireAfter("keep", "", 7)))
	on := types.ExpirationStatusEnabled
	days := &types.LifecycleExpiration{Days: aws.Int32(1)}
	tag := func(k string) types.Tag { return types.Tag{Key: aws.String(k), Value: aws.String("v")} }
	many := make([]types.LifecycleRule, 1001)
	for i := range many {
		many[i] = expireAfter(fmt.Sprint(i), "", 1)
	}
	cases := []struct {
		name    string
		rules   []types.LifecycleRule
		code    string
		message string
	}{
		{"missing-filter", []types.LifecycleRule{{ID: aws.String("a"), Status: on, Expiration: days}}, "MalformedXML", ""},
		{"and-plus-prefix", []types.LifecycleRule{{ID: aws.String("a"), Status: on, Expiration: days,
			Filter: &types.LifecycleRuleFilter{Prefix: aws.String("p"), And: &types.LifecycleRuleAndOperator{Prefix: aws.String("q")}}}}, "MalformedXML", ""},
		{"and-plus-size", []types.LifecycleRule{{ID: aws.String("a"), Status: on, Expiration: days,
			Filter: &types.LifecycleRuleFilter{ObjectSizeGreaterThan: aws.Int64(1), And: &types.LifecycleRuleAndOperator{Prefix: aws.String("q")}}}}, "MalformedXML", ""},
		{"noncurrent-without-days", []types.LifecycleRule{{ID: aws.String("a"), Status: on, Filter: &types.LifecycleRuleFilter{},
			NoncurrentVersionExpiration: &types.NoncurrentVersionExpiration{}}}, "MalformedXML", ""},
		{"marker-and-days", []types.LifecycleRule{{ID: aws.String("a"), Status: on, Filter: &types.LifecycleRuleFilter{},
			Expiration: &types.LifecycleExpiration{Days: aws.Int32(1), ExpiredObjectDeleteMarker: aws.Bool(true)}}}, "MalformedXML", ""},
		{"date-not-midnight", []types.LifecycleRule{{ID: aws.String("a"), Status: on, Filter: &types.LifecycleRuleFilter{},
			Expiration: &types.LifecycleExpiration{Date: aws.Time(time.Date(2031, 1, 1, 10, 0, 0, 0, time.UTC))}}},
			"InvalidArgument", "'Date' must be at midnight GMT"},
		{"duplicate-tag-keys", []types.LifecycleRule{{ID: aws.String("a"), Status: on, Expiration: days,
			Filter: &types.LifecycleRuleFilter{And: &types.LifecycleRuleAndOperator{Tags: []types.Tag{tag("k"), tag("k")}}}}},
			"InvalidRequest", "Duplicate Tag Keys are not allowed."},
		{"zero-days", []types.LifecycleRule{expireAfter("a", "", 0)}, "InvalidArgument", "'Days' for Expiration action must be a positive integer"},
		{"duplicate-ids", []types.LifecycleRule{expireAfter("a", "", 1), expireAfter("a", "x", 1)},
			"InvalidArgument", "Rule ID must be unique. Found same ID for more than one rule"},
		{"no-action", []types.LifecycleRule{{ID: aws.String("a"), Status: on, Filter: &types.LifecycleRuleFilter{}}},
			"InvalidRequest", "At least one action needs to be specified in a rule"},
		{"ia-before-30-days", []types.LifecycleRule{{ID: aws.String("a"), Status: on, Filter: &types.LifecycleRuleFilter{},
			Transitions: []types.Transition{{Days: aws.Int32(29), StorageClass: types.TransitionStorageClassStandardIa}}}},
			"InvalidArgument", "'Days' in Transition action for StorageClass STANDARD_IA must be greater than or equal to 30"},
		{"abort-with-tags", []types.LifecycleRule{{ID: aws.String("a"), Status: on, Filter: &types.LifecycleRuleFilter{Tag: &types.Tag{Key: aws.String("k"), Value: aws.String("v")}},
			AbortIncompleteMultipartUpload: &types.AbortIncompleteMultipartUpload{DaysAfterInitiation: aws.Int32(1)}}},
			"InvalidRequest", "AbortIncompleteMultipartUpload cannot be specified with Tags."},
		{"1001-rules", many, "InvalidRequest", "The number of lifecycle rules should not exceed allowed limit of 1000 rules"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := putLifecycle(c, "bkt", tc.rules...)
			requireCode(t, err, tc.code, 400)
			if tc.message != "" {
				assert.Contains(t, err.Error(), tc.message)
			}
		})
	}
	_, err := c.PutBucketLifecycleConfiguration(ctx, &s3.PutBucketLifecycleConfigurationInput{Bucket: aws.String("bkt"),
		TransitionDefaultMinimumObjectSize: "value",
		LifecycleConfiguration:             &types.BucketLifecycleConfiguration{Rules: []types.LifecycleRule{expireAfter("r", "", 1)}}})
	requireCode(t, err, "InvalidRequest", 400)
	assert.Contains(t, err.Error(), "Invalid TransitionDefaultMinimumObjectSize found: value")

	out, err := c.GetBucketLifecycleConfiguration(ctx, &s3.GetBucketLifecycleConfigurationInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	require.Len(t, out.Rules, 1)
	assert.Equal(t, "keep", aws.ToString(out.Rules[0].ID), "a refused configuration changes nothing")
}

// A bucket deleted and created again has no configuration
// (test_delete_lifecycle_configuration_on_bucket_deletion).
func TestLifecycle_GoesWithTheBucket(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	require.NoError(t, putLifecycle(c, "bkt", expireAfter("wholebucket", "", 7)))
	_, err := c.DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	createBucket(t, c, "bkt")
	_, err = c.GetBucketLifecycleConfiguration(ctx, &s3.GetBucketLifecycleConfigurationInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "NoSuchLifecycleConfiguration", 404)
}
