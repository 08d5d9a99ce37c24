package eventbridge_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// A scheduled rule on the fake clock: a week of Advance, five weekday
// firings delivered to a queue.
func Example() {
	ctx := context.Background()
	clk := clock.NewFake(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)) // a Monday
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	eb := awseb.NewFromConfig(cloud.AWSConfig())
	sqs := awssqs.NewFromConfig(cloud.AWSConfig())

	q, _ := sqs.CreateQueue(ctx, &awssqs.CreateQueueInput{QueueName: aws.String("ticks"),
		Attributes: map[string]string{"MessageRetentionPeriod": "1209600"}}) // 14 days: the week's messages are all kept
	queueARN := "arn:aws:sqs:us-east-1:000000000000:ticks"
	_, _ = eb.PutRule(ctx, &awseb.PutRuleInput{Name: aws.String("noon"), ScheduleExpression: aws.String("cron(0 12 ? * MON-FRI *)")})
	_, _ = eb.PutTargets(ctx, &awseb.PutTargetsInput{Rule: aws.String("noon"), Targets: []ebtypes.Target{{
		Id: aws.String("q"), Arn: &queueARN, InputTransformer: &ebtypes.InputTransformer{
			InputPathsMap: map[string]string{"t": "$.time"}, InputTemplate: aws.String(`"noon at <t>"`)}}}})

	for range 7 {
		clk.Advance(24 * time.Hour)
		_ = cloud.Settle(ctx)
	}
	var bodies []string
	for range 10 { // a standard queue answers a sample of its messages
		got, _ := sqs.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, MaxNumberOfMessages: 10})
		for _, m := range got.Messages {
			bodies = append(bodies, *m.Body)
			_, _ = sqs.DeleteMessage(ctx, &awssqs.DeleteMessageInput{QueueUrl: q.QueueUrl, ReceiptHandle: m.ReceiptHandle})
		}
	}
	slices.Sort(bodies)
	fmt.Println(strings.Join(bodies, "\n"))
	// Output:
	// "noon at 2026-11-30T12:00:00Z"
	// "noon at 2026-12-01T12:00:00Z"
	// "noon at 2026-12-02T12:00:00Z"
	// "noon at 2026-12-03T12:00:00Z"
	// "noon at 2026-12-04T12:00:00Z"
}
