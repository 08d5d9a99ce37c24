package main

import (
	"os/exec"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake"
)

// boto3 signing with the test key and a wrong secret gets
// SignatureDoesNotMatch, and with the right secret its answer.
func TestBoto3_VerificationRefusesAWrongSecret(t *testing.T) {
	if testing.Short() {
		t.Skip("runs python3")
	}
	py, err := exec.LookPath("python3")
	if err != nil || exec.Command(py, "-c", "import boto3").Run() != nil {
		t.Skip("no python3 with boto3")
	}
	s := startServer(t, "-verify-sigv4")
	script := `
import sys, boto3, botocore
c = boto3.client("sts", endpoint_url=sys.argv[1], region_name="us-east-1",
	aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3])
try:
	print(c.get_caller_identity()["Account"])
except botocore.exceptions.ClientError as e:
	print(e.response["Error"]["Code"])
`
	run := func(secret string) string {
		out, err := exec.Command(py, "-c", script, s.url, awsfake.TestAccessKeyID, secret).CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		return string(out)
	}
	assert.Equal(t, "SignatureDoesNotMatch\n", run("wrong"))
	assert.Equal(t, "000000000000\n", run(awsfake.TestSecretAccessKey))
}

// botocore sends "Expect: 100-continue" with every PutObject and, when an
// empty-bodied one is answered without a 100, parses the next one's answer
// on the same connection with the first one's status line (issue 10: the
// second PUT stalled for a minute). With one attempt and a short read
// timeout, the sequence fails unless each PUT gets its 100.
func TestBoto3_EmptyPutThenPutOnOneConnection(t *testing.T) {
	if testing.Short() {
		t.Skip("runs python3")
	}
	py, err := exec.LookPath("python3")
	if err != nil || exec.Command(py, "-c", "import boto3").Run() != nil {
		t.Skip("no python3 with boto3")
	}
	s := startServer(t)
	script := `
import sys, boto3
from botocore.config import Config
c = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1",
	aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3],
	config=Config(read_timeout=5, retries={"total_max_attempts": 1}))
c.create_bucket(Bucket="empty-put")
c.put_object(Bucket="empty-put", Key="empty", Body=b"")
c.put_object(Bucket="empty-put", Key="hello", Body=b"hello")
c.put_object(Bucket="empty-put", Key="empty2", Body=b"")
print(c.get_object(Bucket="empty-put", Key="hello")["Body"].read().decode())
`
	out, err := exec.Command(py, "-c", script, s.url, awsfake.TestAccessKeyID, awsfake.TestSecretAccessKey).CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	assert.Equal(t, "hello\n", string(out))
}
