package s3_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/awscli"
)

// The AWS CLI reads every sub-resource of a fresh bucket: the defaults S3
// gives one, and AWS's NoSuch... where it has none.
func TestAWSCLI_FreshBucketSubresources(t *testing.T) {
	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
		srv := newServer(t)
		bucket := "fresh-" + cli.Name()
		cli.Run(t, srv, "s3api", "create-bucket", "--bucket", bucket)
		read := func(op string) map[string]any {
			var out map[string]any
			cli.RunJSON(t, srv, &out, "s3api", op, "--bucket", bucket)
			return out
		}
		enc := read("get-bucket-encryption")["ServerSideEncryptionConfiguration"].(map[string]any)
		rule := enc["Rules"].([]any)[0].(map[string]any)
		assert.Equal(t, "AES256", rule["ApplyServerSideEncryptionByDefault"].(map[string]any)["SSEAlgorithm"])
		assert.Equal(t, false, rule["BucketKeyEnabled"])
		assert.Equal(t, map[string]any{"BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": true, "RestrictPublicBuckets": true},
			read("get-public-access-block")["PublicAccessBlockConfiguration"])
		own := read("get-bucket-ownership-controls")["OwnershipControls"].(map[string]any)
		assert.Equal(t, "BucketOwnerEnforced", own["Rules"].([]any)[0].(map[string]any)["ObjectOwnership"])
		acl := read("get-bucket-acl")
		grants := acl["Grants"].([]any)
		assert.Len(t, grants, 1)
		assert.Equal(t, "FULL_CONTROL", grants[0].(map[string]any)["Permission"])
		assert.Equal(t, "CanonicalUser", grants[0].(map[string]any)["Grantee"].(map[string]any)["Type"])
		assert.Equal(t, "BucketOwner", read("get-bucket-request-payment")["Payer"])
		assert.NotContains(t, read("get-bucket-accelerate-configuration"), "Status")
		assert.NotContains(t, read("get-bucket-logging"), "LoggingEnabled")
		for op, code := range map[string]string{
			"get-bucket-website": "NoSuchWebsiteConfiguration", "get-bucket-replication": "ReplicationConfigurationNotFoundError",
			"get-bucket-policy": "NoSuchBucketPolicy", "get-bucket-policy-status": "NoSuchBucketPolicy",
			"get-bucket-tagging": "NoSuchTagSet", "get-bucket-cors": "NoSuchCORSConfiguration",
		} {
			assert.Contains(t, cli.Fail(t, srv, "s3api", op, "--bucket", bucket), code, op)
		}
		for _, op := range []string{"list-bucket-analytics-configurations", "list-bucket-metrics-configurations",
			"list-bucket-inventory-configurations", "list-bucket-intelligent-tiering-configurations"} {
			assert.Equal(t, false, read(op)["IsTruncated"], op)
		}
	})
}
