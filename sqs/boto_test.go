package sqs_test

import (
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"

	"github.com/awsfake/awsfake"
)

// runBoto3 runs a Python script with boto3 against a served cloud (the
// script's sys.argv[1] is its URL) and returns what it printed. It skips when
// python3 with boto3 is missing.
func runBoto3(t *testing.T, script string) string {
	t.Helper()
	if err := exec.Command("python3", "-c", "import boto3").Run(); err != nil {
		t.Skip("python3 with boto3 not available")
	}
	srv := httptest.NewUnstartedServer(nil)
	cloud := awsfake.NewT(t, awsfake.WithURL("http://"+srv.Listener.Addr().String()))
	srv.Config.Handler = cloud.Handler()
	srv.Start()
	t.Cleanup(srv.Close)
	prelude := `
import sys, boto3
from botocore.config import Config
sqs = boto3.client("sqs", region_name="us-east-1", endpoint_url=sys.argv[1],
    aws_access_key_id="test", aws_secret_access_key="test", config=Config(retries={"max_attempts": 1}))
`
	out, err := exec.Command("python3", "-c", prelude+script, srv.URL).CombinedOutput()
	if err != nil {
		t.Fatalf("boto3: %v\n%s", err, out)
	}
	return strings.TrimSpace(string(out))
}

// botocore 1.43 speaks JSON and maps the code through x-amzn-query-error
// (Code is the legacy code, QueryErrorCode the shape name), so its modelled
// exception is still QueueDoesNotExist with the shape id in X-Amzn-ErrorType
// and __type.
func TestBoto3_ReadsQueueDoesNotExist(t *testing.T) {
	out := runBoto3(t, `
try:
    sqs.get_queue_url(QueueName="missing")
except sqs.exceptions.QueueDoesNotExist as e:
    err = e.response["Error"]
    print(err["Code"], err["QueryErrorCode"], err["Type"])
`)
	if out != "AWS.SimpleQueueService.NonExistentQueue QueueDoesNotExist Sender" {
		t.Fatalf("boto3 saw %q", out)
	}
}

// boto3 sends, receives and changes visibility with a bare queue name, as
// the peer's AWS-verified tests do.
func TestBoto3_ABareQueueName(t *testing.T) {
	out := runBoto3(t, `
sqs.create_queue(QueueName="named")
sqs.send_message(QueueUrl="named", MessageBody="by name")
m = sqs.receive_message(QueueUrl="named")["Messages"][0]
sqs.change_message_visibility(QueueUrl="named", ReceiptHandle=m["ReceiptHandle"], VisibilityTimeout=0)
print(sqs.receive_message(QueueUrl="named")["Messages"][0]["Body"])
`)
	if out != "by name" {
		t.Fatalf("boto3 saw %q", out)
	}
}
