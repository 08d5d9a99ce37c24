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
