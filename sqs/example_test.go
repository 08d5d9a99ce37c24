package sqs_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/sqs"
)

// The real SDK client against the fake, with time travel: a message not
// deleted comes back when its visibility timeout ends.
func Example() {
	ctx := context.Background()
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	client := awssqs.NewFromConfig(cloud.AWSConfig())

	q, _ := client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("orders"),
		Attributes: map[string]string{"VisibilityTimeout": "30"}})
	_, _ = client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("order #1")})

	first, _ := client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl})
	fmt.Println("received:", *first.Messages[0].Body)

	clk.Advance(29 * time.Second)
	none, _ := client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl})
	fmt.Println("29 s later:", len(none.Messages), "messages")

	clk.Advance(time.Second)
	again, _ := client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl,
		MessageSystemAttributeNames: []types.MessageSystemAttributeName{types.MessageSystemAttributeNameApproximateReceiveCount}})
	fmt.Println("30 s later:", *again.Messages[0].Body, "received", again.Messages[0].Attributes["ApproximateReceiveCount"], "times")
	// Output:
	// received: order #1
	// 29 s later: 0 messages
	// 30 s later: order #1 received 2 times
}

// Snapshots show each message's state and when it changes.
func ExampleService_Messages() {
	ctx := context.Background()
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	api := cloud.SQS()

	q, _ := api.CreateQueue(ctx, sqs.CreateQueueInput{QueueName: "jobs"})
	delay := int32(60)
	_, _ = api.SendMessage(ctx, sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: "later", DelaySeconds: &delay})
	_, _ = api.SendMessage(ctx, sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: "now"})
	_, _ = api.ReceiveMessage(ctx, sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl})

	msgs, _ := api.Messages(q.QueueUrl)
	for _, m := range msgs {
		fmt.Println(m.Body, m.State, m.VisibleAt.Format(time.TimeOnly), m.ReceiveCount)
	}
	// Output:
	// later Delayed 00:01:00 0
	// now InFlight 00:00:30 1
}

// InjectFault makes the SDK see AWS's typed error.
func ExampleService_InjectFault() {
	ctx := context.Background()
	cloud := awsfake.New()
	defer cloud.Close()
	client := awssqs.NewFromConfig(cloud.AWSConfig())
	q, _ := client.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("q")})

	cloud.SQS().InjectFault("SendMessage", "QueueDoesNotExist", 1)
	_, err := client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("m")})
	var missing *types.QueueDoesNotExist
	fmt.Println(errors.As(err, &missing), missing.ErrorCode())
	_, err = client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("m")})
	fmt.Println(err)
	// Output:
	// true AWS.SimpleQueueService.NonExistentQueue
	// <nil>
}

// Notify tells a poller when a message may have become receivable: at
// once for a send, and on the clock when a delay or visibility timeout ends
// (the cloud's scheduler calls it then; Settle waits for it).
func ExampleService_Notify() {
	ctx := context.Background()
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	api := cloud.SQS()
	q, _ := api.CreateQueue(ctx, sqs.CreateQueueInput{QueueName: "q"})

	cancel, _ := api.Notify(q.QueueUrl, func() { fmt.Println("wake up at", clk.Now().Format(time.TimeOnly)) })
	defer cancel()
	delay := int32(10)
	_, _ = api.SendMessage(ctx, sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: "now"})
	_, _ = api.SendMessage(ctx, sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: "later", DelaySeconds: &delay})
	clk.Advance(10 * time.Second)
	_ = cloud.Settle(ctx)
	// Output:
	// wake up at 00:00:00
	// wake up at 00:00:10
}

// The poller path is what Lambda's SQS event source mappings use, by queue
// ARN: it watches the ARN even before the queue exists, and its calls stay
// out of Calls.
func ExampleService_PollerReceive() {
	ctx := context.Background()
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))))
	defer cloud.Close()
	api := cloud.SQS()
	const arn = "arn:aws:sqs:us-east-1:000000000000:jobs"

	cancel, _ := api.PollerNotify(arn, func() {
		msgs, _ := api.PollerReceive(arn, 10)
		var handles []string
		for _, m := range msgs {
			fmt.Println("got", m.Body)
			handles = append(handles, m.ReceiptHandle)
		}
		fmt.Println("delete:", api.PollerDelete(arn, handles))
	})
	defer cancel()
	q, _ := api.CreateQueue(ctx, sqs.CreateQueueInput{QueueName: "jobs"})
	_, _ = api.SendMessage(ctx, sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: "job 1"})
	for _, c := range api.Calls() {
		fmt.Println("call", c.Operation)
	}
	// Output:
	// got job 1
	// delete: <nil>
	// call CreateQueue
	// call SendMessage
}
