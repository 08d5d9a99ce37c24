package bench_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awslambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/lambda"
	"github.com/awsfake/awsfake/sqs"
)

// The rows of issue 15's table: each alternates, in every iteration, the
// real SDK served by the fake and the same calls served by the fake's own
// recorded answers replayed (canned), through the same in-memory transport.
// floor-ns/op is the canned side, fake-ns/op the fake, ratio fake/floor.

const floorNames0, floorNames1 = "floor-ns/op", "fake-ns/op"

// floorCloud returns a cloud and the config whose HTTP client is the
// floor's ([0]) or the fake's ([1]), and the floor to stop once warm.
func floorCloud(b *testing.B) (*awsfake.Cloud, [2]aws.Config, *canned) {
	b.Helper()
	cloud := awsfake.New()
	b.Cleanup(func() { _ = cloud.Close() })
	floor := newCanned(cloud.Handler())
	var cfgs [2]aws.Config
	for i, hc := range clientPair(cloud.Handler(), floor) {
		cfgs[i] = cloud.AWSConfig()
		cfgs[i].HTTPClient = hc
	}
	return cloud, cfgs, floor
}

// warm runs call(0) and call(1) once, the floor recording, then stops it.
func warm(b *testing.B, floor *canned, call func(i int) error) {
	b.Helper()
	for i := range 2 {
		if err := call(i); err != nil {
			b.Fatal(err)
		}
	}
	floor.stop()
}

func sqsQueue(b *testing.B, c *awssqs.Client, name string) *string {
	b.Helper()
	out, err := c.CreateQueue(context.Background(), &awssqs.CreateQueueInput{QueueName: aws.String(name)})
	if err != nil {
		b.Fatal(err)
	}
	return out.QueueUrl
}

const msgBody = `{"order":"o-1234567890","customer":"c-42","items":[1,2,3],"total":99.5}`

// BenchmarkFloor_SQSCycle is SendMessage, ReceiveMessage and DeleteMessage.
func BenchmarkFloor_SQSCycle(b *testing.B) {
	_, cfgs, floor := floorCloud(b)
	clients := [2]*awssqs.Client{awssqs.NewFromConfig(cfgs[0]), awssqs.NewFromConfig(cfgs[1])}
	urls := [2]*string{sqsQueue(b, clients[1], "floor"), sqsQueue(b, clients[1], "fake")}
	cycle := sqsCycle(clients, urls)
	warm(b, floor, cycle)
	alternate(b, cycle, floorNames0, floorNames1)
}

// BenchmarkFloor_SQSDrain is ReceiveMessage of 10 and DeleteMessageBatch
// of them, on a queue refilled (untimed, through the Go API) before each.
func BenchmarkFloor_SQSDrain(b *testing.B) {
	cloud, cfgs, floor := floorCloud(b)
	clients := [2]*awssqs.Client{awssqs.NewFromConfig(cfgs[0]), awssqs.NewFromConfig(cfgs[1])}
	urls := [2]*string{sqsQueue(b, clients[1], "floor"), sqsQueue(b, clients[1], "fake")}
	ctx := context.Background()
	entries := make([]sqs.SendMessageBatchRequestEntry, 10)
	for j := range entries {
		entries[j] = sqs.SendMessageBatchRequestEntry{Id: strconv.Itoa(j), MessageBody: msgBody}
	}
	refill := func(i int) {
		if _, err := cloud.SQS().SendMessageBatch(ctx, sqs.SendMessageBatchInput{QueueUrl: *urls[i], Entries: entries}); err != nil {
			b.Fatal(err)
		}
	}
	dels := make([]sqstypes.DeleteMessageBatchRequestEntry, 10)
	drain := func(i int) error {
		c, url := clients[i], urls[i]
		out, err := c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: url, MaxNumberOfMessages: 10})
		if err != nil {
			return err
		}
		dels = dels[:len(out.Messages)]
		for j, m := range out.Messages {
			dels[j] = sqstypes.DeleteMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(j)), ReceiptHandle: m.ReceiptHandle}
		}
		_, err = c.DeleteMessageBatch(ctx, &awssqs.DeleteMessageBatchInput{QueueUrl: url, Entries: dels})
		return err
	}
	refill(0)
	refill(1)
	warm(b, floor, drain)
	mean := alternatePrepared(b, func(i int) {
		if i == 1 {
			refill(i)
		}
	}, drain, floorNames0, floorNames1)
	b.ReportMetric(10e9/mean[0], "floor-msg/s")
	b.ReportMetric(10e9/mean[1], "fake-msg/s")
}

// BenchmarkFloor_LambdaInvoke is a warm synchronous Invoke of a Go handler
// that decodes a small event and returns it.
func BenchmarkFloor_LambdaInvoke(b *testing.B) {
	cloud, cfgs, floor := floorCloud(b)
	type event struct {
		ID    string `json:"id"`
		Count int    `json:"count"`
	}
	svc := cloud.Lambda()
	if err := svc.RegisterHandler("h", func(_ context.Context, e event) (event, error) { e.Count++; return e, nil }); err != nil {
		b.Fatal(err)
	}
	if _, err := svc.CreateFunction(context.Background(), lambda.CreateFunctionInput{FunctionName: "fn",
		Role: "arn:aws:iam::000000000000:role/r", Runtime: "provided.al2023", Handler: "h",
		Code: &lambda.FunctionCode{ZipFile: []byte("zip")}}); err != nil {
		b.Fatal(err)
	}
	clients := [2]*awslambda.Client{awslambda.NewFromConfig(cfgs[0]), awslambda.NewFromConfig(cfgs[1])}
	in := &awslambda.InvokeInput{FunctionName: aws.String("fn"), Payload: []byte(`{"id":"x","count":1}`)}
	invoke := func(i int) error {
		_, err := clients[i].Invoke(context.Background(), in)
		return err
	}
	warm(b, floor, invoke)
	alternate(b, invoke, floorNames0, floorNames1)
}

// BenchmarkFloor_S3PutGet64KiB is PutObject and GetObject of 64 KiB; the
// MB/s metrics count both bodies.
func BenchmarkFloor_S3PutGet64KiB(b *testing.B) {
	_, cfgs, floor := floorCloud(b)
	var clients [2]*s3.Client
	for i := range clients {
		clients[i] = s3.NewFromConfig(cfgs[i], func(o *s3.Options) { o.UsePathStyle = true })
	}
	buckets := [2]string{"floor", "fake"}
	for _, name := range buckets {
		createBucket(b, clients[1], name)
	}
	putGet := s3PutGet(clients, buckets)
	warm(b, floor, putGet)
	reportMiBs(b, alternatePrepared(b, nil, putGet, floorNames0, floorNames1))
}

// s3Body is the 64 KiB object of the S3 rows.
var s3Body = bytes.Repeat([]byte("0123456789abcdef"), 4<<10)

func createBucket(b *testing.B, c *s3.Client, name string) {
	b.Helper()
	if _, err := c.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(name)}); err != nil {
		b.Fatal(err)
	}
}

// s3PutGet is the S3 rows' call: PutObject and GetObject of s3Body.
func s3PutGet(clients [2]*s3.Client, buckets [2]string) func(i int) error {
	ctx := context.Background()
	return func(i int) error {
		c, bkt := clients[i], aws.String(buckets[i])
		if _, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: bkt, Key: aws.String("k"), Body: bytes.NewReader(s3Body)}); err != nil {
			return err
		}
		out, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: bkt, Key: aws.String("k")})
		if err != nil {
			return err
		}
		n, err := io.Copy(io.Discard, out.Body)
		_ = out.Body.Close()
		if err == nil && n != int64(len(s3Body)) {
			err = fmt.Errorf("got %d bytes", n)
		}
		return err
	}
}

// reportMiBs reports the S3 rows' throughput from the mean ns of a call,
// counting both bodies.
func reportMiBs(b *testing.B, mean [2]float64) {
	mb := float64(2*len(s3Body)) * 1e3 / (1 << 20) // bytes per op, in MiB, times ns per s
	b.ReportMetric(mb/mean[0]*1e6, "floor-MiB/s")
	b.ReportMetric(mb/mean[1]*1e6, "fake-MiB/s")
}

// sqsCycle is the SQS rows' call: SendMessage, ReceiveMessage and
// DeleteMessage.
func sqsCycle(clients [2]*awssqs.Client, urls [2]*string) func(i int) error {
	ctx := context.Background()
	return func(i int) error {
		c, url := clients[i], urls[i]
		if _, err := c.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: url, MessageBody: aws.String(msgBody)}); err != nil {
			return err
		}
		out, err := c.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: url})
		if err != nil {
			return err
		}
		if len(out.Messages) != 1 {
			return fmt.Errorf("received %d messages", len(out.Messages))
		}
		_, err = c.DeleteMessage(ctx, &awssqs.DeleteMessageInput{QueueUrl: url, ReceiptHandle: out.Messages[0].ReceiptHandle})
		return err
	}
}

// BenchmarkFloor_SNSToSQSEnveloped is Publish to a topic with one SQS
// subscription (enveloped, so signed), then ReceiveMessage and
// DeleteMessage of the delivered envelope.
func BenchmarkFloor_SNSToSQSEnveloped(b *testing.B) {
	cloud, cfgs, floor := floorCloud(b)
	ctx := context.Background()
	q := awssqs.NewFromConfig(cfgs[1])
	urls := [2]*string{sqsQueue(b, q, "floor"), sqsQueue(b, q, "fake")}
	n := awssns.NewFromConfig(cfgs[1])
	var topics [2]*string
	for i, name := range []string{"floor", "fake"} {
		t, err := n.CreateTopic(ctx, &awssns.CreateTopicInput{Name: aws.String(name)})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := n.Subscribe(ctx, &awssns.SubscribeInput{TopicArn: t.TopicArn, Protocol: aws.String("sqs"),
			Endpoint: aws.String("arn:aws:sqs:us-east-1:000000000000:" + name)}); err != nil {
			b.Fatal(err)
		}
		topics[i] = t.TopicArn
	}
	snsc := [2]*awssns.Client{awssns.NewFromConfig(cfgs[0]), n}
	sqsc := [2]*awssqs.Client{awssqs.NewFromConfig(cfgs[0]), q}
	deliver := func(i int) error {
		if _, err := snsc[i].Publish(ctx, &awssns.PublishInput{TopicArn: topics[i], Message: aws.String(msgBody)}); err != nil {
			return err
		}
		if err := cloud.Settle(ctx); err != nil {
			return err
		}
		out, err := sqsc[i].ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: urls[i]})
		if err != nil {
			return err
		}
		if len(out.Messages) != 1 {
			return fmt.Errorf("received %d messages", len(out.Messages))
		}
		_, err = sqsc[i].DeleteMessage(ctx, &awssqs.DeleteMessageInput{QueueUrl: urls[i], ReceiptHandle: out.Messages[0].ReceiptHandle})
		return err
	}
	warm(b, floor, deliver)
	alternate(b, deliver, floorNames0, floorNames1)
}

// BenchmarkFloor_SQSBytesAtRest sends 200,000 distinct 64-byte messages
// through the Go API and reads the live heap after a collection: the
// bytes each message costs at rest (the goal is at most 300).
func BenchmarkFloor_SQSBytesAtRest(b *testing.B) {
	cloud := awsfake.New()
	b.Cleanup(func() { _ = cloud.Close() })
	ctx := context.Background()
	api := cloud.SQS()
	q, err := api.CreateQueue(ctx, sqs.CreateQueueInput{QueueName: "rest"})
	if err != nil {
		b.Fatal(err)
	}
	const n = 200_000
	entries := make([]sqs.SendMessageBatchRequestEntry, 10)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := 0; i < n; i += 10 {
		for j := range entries {
			entries[j] = sqs.SendMessageBatchRequestEntry{Id: strconv.Itoa(j), MessageBody: fmt.Sprintf("%064d", i+j)}
		}
		if _, err := api.SendMessageBatch(ctx, sqs.SendMessageBatchInput{QueueUrl: q.QueueUrl, Entries: entries}); err != nil {
			b.Fatal(err)
		}
	}
	clear(entries)
	runtime.GC()
	runtime.ReadMemStats(&after)
	for b.Loop() {
	}
	perMsg := float64(after.HeapAlloc-before.HeapAlloc) / n
	b.ReportMetric(perMsg, "B/msg")
	b.ReportMetric(perMsg-64, "B/msg-beyond-body")
	runtime.KeepAlive(api)
}

var _ http.Handler = (*canned)(nil)
