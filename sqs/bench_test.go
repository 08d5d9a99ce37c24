package sqs_test

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"net/http"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/servicetest"
	"github.com/awsfake/awsfake/sqs"
)

// body is a typical small message.
const body = `{"orderId":"0f8fad5b-d9cb-469f-a165-70867728950e","amount":1234,"currency":"EUR","items":3}`

func benchQueue(b *testing.B) (*sqs.Service, string) {
	b.Helper()
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)))
	b.Cleanup(func() { _ = cloud.Close() })
	api := cloud.SQS()
	out, err := api.CreateQueue(context.Background(), sqs.CreateQueueInput{QueueName: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	return api, out.QueueUrl
}

// fill sends n messages in batches of 10.
func fill(b *testing.B, api *sqs.Service, url string, n int) {
	b.Helper()
	entries := make([]sqs.SendMessageBatchRequestEntry, 10)
	for i := range entries {
		entries[i] = sqs.SendMessageBatchRequestEntry{Id: strconv.Itoa(i), MessageBody: body}
	}
	for i := 0; i < n; i += 10 {
		k := min(10, n-i)
		if _, err := api.SendMessageBatch(context.Background(), sqs.SendMessageBatchInput{QueueUrl: url, Entries: entries[:k]}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEngine_SendMessage(b *testing.B) {
	api, url := benchQueue(b)
	in := sqs.SendMessageInput{QueueUrl: url, MessageBody: body}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := api.SendMessage(context.Background(), in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEngine_ReceiveMessage(b *testing.B) {
	api, url := benchQueue(b)
	fill(b, api, url, b.N)
	in := sqs.ReceiveMessageInput{QueueUrl: url, WaitTimeSeconds: aws.Int32(0)}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if out, err := api.ReceiveMessage(context.Background(), in); err != nil || len(out.Messages) != 1 {
			b.Fatal(err)
		}
	}
}

func BenchmarkEngine_DeleteMessage(b *testing.B) {
	api, url := benchQueue(b)
	fill(b, api, url, b.N)
	handles := make([]string, 0, b.N)
	ten := aws.Int32(10)
	for len(handles) < b.N {
		out, err := api.ReceiveMessage(context.Background(), sqs.ReceiveMessageInput{QueueUrl: url, MaxNumberOfMessages: ten})
		if err != nil {
			b.Fatal(err)
		}
		for _, m := range out.Messages {
			handles = append(handles, m.ReceiptHandle)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if err := api.DeleteMessage(context.Background(), sqs.DeleteMessageInput{QueueUrl: url, ReceiptHandle: handles[i]}); err != nil {
			b.Fatal(err)
		}
	}
}

// A batch of 10 costs one lock and one queue lookup; each entry is checked
// and stored as SendMessage would.
func BenchmarkEngine_SendMessageBatch(b *testing.B) {
	api, url := benchQueue(b)
	entries := make([]sqs.SendMessageBatchRequestEntry, 10)
	for i := range entries {
		entries[i] = sqs.SendMessageBatchRequestEntry{Id: strconv.Itoa(i), MessageBody: body}
	}
	in := sqs.SendMessageBatchInput{QueueUrl: url, Entries: entries}
	b.ReportAllocs()
	for b.Loop() {
		if out, err := api.SendMessageBatch(context.Background(), in); err != nil || len(out.Successful) != 10 {
			b.Fatal(err)
		}
	}
}

// cycle sends one message, receives one and deletes it: the queue's depth
// stays what it was.
func cycle(b *testing.B, api *sqs.Service, url string) {
	ctx := context.Background()
	if _, err := api.SendMessage(ctx, sqs.SendMessageInput{QueueUrl: url, MessageBody: body}); err != nil {
		b.Fatal(err)
	}
	out, err := api.ReceiveMessage(ctx, sqs.ReceiveMessageInput{QueueUrl: url, WaitTimeSeconds: aws.Int32(0)})
	if err != nil || len(out.Messages) != 1 {
		b.Fatal(err)
	}
	if err := api.DeleteMessage(ctx, sqs.DeleteMessageInput{QueueUrl: url, ReceiptHandle: out.Messages[0].ReceiptHandle}); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkEngine_FullCycle(b *testing.B) {
	api, url := benchQueue(b)
	b.ReportAllocs()
	for b.Loop() {
		cycle(b, api, url)
	}
}

// BenchmarkCycleAtDepth runs the send-receive-delete cycle on a queue that
// holds 10 or 1,000,000 messages at rest: the cost must not grow with the
// depth (no scans; heaps by time and arrival).
func BenchmarkCycleAtDepth(b *testing.B) {
	for _, depth := range []int{10, 1_000_000} {
		b.Run(strconv.Itoa(depth), func(b *testing.B) {
			if depth > 10 && testing.Short() {
				b.Skip("fills a queue with a million messages")
			}
			api, url := benchQueue(b)
			fill(b, api, url, depth)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				cycle(b, api, url)
			}
		})
	}
}

// BenchmarkMemoryAtRest reports the heap held per message stored, for
// messages with distinct bodies the size of the typical one above, sent as
// the wire would hand them over (each body its own allocation).
func BenchmarkMemoryAtRest(b *testing.B) {
	api, url := benchQueue(b)
	const n = 200_000
	ctx := context.Background()
	entries := make([]sqs.SendMessageBatchRequestEntry, 10)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := 0; i < n; i += 10 {
		for j := range entries {
			entries[j] = sqs.SendMessageBatchRequestEntry{Id: strconv.Itoa(j), MessageBody: body[:len(body)-8] + strconv.Itoa(10_000_000+i+j)}
		}
		if _, err := api.SendMessageBatch(ctx, sqs.SendMessageBatchInput{QueueUrl: url, Entries: entries}); err != nil {
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
	b.ReportMetric(perMsg-float64(len(body)), "B/msg-beyond-body")
	runtime.KeepAlive(api)
}

// BenchmarkSDKSendMessage compares the real SDK's SendMessage served by the
// fake (dispatch, JSON decode, engine, JSON encode) with the same call served
// by a handler that returns a canned response, through the same in-memory
// transport. The two calls alternate within each iteration, so that the
// noise of a shared machine falls on both alike; the metrics are the time of
// each and their ratio, which must stay at most 1.25.
func BenchmarkSDKSendMessage(b *testing.B) {
	sum := md5.Sum([]byte(body))
	canned := servicetest.Canned{Header: http.Header{"Content-Type": {"application/x-amz-json-1.0"},
		"X-Amzn-Requestid": {"00000000-0000-4000-8000-000000000000"}}, Body: []byte(`{"MD5OfMessageBody":"` + hex.EncodeToString(sum[:]) +
		`","MessageId":"4ed8d9f8-9d5a-4bd1-9b9c-4a8a4c1d2f33"}`)}
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)))
	b.Cleanup(func() { _ = cloud.Close() })
	q, err := cloud.SQS().CreateQueue(context.Background(), sqs.CreateQueueInput{QueueName: "sdk"})
	if err != nil {
		b.Fatal(err)
	}
	in := &awssqs.SendMessageInput{QueueUrl: &q.QueueUrl, MessageBody: aws.String(body)}
	clientOf := func(h http.Handler) *awssqs.Client {
		cfg := cloud.AWSConfig()
		cfg.HTTPClient = &http.Client{Transport: servicetest.InMemory{Handler: h}}
		return awssqs.NewFromConfig(cfg)
	}
	clients := [2]*awssqs.Client{clientOf(cloud.Handler()), clientOf(canned)}
	var spent [2]time.Duration
	b.ReportAllocs()
	for b.Loop() {
		for i, c := range clients {
			start := time.Now()
			if _, err := c.SendMessage(context.Background(), in); err != nil {
				b.Fatal(err)
			}
			spent[i] += time.Since(start)
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(spent[0].Nanoseconds())/n, "fake-ns/call")
	b.ReportMetric(float64(spent[1].Nanoseconds())/n, "canned-ns/call")
	b.ReportMetric(float64(spent[0])/float64(spent[1]), "ratio")
}
