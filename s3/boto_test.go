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
