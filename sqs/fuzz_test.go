package sqs

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/ids"
)

// jumpClock is a fake clock that jumps to the instant of every channel
// timer armed on it, so that a long poll under fuzzing ends at once, at its
// deadline, instead of blocking.
type jumpClock struct{ *clock.Fake }

func (c jumpClock) TimerAt(at time.Time) clock.Timer {
	c.Set(at)
	return c.Fake.TimerAt(at)
}

// fuzzService is a service with a standard queue q holding a message in
// flight and one visible, a FIFO queue q.fifo, and a dead-letter queue dlq.
func fuzzService(t testing.TB) *Service {
	clk := jumpClock{clock.NewFake(t0)}
	env := &cloudenv.Env{Clock: clk, Bus: bus.New(clk), IDs: ids.New(1), Region: "us-east-1",
		AccountID: "000000000000", URL: "http://awsfake.localhost"}
	s := New(env)
	env.Attach(s.Describe())
	t.Cleanup(s.Close)
	ctx := context.Background()
	for _, in := range []CreateQueueInput{{QueueName: "dlq"}, {QueueName: "q",
		Attributes: map[string]string{"RedrivePolicy": `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":2}`}},
		{QueueName: "q.fifo", Attributes: map[string]string{"FifoQueue": "true"}}} {
		if _, err := s.CreateQueue(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	for range 2 {
		if _, err := s.SendMessage(ctx, SendMessageInput{QueueUrl: queueURLForTest("q"), MessageBody: "m"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.ReceiveMessage(ctx, ReceiveMessageInput{QueueUrl: queueURLForTest("q")}); err != nil {
		t.Fatal(err)
	}
	return s
}

func queueURLForTest(name string) string { return "http://awsfake.localhost/000000000000/" + name }

var jsonSeeds = map[string]string{
	"CreateQueue":                  `{"QueueName":"n","Attributes":{"VisibilityTimeout":"5","FifoQueue":"false"},"tags":{"a":"b"}}`,
	"GetQueueUrl":                  `{"QueueName":"q"}`,
	"ListQueues":                   `{"QueueNamePrefix":"q","MaxResults":1,"NextToken":"cQ"}`,
	"DeleteQueue":                  `{"QueueUrl":"http://x/000000000000/q"}`,
	"PurgeQueue":                   `{"QueueUrl":"http://x/000000000000/q"}`,
	"GetQueueAttributes":           `{"QueueUrl":"http://x/000000000000/q","AttributeNames":["All"]}`,
	"SetQueueAttributes":           `{"QueueUrl":"http://x/000000000000/q","Attributes":{"DelaySeconds":"1","RedriveAllowPolicy":"{\"redrivePermission\":\"denyAll\"}"}}`,
	"TagQueue":                     `{"QueueUrl":"http://x/000000000000/q","Tags":{"k":"v"}}`,
	"UntagQueue":                   `{"QueueUrl":"http://x/000000000000/q","TagKeys":["k"]}`,
	"ListQueueTags":                `{"QueueUrl":"http://x/000000000000/q"}`,
	"AddPermission":                `{"QueueUrl":"http://x/000000000000/q","Label":"l","AWSAccountIds":["1"],"Actions":["*"]}`,
	"RemovePermission":             `{"QueueUrl":"http://x/000000000000/q","Label":"l"}`,
	"SendMessage":                  `{"QueueUrl":"http://x/000000000000/q.fifo","MessageBody":"b","MessageGroupId":"g","MessageDeduplicationId":"d","MessageAttributes":{"a":{"DataType":"Binary","BinaryValue":"AAE="}}}`,
	"SendMessageBatch":             `{"QueueUrl":"http://x/000000000000/q","Entries":[{"Id":"1","MessageBody":"b","DelaySeconds":3}]}`,
	"ReceiveMessage":               `{"QueueUrl":"http://x/000000000000/q","MaxNumberOfMessages":10,"WaitTimeSeconds":2,"AttributeNames":["All"],"MessageAttributeNames":["a.*"]}`,
	"DeleteMessage":                `{"QueueUrl":"http://x/000000000000/q","ReceiptHandle":"AQEBAQAAAAAAAAAAAgAAAAAAAAABAAAAAQAAAAAAAAAA"}`,
	"DeleteMessageBatch":           `{"QueueUrl":"http://x/000000000000/q","Entries":[{"Id":"1","ReceiptHandle":"h"}]}`,
	"ChangeMessageVisibility":      `{"QueueUrl":"q","ReceiptHandle":"h","VisibilityTimeout":0}`,
	"ChangeMessageVisibilityBatch": `{"QueueUrl":"http://x/000000000000/q","Entries":[{"Id":"1","ReceiptHandle":"h","VisibilityTimeout":5}]}`,
	"ListDeadLetterSourceQueues":   `{"QueueUrl":"http://x/000000000000/dlq","MaxResults":1}`,
	"StartMessageMoveTask":         `{"SourceArn":"arn:aws:sqs:us-east-1:000000000000:dlq","MaxNumberOfMessagesPerSecond":1}`,
	"ListMessageMoveTasks":         `{"SourceArn":"arn:aws:sqs:us-east-1:000000000000:dlq","MaxResults":10}`,
	"CancelMessageMoveTask":        `{"TaskHandle":"eyJ0YXNrSWQiOiJ4Iiwic291cmNlQXJuIjoiYXJuOmF3czpzcXM6dXMtZWFzdC0xOjAwMDAwMDAwMDAwMDpkbHEifQ=="}`,
}

// FuzzServeJSON feeds arbitrary AWS JSON requests to the wire binding: no
// input may panic or fail as a server error, and every answer is JSON.
func FuzzServeJSON(f *testing.F) {
	for op, body := range jsonSeeds {
		f.Add(op, []byte(body))
	}
	f.Fuzz(func(t *testing.T, op string, body []byte) {
		s := fuzzService(t)
		req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
		req.Header.Set("X-Amz-Target", jsonTargets.Prefix+op)
		req.Header.Set("Content-Type", "application/x-amz-json-1.0")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %q: status %d: %s", op, body, rec.Code, rec.Body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("%s %q: not JSON: %s", op, body, rec.Body)
		}
	})
}

// FuzzServeQuery feeds arbitrary Query forms to the wire binding: no input
// may panic or fail as a server error, and every answer is XML.
func FuzzServeQuery(f *testing.F) {
	for _, form := range []string{
		"Action=CreateQueue&QueueName=n&Attribute.1.Name=DelaySeconds&Attribute.1.Value=3&Tag.1.Key=k&Tag.1.Value=v",
		"Action=SendMessage&QueueUrl=http%3A%2F%2Fx%2F000000000000%2Fq&MessageBody=b&MessageAttribute.1.Name=a&MessageAttribute.1.Value.DataType=Binary&MessageAttribute.1.Value.BinaryValue=AAE%3D",
		"Action=SendMessageBatch&QueueUrl=http%3A%2F%2Fx%2F000000000000%2Fq&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=b&SendMessageBatchRequestEntry.1.DelaySeconds=2",
		"Action=ReceiveMessage&QueueUrl=http%3A%2F%2Fx%2F000000000000%2Fq&MaxNumberOfMessages=10&WaitTimeSeconds=3&AttributeName.1=All&MessageAttributeName.1=All",
		"Action=DeleteMessageBatch&QueueUrl=http%3A%2F%2Fx%2F000000000000%2Fq&DeleteMessageBatchRequestEntry.1.Id=a&DeleteMessageBatchRequestEntry.1.ReceiptHandle=h",
		"Action=ChangeMessageVisibilityBatch&QueueUrl=http%3A%2F%2Fx%2F000000000000%2Fq&ChangeMessageVisibilityBatchRequestEntry.1.Id=a&ChangeMessageVisibilityBatchRequestEntry.1.ReceiptHandle=h&ChangeMessageVisibilityBatchRequestEntry.1.VisibilityTimeout=3",
		"Action=GetQueueAttributes&QueueUrl=http%3A%2F%2Fx%2F000000000000%2Fq&AttributeName.1=All",
		"Action=SetQueueAttributes&QueueUrl=http%3A%2F%2Fx%2F000000000000%2Fq&Attribute.1.Name=Policy&Attribute.1.Value=%7B%7D",
		"Action=AddPermission&QueueUrl=http%3A%2F%2Fx%2F000000000000%2Fq&Label=l&AWSAccountId.1=1&ActionName.1=SendMessage",
		"Action=ListQueues&MaxResults=1&QueueNamePrefix=q",
		"Action=StartMessageMoveTask&SourceArn=arn%3Aaws%3Asqs%3Aus-east-1%3A000000000000%3Adlq",
		"Action=UntagQueue&QueueUrl=http%3A%2F%2Fx%2F000000000000%2Fq&TagKey.1=k",
		"Action=ChangeMessageVisibility&ReceiptHandle=h&VisibilityTimeout=x",
		"Action=SendMessage&QueueUrl=q&MessageBody=by+name",
		"%zz",
	} {
		f.Add("/", form)
		f.Add("/000000000000/q", form)
	}
	f.Fuzz(func(t *testing.T, path, form string) {
		u, err := url.Parse(path)
		if err != nil {
			return
		}
		s := fuzzService(t)
		req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(form))
		req.URL = u
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %q: status %d: %s", path, form, rec.Code, rec.Body)
		}
		var anyXML struct{ XMLName xml.Name }
		if err := xml.Unmarshal(rec.Body.Bytes(), &anyXML); err != nil {
			t.Fatalf("%s %q: not XML (%v): %s", path, form, err, rec.Body)
		}
	})
}
