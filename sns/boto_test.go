package sns_test

import (
	"net/http/httptest"
	"os/exec"
	"testing"

	"github.com/awsfake/awsfake"
)

// boto3, as a Python test writes it, sends a boolean topic attribute as
// str(True) or str(False): a FIFO topic so created delivers to a standard
// queue, the FIFO envelope with its SequenceNumber, and deduplicates a
// second publish. Recorded: sns
// TestSNSSubscriptionSQSFifo::test_fifo_topic_to_regular_sqs[True], [False].
func TestBoto3_FIFOTopicCreatedWithPythonBooleansDeliversToAStandardQueue(t *testing.T) {
	if err := exec.Command("python3", "-c", "import boto3").Run(); err != nil {
		t.Skip("python3 with boto3 not available")
	}
	srv := httptest.NewUnstartedServer(nil)
	cloud := awsfake.NewT(t, awsfake.WithURL("http://"+srv.Listener.Addr().String()))
	srv.Config.Handler = cloud.Handler()
	srv.Start()
	t.Cleanup(srv.Close)
	script := `
import sys, json, boto3
from botocore.config import Config
kw = dict(region_name="us-east-1", endpoint_url=sys.argv[1], aws_access_key_id="test",
          aws_secret_access_key="test", config=Config(retries={"max_attempts": 1}))
sns, sqs = boto3.client("sns", **kw), boto3.client("sqs", **kw)
for cbd in (True, False):
    topic = sns.create_topic(Name="topic-%s.fifo" % cbd,
        Attributes={"FifoTopic": "true", "ContentBasedDeduplication": str(cbd)})["TopicArn"]
    url = sqs.create_queue(QueueName="queue-%s" % cbd)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn)
    args = {"MessageGroupId": "message-group-id-1"}
    if not cbd:
        args["MessageDeduplicationId"] = "message-deduplication-id-1"
    sns.publish(TopicArn=topic, Message="Test", **args)
    got = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=10, AttributeNames=["All"])["Messages"]
    body = json.loads(got[0]["Body"])
    sqs.delete_message(QueueUrl=url, ReceiptHandle=got[0]["ReceiptHandle"])
    sns.publish(TopicArn=topic, Message="Test", **args)
    again = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=1).get("Messages", [])
    print(cbd, body["Type"], body["Message"], "SequenceNumber" in body, "Signature" in body,
          sorted(got[0]["Attributes"]), len(again))
`
	out, err := exec.Command("python3", "-c", script, srv.URL).CombinedOutput()
	if err != nil {
		t.Fatalf("boto3: %v\n%s", err, out)
	}
	attrs := "['ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SenderId', 'SentTimestamp']"
	want := "True Notification Test True False " + attrs + " 0\nFalse Notification Test True False " + attrs + " 0\n"
	if string(out) != want {
		t.Fatalf("boto3 printed\n%s\nwant\n%s", out, want)
	}
}
