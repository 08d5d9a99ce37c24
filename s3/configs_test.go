package s3_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/servicetest"
)

// Website: NoSuchWebsiteConfiguration on a fresh bucket, delete of none
// 204, the configuration read back as stored (shared/aws-recordings, s3
// test_crud_website_configuration), and S3's refusals.
func TestWebsite_CRUD(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	_, err := c.GetBucketWebsite(ctx, &s3.GetBucketWebsiteInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "NoSuchWebsiteConfiguration", 404)
	_, err = c.DeleteBucketWebsite(ctx, &s3.DeleteBucketWebsiteInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)

	cfg := &types.WebsiteConfiguration{
		IndexDocument: &types.IndexDocument{Suffix: aws.String("index.html")},
		ErrorDocument: &types.ErrorDocument{Key: aws.String("error.html")},
		RoutingRules: []types.RoutingRule{{
			Condition: &types.Condition{KeyPrefixEquals: aws.String("docs/")},
			Redirect:  &types.Redirect{ReplaceKeyPrefixWith: aws.String("documents/"), HttpRedirectCode: aws.String("301"), Protocol: types.ProtocolHttps},
		}},
	}
	_, err = c.PutBucketWebsite(ctx, &s3.PutBucketWebsiteInput{Bucket: aws.String("bkt"), WebsiteConfiguration: cfg})
	require.NoError(t, err)
	out, err := c.GetBucketWebsite(ctx, &s3.GetBucketWebsiteInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Equal(t, cfg.IndexDocument, out.IndexDocument)
	assert.Equal(t, cfg.ErrorDocument, out.ErrorDocument)
	assert.Equal(t, cfg.RoutingRules, out.RoutingRules)
	assert.Nil(t, out.RedirectAllRequestsTo)

	put := func(cfg *types.WebsiteConfiguration) error {
		_, err := c.PutBucketWebsite(ctx, &s3.PutBucketWebsiteInput{Bucket: aws.String("bkt"), WebsiteConfiguration: cfg})
		return err
	}
	requireCode(t, put(&types.WebsiteConfiguration{IndexDocument: &types.IndexDocument{Suffix: aws.String("a/b")}}), "InvalidArgument", 400)
	requireCode(t, put(&types.WebsiteConfiguration{ErrorDocument: &types.ErrorDocument{Key: aws.String("e")}}), "InvalidArgument", 400)
	requireCode(t, put(&types.WebsiteConfiguration{IndexDocument: &types.IndexDocument{Suffix: aws.String("i")},
		RedirectAllRequestsTo: &types.RedirectAllRequestsTo{HostName: aws.String("example.com")}}), "InvalidArgument", 400)
	requireCode(t, put(&types.WebsiteConfiguration{IndexDocument: &types.IndexDocument{Suffix: aws.String("i")},
		RoutingRules: []types.RoutingRule{{Redirect: &types.Redirect{ReplaceKeyWith: aws.String("a"), ReplaceKeyPrefixWith: aws.String("b")}}}}), "InvalidRequest", 400)
	out, err = c.GetBucketWebsite(ctx, &s3.GetBucketWebsiteInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Equal(t, cfg.IndexDocument, out.IndexDocument, "a refused put leaves the configuration")

	require.NoError(t, put(&types.WebsiteConfiguration{RedirectAllRequestsTo: &types.RedirectAllRequestsTo{HostName: aws.String("example.com"), Protocol: types.ProtocolHttps}}))
	out, err = c.GetBucketWebsite(ctx, &s3.GetBucketWebsiteInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Equal(t, &types.RedirectAllRequestsTo{HostName: aws.String("example.com"), Protocol: types.ProtocolHttps}, out.RedirectAllRequestsTo)
	_, err = c.DeleteBucketWebsite(ctx, &s3.DeleteBucketWebsiteInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	_, err = c.GetBucketWebsite(ctx, &s3.GetBucketWebsiteInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "NoSuchWebsiteConfiguration", 404)
}

// Replication: ReplicationConfigurationNotFoundError on a fresh bucket,
// versioning required, the configuration read back as stored, delete
// idempotent (shared/aws-recordings, s3 test_replication_config).
func TestReplication_CRUD(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	_, err := c.GetBucketReplication(ctx, &s3.GetBucketReplicationInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "ReplicationConfigurationNotFoundError", 404)
	cfg := &types.ReplicationConfiguration{Role: aws.String("role"), Rules: []types.ReplicationRule{{
		ID: aws.String("id"), Priority: aws.Int32(1), Status: types.ReplicationRuleStatusEnabled,
		DeleteMarkerReplication: &types.DeleteMarkerReplication{Status: types.DeleteMarkerReplicationStatusDisabled},
		Destination:             &types.Destination{Bucket: aws.String("dest-bucket")},
		Filter:                  &types.ReplicationRuleFilter{Prefix: aws.String("Tax")},
	}}}
	put := func(cfg *types.ReplicationConfiguration) error {
		_, err := c.PutBucketReplication(ctx, &s3.PutBucketReplicationInput{Bucket: aws.String("bkt"), ReplicationConfiguration: cfg})
		return err
	}
	err = put(cfg)
	requireCode(t, err, "InvalidRequest", 400)
	assert.Contains(t, err.Error(), "Versioning must be 'Enabled' on the bucket to apply a replication configuration")
	enableVersioning(t, c, "bkt")
	require.NoError(t, put(cfg))
	out, err := c.GetBucketReplication(ctx, &s3.GetBucketReplicationInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Equal(t, cfg.Role, out.ReplicationConfiguration.Role)
	assert.Equal(t, cfg.Rules, out.ReplicationConfiguration.Rules)
	requireCode(t, put(&types.ReplicationConfiguration{Role: aws.String("role"), Rules: []types.ReplicationRule{}}), "MalformedXML", 400)
	for range 2 {
		_, err = c.DeleteBucketReplication(ctx, &s3.DeleteBucketReplicationInput{Bucket: aws.String("bkt")})
		require.NoError(t, err)
	}
	_, err = c.GetBucketReplication(ctx, &s3.GetBucketReplicationInput{Bucket: aws.String("bkt")})
	requireCode(t, err, "ReplicationConfigurationNotFoundError", 404)
}

// Logging: off on a fresh bucket, the status read back as stored with its
// grants (shared/aws-recordings, s3 test_put_bucket_logging), a target
// that does not exist refused, an empty status turning it off.
func TestLogging(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	createBucket(t, c, "logs")
	owner, err := c.ListBuckets(ctx, &s3.ListBucketsInput{})
	require.NoError(t, err)
	out, err := c.GetBucketLogging(ctx, &s3.GetBucketLoggingInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Nil(t, out.LoggingEnabled)
	le := &types.LoggingEnabled{TargetBucket: aws.String("logs"), TargetPrefix: aws.String("log/"),
		TargetGrants: []types.TargetGrant{{Permission: types.BucketLogsPermissionRead,
			Grantee: &types.Grantee{Type: types.TypeCanonicalUser, ID: owner.Owner.ID}}}}
	put := func(le *types.LoggingEnabled) error {
		_, err := c.PutBucketLogging(ctx, &s3.PutBucketLoggingInput{Bucket: aws.String("bkt"), BucketLoggingStatus: &types.BucketLoggingStatus{LoggingEnabled: le}})
		return err
	}
	require.NoError(t, put(le))
	out, err = c.GetBucketLogging(ctx, &s3.GetBucketLoggingInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Equal(t, le, out.LoggingEnabled)
	requireCode(t, put(&types.LoggingEnabled{TargetBucket: aws.String("nope"), TargetPrefix: aws.String("")}), "InvalidTargetBucketForLogging", 400)
	require.NoError(t, put(nil))
	out, err = c.GetBucketLogging(ctx, &s3.GetBucketLoggingInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Nil(t, out.LoggingEnabled)
}

// Analytics configurations by id: NoSuchConfiguration for a missing one on
// Get and Delete, Put replacing by id, List in id order
// (shared/aws-recordings, s3 test_s3_analytics_configurations).
func TestAnalyticsConfigurations(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	_, err := c.GetBucketAnalyticsConfiguration(ctx, &s3.GetBucketAnalyticsConfigurationInput{Bucket: aws.String("bkt"), Id: aws.String("a")})
	requireCode(t, err, "NoSuchConfiguration", 404)
	_, err = c.DeleteBucketAnalyticsConfiguration(ctx, &s3.DeleteBucketAnalyticsConfigurationInput{Bucket: aws.String("bkt"), Id: aws.String("a")})
	requireCode(t, err, "NoSuchConfiguration", 404)
	cfg := func(id, prefix string) *types.AnalyticsConfiguration {
		return &types.AnalyticsConfiguration{Id: aws.String(id), Filter: &types.AnalyticsFilterMemberPrefix{Value: prefix},
			StorageClassAnalysis: &types.StorageClassAnalysis{DataExport: &types.StorageClassAnalysisDataExport{
				OutputSchemaVersion: types.StorageClassAnalysisSchemaVersionV1,
				Destination: &types.AnalyticsExportDestination{S3BucketDestination: &types.AnalyticsS3BucketDestination{
					Bucket: aws.String("arn:aws:s3:::bkt"), Format: types.AnalyticsS3ExportFileFormatCsv, Prefix: aws.String("test")}}}}}
	}
	put := func(c2 *types.AnalyticsConfiguration) {
		_, err := c.PutBucketAnalyticsConfiguration(ctx, &s3.PutBucketAnalyticsConfigurationInput{Bucket: aws.String("bkt"), Id: c2.Id, AnalyticsConfiguration: c2})
		require.NoError(t, err)
	}
	put(cfg("b", "one"))
	put(cfg("a", "two"))
	put(cfg("b", "three"))
	got, err := c.GetBucketAnalyticsConfiguration(ctx, &s3.GetBucketAnalyticsConfigurationInput{Bucket: aws.String("bkt"), Id: aws.String("b")})
	require.NoError(t, err)
	assert.Equal(t, cfg("b", "three"), got.AnalyticsConfiguration)
	list, err := c.ListBucketAnalyticsConfigurations(ctx, &s3.ListBucketAnalyticsConfigurationsInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Equal(t, []types.AnalyticsConfiguration{*cfg("a", "two"), *cfg("b", "three")}, list.AnalyticsConfigurationList)
	assert.Equal(t, aws.Bool(false), list.IsTruncated)
	_, err = c.DeleteBucketAnalyticsConfiguration(ctx, &s3.DeleteBucketAnalyticsConfigurationInput{Bucket: aws.String("bkt"), Id: aws.String("a")})
	require.NoError(t, err)
	list, err = c.ListBucketAnalyticsConfigurations(ctx, &s3.ListBucketAnalyticsConfigurationsInput{Bucket: aws.String("bkt")})
	require.NoError(t, err)
	assert.Len(t, list.AnalyticsConfigurationList, 1)
	_, err = c.PutBucketAnalyticsConfiguration(ctx, &s3.PutBucketAnalyticsConfigurationInput{Bucket: aws.String("bkt"), Id: aws.String("other"), AnalyticsConfiguration: cfg("x", "p")})
	requireCode(t, err, "InvalidArgument", 400)
}

// Metrics, inventory and intelligent-tiering configurations: stored by id,
// read back and listed as sent, NoSuchConfiguration once deleted
// (shared/aws-recordings, s3 test_delete_metrics_configuration).
func TestMetricsInventoryTieringConfigurations(t *testing.T) {
	ctx := context.Background()
	_, c, _ := newS3(t)
	createBucket(t, c, "bkt")
	b := aws.String("bkt")
	m := &types.MetricsConfiguration{Id: aws.String("m"), Filter: &types.MetricsFilterMemberPrefix{Value: "p/"}}
	_, err := c.PutBucketMetricsConfiguration(ctx, &s3.PutBucketMetricsConfigurationInput{Bucket: b, Id: m.Id, MetricsConfiguration: m})
	require.NoError(t, err)
	gm, err := c.GetBucketMetricsConfiguration(ctx, &s3.GetBucketMetricsConfigurationInput{Bucket: b, Id: m.Id})
	require.NoError(t, err)
	assert.Equal(t, m, gm.MetricsConfiguration)
	lm, err := c.ListBucketMetricsConfigurations(ctx, &s3.ListBucketMetricsConfigurationsInput{Bucket: b})
	require.NoError(t, err)
	assert.Equal(t, []types.MetricsConfiguration{*m}, lm.MetricsConfigurationList)
	_, err = c.DeleteBucketMetricsConfiguration(ctx, &s3.DeleteBucketMetricsConfigurationInput{Bucket: b, Id: m.Id})
	require.NoError(t, err)
	_, err = c.DeleteBucketMetricsConfiguration(ctx, &s3.DeleteBucketMetricsConfigurationInput{Bucket: b, Id: m.Id})
	requireCode(t, err, "NoSuchConfiguration", 404)

	inv := &types.InventoryConfiguration{Id: aws.String("i"), IsEnabled: aws.Bool(true), IncludedObjectVersions: types.InventoryIncludedObjectVersionsCurrent,
		Schedule:       &types.InventorySchedule{Frequency: types.InventoryFrequencyDaily},
		Destination:    &types.InventoryDestination{S3BucketDestination: &types.InventoryS3BucketDestination{Bucket: aws.String("arn:aws:s3:::bkt"), Format: types.InventoryFormatCsv}},
		OptionalFields: []types.InventoryOptionalField{types.InventoryOptionalFieldSize, types.InventoryOptionalFieldETag}}
	_, err = c.PutBucketInventoryConfiguration(ctx, &s3.PutBucketInventoryConfigurationInput{Bucket: b, Id: inv.Id, InventoryConfiguration: inv})
	require.NoError(t, err)
	gi, err := c.GetBucketInventoryConfiguration(ctx, &s3.GetBucketInventoryConfigurationInput{Bucket: b, Id: inv.Id})
	require.NoError(t, err)
	assert.Equal(t, inv, gi.InventoryConfiguration)
	li, err := c.ListBucketInventoryConfigurations(ctx, &s3.ListBucketInventoryConfigurationsInput{Bucket: b})
	require.NoError(t, err)
	assert.Equal(t, []types.InventoryConfiguration{*inv}, li.InventoryConfigurationList)

	it := &types.IntelligentTieringConfiguration{Id: aws.String("t"), Status: types.IntelligentTieringStatusEnabled,
		Tierings: []types.Tiering{{AccessTier: types.IntelligentTieringAccessTierArchiveAccess, Days: aws.Int32(90)}}}
	_, err = c.PutBucketIntelligentTieringConfiguration(ctx, &s3.PutBucketIntelligentTieringConfigurationInput{Bucket: b, Id: it.Id, IntelligentTieringConfiguration: it})
	require.NoError(t, err)
	gt, err := c.GetBucketIntelligentTieringConfiguration(ctx, &s3.GetBucketIntelligentTieringConfigurationInput{Bucket: b, Id: it.Id})
	require.NoError(t, err)
	assert.Equal(t, it, gt.IntelligentTieringConfiguration)
	lt, err := c.ListBucketIntelligentTieringConfigurations(ctx, &s3.ListBucketIntelligentTieringConfigurationsInput{Bucket: b})
	require.NoError(t, err)
	assert.Equal(t, []types.IntelligentTieringConfiguration{*it}, lt.IntelligentTieringConfigurationList)
	_, err = c.GetBucketIntelligentTieringConfiguration(ctx, &s3.GetBucketIntelligentTieringConfigurationInput{Bucket: b, Id: aws.String("zz")})
	requireCode(t, err, "NoSuchConfiguration", 404)
}

// The NoSuch... codes of the configurations answer alike raised or
// injected.
func TestConfigurationCodes_RealAndInjectedAnswerAlike(t *testing.T) {
	ctx := context.Background()
	cloud, c, _ := newS3(t, noBackoff)
	createBucket(t, c, "bkt")
	b := aws.String("bkt")
	_, err := c.DeletePublicAccessBlock(ctx, &s3.DeletePublicAccessBlockInput{Bucket: b})
	require.NoError(t, err)
	_, err = c.DeleteBucketOwnershipControls(ctx, &s3.DeleteBucketOwnershipControlsInput{Bucket: b})
	require.NoError(t, err)
	calls := map[string]func() error{
		"GetPublicAccessBlock": func() error {
			_, err := c.GetPublicAccessBlock(ctx, &s3.GetPublicAccessBlockInput{Bucket: b})
			return err
		},
		"GetBucketOwnershipControls": func() error {
			_, err := c.GetBucketOwnershipControls(ctx, &s3.GetBucketOwnershipControlsInput{Bucket: b})
			return err
		},
		"GetBucketWebsite": func() error { _, err := c.GetBucketWebsite(ctx, &s3.GetBucketWebsiteInput{Bucket: b}); return err },
		"GetBucketReplication": func() error {
			_, err := c.GetBucketReplication(ctx, &s3.GetBucketReplicationInput{Bucket: b})
			return err
		},
		"GetBucketMetricsConfiguration": func() error {
			_, err := c.GetBucketMetricsConfiguration(ctx, &s3.GetBucketMetricsConfigurationInput{Bucket: b, Id: aws.String("x")})
			return err
		},
	}
	for op, call := range calls {
		real := call()
		code, status := apiError(t, real)
		assert.Equal(t, 404, status, op)
		cloud.S3().InjectFault(op, code, 1)
		servicetest.CheckSameAnswer(t, real, call())
	}
}
