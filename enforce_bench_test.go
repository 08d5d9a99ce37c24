package awsfake_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// benchmarkSend measures an SDK SendMessage through the in-memory
// transport, signed with the test keys (the root user) or an IAM user's
// keys whose policy allows it, with enforcement on or off: issue 17 asks
// at most 1.3x the cost with enforcement on.
func benchmarkSend(b *testing.B, enforce, user bool) {
	opts := []awsfake.Option{awsfake.WithClock(clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)))}
	if enforce {
		opts = append(opts, awsfake.WithIAMEnforcement())
	}
	cloud := awsfake.New(opts...)
	b.Cleanup(func() { _ = cloud.Close() })
	cfg := cloud.AWSConfig()
	if user {
		cfg = enforcedUser(b, cloud, "bench")
		attach(b, cloud, "bench", "arn:aws:iam::aws:policy/AmazonSQSFullAccess")
	}
	client := sqs.NewFromConfig(cfg)
	ctx := context.Background()
	q, err := sqs.NewFromConfig(cloud.AWSConfig()).CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("bench")})
	if err != nil {
		b.Fatal(err)
	}
	in := &sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String(`{"orderId":"0f8fad5b","amount":1234}`)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.SendMessage(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEnforcement_SendMessageOff(b *testing.B)     { benchmarkSend(b, false, false) }
func BenchmarkEnforcement_SendMessageOnRoot(b *testing.B)  { benchmarkSend(b, true, false) }
func BenchmarkEnforcement_SendMessageOffUser(b *testing.B) { benchmarkSend(b, false, true) }
func BenchmarkEnforcement_SendMessageOnUser(b *testing.B)  { benchmarkSend(b, true, true) }
