// Pipeline runs a whole event-driven application against a fake cloud, on a
// fake clock, with the real aws-sdk-go-v2 clients and handlers written
// against aws-lambda-go:
//
//   - S3 → SQS → Lambda: an upload notifies a queue, an event source mapping
//     hands the batch to a handler that reports one item failed
//     (ReportBatchItemFailures), and that item comes back after its
//     visibility timeout;
//
//   - SNS fan-out with a filter policy, to a raw and an enveloped queue;
//
//   - an asynchronous invoke that fails, retried on the clock, its record
//     sent to an OnFailure destination;
//
//   - a dead-letter queue after maxReceiveCount.
//
//     go run ./examples/pipeline
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

const role = "arn:aws:iam::000000000000:role/pipeline"

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// app is the cloud, its clock and the output of one run.
type app struct {
	cloud *awsfake.Cloud
	clk   *clock.Fake
	sqs   *sqs.Client
	w     io.Writer
}

// printf writes one line stamped with the cloud's time.
func (a *app) printf(format string, args ...any) {
	fmt.Fprintf(a.w, "%s  %s\n", a.clk.Now().Format(time.TimeOnly), fmt.Sprintf(format, args...))
}

// run plays the four scenarios on one cloud.
func run(ctx context.Context, w io.Writer) error {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk), awsfake.WithSeed(7))
	defer cloud.Close()
	a := &app{cloud: cloud, clk: clk, sqs: sqs.NewFromConfig(cloud.AWSConfig()), w: w}
	for _, scenario := range []func(context.Context) error{a.uploads, a.fanOut, a.asyncFailure, a.deadLetters} {
		if err := scenario(ctx); err != nil {
			return err
		}
	}
	return nil
}

// queue creates a queue and returns its URL and ARN.
func (a *app) queue(ctx context.Context, name string, attrs map[string]string) (string, string, error) {
	q, err := a.sqs.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String(name), Attributes: attrs})
	if err != nil {
		return "", "", err
	}
	got, err := a.sqs.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: q.QueueUrl,
		AttributeNames: []types.QueueAttributeName{types.QueueAttributeNameQueueArn}})
	if err != nil {
		return "", "", err
	}
	return aws.ToString(q.QueueUrl), got.Attributes["QueueArn"], nil
}

// drain receives what a queue holds now, deleting it, and returns the bodies.
func (a *app) drain(ctx context.Context, url string) ([]string, error) {
	var bodies []string
	for {
		out, err := a.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(url), MaxNumberOfMessages: 10})
		if err != nil || len(out.Messages) == 0 {
			return bodies, err
		}
		for _, m := range out.Messages {
			bodies = append(bodies, aws.ToString(m.Body))
			if _, err := a.sqs.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: aws.String(url), ReceiptHandle: m.ReceiptHandle}); err != nil {
				return nil, err
			}
		}
	}
}
