package sqs_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/sqs"
)

func TestMessages_SnapshotsStateTimesAndReceiveCounts(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	id := f.send(t, url, "in flight")
	f.clk.Advance(time.Second)
	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("delayed"), DelaySeconds: 60,
		MessageAttributes: map[string]types.MessageAttributeValue{"k": strAttr("v")}})
	require.NoError(t, err)
	require.Len(t, f.receive(t, url), 1)
	f.send(t, url, "visible")

	msgs, err := f.cloud.SQS().Messages(url)
	require.NoError(t, err)
	require.Len(t, msgs, 3)
	assert.Equal(t, sqs.MessageSnapshot{MessageId: id, Body: "in flight", State: sqs.StateInFlight,
		VisibleAt: t0.Add(31 * time.Second), SentAt: t0, ReceiveCount: 1, FirstReceivedAt: t0.Add(time.Second)}, msgs[0])
	assert.Equal(t, sqs.StateDelayed, msgs[1].State)
	assert.Equal(t, t0.Add(61*time.Second), msgs[1].VisibleAt)
	assert.Equal(t, map[string]sqs.MessageAttributeValue{"k": {DataType: "String", StringValue: "v"}}, msgs[1].MessageAttributes)
	assert.Equal(t, sqs.StateVisible, msgs[2].State)
	assert.True(t, msgs[2].VisibleAt.IsZero())

	msgs[1].MessageAttributes["k"] = sqs.MessageAttributeValue{DataType: "String", StringValue: "changed"}
	again, _ := f.cloud.SQS().Messages(url)
	assert.Equal(t, "v", again[1].MessageAttributes["k"].StringValue, "snapshots are copies")

	_, err = f.cloud.SQS().Messages("http://awsfake.localhost/000000000000/missing")
	require.Error(t, err)
}

// recorder is a testing.TB that records failures instead of failing the
// test, to check what the Check helpers report.
type recorder struct {
	testing.TB
	failures []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) { r.Errorf(format, args...) }

func TestCheckDepth_ReportsTheThreeCountsAtTheCurrentInstant(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.send(t, url, "a")
	f.send(t, url, "b")
	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("later"), DelaySeconds: 10})
	require.NoError(t, err)
	require.Len(t, f.receive(t, url), 2)
	api := f.cloud.SQS()
	api.CheckDepth(t, url, 0, 2, 1)
	f.clk.Advance(10 * time.Second)
	api.CheckDepth(t, url, 1, 2, 0) // the delay ended; no call brought the queue up to date
	f.clk.Advance(20 * time.Second)
	api.CheckDepth(t, url, 3, 0, 0)

	r := &recorder{TB: t}
	api.CheckDepth(r, url, 2, 0, 0)
	api.CheckDepth(r, "http://awsfake.localhost/000000000000/missing", 0, 0, 0)
	assert.Equal(t, []string{
		"sqs.CheckDepth(" + url + "): 3 visible, 0 in flight, 0 delayed; want 2, 0, 0",
		"sqs.CheckDepth(http://awsfake.localhost/000000000000/missing): QueueDoesNotExist: The specified queue does not exist.",
	}, r.failures)
}

func TestCheckMessage_FindsAMessageByBodyWithoutReceivingIt(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	f.send(t, url, "a")
	id := f.send(t, url, "b")
	api := f.cloud.SQS()
	m := api.CheckMessage(t, url, "b")
	assert.Equal(t, id, m.MessageId)
	assert.Equal(t, sqs.StateVisible, m.State)
	api.CheckDepth(t, url, 2, 0, 0)

	r := &recorder{TB: t}
	api.CheckMessage(r, url, "c")
	assert.Equal(t, []string{`sqs.CheckMessage(` + url + `): no message with body "c"; the queue holds ["a" "b"]`}, r.failures)
}

// printTB stands for a test's *testing.T in the examples: it prints what
// a Check helper reports.
type printTB struct{ testing.TB }

func (printTB) Helper()                           {}
func (printTB) Errorf(format string, args ...any) { fmt.Printf(format+"\n", args...) }
func (printTB) Fatalf(format string, args ...any) { fmt.Printf(format+"\n", args...) }

// CheckDepth asserts a queue's visible, in-flight and delayed counts at the
// clock's current instant; in a test, pass its *testing.T.
func ExampleService_CheckDepth() {
	ctx := context.Background()
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	api := cloud.SQS()
	q, _ := api.CreateQueue(ctx, sqs.CreateQueueInput{QueueName: "jobs"})
	delay := int32(30)
	_, _ = api.SendMessage(ctx, sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: "now"})
	_, _ = api.SendMessage(ctx, sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: "later", DelaySeconds: &delay})

	var t printTB
	api.CheckDepth(t, q.QueueUrl, 1, 0, 1) // passes: prints nothing
	clk.Advance(30 * time.Second)
	api.CheckDepth(t, q.QueueUrl, 1, 0, 1)
	// Output:
	// sqs.CheckDepth(http://awsfake.localhost/000000000000/jobs): 2 visible, 0 in flight, 0 delayed; want 1, 0, 1
}

// CheckMessage finds a message by body, in any state, without receiving it.
func ExampleService_CheckMessage() {
	ctx := context.Background()
	cloud := awsfake.New()
	defer cloud.Close()
	api := cloud.SQS()
	q, _ := api.CreateQueue(ctx, sqs.CreateQueueInput{QueueName: "jobs"})
	_, _ = api.SendMessage(ctx, sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: "hello"})

	var t printTB
	m := api.CheckMessage(t, q.QueueUrl, "hello")
	fmt.Println(m.State, m.ReceiveCount)
	// Output:
	// Visible 0
}
