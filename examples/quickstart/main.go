// Quickstart builds a fake AWS cloud in memory, talks to it with the real
// aws-sdk-go-v2 clients, and travels in time with a fake clock: an SQS message
// sent with a delay appears when the delay has passed and reappears when its
// visibility timeout ends; temporary STS credentials work until the instant
// they expire.
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run plays the scenarios and prints what happened to w.
func run(ctx context.Context, w io.Writer) error {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk), awsfake.WithAccountID("123456789012"))
	defer cloud.Close()
	if err := queue(ctx, w, cloud, clk); err != nil {
		return err
	}
	return credentialsExpire(ctx, w, cloud, clk)
}

// queue sends a delayed message, then receives it twice: once the delay has
// passed, and again once its visibility timeout has ended.
func queue(ctx context.Context, w io.Writer, cloud *awsfake.Cloud, clk *clock.Fake) error {
	client := sqs.NewFromConfig(cloud.AWSConfig()) // the real client, served in memory
	q, err := client.CreateQueue(ctx, &sqs.CreateQueueInput{
		QueueName:  aws.String("jobs"),
		Attributes: map[string]string{"VisibilityTimeout": "30"},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s  created %s\n", clk.Now().Format(time.TimeOnly), aws.ToString(q.QueueUrl))
	if _, err := client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl: q.QueueUrl, MessageBody: aws.String("hello"), DelaySeconds: 10,
	}); err != nil {
		return err
	}
	fmt.Fprintf(w, "%s  sent \"hello\" with a 10s delay\n", clk.Now().Format(time.TimeOnly))

	for _, step := range []time.Duration{0, 10 * time.Second, 0, 30 * time.Second} {
		clk.Advance(step) // time travel: no waiting
		out, err := client.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{
			QueueUrl:                    q.QueueUrl,
			MessageSystemAttributeNames: []types.MessageSystemAttributeName{types.MessageSystemAttributeNameApproximateReceiveCount},
		})
		if err != nil {
			return err
		}
		if len(out.Messages) == 0 {
			fmt.Fprintf(w, "%s  received nothing\n", clk.Now().Format(time.TimeOnly))
			continue
		}
		m := out.Messages[0]
		fmt.Fprintf(w, "%s  received %q, receive count %s\n", clk.Now().Format(time.TimeOnly),
			aws.ToString(m.Body), m.Attributes["ApproximateReceiveCount"])
	}
	return nil
}

// credentialsExpire assumes a role for 15 minutes and calls STS with its
// credentials just before and exactly at their expiration.
func credentialsExpire(ctx context.Context, w io.Writer, cloud *awsfake.Cloud, clk *clock.Fake) error {
	client := sts.NewFromConfig(cloud.AWSConfig())

	id, err := client.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s  caller %s\n", clk.Now().Format(time.TimeOnly), aws.ToString(id.Arn))

	role, err := client.AssumeRole(ctx, &sts.AssumeRoleInput{
		RoleArn:         aws.String("arn:aws:iam::123456789012:role/deployer"),
		RoleSessionName: aws.String("quickstart"),
		DurationSeconds: aws.Int32(900), // the shortest session AWS allows
	})
	if err != nil {
		return err
	}
	c := role.Credentials
	fmt.Fprintf(w, "%s  assumed %s until %s\n", clk.Now().Format(time.TimeOnly),
		aws.ToString(role.AssumedRoleUser.Arn), aws.ToTime(c.Expiration).Format(time.TimeOnly))

	cfg := cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(
		aws.ToString(c.AccessKeyId), aws.ToString(c.SecretAccessKey), aws.ToString(c.SessionToken))
	asRole := sts.NewFromConfig(cfg)

	for _, step := range []time.Duration{14*time.Minute + 59*time.Second, time.Second} {
		clk.Advance(step) // time travel: no waiting
		id, err := asRole.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
		var apiErr smithy.APIError
		switch {
		case errors.As(err, &apiErr):
			fmt.Fprintf(w, "%s  as the role: %s: %s\n", clk.Now().Format(time.TimeOnly), apiErr.ErrorCode(), apiErr.ErrorMessage())
		case err != nil:
			return err
		default:
			fmt.Fprintf(w, "%s  as the role: caller %s\n", clk.Now().Format(time.TimeOnly), aws.ToString(id.Arn))
		}
	}
	return nil
}
