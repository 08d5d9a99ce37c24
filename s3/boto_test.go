package s3_test

import (
	"os/exec"
	"testing"
)

// boto3 follows S3's 301 to a bucket of another region: a us-east-1 client
// reads an object of a bucket created in eu-central-1, path style.
func TestBoto3_FollowsTheRedirectToTheBucketsRegion(t *testing.T) {
	if err := exec.Command("python3", "-c", "import boto3").Run(); err != nil {
		t.Skip("python3 with boto3 not available")
	}
	url := newServer(t)
	script := `
import sys, boto3
from botocore.config import Config
def client(region):
    return boto3.client("s3", region_name=region, endpoint_url=sys.argv[1],
        aws_access_key_id="test", aws_secret_access_key="test",
        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}))
eu = client("eu-central-1")
eu.create_bucket(Bucket="euro", CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
eu.put_object(Bucket="euro", Key="k", Body=b"through the redirect")
us = client("us-east-1")
sys.stdout.write(us.get_object(Bucket="euro", Key="k")["Body"].read().decode())
`
	out, err := exec.Command("python3", "-c", script, url).CombinedOutput()
	if err != nil {
		t.Fatalf("boto3: %v\n%s", err, out)
	}
	if string(out) != "through the redirect" {
		t.Fatalf("boto3 read %q", out)
	}
}

// boto3 reads user metadata back under the key it was written with: S3
// sends x-amz-meta-md lower-case, and botocore keeps the case it receives.
func TestBoto3_ReadsMetadataKeysLowerCase(t *testing.T) {
	if err := exec.Command("python3", "-c", "import boto3").Run(); err != nil {
		t.Skip("python3 with boto3 not available")
	}
	url := newServer(t)
	script := `
import sys, json, boto3
from botocore.config import Config
s3 = boto3.client("s3", region_name="us-east-1", endpoint_url=sys.argv[1],
    aws_access_key_id="test", aws_secret_access_key="test",
    config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}))
s3.create_bucket(Bucket="meta")
s3.put_object(Bucket="meta", Key="k", Body=b"v", Metadata={"md": "x"})
head = s3.head_object(Bucket="meta", Key="k")["Metadata"]
get = s3.get_object(Bucket="meta", Key="k")["Metadata"]
sys.stdout.write(json.dumps([head, get]))
`
	out, err := exec.Command("python3", "-c", script, url).CombinedOutput()
	if err != nil {
		t.Fatalf("boto3: %v\n%s", err, out)
	}
	if string(out) != `[{"md": "x"}, {"md": "x"}]` {
		t.Fatalf("boto3 read %s", out)
	}
}

// The Content-Type of S3's answers as botocore sees them over the wire (the
// peer's AWS-verified test_header_content_type): application/xml on
// ListBuckets, ListObjectVersions and the bodiless HeadBucket, none on
// PutObject, the object's own on GetObject.
func TestBoto3_ContentTypeOfAnswers(t *testing.T) {
	if err := exec.Command("python3", "-c", "import boto3").Run(); err != nil {
		t.Skip("python3 with boto3 not available")
	}
	url := newServer(t)
	script := `
import sys, json, boto3
from botocore.config import Config
s3 = boto3.client("s3", region_name="us-east-1", endpoint_url=sys.argv[1],
    aws_access_key_id="test", aws_secret_access_key="test",
    config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}))
s3.create_bucket(Bucket="content-types")
ct = lambda r: r["ResponseMetadata"]["HTTPHeaders"].get("content-type")
out = [ct(s3.list_buckets()), ct(s3.list_object_versions(Bucket="content-types")), ct(s3.head_bucket(Bucket="content-types")),
    ct(s3.put_object(Bucket="content-types", Key="key", Body=b"data")), ct(s3.get_object(Bucket="content-types", Key="key"))]
sys.stdout.write(json.dumps(out))
`
	out, err := exec.Command("python3", "-c", script, url).CombinedOutput()
	if err != nil {
		t.Fatalf("boto3: %v\n%s", err, out)
	}
	if want := `["application/xml", "application/xml", "application/xml", null, "binary/octet-stream"]`; string(out) != want {
		t.Fatalf("boto3 saw %s, want %s", out, want)
	}
}

// boto3's legacy put_bucket_lifecycle (rules with a Prefix and no Filter,
// which aws-sdk-go-v2 no longer has) is stored and read back, and
// head_object reports the expiry it gives.
func TestBoto3_LegacyPutBucketLifecycle(t *testing.T) {
	if err := exec.Command("python3", "-c", "import boto3").Run(); err != nil {
		t.Skip("python3 with boto3 not available")
	}
	url := newServer(t)
	script := `
import sys, boto3
c = boto3.client("s3", region_name="us-east-1", endpoint_url=sys.argv[1],
    aws_access_key_id="test", aws_secret_access_key="test")
c.create_bucket(Bucket="legacy")
c.put_bucket_lifecycle(Bucket="legacy", LifecycleConfiguration={"Rules": [
    {"ID": "old-logs", "Prefix": "logs/", "Status": "Enabled", "Expiration": {"Days": 3}}]})
rule = c.get_bucket_lifecycle(Bucket="legacy")["Rules"][0]
c.put_object(Bucket="legacy", Key="logs/a", Body=b"x")
head = c.head_object(Bucket="legacy", Key="logs/a")
sys.stdout.write(rule["ID"] + " " + rule["Prefix"] + " " + head["Expiration"].split(",")[-1].strip())
`
	out, err := exec.Command("python3", "-c", script, url).CombinedOutput()
	if err != nil {
		t.Fatalf("boto3: %v\n%s", err, out)
	}
	if string(out) != `old-logs logs/ rule-id="old-logs"` {
		t.Fatalf("boto3 read %q", out)
	}
}
