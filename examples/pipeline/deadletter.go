package main

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// deadLetters: a message received twice and never deleted moves to the
// dead-letter queue at its third receive (maxReceiveCount 2).
func (a *app) deadLetters(ctx context.Context) error {
	a.printf("# a dead-letter queue after maxReceiveCount")
	dlqURL, dlqARN, err := a.queue(ctx, "jobs-dlq", nil)
	if err != nil {
		return err
	}
	url, _, err := a.queue(ctx, "jobs", map[string]string{"VisibilityTimeout": "10",
		"RedrivePolicy": fmt.Sprintf(`{"deadLetterTargetArn":%q,"maxReceiveCount":"2"}`, dlqARN)})
	if err != nil {
		return err
	}
	if _, err := a.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String("poison")}); err != nil {
		return err
	}
	for range 3 {
		out, err := a.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(url),
			MessageSystemAttributeNames: []types.MessageSystemAttributeName{types.MessageSystemAttributeNameApproximateReceiveCount}})
		if err != nil {
			return err
		}
		if len(out.Messages) == 0 {
			a.printf("jobs: nothing to receive")
		} else {
			a.printf("jobs: received %q (receive %s), not deleted", aws.ToString(out.Messages[0].Body),
				out.Messages[0].Attributes["ApproximateReceiveCount"])
		}
		a.clk.Advance(10 * time.Second) // its visibility timeout ends
	}
	dead, err := a.drain(ctx, dlqURL)
	a.printf("jobs-dlq: %q", dead)
	return err
}
