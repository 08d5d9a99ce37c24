package sns_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/sns"
	"github.com/awsfake/awsfake/sqs"
)

// benchTopic makes a topic with n raw SQS subscriptions (each to its own
// queue ARN; deliveries go through the bus to the SQS engine) and returns
// the Go API and the topic.
func benchTopic(b *testing.B, n int, raw bool, filter string) (*awsfake.Cloud, string) {
	b.Helper()
	cloud := awsfake.NewT(b)
	ctx := context.Background()
	topic, err := cloud.SNS().CreateTopic(ctx, sns.CreateTopicInput{Name: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		name := fmt.Sprint("q", i)
		if _, err := cloud.SQS().CreateQueue(ctx, sqs.CreateQueueInput{QueueName: name}); err != nil {
			b.Fatal(err)
		}
		attrs := map[string]string{"RawMessageDelivery": fmt.Sprint(raw)}
		if filter != "" {
			attrs["FilterPolicy"] = filter
		}
		if _, err := cloud.SNS().Subscribe(ctx, sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: "sqs",
			Endpoint: "arn:aws:sqs:us-east-1:000000000000:" + name, Attributes: attrs}); err != nil {
			b.Fatal(err)
		}
	}
	return cloud, topic.TopicArn
}

func benchPublish(b *testing.B, subs int, raw bool, filter string) {
	cloud, topic := benchTopic(b, subs, raw, filter)
	ctx := context.Background()
	in := sns.PublishInput{TopicArn: topic, Message: "hello", MessageAttributes: map[string]sns.MessageAttributeValue{
		"kind": {DataType: "String", StringValue: "order"}}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := cloud.SNS().Publish(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
	if err := cloud.Settle(ctx); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkPublish_NoSubscribers(b *testing.B)        { benchPublish(b, 0, true, "") }
func BenchmarkPublish_OneRawSQS(b *testing.B)            { benchPublish(b, 1, true, "") }
func BenchmarkPublish_TenRawSQS(b *testing.B)            { benchPublish(b, 10, true, "") }
func BenchmarkPublish_OneSignedEnvelopeSQS(b *testing.B) { benchPublish(b, 1, false, "") }
func BenchmarkPublish_TenFilteredOut(b *testing.B) {
	benchPublish(b, 10, true, `{"kind":[{"anything-but":"order"}]}`)
}

// BenchmarkPublish_SDK is a publish through the real SDK client and the wire.
func BenchmarkPublish_SDK(b *testing.B) {
	cloud, topic := benchTopic(b, 1, true, "")
	client := awssns.NewFromConfig(cloud.AWSConfig())
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := client.Publish(ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("hello")}); err != nil {
			b.Fatal(err)
		}
	}
	if err := cloud.Settle(ctx); err != nil {
		b.Fatal(err)
	}
}
