package main

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
)

// fanOut: a topic with two queue subscriptions, one raw and one with a
// filter policy on a message attribute, which gets SNS's JSON envelope.
func (a *app) fanOut(ctx context.Context) error {
	a.printf("# SNS fan-out with a filter policy")
	topics := sns.NewFromConfig(a.cloud.AWSConfig())
	topic, err := topics.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("orders")})
	if err != nil {
		return err
	}
	allURL, allARN, err := a.queue(ctx, "all-orders", nil)
	if err != nil {
		return err
	}
	bigURL, bigARN, err := a.queue(ctx, "big-orders", nil)
	if err != nil {
		return err
	}
	for _, sub := range []struct {
		arn   string
		attrs map[string]string
	}{
		{allARN, map[string]string{"RawMessageDelivery": "true"}},
		{bigARN, map[string]string{"FilterPolicy": `{"size":["big"]}`}},
	} {
		if _, err := topics.Subscribe(ctx, &sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("sqs"),
			Endpoint: aws.String(sub.arn), Attributes: sub.attrs}); err != nil {
			return err
		}
	}
	for _, size := range []string{"small", "big"} {
		if _, err := topics.Publish(ctx, &sns.PublishInput{TopicArn: topic.TopicArn, Message: aws.String("a " + size + " order"),
			MessageAttributes: map[string]snstypes.MessageAttributeValue{
				"size": {DataType: aws.String("String"), StringValue: aws.String(size)}}}); err != nil {
			return err
		}
	}
	if err := a.cloud.Settle(ctx); err != nil {
		return err
	}
	all, err := a.drain(ctx, allURL)
	if err != nil {
		return err
	}
	a.printf("all-orders (raw): %q", all)
	big, err := a.drain(ctx, bigURL)
	if err != nil {
		return err
	}
	for _, body := range big {
		var env struct{ Type, Message, SignatureVersion string }
		if err := json.Unmarshal([]byte(body), &env); err != nil {
			return err
		}
		a.printf("big-orders (filtered, enveloped): %s %q, signature version %s", env.Type, env.Message, env.SignatureVersion)
	}
	return nil
}
